//! Shard ranges against the fake Discord: a process runs exactly the shards of its range
//! (serenity's range is inclusive of its end), only the process that runs shard 0 registers the
//! slash commands, `tunegate register-commands` registers them over REST without a gateway, and
//! `tunegate run` refuses a range that would make several processes share a SQLite file.
//!
//! A range that leaves shards to other processes needs a database they share (PostgreSQL); the
//! test of such a range names a PostgreSQL URL in the settings, which the bot only checks,
//! while its app runs on a SQLite file opened by the test.

mod support;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use predicates::str::contains;
use support::bot::{WAIT, test_settings};
use support::fake_discord::*;
use tunegate::app::App;
use tunegate::checklist::ChecklistContent;
use tunegate::store::{Store, StoreOptions};

/// Starts the bot on shards `shards` of `total`; returns the running bot.
async fn start(
    fake: &FakeDiscord,
    dir: &tempfile::TempDir,
    shards: &str,
    total: u32,
) -> tunegate::discord::Running {
    let url = format!("sqlite://{}", dir.path().join("bot.db").display());
    let mut settings = test_settings(fake, &url);
    if shards != format!("0-{}", total - 1) {
        settings.database.url = "postgres://tunegate@127.0.0.1/shared".into();
    }
    settings.discord.shards = shards.into();
    settings.discord.shard_total = total;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let app = App::from_settings(store, ChecklistContent::built_in(), &settings);
    tunegate::discord::start(settings, app, Arc::new(Utc::now))
        .await
        .expect("bot starts")
}

fn shards_identified(fake: &FakeDiscord) -> Vec<[u64; 2]> {
    let mut shards: Vec<[u64; 2]> = fake.identifies().iter().filter_map(|i| i.shard).collect();
    shards.sort();
    shards
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_runs_every_shard_of_its_inclusive_range_and_shard_zero_registers() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, &dir, "0-1", 2).await;
    // serenity waits about 5 s between two IDENTIFYs of one process.
    let both = fake
        .wait_until(Duration::from_secs(20), |f| f.identify_count() >= 2)
        .await;
    assert!(both, "identified: {:?}", fake.identifies());
    assert_eq!(shards_identified(&fake), vec![[0, 2], [1, 2]]);
    let registered = fake
        .wait_for_request(|r| r.is("PUT", "/commands"), WAIT)
        .await;
    assert!(registered.is_some(), "the process with shard 0 registers");
    bot.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_without_shard_zero_registers_no_commands() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let bot = start(&fake, &dir, "1-1", 2).await;
    assert!(fake.wait_until(WAIT, |f| f.identify_count() >= 1).await);
    assert_eq!(shards_identified(&fake), vec![[1, 2]]);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        fake.requests_to("PUT", "/commands").is_empty(),
        "shard 0's process registers, not this one"
    );
    bot.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_commands_registers_over_rest_without_connecting() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let base = fake.api_base();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let out = tokio::task::spawn_blocking(move || {
        assert_cmd::Command::cargo_bin("tunegate")
            .unwrap()
            .arg("register-commands")
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_API_BASE", base)
            .env("DATABASE_URL", url)
            .env_remove("TUNEGATE_CONFIG")
            .assert()
            .success()
            .stdout(contains("Registered 3 commands"))
            .get_output()
            .clone()
    })
    .await
    .unwrap();
    assert!(out.status.success());
    let put = fake.requests_to("PUT", "/commands");
    assert_eq!(put.len(), 1);
    let names: Vec<String> = put[0]
        .body
        .as_ref()
        .and_then(|b| b.as_array())
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"finetune".to_string()), "{names:?}");
    assert!(names.contains(&"finetune-audit".to_string()), "{names:?}");
    assert_eq!(fake.identify_count(), 0, "no gateway connection");
}

#[test]
fn run_refuses_a_range_that_would_share_a_sqlite_file_and_a_range_beyond_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("tunegate").unwrap();
        cmd.current_dir(dir.path())
            .env("DISCORD_TOKEN", "not-used")
            .env("DATABASE_URL", "sqlite://t.db")
            .env_remove("TUNEGATE_CONFIG")
            .arg("run")
            .args(args);
        cmd.assert()
    };
    run(&["--shards", "0-3", "--shard-total", "8"])
        .failure()
        .stderr(contains("cannot share one SQLite file"));
    run(&["--shards", "0-8", "--shard-total", "8"])
        .failure()
        .stderr(contains("goes beyond the 8 shards"));
    assert!(!dir.path().join("t.db").exists(), "nothing was created");
}
