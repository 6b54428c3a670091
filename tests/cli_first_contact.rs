//! What a newcomer and an operator meet first on the command line: Discord ids that survive
//! JSON, read-only commands that never create or migrate a database, `db migrate`, and `.env`
//! read before anything else.

use chrono::{TimeZone, Utc};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use tunegate::app::{App, Start};
use tunegate::checklist::{ChecklistContent, Driver, GateAnswer};
use tunegate::store::{
    MIGRATOR, NewReview, Person, Place, PostId, ReviewOutcome, RoomId, ServerId, Source, Store,
    WalkthroughId,
};

#[path = "support/answers.rs"]
mod answers;
#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;

/// Snowflakes above 2^53, where a JSON number loses digits in JavaScript and spreadsheets.
const GUILD: u64 = 1_234_567_890_123_456_789;
const CHANNEL: u64 = 1_234_567_890_123_456_790;
const THREAD: u64 = 1_234_567_890_123_456_791;
const MESSAGE: u64 = 1_234_567_890_123_456_792;

/// Keys that hold Discord ids (or account ids) wherever they appear.
const SNOWFLAKE_KEYS: [&str; 8] = [
    "guild_id",
    "channel_id",
    "thread_id",
    "message_id",
    "requester_id",
    "reviewer_id",
    "author_id",
    "answered_by_id",
];

/// A decided chat walkthrough in [`GUILD`] with a review; returns its id.
fn seed_discord_decision(s: &Sandbox) -> WalkthroughId {
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let flow = App::new(
            Store::open_url(&url).await.unwrap(),
            ChecklistContent::built_in(),
        );
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let who = Person::new("987654321098765432", "alice");
        let start = Start {
            source: Source::Chat,
            place: Place {
                server: Some(ServerId(GUILD)),
                channel: Some(RoomId(CHANNEL)),
                thread: Some(RoomId(THREAD)),
                message: Some(PostId(MESSAGE)),
            },
            requester: who.clone(),
            trigger_text: "we should fine-tune".to_string(),
            revisit_of: None,
        };
        let (rec, _) = flow.start(start, now).await.unwrap();
        answers::answer_all(
            &flow,
            rec.id,
            &who,
            [GateAnswer::Yes; 4],
            &[Driver::Volume],
            now,
        )
        .await;
        flow.store()
            .add_review(&NewReview {
                walkthrough_id: rec.id,
                guild_id: Some(ServerId(GUILD)),
                reviewer: Person::new("876543210987654321", "bob"),
                outcome: ReviewOutcome::Agreed,
                note: None,
                revisit_on: None,
                now,
            })
            .await
            .unwrap();
        flow.store().close().await;
        rec.id
    })
}

/// Fails on a JSON number that cannot be exact in a double, and on a snowflake key whose
/// value is not a string or null. Returns how many snowflake keys it saw.
fn assert_ids_are_strings(value: &Value, at: &str) -> usize {
    let mut seen = 0;
    match value {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                assert!(
                    u < 1 << 53,
                    "{at}: the number {u} loses digits in JavaScript"
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                seen += assert_ids_are_strings(item, &format!("{at}[{i}]"));
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if SNOWFLAKE_KEYS.contains(&key.as_str()) {
                    assert!(
                        item.is_string() || item.is_null(),
                        "{at}.{key} is {item}, not a string"
                    );
                    seen += 1;
                }
                seen += assert_ids_are_strings(item, &format!("{at}.{key}"));
            }
        }
        _ => {}
    }
    seen
}

fn stdout_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.success().get_output().stdout.clone()).unwrap()
}

#[test]
fn every_json_output_writes_discord_ids_as_strings() {
    let s = Sandbox::new();
    let id = seed_discord_decision(&s);
    let id = id.to_string();
    let outputs = [
        vec!["decisions", "list", "--format", "json"],
        vec!["decisions", "show", &id, "--format", "json"],
        vec!["decisions", "export", "--format", "json"],
        vec!["decisions", "stats", "--format", "json"],
    ];
    for args in outputs {
        let text = stdout_of(s.cmd().args(&args).assert());
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let seen = assert_ids_are_strings(&json, &args.join(" "));
        if args[1] != "stats" {
            assert!(seen >= 3, "{args:?} shows the ids: {text}");
            assert!(text.contains(&format!("\"{GUILD}\"")), "{args:?}: {text}");
        }
    }
    let lines = stdout_of(
        s.cmd()
            .args(["decisions", "export", "--format", "jsonl"])
            .assert(),
    );
    for line in lines.lines() {
        let json: Value = serde_json::from_str(line).unwrap();
        assert!(assert_ids_are_strings(&json, "jsonl") >= 3);
    }
    let show: Value = serde_json::from_str(&stdout_of(
        s.cmd()
            .args(["decisions", "show", &id, "--format", "json"])
            .assert(),
    ))
    .unwrap();
    assert_eq!(
        show["walkthrough"]["place"]["message_id"],
        Value::String(MESSAGE.to_string())
    );
    assert_eq!(
        show["reviews"][0]["guild_id"],
        Value::String(GUILD.to_string())
    );
    let check = stdout_of(
        s.cmd()
            .args(["check", "--topic", "json", "--goal", "tone_style"])
            .args(["--g1", "yes", "--g2", "no", "--g3", "yes", "--g4", "yes"])
            .args(["--drivers", "none", "--json"])
            .write_stdin("")
            .assert(),
    );
    assert_ids_are_strings(&serde_json::from_str(&check).unwrap(), "check --json");
}

