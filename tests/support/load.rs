//! A load driver for the bot benchmark and the soak run: starts the release binary against the
//! fake Discord, proposes fine-tuning in chat and clicks through walkthroughs, measuring the
//! time from each interaction leaving the fake's Gateway to the bot's REST answer.

use std::collections::{HashMap, VecDeque};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::Notify;

use super::fake_discord::payloads::{self, Invoker};
use super::fake_discord::*;

/// How long a load task waits for one thing before it counts an error.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Requests the fake received, filed under keys the load tasks wait on.
#[derive(Default)]
pub struct Mailbox {
    items: Mutex<HashMap<String, VecDeque<RecordedRequest>>>,
    arrived: Notify,
}

impl Mailbox {
    fn put(&self, key: String, request: RecordedRequest) {
        self.items
            .lock()
            .expect("mailbox lock")
            .entry(key)
            .or_default()
            .push_back(request);
        self.arrived.notify_waiters();
    }

    /// The next request filed under `key`, or `None` after [`PATIENCE`].
    pub async fn take(&self, key: &str) -> Option<RecordedRequest> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let notified = self.arrived.notified();
            if let Some(r) = self
                .items
                .lock()
                .expect("mailbox lock")
                .get_mut(key)
                .and_then(VecDeque::pop_front)
            {
                return Some(r);
            }
            if Instant::now() >= deadline {
                return None;
            }
            let _ = tokio::time::timeout(Duration::from_secs(1), notified).await;
        }
    }

    /// Forgets what nobody waits for any more (keeps long runs flat).
    pub fn clear_key(&self, key: &str) {
        self.items.lock().expect("mailbox lock").remove(key);
    }
}

/// Files every new request of the fake in the mailbox, until the fake stops.
pub async fn collect(fake: Arc<FakeDiscord>, mailbox: Arc<Mailbox>) {
    let mut seen = 0;
    let mut changes = fake.changes();
    loop {
        for r in fake.requests_since(seen) {
            seen = r.index + 1;
            if r.status >= 300 {
                continue;
            }
            let parts: Vec<&str> = r.path.split('/').collect();
            let key = match (r.method.as_str(), parts.as_slice()) {
                ("POST", ["", "interactions", id, _, "callback"]) => format!("cb:{id}"),
                ("POST", ["", "channels", _, "messages", message, "threads"]) => {
                    format!("thread:{message}")
                }
                ("POST", ["", "channels", channel, "messages"]) => format!("post:{channel}"),
                _ => continue,
            };
            mailbox.put(key, r);
        }
        if changes.changed().await.is_err() {
            return;
        }
    }
}

/// The release (or test) binary running `tunegate run` against the fake.
pub struct BotProcess {
    pub child: tokio::process::Child,
    pub pid: u32,
    pub db_url: String,
    _dir: tempfile::TempDir,
}

impl BotProcess {
    /// Starts `tunegate run` on a new SQLite file and waits until it has connected and
    /// registered its commands.
    pub async fn start(fake: &FakeDiscord) -> BotProcess {
        Self::start_on(fake, None, None).await
    }

    /// Starts `tunegate run` on `db_url` (a new SQLite file when `None`), running only shard
    /// `shard` of `total` when `Some((shard, total))`, and waits until that shard is connected
    /// (and, for shard 0, the commands are registered).
    pub async fn start_on(
        fake: &FakeDiscord,
        db_url: Option<&str>,
        shard: Option<(u64, u64)>,
    ) -> BotProcess {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_url = db_url.map_or_else(
            || format!("sqlite://{}", dir.path().join("load.db").display()),
            str::to_string,
        );
        let mark = fake.requests().len();
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_tunegate"));
        command
            .arg("run")
            .current_dir(dir.path())
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_API_BASE", fake.api_base())
            .env("DATABASE_URL", &db_url)
            .env("TUNEGATE_DISCORD__DEV_GUILD_ID", GUILD_ID.to_string())
            .env("TUNEGATE_DISCORD__CHANNEL_COOLDOWN_SECS", "0")
            .env("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "0")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .kill_on_drop(true);
        if let Some((shard, total)) = shard {
            command
                .env("TUNEGATE_DISCORD__SHARDS", format!("{shard}-{shard}"))
                .env("TUNEGATE_DISCORD__SHARD_TOTAL", total.to_string());
        }
        let child = command.spawn().expect("start the bot");
        let pid = child.id().expect("bot pid");
        let shard_id = shard.map_or(0, |(s, _)| s);
        let up = fake
            .wait_until(PATIENCE, |f| f.live_shards().contains(&shard_id))
            .await;
        assert!(up, "bot connected");
        if shard_id == 0 {
            fake.wait_for_request(|r| r.index >= mark && r.is("PUT", "/commands"), PATIENCE)
                .await
                .expect("commands registered");
        }
        BotProcess {
            child,
            pid,
            db_url,
            _dir: dir,
        }
    }

    /// (RSS, peak RSS) in MB, from /proc.
    pub fn rss_mb(&self) -> (f64, f64) {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid)).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(f64::NAN, |kb| kb / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// CPU time (user + system) the process has used, in seconds.
    pub fn cpu_seconds(&self) -> f64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).unwrap_or_default();
        // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        let rest = stat.rsplit(')').next().unwrap_or_default();
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        // SAFETY: sysconf only reads a system constant.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        (ticks(11) + ticks(12)) / per_second
    }

    /// Open file descriptors of the process.
    pub fn open_fds(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid)).map_or(0, |d| d.count())
    }

    /// SIGTERM, then wait; returns whether it exited cleanly and the database it leaves
    /// (its folder lives until the returned guard is dropped).
    pub async fn stop(mut self) -> (bool, tempfile::TempDir) {
        // SAFETY: signals our own child process.
        unsafe { libc::kill(self.pid as i32, libc::SIGTERM) };
        let clean = matches!(
            tokio::time::timeout(Duration::from_secs(15), self.child.wait()).await,
            Ok(Ok(status)) if status.success()
        );
        (clean, self._dir)
    }
}

