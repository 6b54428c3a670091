//! The offline audit in the terminal: reviewing a decision, seeing reviews in `show`, and the
//! statistics chart written as a PNG.

use predicates::prelude::*;
use predicates::str::contains;

#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;

/// Records a PREMATURE decision with `tunegate check`; it gets id 1.
fn decide(dir: &Sandbox) {
    dir.cmd()
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
    let dir = Sandbox::new();
    decide(&dir);
    dir.cmd()
        .args(["decisions", "review", "1", "--outcome", "overruled"])
        .assert()
        .failure()
        .stderr(contains("needs a note"));
    dir.cmd()
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
    dir.cmd()
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("Reviews:"))
        .stdout(contains("overruled by lead"))
        .stdout(contains("prompting already reached 94%"))
        .stdout(contains("revisit on 2099-01-15"));
    dir.cmd()
        .args(["decisions", "review", "7", "--outcome", "agreed"])
        .assert()
        .failure()
        .stderr(contains("no decision #7"));
}

#[test]
fn stats_can_also_draw_the_chart_as_a_png() {
    let dir = Sandbox::new();
    decide(&dir);
    let chart = dir.path().join("chart.png");
    dir.cmd()
        .args(["decisions", "stats", "--chart"])
        .arg(&chart)
        .assert()
        .success()
        .stdout(contains("Decisions:    1"))
        .stderr(contains("Chart written to"));
    let png = std::fs::read(&chart).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 5_000);
    dir.cmd()
        .args(["decisions", "stats", "--chart", "/nonexistent/dir/c.png"])
        .assert()
        .failure()
        .stderr(contains("could not write the chart").and(contains("folder exists")));
}
