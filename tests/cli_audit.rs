//! The offline audit in the terminal: reviewing a decision, seeing reviews in `show`, and the
//! statistics chart written as a PNG.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

/// A command in its own empty folder with its own database and no stray settings.
fn tunegate(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("tunegate").unwrap();
    cmd.current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .env_remove("TUNEGATE_CONFIG")
        .env_remove("RUST_LOG")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.db").display()),
        );
    cmd
}

/// Records a PREMATURE decision with `tunegate check`; it gets id 1.
fn decide(dir: &tempfile::TempDir) {
    tunegate(dir)
        .args([
            "check",
            "--topic",
            "json output",
            "--goal",
            "output-format",
            "--g1",
            "no",
            "--g2",
            "yes",
            "--g3",
            "not-sure",
            "--g4",
            "yes",
            "--drivers",
            "d1",
        ])
        .assert()
        .success();
}

#[test]
fn a_review_from_the_terminal_is_recorded_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    decide(&dir);
    tunegate(&dir)
        .args(["decisions", "review", "1", "--outcome", "overruled"])
        .assert()
        .failure()
        .stderr(contains("needs a note"));
    tunegate(&dir)
        .args([
            "decisions",
            "review",
            "#1",
            "--outcome",
            "overruled",
            "--note",
            "prompting already reached 94%",
            "--revisit",
            "2099-01-15",
            "--reviewer",
            "lead",
        ])
        .assert()
        .success()
        .stdout(contains("Review #1 recorded for decision #1: overruled."))
        .stdout(contains("2099-01-15"));
    tunegate(&dir)
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("Reviews:"))
        .stdout(contains("overruled by lead"))
        .stdout(contains("prompting already reached 94%"))
        .stdout(contains("revisit on 2099-01-15"));
    tunegate(&dir)
        .args(["decisions", "review", "7", "--outcome", "agreed"])
        .assert()
        .failure()
        .stderr(contains("no decision #7"));
}

#[test]
fn stats_can_also_draw_the_chart_as_a_png() {
    let dir = tempfile::tempdir().unwrap();
    decide(&dir);
    let chart = dir.path().join("chart.png");
    tunegate(&dir)
        .args(["decisions", "stats", "--chart"])
        .arg(&chart)
        .assert()
        .success()
        .stdout(contains("Decisions:    1"))
        .stderr(contains("Chart written to"));
    let png = std::fs::read(&chart).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 5_000);
    tunegate(&dir)
        .args(["decisions", "stats", "--chart", "/nonexistent/dir/c.png"])
        .assert()
        .failure()
        .stderr(contains("could not write the chart").and(contains("folder exists")));
}
