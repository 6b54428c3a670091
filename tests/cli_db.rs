//! `tunegate db ...` and `tunegate decisions purge` as an operator uses them: exit codes,
//! stdout, stderr, and what is left in the database.

use chrono::Utc;
use predicates::prelude::*;
use predicates::str::contains;
use tunegate::app::{App, Start};
use tunegate::checklist::{Answer, ChecklistContent, Goal, GoalChoice, Input, Step};
use tunegate::store::{Person, Place, RoomId, ServerId, Source, Store};

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/db.rs"]
mod db;

use cli_support::Sandbox;

/// Ways these tests fill a sandbox's database.
trait Fill {
    fn check(&self, topic: &str);
    fn seed_guild(&self, guild: u64, count: u32, days_ago: i64);
    fn list_guild(&self, guild: u64) -> assert_cmd::assert::Assert;
}

impl Fill for Sandbox {
    /// A finished walkthrough recorded from the terminal (no guild).
    fn check(&self, topic: &str) {
        self.cmd()
            .args(["check", "--topic", topic, "--goal", "tone_style"])
            .args(["--g1", "yes", "--g2", "yes", "--g3", "yes", "--g4", "yes"])
            .args(["--drivers", "none", "--note", "a note"])
            .write_stdin("")
            .assert()
            .success();
    }

    /// Walkthroughs started from Discord in `guild` `days_ago` days ago, each with its first
    /// answer and a note, as the bot records them.
    fn seed_guild(&self, guild: u64, count: u32, days_ago: i64) {
        let url = self.db_url();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let flow = App::new(
                Store::open_url(&url).await.unwrap(),
                ChecklistContent::built_in(),
            );
            let when = Utc::now() - chrono::Duration::days(days_ago);
            for n in 0..count {
                let start = Start {
                    source: Source::Command,
                    place: Place {
                        server: Some(ServerId(guild)),
                        channel: Some(RoomId(10)),
                        thread: None,
                        message: None,
                    },
                    requester: Person::new("111", "alice"),
                    trigger_text: format!("guild {guild} proposal {n}"),
                    revisit_of: None,
                };
                let (rec, _) = flow.start(start, when).await.unwrap();
                let goal = Input::Answer(Answer::Goal(GoalChoice {
                    goal: Goal::ToneStyle,
                    detail: None,
                }));
                let who = Person::new("111", "alice");
                flow.advance(rec.id, Step::Goal, goal, &who, None, when)
                    .await
                    .unwrap();
                flow.store()
                    .add_note(rec.id, &Person::new("111", "alice"), "a note", when)
                    .await
                    .unwrap();
            }
            flow.store().close().await;
        });
    }

    fn list_guild(&self, guild: u64) -> assert_cmd::assert::Assert {
        self.cmd()
            .args(["decisions", "list", "--guild", &guild.to_string()])
            .assert()
            .success()
    }
}

#[test]
fn db_backup_writes_a_copy_that_tunegate_can_read_and_never_overwrites_it() {
    let s = Sandbox::new();
    s.check("first proposal");
    s.check("second proposal");
    s.cmd()
        .args(["db", "backup", "copy.db"])
        .assert()
        .success()
        .stdout(contains("Backed up to"))
        .stdout(contains("copy.db"))
        .stdout(contains("2 walkthroughs, 2 decisions"));
    let copy_url = format!("sqlite://{}", s.dir.path().join("copy.db").display());
    s.cmd()
        .env("DATABASE_URL", &copy_url)
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("first proposal"))
        .stdout(contains("second proposal"));
    s.cmd()
        .args(["db", "backup", "copy.db"])
        .assert()
        .code(1)
        .stderr(contains("already exists"))
        .stderr(contains("never overwrites"));
}

#[test]
fn db_backup_into_a_missing_folder_is_explained() {
    let s = Sandbox::new();
    s.check("a proposal");
    s.cmd()
        .args(["db", "backup", "nowhere/copy.db"])
        .assert()
        .code(1)
        .stderr(contains("could not write the backup"))
        .stderr(contains("Check that its folder exists"))
        .stderr(contains("database itself was not changed"));
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("a proposal"));
}

#[test]
fn db_check_prints_ok_for_a_sound_database() {
    let s = Sandbox::new();
    s.check("a proposal");
    s.cmd()
        .args(["db", "check"])
        .assert()
        .success()
        .stdout("ok\n");
}

#[test]
fn db_check_lists_the_problems_and_exits_1() {
    let s = Sandbox::new();
    s.check("a proposal");
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Store::open_url(&url).await.unwrap();
        let mut conn = store
            .sqlite_pool()
            .expect("a SQLite store")
            .acquire()
            .await
            .unwrap();
        for sql in [
            "PRAGMA foreign_keys = OFF",
            "INSERT INTO notes (walkthrough_id, author_id, author_name, body, created_at) \
             VALUES (4242, 'a', 'a', 'orphan', '2026-11-02T09:00:00.000Z')",
        ] {
            sqlx::query(sql).execute(&mut *conn).await.unwrap();
        }
        drop(conn);
        store.close().await;
    });
    s.cmd()
        .args(["db", "check"])
        .assert()
        .code(1)
        .stdout(contains(
            "notes row 2 refers to a missing row of walkthroughs",
        ))
        .stdout(contains("ok").not())
        .stderr(contains("1 problem(s)"))
        .stderr(contains("restore it from a backup"));
}

