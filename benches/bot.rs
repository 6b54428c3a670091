//! Bot benchmark: the release binary (`tunegate run`) against the fake Discord on 127.0.0.1.
//!
//! Run with `cargo bench --bench bot`. It measures, and prints:
//! - the time from a button interaction leaving the fake's Gateway to the bot's REST answer
//!   (the interaction callback), p50 and p99, with `TUNEGATE_BENCH_WALKTHROUGHS` (default 200)
//!   walkthroughs clicking concurrently, each through all six questions;
//! - the bot process's RSS when idle, its peak during the load, and its RSS after
//!   `TUNEGATE_BENCH_OPEN` (default 10,000) more walkthroughs are started and left open;
//! - the same clicks on PostgreSQL (when a server can be started, see
//!   `tests/support/postgres.rs`): one process, then two processes running a shard each, with
//!   a server on each shard, sharing one database.
//!
//! The bot is a separate process so its memory is measured alone. Nothing leaves 127.0.0.1.

#[path = "../tests/support/postgres.rs"]
mod postgres;
#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use support::fake_discord::{
    FakeConfig, FakeDiscord, FakeGuild, SHARD_ZERO_CHANNEL_ID, SHARD_ZERO_GUILD_ID,
};
use support::load::{
    BotProcess, MAIN_ROOM, Mailbox, Room, collect, env_number, propose, quantile_ms, walk_in,
};

#[tokio::main]
async fn main() {
    let walkthroughs = env_number("TUNEGATE_BENCH_WALKTHROUGHS", 200);
    let open = env_number("TUNEGATE_BENCH_OPEN", 10_000);
    let fake = Arc::new(FakeDiscord::start().await);
    let mailbox = Arc::new(Mailbox::default());
    tokio::spawn(collect(fake.clone(), mailbox.clone()));
    let bot = BotProcess::start(&fake).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (idle, _) = bot.rss_mb();
    println!("bot RSS when idle: {idle:.1} MB  (target < 30 MB)");

    // Two shapes of "200 walkthroughs clicking concurrently": people who pause about a
    // second before each click (all 200 in flight at once), and a burst where all 200 click at
    // the same instant and the bot works through the queue.
    let load = Load {
        fake: fake.clone(),
        mailbox: mailbox.clone(),
        walkthroughs,
        rooms: vec![MAIN_ROOM],
    };
    load.clicks("SQLite, one process", &[&bot], 0).await;
    let (after_load, peak) = bot.rss_mb();
    println!("bot RSS after the load: {after_load:.1} MB, peak {peak:.1} MB");

    // Many open walkthroughs: started and left waiting for their first answer.
    let before_open = bot.rss_mb().0;
    let started = Instant::now();
    let in_flight = 32;
    let mut next = walkthroughs * 2;
    let mut running = tokio::task::JoinSet::new();
    let mut failed = 0;
    let last = walkthroughs * 2 + open;
    while next < last || !running.is_empty() {
        while running.len() < in_flight && next < last {
            let (fake, mailbox) = (fake.clone(), mailbox.clone());
            let n = next;
            running.spawn(async move { propose(&fake, &mailbox, n).await.is_some() });
            next += 1;
        }
        if let Some(done) = running.join_next().await
            && !done.expect("propose task")
        {
            failed += 1;
        }
    }
    let took = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (with_open, peak) = bot.rss_mb();
    println!(
        "{open} more walkthroughs started in {:.1} s ({:.0}/s, {failed} failed) and left open: \
         RSS {before_open:.1} -> {with_open:.1} MB (+{:.1} MB, target < 5 MB), peak {peak:.1} MB",
        took.as_secs_f64(),
        open as f64 / took.as_secs_f64(),
        with_open - before_open
    );
    println!("bot stopped cleanly: {}", bot.stop().await.0);
    on_postgres(walkthroughs).await;
}

