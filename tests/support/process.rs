//! The real `tunegate run` binary as a child process against the fake Discord: start it on a
//! database, wait until it is connected, kill it (SIGKILL) or stop it (SIGTERM).

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use super::bot::WAIT;
use super::fake_discord::*;

/// A copy of the `tunegate` binary in `dir`, for tests that start it many times: a `cargo
/// build` sharing the target directory (another worktree, another branch) may replace
/// `target/debug/tunegate` while a long test runs, and every restart must run the same code.
pub fn private_binary(dir: &Path) -> PathBuf {
    let copy = dir.join("tunegate-under-test");
    std::fs::copy(env!("CARGO_BIN_EXE_tunegate"), &copy).expect("copy the tunegate binary");
    copy
}

/// A running `tunegate run` process. Killed if dropped.
pub struct BotProcess {
    child: tokio::process::Child,
}

/// The environment that points the binary at `fake` and the database `db_url`, with the chat
/// cooldowns off so that every proposal opens a walkthrough.
pub fn bot_env(fake: &FakeDiscord, db_url: &str, token: &str) -> Vec<(String, String)> {
    [
        ("DISCORD_TOKEN", token.to_string()),
        ("DISCORD_API_BASE", fake.api_base()),
        ("DATABASE_URL", db_url.to_string()),
        ("TUNEGATE_DISCORD__DEV_GUILD_ID", GUILD_ID.to_string()),
        ("TUNEGATE_DISCORD__CHANNEL_COOLDOWN_SECS", "0".to_string()),
        ("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "0".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

impl BotProcess {
    /// Starts `binary run` in `dir` with `env` and `RUST_LOG=log_level`, appending its
    /// stdout and stderr to `log`; returns once it has identified and registered its commands.
    pub async fn start(
        binary: &Path,
        fake: &FakeDiscord,
        dir: &Path,
        env: &[(String, String)],
        log_level: &str,
        log: &Path,
    ) -> BotProcess {
        let identifies = fake.identify_count();
        let mark = fake.requests().len();
        let process = Self::spawn(binary, dir, env, log_level, log).await;
        let connected = fake
            .wait_until(WAIT, |f| {
                f.identify_count() > identifies && f.is_connected()
            })
            .await;
        let registered = fake
            .wait_for_request(|r| r.index >= mark && r.is("PUT", "/commands"), WAIT)
            .await;
        assert!(
            connected && registered.is_some(),
            "the bot process did not come up; its log:\n{}",
            tail(log)
        );
        process
    }

    /// Starts `binary run` like [`Self::start`] without waiting for anything.
    pub async fn spawn(
        binary: &Path,
        dir: &Path,
        env: &[(String, String)],
        log_level: &str,
        log: &Path,
    ) -> BotProcess {
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("open the bot's log");
        let err = out.try_clone().expect("clone the log handle");
        let child = tokio::process::Command::new(binary)
            .arg("run")
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("RUST_LOG", log_level)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .kill_on_drop(true)
            .spawn()
            .expect("start tunegate run");
        BotProcess { child }
    }

    /// SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.
    pub async fn kill(mut self) {
        self.child.kill().await.expect("SIGKILL the bot");
    }

    /// SIGTERM, then waits for the process to exit by itself.
    pub async fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().expect("the bot is running") as i32;
        // SAFETY: sends a signal to our own child process, which has not been reaped yet.
        unsafe { libc::kill(pid, libc::SIGTERM) };
        tokio::time::timeout(Duration::from_secs(15), self.child.wait())
            .await
            .expect("the bot stops within 15 s of SIGTERM")
            .expect("wait for the bot")
    }
}

/// The last lines of a log file, for failure messages.
pub fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
