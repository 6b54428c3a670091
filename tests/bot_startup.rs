//! Starting and stopping the bot: a rejected token or a missing privileged intent ends with a
//! sentence saying what to do; SIGTERM stops the process cleanly.

mod support;

use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use support::bot::*;
use support::fake_discord::*;
use tunegate::app::App;
use tunegate::checklist::ChecklistContent;
use tunegate::discord::BotError;
use tunegate::store::Store;

async fn start_against(fake: &FakeDiscord) -> (tunegate::discord::Running, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let settings = test_settings(fake, &url);
    let flow = App::new(
        Store::open_url(&url).await.unwrap(),
        ChecklistContent::built_in(),
    );
    let running = tunegate::discord::start(settings, flow, Arc::new(Utc::now))
        .await
        .unwrap();
    (running, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_ends_with_directions_to_the_developer_portal() {
    let fake = FakeDiscord::start_with(FakeConfig {
        expected_token: Some("another-token".into()),
        ..FakeConfig::default()
    })
    .await;
    let (mut running, _dir) = start_against(&fake).await;
    let ended = tokio::time::timeout(WAIT, running.wait())
        .await
        .expect("the bot gives up");
    let err = ended.unwrap_err();
    assert!(matches!(err, BotError::TokenRejected), "{err:?}");
    assert!(err.to_string().contains("Developer Portal"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_message_content_intent_ends_with_directions() {
    let fake = FakeDiscord::start().await;
    let (mut running, _dir) = start_against(&fake).await;
    assert!(fake.wait_until_ready(WAIT).await);
    fake.close_with(4014);
    let ended = tokio::time::timeout(WAIT, running.wait())
        .await
        .expect("the bot gives up");
    let err = ended.unwrap_err();
    assert!(matches!(err, BotError::IntentNotEnabled), "{err:?}");
    assert!(err.to_string().contains("Message Content Intent"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_process_stops_cleanly_on_sigterm() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_tunegate"))
        .arg("run")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.api_base())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.db").display()),
        )
        .env("TUNEGATE_DISCORD__DEV_GUILD_ID", GUILD_ID.to_string())
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    assert!(fake.wait_until_ready(WAIT).await, "the process connected");
    let registered = fake
        .wait_for_request(|r| r.is("PUT", "/commands"), WAIT)
        .await;
    assert!(registered.is_some());
    let pid = child.id().unwrap() as i32;
    // SAFETY: sends a signal to our own child process.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .expect("stops within 15 s")
        .unwrap();
    let mut stderr = String::new();
    use tokio::io::AsyncReadExt;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .await
        .unwrap();
    assert!(status.success(), "exit {status:?}; stderr:\n{stderr}");
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(!stderr.contains(TOKEN), "the token is never logged");
}

#[test]
fn run_without_a_token_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tunegate"))
        .arg("run")
        .current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.db").display()),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("set DISCORD_TOKEN"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