/// The same clicks on PostgreSQL (a durable server: fsync and synchronous commits on): one
/// process, then two processes (shards 0 and 1 of 2, a server on each) sharing one database.
async fn on_postgres(walkthroughs: u64) {
    let Some(url) =
        postgres::fresh_database_with("bench_bot_one", postgres::Settings::Durable).await
    else {
        println!("PostgreSQL: not available, skipped");
        return;
    };
    let fake = Arc::new(
        FakeDiscord::start_with(FakeConfig {
            guilds: vec![FakeGuild::on_shard_zero(), FakeGuild::main()],
            ..FakeConfig::default()
        })
        .await,
    );
    let mailbox = Arc::new(Mailbox::default());
    tokio::spawn(collect(fake.clone(), mailbox.clone()));
    let rooms = vec![
        Room {
            guild_id: SHARD_ZERO_GUILD_ID,
            channel_id: SHARD_ZERO_CHANNEL_ID,
        },
        MAIN_ROOM,
    ];
    let load = Load {
        fake: fake.clone(),
        mailbox,
        walkthroughs,
        rooms,
    };
    let one = BotProcess::start_on(&fake, Some(&url), None).await;
    load.clicks("PostgreSQL, one process", &[&one], 0).await;
    one.stop().await;

    let Some(url) =
        postgres::fresh_database_with("bench_bot_two", postgres::Settings::Durable).await
    else {
        return;
    };
    let zero = BotProcess::start_on(&fake, Some(&url), Some((0, 2))).await;
    let first = BotProcess::start_on(&fake, Some(&url), Some((1, 2))).await;
    load.clicks(
        "PostgreSQL, two processes (a shard each)",
        &[&zero, &first],
        10 * walkthroughs,
    )
    .await;
    zero.stop().await;
    first.stop().await;
}

/// Walkthroughs clicked through against running bot processes.
struct Load {
    fake: Arc<FakeDiscord>,
    mailbox: Arc<Mailbox>,
    walkthroughs: u64,
    /// Where the walkthroughs start, in turn.
    rooms: Vec<Room>,
}

impl Load {
    /// Runs the paced and the burst shape against `bots` and prints their figures; walkthrough
    /// numbers start at `first` (each number is one chat message).
    async fn clicks(&self, label: &str, bots: &[&BotProcess], first: u64) {
        let think = Duration::from_millis(env_number("TUNEGATE_BENCH_THINK_MS", 1000));
        let n = self.walkthroughs;
        for (shape, pause, offset) in [
            ("paced", think, first),
            ("burst", Duration::ZERO, first + n),
        ] {
            let started = Instant::now();
            let cpu_before: f64 = bots.iter().map(|b| b.cpu_seconds()).sum();
            let tasks: Vec<_> = (offset..offset + n)
                .map(|k| {
                    let room = self.rooms[(k % self.rooms.len() as u64) as usize];
                    tokio::spawn(walk_in(
                        self.fake.clone(),
                        self.mailbox.clone(),
                        k,
                        pause,
                        room,
                    ))
                })
                .collect();
            let mut latencies = Vec::new();
            let mut failed = 0;
            for task in tasks {
                match task.await.expect("walkthrough task") {
                    Some(l) => latencies.extend(l),
                    None => failed += 1,
                }
            }
            let took = started.elapsed();
            let cpu = bots.iter().map(|b| b.cpu_seconds()).sum::<f64>() - cpu_before;
            latencies.sort();
            println!(
                "{label}, {shape}: {n} concurrent walkthroughs ({failed} failed), {} clicks in \
                 {:.1} s: interaction -> REST answer p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms \
                 (target p99 < 50 ms); bot CPU {cpu:.2} s, {:.2} ms per click (target <= 0.5 ms)",
                latencies.len(),
                took.as_secs_f64(),
                quantile_ms(&latencies, 0.5),
                quantile_ms(&latencies, 0.99),
                quantile_ms(&latencies, 1.0),
                cpu * 1000.0 / latencies.len().max(1) as f64,
            );
        }
    }
}