fn component(message: &Value, suffix: &str) -> Option<String> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|c| c["custom_id"].as_str())
        .find(|id| id.ends_with(suffix))
        .map(str::to_string)
}

/// A guild and one of its text channels, where a load task talks.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    pub guild_id: u64,
    pub channel_id: u64,
}

/// The main test guild's channel.
pub const MAIN_ROOM: Room = Room {
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
};

/// Starts a walkthrough from chat; returns (thread id, first question).
pub async fn propose(fake: &FakeDiscord, mailbox: &Mailbox, n: u64) -> Option<(u64, Value)> {
    propose_in(fake, mailbox, n, MAIN_ROOM).await
}

/// [`propose`] in `room`.
pub async fn propose_in(
    fake: &FakeDiscord,
    mailbox: &Mailbox,
    n: u64,
    room: Room,
) -> Option<(u64, Value)> {
    let message = payloads::guild_message_in(
        room.guild_id,
        room.channel_id,
        &ALICE,
        &[],
        // The number sits in inline code, which the detector blanks, so every message scores
        // alike (as plain text it once put 8 of the first 2,000 under the thread threshold).
        &format!("we should fine-tune the model `#{n}`"),
    );
    let id = message["id"].as_str()?.to_string();
    fake.dispatch("MESSAGE_CREATE", message).await;
    let thread_key = format!("thread:{id}");
    let thread: u64 = mailbox.take(&thread_key).await?.response?["id"]
        .as_str()?
        .parse()
        .ok()?;
    mailbox.clear_key(&thread_key);
    let first = mailbox.take(&format!("post:{thread}")).await?.response?;
    Some((thread, first))
}

/// Clicks through one whole walkthrough. Returns the latency of each click, or `None` when
/// something did not arrive in time (an error for the report).
pub async fn walk(fake: Arc<FakeDiscord>, mailbox: Arc<Mailbox>, n: u64) -> Option<Vec<Duration>> {
    walk_with_pauses(fake, mailbox, n, Duration::ZERO).await
}

/// [`walk`] with a person's pause before each click: between 0.5 and 1.5 times `think`,
/// varied deterministically by `n` and the step.
pub async fn walk_with_pauses(
    fake: Arc<FakeDiscord>,
    mailbox: Arc<Mailbox>,
    n: u64,
    think: Duration,
) -> Option<Vec<Duration>> {
    walk_in(fake, mailbox, n, think, MAIN_ROOM).await
}

/// [`walk_with_pauses`] in `room`.
pub async fn walk_in(
    fake: Arc<FakeDiscord>,
    mailbox: Arc<Mailbox>,
    n: u64,
    think: Duration,
    room: Room,
) -> Option<Vec<Duration>> {
    let (thread, mut question) = propose_in(&fake, &mailbox, n, room).await?;
    let who = Invoker {
        guild_id: room.guild_id,
        channel_id: thread,
        ..Invoker::default()
    };
    let mut latencies = Vec::with_capacity(6);
    let clicks: [(&str, Option<&str>); 6] = [
        (":pick", Some("output_format")),
        (":yes", None),
        (":yes", None),
        (":no", None),
        (":yes", None),
        (":drivers", Some("d1")),
    ];
    for (step, (suffix, value)) in clicks.into_iter().enumerate() {
        if !think.is_zero() {
            let spread = ((n * 7919 + step as u64 * 104_729) % 1000) as f64 / 1000.0;
            tokio::time::sleep(think.mul_f64(0.5 + spread)).await;
        }
        let id = component(&question, suffix)?;
        let interaction = match value {
            Some(v) => payloads::select_choice(&id, &[v], &question),
            None => payloads::button_click(&id, &question),
        };
        let interaction = payloads::with_invoker(interaction, &who);
        let (interaction_id, _) = payloads::id_and_token(&interaction);
        let sent = Instant::now();
        fake.dispatch("INTERACTION_CREATE", interaction).await;
        let key = format!("cb:{interaction_id}");
        let callback = mailbox.take(&key).await?;
        mailbox.clear_key(&key);
        latencies.push(callback.at.saturating_duration_since(sent));
        question = mailbox.take(&format!("post:{thread}")).await?.response?;
    }
    mailbox.clear_key(&format!("post:{thread}"));
    question["embeds"][0]["title"]
        .is_string()
        .then_some(latencies)
}

/// A whole number from the environment, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The `q` quantile of sorted durations, in milliseconds.
pub fn quantile_ms(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0
}
