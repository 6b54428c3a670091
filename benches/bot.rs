//! Bot benchmark: the release binary (`tunegate run`) against the fake Discord on 127.0.0.1.
//!
//! Run with `cargo bench --bench bot`. It measures, and prints:
//! - the time from a button interaction leaving the fake's Gateway to the bot's REST answer
//!   (the interaction callback), p50 and p99, with `TUNEGATE_BENCH_WALKTHROUGHS` (default 200)
//!   walkthroughs clicking concurrently, each through all six questions;
//! - the bot process's RSS when idle, its peak during the load, and its RSS after
//!   `TUNEGATE_BENCH_OPEN` (default 10,000) more walkthroughs are started and left open.
//!
//! The bot is a separate process so its memory is measured alone. Nothing leaves 127.0.0.1.

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::{HashMap, VecDeque};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use tokio::sync::Notify;

/// Requests the fake received, filed under keys the load tasks wait on.
#[derive(Default)]
struct Mailbox {
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

    async fn take(&self, key: &str) -> RecordedRequest {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let notified = self.arrived.notified();
            if let Some(r) = self
                .items
                .lock()
                .expect("mailbox lock")
                .get_mut(key)
                .and_then(VecDeque::pop_front)
            {
                return r;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {key}");
            let _ = tokio::time::timeout(Duration::from_secs(1), notified).await;
        }
    }
}

/// Files every new request of the fake in the mailbox.
async fn collect(fake: Arc<FakeDiscord>, mailbox: Arc<Mailbox>) {
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

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// (RSS, peak RSS) of a process in MB, from /proc.
fn rss_mb(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
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

fn id_of(request: &RecordedRequest) -> u64 {
    request.response.as_ref().expect("a response")["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("an id")
}

fn component(message: &Value, suffix: &str) -> String {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|c| c["custom_id"].as_str())
        .find(|id| id.ends_with(suffix))
        .unwrap_or_else(|| panic!("no {suffix} in {message}"))
        .to_string()
}

/// Starts a walkthrough from chat; returns (thread id, first question).
async fn propose(fake: &FakeDiscord, mailbox: &Mailbox, n: usize) -> (u64, Value) {
    let message = payloads::guild_message(&ALICE, &format!("we should fine-tune the model ({n})"));
    let id = message["id"].as_str().expect("message id").to_string();
    fake.dispatch("MESSAGE_CREATE", message).await;
    let thread = id_of(&mailbox.take(&format!("thread:{id}")).await);
    let first = mailbox.take(&format!("post:{thread}")).await;
    (thread, first.response.expect("question"))
}

/// Clicks through one walkthrough; returns the latency of each click.
async fn walk(fake: Arc<FakeDiscord>, mailbox: Arc<Mailbox>, n: usize) -> Vec<Duration> {
    let (thread, mut question) = propose(&fake, &mailbox, n).await;
    let who = Invoker {
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
    for (suffix, value) in clicks {
        let id = component(&question, suffix);
        let interaction = match value {
            Some(v) => payloads::select_choice(&id, &[v], &question),
            None => payloads::button_click(&id, &question),
        };
        let interaction = payloads::with_invoker(interaction, &who);
        let (interaction_id, _) = payloads::id_and_token(&interaction);
        let sent = Instant::now();
        fake.dispatch("INTERACTION_CREATE", interaction).await;
        let callback = mailbox.take(&format!("cb:{interaction_id}")).await;
        latencies.push(callback.at.saturating_duration_since(sent));
        question = mailbox
            .take(&format!("post:{thread}"))
            .await
            .response
            .expect("next message");
    }
    assert!(
        question["embeds"][0]["title"].is_string(),
        "ends with a verdict"
    );
    latencies
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

#[tokio::main]
async fn main() {
    let walkthroughs = env_number("TUNEGATE_BENCH_WALKTHROUGHS", 200);
    let open = env_number("TUNEGATE_BENCH_OPEN", 10_000);
    let fake = Arc::new(FakeDiscord::start().await);
    let mailbox = Arc::new(Mailbox::default());
    tokio::spawn(collect(fake.clone(), mailbox.clone()));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bot = tokio::process::Command::new(env!("CARGO_BIN_EXE_tunegate"))
        .arg("run")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.api_base())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bench.db").display()),
        )
        .env("TUNEGATE_DISCORD__DEV_GUILD_ID", GUILD_ID.to_string())
        .env("TUNEGATE_DISCORD__CHANNEL_COOLDOWN_SECS", "0")
        .env("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "0")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start the bot");
    let pid = bot.id().expect("bot pid");
    assert!(
        fake.wait_until_ready(Duration::from_secs(30)).await,
        "bot connected"
    );
    fake.wait_for_request(|r| r.is("PUT", "/commands"), Duration::from_secs(30))
        .await
        .expect("commands registered");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (idle, _) = rss_mb(pid);
    println!("bot RSS when idle: {idle:.1} MB  (target < 30 MB)");

    let started = Instant::now();
    let tasks: Vec<_> = (0..walkthroughs)
        .map(|n| tokio::spawn(walk(fake.clone(), mailbox.clone(), n)))
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("walkthrough task"));
    }
    let took = started.elapsed();
    latencies.sort();
    let (after_load, peak) = rss_mb(pid);
    println!(
        "{walkthroughs} concurrent walkthroughs, {} clicks in {:.1} s: interaction -> REST answer \
         p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms  (target p99 < 50 ms)",
        latencies.len(),
        took.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
    );
    println!("bot RSS after the load: {after_load:.1} MB, peak {peak:.1} MB");

    // Many open walkthroughs: started and left waiting for their first answer.
    let before_open = rss_mb(pid).0;
    let started = Instant::now();
    let in_flight = 32;
    let mut next = walkthroughs;
    let mut running = tokio::task::JoinSet::new();
    while next < walkthroughs + open || !running.is_empty() {
        while running.len() < in_flight && next < walkthroughs + open {
            let (fake, mailbox) = (fake.clone(), mailbox.clone());
            let n = next;
            running.spawn(async move { propose(&fake, &mailbox, n).await });
            next += 1;
        }
        if let Some(done) = running.join_next().await {
            done.expect("propose task");
        }
    }
    let took = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (with_open, peak) = rss_mb(pid);
    println!(
        "{open} more walkthroughs started in {:.1} s ({:.0}/s) and left open: RSS {before_open:.1} \
         -> {with_open:.1} MB (+{:.1} MB, target < 5 MB), peak {peak:.1} MB",
        took.as_secs_f64(),
        open as f64 / took.as_secs_f64(),
        with_open - before_open
    );
    // SAFETY: signals our own child process.
    unsafe { libc::kill(pid as i32, libc::SIGTERM) };
    let status = tokio::time::timeout(Duration::from_secs(15), bot.wait()).await;
    println!("bot stopped: {status:?}");
}