#[test]
fn db_redact_applies_the_configured_retention_period() {
    let s = Sandbox::new();
    s.seed_guild(7, 2, 100);
    s.check("a recent proposal");
    s.cmd()
        .args(["db", "redact"])
        .assert()
        .success()
        .stdout(contains("Retention is off"));
    s.list_guild(7).stdout(contains("guild 7 proposal 0"));
    s.cmd()
        .env("TUNEGATE_RETENTION__REDACT_AFTER_DAYS", "30")
        .args(["db", "redact"])
        .assert()
        .success()
        .stdout(contains("Redacted 2 proposal texts, 2 notes,"));
    s.list_guild(7)
        .stdout(contains("[redacted after retention period]"))
        .stdout(contains("guild 7 proposal").not());
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("a recent proposal"));
}

#[test]
fn decisions_purge_without_a_terminal_or_yes_refuses_and_deletes_nothing() {
    let s = Sandbox::new();
    s.seed_guild(7, 2, 1);
    s.cmd()
        .args(["decisions", "purge", "--guild", "7"])
        .write_stdin("7\n")
        .assert()
        .code(1)
        .stderr(contains("refusing to delete guild 7's 2 walkthroughs"))
        .stderr(contains("--yes"));
    s.list_guild(7).stdout(contains("guild 7 proposal 1"));
}

#[test]
fn decisions_purge_with_yes_deletes_one_guild_and_reports_counts() {
    let s = Sandbox::new();
    s.seed_guild(7, 2, 1);
    s.seed_guild(8, 1, 1);
    s.check("from the terminal");
    s.cmd()
        .args(["decisions", "purge", "--guild", "7", "--yes"])
        .assert()
        .success()
        .stdout(contains(
            "Deleted guild 7's 2 walkthroughs (dismissals included), 2 answers, 2 notes, \
             0 decisions, 0 reviews, 0 revisit reminders, 0 outcomes, 0 follow-ups, 0 savings \
             estimates, 0 suggestions, 0 settings changes and 0 decision-log posts.",
        ));
    s.list_guild(7)
        .stdout(contains("No walkthroughs match these filters."));
    s.list_guild(8).stdout(contains("guild 8 proposal 0"));
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("from the terminal"));
    s.cmd()
        .args(["db", "check"])
        .assert()
        .success()
        .stdout("ok\n");
}

#[test]
fn decisions_purge_of_an_unknown_guild_says_nothing_matched() {
    let s = Sandbox::new();
    s.seed_guild(7, 1, 1);
    for extra in [&["--yes"][..], &[][..]] {
        s.cmd()
            .args(["decisions", "purge", "--guild", "12345"])
            .args(extra)
            .assert()
            .success()
            .stdout(contains("Nothing matched: guild 12345 has no data"));
    }
    s.list_guild(7).stdout(contains("guild 7 proposal 0"));
}

/// The terminal on PostgreSQL: `db copy` moves a SQLite file's decisions there, then `check`,
/// `decisions list`, `db check` and `db backup` work against it as against SQLite.
#[tokio::test]
async fn db_copy_moves_a_sqlite_file_to_postgres_and_the_commands_work_there() {
    let Some(pg) = db::TestDb::postgres("db_copy_from_the_terminal").await else {
        return;
    };
    let s = Sandbox::new();
    s.check("the first proposal");
    s.check("the second proposal");
    s.cmd()
        .args(["db", "copy", "--from", &s.db_url(), "--to", &pg.url])
        .assert()
        .success()
        .stdout(contains("every table has as many rows in both"))
        .stdout(contains("walkthroughs: 2"))
        .stdout(contains("decisions: 2"));
    let on_pg = |args: &[&str]| {
        let mut cmd = s.cmd();
        cmd.env("DATABASE_URL", &pg.url).args(args);
        cmd
    };
    on_pg(&[
        "check",
        "--topic",
        "a third, on PostgreSQL",
        "--goal",
        "tone_style",
    ])
    .args([
        "--g1",
        "no",
        "--g2",
        "no",
        "--g3",
        "no",
        "--g4",
        "no",
        "--drivers",
        "none",
    ])
    .write_stdin("")
    .assert()
    .success();
    on_pg(&["decisions", "list", "--format", "csv"])
        .assert()
        .success()
        .stdout(contains("the first proposal"))
        .stdout(contains("a third, on PostgreSQL"));
    on_pg(&["db", "check"]).assert().success().stdout("ok\n");
    // pg_dump when installed, or the explanation of how to run it.
    let backup = on_pg(&["db", "backup", "pg.dump"]).output().unwrap();
    let said = String::from_utf8_lossy(&backup.stdout).to_string()
        + &String::from_utf8_lossy(&backup.stderr);
    assert!(
        said.contains("pg_dump") || backup.status.success(),
        "{said}"
    );
    // A second copy into the same database is refused.
    s.cmd()
        .args(["db", "copy", "--from", &s.db_url(), "--to", &pg.url])
        .assert()
        .failure()
        .stderr(contains("not empty"));
}
