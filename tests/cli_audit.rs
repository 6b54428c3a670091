//! The offline audit in the terminal: reviewing a decision, seeing reviews in `show`, and the
//! statistics chart written as a PNG.

use predicates::prelude::*;
use predicates::str::contains;
use tunegate::store::WalkthroughId;

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

/// Records a JUSTIFIED decision (every gate Yes, the volume driver) with `tunegate check`.
fn decide_justified(dir: &Sandbox) {
    dir.cmd()
        .args([
            "check",
            "--topic",
            "ten million requests",
            "--goal",
            "output-format",
            "--g1",
            "yes",
            "--g2",
            "yes",
            "--g3",
            "yes",
            "--g4",
            "yes",
            "--drivers",
            "d1",
        ])
        .assert()
        .success();
}

#[test]
fn an_outcome_from_the_terminal_is_recorded_and_shown_counted_and_exported() {
    let dir = Sandbox::new();
    decide(&dir);
    dir.cmd()
        .args([
            "decisions",
            "outcome",
            "#1",
            "--result",
            "solved",
            "--note",
            "few-shot examples fixed it",
            "--by",
            "lead",
        ])
        .assert()
        .success()
        .stdout(contains(
            "Outcome #1 recorded for decision #1: Solved without fine-tuning.",
        ))
        .stdout(contains("Note: few-shot examples fixed it"));
    dir.cmd()
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("Outcomes:"))
        .stdout(contains("Solved without fine-tuning by lead (by hand)"))
        .stdout(contains("few-shot examples fixed it"));
    let json = dir
        .cmd()
        .args(["decisions", "show", "1", "--format", "json"])
        .output()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(detail["outcomes"][0]["result"], "solved");
    assert_eq!(detail["outcomes"][0]["recorded_by"]["id"], "cli:lead");
    assert_eq!(detail["outcomes"][0]["note"], "few-shot examples fixed it");
    assert_eq!(detail["cost_estimates"], serde_json::json!([]));

    dir.cmd()
        .args(["decisions", "stats"])
        .assert()
        .success()
        .stdout(contains(
            "PREMATURE decisions with an outcome: 1. Solved without fine-tuning: 1 (100.0%; the \
             checklist assumes 80%, 8 in 10). Partly: 0. Still need fine-tuning: 0.",
        ))
        .stdout(contains("Decisions awaiting an outcome: 0."));
    let json = dir
        .cmd()
        .args(["decisions", "stats", "--format", "json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(stats["outcomes"]["premature_with_outcome"], 1);
    assert_eq!(stats["outcomes"]["solved"], 1);
    assert_eq!(stats["outcomes"]["solved_share"], 1.0);
    assert_eq!(stats["outcomes"]["assumed_solved_share"], 0.8);
    assert_eq!(stats["outcomes"]["awaiting"], 0);

    let csv = dir.cmd().args(["decisions", "export"]).output().unwrap();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("outcome"), "solved");
    assert_eq!(cell("outcome_note"), "few-shot examples fixed it");
}

#[test]
fn an_outcome_that_cannot_be_recorded_is_refused_in_one_sentence() {
    let dir = Sandbox::new();
    decide(&dir);
    // Checklist #2 stops before its verdict.
    dir.cmd()
        .args(["check", "--topic", "half done"])
        .write_stdin("1\ny\n")
        .assert()
        .code(3);
    let refused = |args: &[&str], code: i32, says: &str| {
        let out = dir.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one sentence: {stderr}");
        assert!(out.stdout.is_empty());
    };
    refused(
        &["decisions", "outcome", "9", "--result", "solved"],
        1,
        "There is no decision #9",
    );
    refused(
        &["decisions", "outcome", "2", "--result", "solved"],
        1,
        "Checklist #2 has no verdict yet",
    );
    refused(
        &["decisions", "outcome", "1", "--result", "paid-off"],
        1,
        "\"Yes, and it paid off\" does not fit a PREMATURE decision; use one of: Solved without \
         fine-tuning (solved), Partly (partly), Still need fine-tuning (still-needed), Not tried \
         yet (not-tried).",
    );
    let long = "x".repeat(1001);
    refused(
        &[
            "decisions",
            "outcome",
            "1",
            "--result",
            "partly",
            "--note",
            &long,
        ],
        2,
        "The note is longer than 1000 characters",
    );
    // Results are spelt as the command line lists them (or as the refusal above names them).
    dir.cmd()
        .args(["decisions", "outcome", "1", "--result", "maybe"])
        .assert()
        .code(2)
        .stderr(contains("still-needed"));
    dir.cmd()
        .args(["decisions", "outcome", "1", "--result", "still_needed"])
        .assert()
        .success()
        .stdout(contains("Still need fine-tuning"));
    let json = dir
        .cmd()
        .args(["decisions", "show", "1", "--format", "json"])
        .output()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        detail["outcomes"].as_array().unwrap().len(),
        1,
        "only the accepted one"
    );
}

#[test]
fn show_quotes_the_latest_savings_estimate_with_its_five_figures() {
    use tunegate::app::{App, Recorder};
    use tunegate::checklist::ChecklistContent;
    use tunegate::checklist::cost::{CostInputs, FineTunedPrice};
    use tunegate::store::{Person, Store};

    let dir = Sandbox::new();
    decide_justified(&dir);
    let inputs = |requests_per_month: f64| CostInputs {
        requests_per_month,
        input_tokens: 500.0,
        output_tokens: 200.0,
        price_in: 2.5,
        price_out: 10.0,
        fine_tuned: FineTunedPrice::Ratio(10.0),
        training_cost: 20_000.0,
        upkeep_per_month: 3_000.0,
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let app = App::new(
            Store::open_url(&dir.db_url()).await.unwrap(),
            ChecklistContent::built_in(),
        );
        let lead = Person::new("cli:lead", "lead");
        for requests in [1_000.0, 10_000_000.0] {
            app.estimate_savings(
                WalkthroughId(1),
                &inputs(requests),
                Recorder::Terminal(&lead),
                None,
                chrono::Utc::now(),
            )
            .await
            .unwrap();
        }
        app.close().await;
    });
    let shown = dir.cmd().args(["decisions", "show", "1"]).output().unwrap();
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(
        text.contains("Savings estimate (latest of 2, by lead"),
        "{text}"
    );
    for (label, figure) in [
        ("generic model, a month", "32500.00"),
        ("fine-tuned model, a month", "3250.00"),
        ("saving a month, after upkeep", "26250.00"),
        ("break-even, months", "0.8"),
        ("net after 12 months", "295000.00"),
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {text}"));
        assert!(line.trim_end().ends_with(figure), "{line}");
    }
    let json = dir
        .cmd()
        .args(["decisions", "show", "1", "--format", "json"])
        .output()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let estimates = detail["cost_estimates"].as_array().unwrap();
    assert_eq!(estimates.len(), 2);
    assert_eq!(
        estimates[0]["estimate"]["break_even_months"],
        serde_json::Value::Null
    );
    assert_eq!(estimates[1]["estimate"]["monthly_saving"], 26_250.0);

    // An estimate that never pays back says "never".
    runtime.block_on(async {
        let app = App::new(
            Store::open_url(&dir.db_url()).await.unwrap(),
            ChecklistContent::built_in(),
        );
        let lead = Person::new("cli:lead", "lead");
        app.estimate_savings(
            WalkthroughId(1),
            &inputs(1_000.0),
            Recorder::Terminal(&lead),
            None,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        app.close().await;
    });
    dir.cmd()
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("latest of 3"))
        .stdout(predicate::str::is_match(r"break-even, months\s+never").unwrap());
}
