//! Soak run: the release binary against the fake Discord for a set time at a steady rate of
//! chat proposals and clicks, then a report: events handled, latency p50/p99, RSS and open file
//! descriptors at start and end, errors, and whether the database holds exactly what was
//! acknowledged.
//!
//! `cargo bench --bench soak` runs 10 minutes at 4 walkthroughs a second (each: a proposal in
//! chat, then six clicks). `TUNEGATE_SOAK_SECS` and `TUNEGATE_SOAK_RATE` change both. Nothing
//! leaves 127.0.0.1.

#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use support::fake_discord::FakeDiscord;
use support::load::{BotProcess, Mailbox, collect, env_number, quantile_ms, walk};

#[tokio::main]
async fn main() {
    let seconds = env_number("TUNEGATE_SOAK_SECS", 600);
    let rate = env_number("TUNEGATE_SOAK_RATE", 4).max(1);
    let fake = Arc::new(FakeDiscord::start().await);
    let mailbox = Arc::new(Mailbox::default());
    tokio::spawn(collect(fake.clone(), mailbox.clone()));
    let bot = BotProcess::start(&fake).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (rss_start, _) = bot.rss_mb();
    let fds_start = bot.open_fds();
    println!(
        "soak: {seconds} s at {rate} walkthroughs/s; start RSS {rss_start:.1} MB, {fds_start} fds"
    );

    let started = Instant::now();
    let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / rate as f64));
    let mut tasks = tokio::task::JoinSet::new();
    let mut latencies = Vec::new();
    let (mut done, mut errors, mut n) = (0u64, 0u64, 0u64);
    let mut last_report = Instant::now();
    while started.elapsed() < Duration::from_secs(seconds) {
        ticker.tick().await;
        tasks.spawn(walk(fake.clone(), mailbox.clone(), n));
        n += 1;
        while let Some(finished) = tasks.try_join_next() {
            match finished.expect("walk task") {
                Some(l) => {
                    done += 1;
                    latencies.extend(l);
                }
                None => errors += 1,
            }
        }
        if last_report.elapsed() >= Duration::from_secs(60) {
            last_report = Instant::now();
            let (rss, _) = bot.rss_mb();
            println!(
                "  {:>4} s: {done} walkthroughs done, {errors} errors, RSS {rss:.1} MB, {} fds",
                started.elapsed().as_secs(),
                bot.open_fds()
            );
        }
    }
    while let Some(finished) = tasks.join_next().await {
        match finished.expect("walk task") {
            Some(l) => {
                done += 1;
                latencies.extend(l);
            }
            None => errors += 1,
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (rss_end, peak) = bot.rss_mb();
    let fds_end = bot.open_fds();
    latencies.sort();
    let events = done * 7 + errors;
    println!(
        "soak report: {:.0} s, {events} events handled ({done} walkthroughs of 7 events, \
         {errors} errors); interaction -> REST answer p50 {:.2} ms, p99 {:.2} ms; \
         RSS {rss_start:.1} -> {rss_end:.1} MB (peak {peak:.1}); fds {fds_start} -> {fds_end}",
        started.elapsed().as_secs_f64(),
        quantile_ms(&latencies, 0.5),
        quantile_ms(&latencies, 0.99),
    );
    let db_url = bot.db_url.clone();
    let (clean, _dir) = bot.stop().await;
    println!("bot stopped cleanly: {clean}");
    // What the database holds against what Discord was told.
    let store = tunegate::store::Store::open_url(&db_url)
        .await
        .expect("open the soak database");
    let stats = store.stats(&Default::default()).await.expect("stats");
    let duplicates: (i64,) = sqlx::query_as(
        "SELECT count(*) FROM (SELECT walkthrough_id, step, count(*) AS n FROM answers \
         GROUP BY walkthrough_id, step HAVING n > 1)",
    )
    .fetch_one(store.sqlite_pool().expect("a SQLite store"))
    .await
    .expect("duplicate check");
    println!(
        "database: {} walkthroughs for {n} proposals, {} decisions for {done} finished \
         walkthroughs, {} questions answered twice, integrity {:?}",
        stats.walkthroughs,
        stats.decisions,
        duplicates.0,
        store.integrity_check().await.expect("integrity check")
    );
}