#[test]
fn read_only_commands_refuse_a_missing_database_and_create_nothing() {
    let s = Sandbox::new();
    let path = s.path().join("t.db");
    let commands: [&[&str]; 7] = [
        &["decisions", "list"],
        &["decisions", "show", "1"],
        &["decisions", "stats"],
        &["decisions", "export"],
        &["db", "check"],
        &["db", "backup", "copy.db"],
        &["db", "migrate"],
    ];
    for args in commands {
        s.cmd()
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(format!("no database at {}", path.display())))
            .stderr(contains(
                "set DATABASE_URL or run from the folder that holds it",
            ));
        assert!(!path.exists(), "{args:?} created the database");
        assert!(!s.path().join("copy.db").exists());
    }
    // Nothing stray in the folder either (no -wal, no -shm).
    assert_eq!(std::fs::read_dir(s.path()).unwrap().count(), 0);
}

/// Writes the sandbox's database as the previous release would have: every migration but the
/// newest, and one walkthrough. Returns the newest migration's version.
fn make_older(s: &Sandbox) -> i64 {
    let url = format!("{}?mode=rwc", s.db_url());
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        let mut versions: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
        versions.sort();
        let newest = versions.pop().unwrap();
        MIGRATOR
            .run_to(*versions.last().unwrap(), &pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO walkthroughs (source, status, current_step, guild_id, requester_id, \
             requester_name, trigger_text, checklist_version, created_at, updated_at) VALUES \
             ('slash', 'open', 'goal', 7, '111', 'alice', 'we should fine-tune', 'v', \
             '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
        newest
    })
}

/// The migrations recorded in the sandbox's database, read without tunegate.
fn applied_versions(s: &Sandbox) -> Vec<i64> {
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations ORDER BY 1")
            .fetch_all(&pool)
            .await
            .unwrap();
        pool.close().await;
        rows.into_iter().map(|(v,)| v).collect()
    })
}

#[test]
fn an_older_schema_is_not_migrated_by_audit_commands_and_db_migrate_brings_it_up_to_date() {
    let s = Sandbox::new();
    let newest = make_older(&s);
    let before = applied_versions(&s);
    assert!(!before.contains(&newest));
    for args in [
        &["decisions", "list"][..],
        &["decisions", "stats"][..],
        &["decisions", "purge", "--guild", "1", "--yes"][..],
        &["db", "redact"][..],
    ] {
        s.cmd()
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("has an older schema"))
            .stderr(contains("tunegate db migrate"));
    }
    assert_eq!(applied_versions(&s), before, "nothing was migrated");
    // A backup and a check still work (worth doing before the migration), with a note.
    s.cmd()
        .args(["db", "backup", "before-upgrade.db"])
        .assert()
        .success()
        .stderr(contains("run `tunegate db migrate` after this"));
    s.cmd()
        .args(["db", "check"])
        .assert()
        .success()
        .stdout("ok\n");

    s.cmd()
        .args(["db", "migrate"])
        .assert()
        .success()
        .stdout(contains(format!("to {newest}")));

    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("we should fine-tune"));
    s.cmd()
        .args(["db", "migrate"])
        .assert()
        .success()
        .stdout(contains("already up to date"));
}

#[test]
fn a_newer_schema_is_refused_by_db_migrate_with_both_versions_and_left_unchanged() {
    let s = Sandbox::new();
    seed_discord_decision(&s);
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Store::open_url(&url).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (29991231000000, 'from the future', 1, x'00', 0)",
        )
        .execute(store.sqlite_pool().expect("a SQLite store"))
        .await
        .unwrap();
        store.close().await;
    });
    let versions = applied_versions(&s);
    for args in [
        &["db", "migrate"][..],
        &["decisions", "list"][..],
        &["db", "check"][..],
    ] {
        s.cmd()
            .args(args)
            .assert()
            .code(1)
            .stderr(contains("newer version of tunegate"))
            .stderr(contains("29991231000000"))
            .stderr(contains("this binary knows up to"));
    }
    assert_eq!(applied_versions(&s), versions);
}

