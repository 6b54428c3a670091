//! `tunegate check` with the savings figures as flags, as a process: the estimate is quoted
//! under the verdict, stored with the decision, and a bad figure stops before anything is
//! recorded.

use predicates::str::contains;

#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;
use tunegate::store::Store;

/// JUSTIFIED by the volume driver alone.
const VOLUME_ALONE: [&str; 14] = [
    "--topic",
    "cheaper model for the classifier",
    "--goal",
    "cost-latency-privacy",
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
];

/// 200,000 requests a month: 450 a month on the generic model, 45 fine-tuned, a saving of
/// -2,595 after 3,000 upkeep: it never pays back 50,000 of training.
const SMALL_VOLUME: [&str; 10] = [
    "--requests-per-month",
    "200,000",
    "--input-tokens",
    "500",
    "--output-tokens",
    "100",
    "--training-cost",
    "50000",
    "--upkeep-per-month",
    "3000",
];

fn recorded_estimates(s: &Sandbox) -> usize {
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Store::open_url(&url).await.unwrap();
        let ids = store.list(&Default::default(), 10, 0).await.unwrap();
        let mut n = 0;
        for row in ids {
            n += store.cost_estimates_of(row.id).await.unwrap().len();
        }
        n
    })
}

#[test]
fn the_estimate_is_quoted_under_the_verdict_with_the_plain_warning_and_stored() {
    let s = Sandbox::new();
    s.cmd()
        .arg("check")
        .args(VOLUME_ALONE)
        .args(SMALL_VOLUME)
        .write_stdin("")
        .assert()
        .success()
        .stdout(contains("JUSTIFIED"))
        .stdout(contains("Savings estimate"))
        .stdout(contains("450.00"))
        .stdout(contains("never pays back"))
        .stdout(contains("does not pay back within 12 months"));
    assert_eq!(recorded_estimates(&s), 1);
}

#[test]
fn json_output_carries_the_five_figures_and_prices_default_from_the_configuration() {
    let s = Sandbox::new();
    let out = s
        .cmd()
        .arg("check")
        .args(VOLUME_ALONE)
        .args([
            "--requests-per-month",
            "10000000",
            "--input-tokens",
            "1000",
            "--output-tokens",
            "200",
            "--training-cost",
            "20000",
            "--upkeep-per-month",
            "5000",
            "--json",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &json["savings_estimate"];
    // config/default.toml's example prices: 2.5 in, 10 out, ratio 10.
    // 10M x (1000 x 2.5 + 200 x 10) / 1e6 = 45,000; / 10 = 4,500; - 5,000 upkeep = 35,500.
    assert_eq!(e["generic_monthly"], 45_000.0);
    assert_eq!(e["fine_tuned_monthly"], 4_500.0);
    assert_eq!(e["monthly_saving"], 35_500.0);
    assert_eq!(e["net_12_months"], 35_500.0 * 12.0 - 20_000.0);
    let months = e["break_even_months"].as_f64().unwrap();
    assert!((months - 20_000.0 / 35_500.0).abs() < 1e-12, "{months}");
    assert_eq!(json["verdict"], "justified");
}

#[test]
fn a_bad_or_missing_figure_names_its_flag_and_records_nothing() {
    let s = Sandbox::new();
    let mut negative = SMALL_VOLUME;
    negative[7] = "-50";
    s.cmd()
        .arg("check")
        .args(VOLUME_ALONE)
        .args(negative)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("--training-cost cannot be negative"));
    s.cmd()
        .arg("check")
        .args(VOLUME_ALONE)
        .args(["--requests-per-month", "2e13"])
        .args(&SMALL_VOLUME[2..])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains(
            "--requests-per-month is 20000000000000, more than",
        ));
    s.cmd()
        .arg("check")
        .args(VOLUME_ALONE)
        .args(&SMALL_VOLUME[..8])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("--upkeep-per-month is needed"));
    assert!(
        !s.path().join("t.db").exists(),
        "nothing was recorded, not even a database"
    );
}