#[test]
fn a_purge_id_that_is_not_a_number_is_a_usage_error() {
    let s = Sandbox::new();
    seed_discord_decision(&s);
    s.cmd()
        .args(["decisions", "purge", "--guild", "my-server", "--yes"])
        .assert()
        .code(2)
        .stderr(contains("not a Discord server id"));
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("we should fine-tune"));
}

#[test]
fn tunegate_config_set_in_dot_env_is_used() {
    let s = Sandbox::new();
    std::fs::write(
        s.path().join("team.toml"),
        "[discord]\nuser_cooldown_secs = 4242\n",
    )
    .unwrap();
    std::fs::write(s.path().join(".env"), "TUNEGATE_CONFIG=team.toml\n").unwrap();
    s.cmd()
        .args(["config", "check"])
        .assert()
        .success()
        .stdout(contains("user_cooldown_secs = 4242"));
    // And a .env that names a missing file says so, rather than being ignored.
    std::fs::write(s.path().join(".env"), "TUNEGATE_CONFIG=missing.toml\n").unwrap();
    s.cmd()
        .args(["config", "check"])
        .assert()
        .failure()
        .stderr(contains("missing.toml"));
    assert!(predicate::path::missing().eval(&s.path().join("t.db")));
}

#[test]
fn cost_prints_the_break_even_as_text_and_json_and_names_a_bad_figure() {
    let s = Sandbox::new();
    let base = [
        "cost",
        "--requests-per-month",
        "10,000,000",
        "--input-tokens",
        "1000",
        "--output-tokens",
        "200",
        "--price-in",
        "2.5",
        "--price-out",
        "10",
        "--training-cost",
        "20000",
        "--upkeep-per-month",
        "5000",
    ];
    let json: Value = serde_json::from_str(&stdout_of(
        s.cmd().args(base).args(["--format", "json"]).assert(),
    ))
    .unwrap();
    assert_eq!(json["generic_monthly"], 45000.0);
    assert_eq!(json["fine_tuned_monthly"], 4500.0);
    assert_eq!(json["monthly_saving"], 35500.0);
    assert_eq!(json["net_12_months"], 406000.0);
    let months = json["break_even_months"].as_f64().unwrap();
    assert!((months - 20000.0 / 35500.0).abs() < 1e-9);
    s.cmd()
        .args(base)
        .assert()
        .success()
        .stdout(contains("pays back its one-off cost in 0.6 months"));
    // Tiny volume with prices of its own: never pays back, break_even_months is null.
    let mut small = base;
    small[2] = "1000";
    let json: Value = serde_json::from_str(&stdout_of(
        s.cmd()
            .args(small)
            .args([
                "--ft-price-in",
                "0.3",
                "--ft-price-out",
                "1.2",
                "--format",
                "json",
            ])
            .assert(),
    ))
    .unwrap();
    assert_eq!(json["break_even_months"], Value::Null);
    for (flag, value, says) in [
        ("--price-in", "-1", "--price-in cannot be negative"),
        (
            "--requests-per-month",
            "0",
            "--requests-per-month must be more than zero",
        ),
        (
            "--requests-per-month",
            "2000000000000",
            "more than the 1000000000000",
        ),
        (
            "--output-tokens",
            "lots",
            "--output-tokens must be a number",
        ),
    ] {
        let mut args = base.to_vec();
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        s.cmd().args(&args).assert().code(2).stderr(contains(says));
    }
    // Both ways of pricing the fine-tuned model at once is a usage error.
    s.cmd()
        .args(base)
        .args(["--ratio", "5", "--ft-price-in", "1", "--ft-price-out", "1"])
        .assert()
        .code(2);
    assert!(!s.path().join("t.db").exists(), "cost needs no database");
    // A missing figure is named; a price left out comes from `[cost]` (2.5 and 10 shipped).
    s.cmd()
        .args(["cost", "--input-tokens", "1000"])
        .assert()
        .code(2)
        .stderr(contains(
            "--requests-per-month is needed to estimate the savings",
        ));
    let without_prices: Vec<&str> = base
        .iter()
        .copied()
        .filter(|a| !["--price-in", "2.5", "--price-out", "10"].contains(a))
        .collect();
    s.cmd()
        .args(&without_prices)
        .assert()
        .success()
        .stdout(contains("pays back its one-off cost in 0.6 months"));
}
