//! The `tunegate` binary as a person or a script uses it: exit codes, stdout, stderr.

use predicates::prelude::*;
use predicates::str::contains;

#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;

/// `tunegate check` with these arguments, in a sandbox.
trait Check {
    fn check(&self, args: &[&str]) -> assert_cmd::assert::Assert;
}

impl Check for Sandbox {
    fn check(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().arg("check").args(args).assert()
    }
}

const PREMATURE_FLAGS: [&str; 14] = [
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
];

#[test]
fn check_with_no_setup_runs_the_whole_checklist_from_piped_answers() {
    let s = Sandbox::new();
    s.cmd()
        .arg("check")
        .arg("--as")
        .arg("alice")
        .write_stdin("we should fine-tune for JSON\n1\ny\ny\ny\ny\n1,4\n")
        .assert()
        .success()
        .stdout(contains("JUSTIFIED"))
        .stdout(contains("Very high call volume (D1)"))
        .stdout(contains("Privacy (D4)"))
        .stderr(contains("Question 6 of 6"));
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .success()
        .stdout(contains("justified"))
        .stdout(contains("alice"))
        .stdout(contains("we should fine-tune for JSON"));
}

#[test]
fn check_answers_given_as_flags_are_not_asked_and_json_is_printed() {
    let s = Sandbox::new();
    let out = check_json(&s, &PREMATURE_FLAGS);
    assert_eq!(out["verdict"], "premature");
    assert_eq!(
        out["gates"],
        serde_json::json!(["no", "yes", "not_sure", "yes"])
    );
    let reasons = out["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), 2, "G1 and G3 fail: {reasons:?}");
}

fn check_json(s: &Sandbox, args: &[&str]) -> serde_json::Value {
    let out = s
        .cmd()
        .arg("check")
        .args(args)
        .arg("--json")
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn check_flags_reach_all_three_verdicts() {
    let s = Sandbox::new();
    let base = [
        "--topic",
        "t",
        "--goal",
        "tone_style",
        "--g1",
        "yes",
        "--g2",
        "yes",
        "--g3",
        "yes",
        "--g4",
        "yes",
    ];
    let with = |drivers: &str| {
        let mut v = base.to_vec();
        v.extend(["--drivers", drivers]);
        check_json(&s, &v)["verdict"].as_str().unwrap().to_string()
    };
    assert_eq!(with("none"), "not_justified_yet");
    assert_eq!(with("d2,d3"), "justified");
    assert_eq!(check_json(&s, &PREMATURE_FLAGS)["verdict"], "premature");
}

#[test]
fn check_stopped_by_end_of_input_keeps_an_abandoned_walkthrough_and_no_decision() {
    let s = Sandbox::new();
    s.cmd()
        .args(["check", "--topic", "half done"])
        .write_stdin("1\ny\n")
        .assert()
        .code(3)
        .stderr(contains("kept as abandoned"));
    s.cmd()
        .args(["decisions", "list", "--format", "json"])
        .assert()
        .success()
        .stdout(contains("\"status\": \"abandoned\""))
        .stdout(contains("\"verdict\": null"));
    s.cmd()
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("No verdict: the walkthrough is abandoned"));
}

#[test]
fn check_explains_an_unknown_answer_and_asks_again() {
    let s = Sandbox::new();
    s.cmd()
        .args(["check", "--topic", "t"])
        .write_stdin("9\n2\nmaybe\nn\nb\ny\nyes\nyes\nyes\n0\n")
        .assert()
        .success()
        .stderr(contains("\"9\" is not one of the choices"))
        .stderr(contains("\"maybe\" is not one of the choices"))
        .stdout(contains("NOT JUSTIFIED YET"));
}

#[test]
fn check_rejects_a_bad_flag_value_with_the_allowed_values() {
    Sandbox::new()
        .check(&["--g1", "perhaps"])
        .code(2)
        .stderr(contains("yes, no or not-sure"));
    Sandbox::new()
        .check(&["--drivers", "d9"])
        .code(2)
        .stderr(contains("d1, d2, d3, d4, or none"));
}

#[test]
fn show_prints_every_answer_and_escapes_hostile_text() {
    let s = Sandbox::new();
    let hostile = "@everyone \u{1b}[31mred\u{200b} **bold**";
    let mut args = PREMATURE_FLAGS.to_vec();
    args[1] = hostile;
    let note = "x".repeat(10_000);
    args.extend(["--note", &note]);
    s.check(&args).success();
    let out = s.cmd().args(["decisions", "show", "#1"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "escape sequences must not reach the terminal"
    );
    assert!(!text.contains('\u{200b}'));
    assert!(text.contains("\\u{1b}[31mred\\u{200b}"), "{text}");
    assert!(text.contains("G3       Not sure"), "{text}");
    assert!(
        text.contains(&note),
        "a 10,000-character note is shown in full"
    );
    let json = s
        .cmd()
        .args(["decisions", "show", "1", "--format", "json"])
        .output()
        .unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        parsed["walkthrough"]["trigger_text"], hostile,
        "stored faithfully"
    );
    assert_eq!(parsed["notes"][0]["body"].as_str().unwrap().len(), 10_000);
}

#[test]
fn show_of_an_unknown_id_says_how_to_find_ids() {
    let s = Sandbox::new();
    s.check(&PREMATURE_FLAGS).success();
    s.cmd()
        .args(["decisions", "show", "42"])
        .assert()
        .code(1)
        .stderr(contains("there is no walkthrough #42"))
        .stderr(contains("decisions list"));
    s.cmd()
        .args(["decisions", "show", "forty-two"])
        .assert()
        .code(2)
        .stderr(contains("positive whole number"));
}

#[test]
fn list_rejects_malformed_filters_clearly() {
    let s = Sandbox::new();
    s.check(&PREMATURE_FLAGS).success();
    s.cmd()
        .args(["decisions", "list", "--since", "last tuesday"])
        .assert()
        .code(2)
        .stderr(contains("YYYY-MM-DD"));
    s.cmd()
        .args(["decisions", "list", "--verdict", "great"])
        .assert()
        .code(2)
        .stderr(contains("premature, not-justified-yet or justified"));
    s.cmd()
        .args([
            "decisions",
            "list",
            "--since",
            "2026-11-02",
            "--until",
            "2026-11-01",
        ])
        .assert()
        .code(1)
        .stderr(contains("--since must be earlier than --until"));
}

#[test]
fn list_filters_and_formats() {
    let s = Sandbox::new();
    s.check(&PREMATURE_FLAGS).success();
    let mut justified = PREMATURE_FLAGS.to_vec();
    justified[5] = "yes";
    justified[9] = "yes";
    justified[1] = "latency";
    s.check(&justified).success();
    s.cmd()
        .args([
            "decisions",
            "list",
            "--verdict",
            "justified",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(contains("latency"))
        .stdout(contains("json output").not());
    s.cmd()
        .args(["decisions", "list", "--text", "JSON"])
        .assert()
        .success()
        .stdout(contains("json output"))
        .stdout(contains("latency").not());
    s.cmd()
        .args(["decisions", "list", "--until", "2001-01-01"])
        .assert()
        .success()
        .stdout(contains("No walkthroughs match"));
}

#[test]
fn export_writes_a_file_or_stdout_and_refuses_an_unwritable_path() {
    let s = Sandbox::new();
    s.check(&PREMATURE_FLAGS).success();
    s.cmd()
        .args([
            "decisions",
            "export",
            "--format",
            "jsonl",
            "--out",
            "out.jsonl",
        ])
        .assert()
        .success()
        .stderr(contains("Exported 1 walkthroughs"));
    let written = std::fs::read_to_string(s.dir.path().join("out.jsonl")).unwrap();
    let row: serde_json::Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    assert_eq!(row["verdict"], "premature");
    s.cmd()
        .args(["decisions", "export"])
        .assert()
        .success()
        .stdout(contains("id,created_at,source,status"));
    s.cmd()
        .args(["decisions", "export", "--out", "/nonexistent-dir/x.csv"])
        .assert()
        .code(1)
        .stderr(contains("could not create /nonexistent-dir/x.csv"));
}

#[test]
fn stats_summarise_verdicts_and_failing_gates() {
    let s = Sandbox::new();
    s.check(&PREMATURE_FLAGS).success();
    s.check(&PREMATURE_FLAGS).success();
    s.cmd()
        .args(["decisions", "stats"])
        .assert()
        .success()
        .stdout(contains("Decisions:    2  (premature 2"))
        .stdout(contains("Premature:    100.0%"))
        .stdout(contains("Most often failing gate: G1"));
    let out = s
        .cmd()
        .args(["decisions", "stats", "--format", "json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["by_verdict"]["premature"], 2);
}

#[test]
fn an_unwritable_database_location_is_explained() {
    let s = Sandbox::new();
    // `check` creates the database, so it is the command that meets an unwritable place.
    s.cmd()
        .env("DATABASE_URL", "sqlite:///nonexistent-dir/t.db")
        .arg("check")
        .args(PREMATURE_FLAGS)
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(contains("could not open the database"))
        .stderr(contains("DATABASE_URL"));
}

#[test]
fn a_corrupt_database_file_is_explained() {
    let s = Sandbox::new();
    std::fs::write(s.dir.path().join("t.db"), vec![7u8; 4096]).unwrap();
    s.cmd()
        .args(["decisions", "list"])
        .assert()
        .code(1)
        .stderr(contains("damaged"));
}

#[test]
fn config_check_prints_settings_with_the_token_redacted() {
    let s = Sandbox::new();
    s.cmd()
        .env("DISCORD_TOKEN", "MTIz.very.SECRET-token")
        .args(["config", "check"])
        .assert()
        .success()
        .stdout(contains("[redacted]"))
        .stdout(contains("checklist version: 2026.11+"))
        .stdout(contains("SECRET").not());
}

#[test]
fn config_check_names_the_bad_key_and_its_file() {
    let s = Sandbox::new();
    std::fs::write(
        s.dir.path().join("bad.toml"),
        "[discord]\nuser_cooldown_secs = \"soon\"\n",
    )
    .unwrap();
    s.cmd()
        .args(["--config", "bad.toml", "config", "check"])
        .assert()
        .code(1)
        .stderr(contains("user_cooldown_secs"))
        .stderr(contains("bad.toml"));
    s.cmd()
        .args(["--config", "missing.toml", "config", "check"])
        .assert()
        .code(1)
        .stderr(contains("missing.toml does not exist"));
    std::fs::write(s.dir.path().join("broken.toml"), "[discord\n").unwrap();
    s.cmd()
        .args(["--config", "broken.toml", "config", "check"])
        .assert()
        .code(1)
        .stderr(contains("broken.toml"));
}

#[test]
fn a_broken_custom_checklist_is_named() {
    let s = Sandbox::new();
    std::fs::write(s.dir.path().join("list.toml"), "label = \"x\"\n").unwrap();
    s.cmd()
        .env("TUNEGATE_CHECKLIST__FILE", "list.toml")
        .args(["config", "check"])
        .assert()
        .code(1)
        .stderr(contains("list.toml"))
        .stderr(contains("missing field"));
}

#[test]
fn a_local_config_file_is_picked_up_from_the_working_directory() {
    let s = Sandbox::new();
    std::fs::create_dir(s.dir.path().join("config")).unwrap();
    std::fs::write(
        s.dir.path().join("config/local.toml"),
        "[discord]\nuser_cooldown_secs = 42\n",
    )
    .unwrap();
    s.cmd()
        .args(["config", "check"])
        .assert()
        .success()
        .stdout(contains("user_cooldown_secs = 42"));
}

/// A labelled file in the corpus format: `groups` chat proposals and as many non-proposals.
fn corpus_file(path: &std::path::Path, groups: std::ops::Range<usize>) {
    use tunegate::detect::corpus::{CORPUS_HEADER, corpus_line};
    let mut text = format!("{CORPUS_HEADER}\n");
    for g in groups {
        let source = format!("feedback guild 1 message {g}");
        let yes = format!("we should fine-tune model {g} on our tickets");
        let no = format!("the fine-tuned model {g} shipped last week");
        text.push_str(&corpus_line(true, "proposal", "en", &yes, &source));
        text.push('\n');
        text.push_str(&corpus_line(false, "hard_negative", "en", &no, &source));
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_retrained_model_file_is_used_without_rebuilding_and_a_missing_one_is_named() {
    let s = Sandbox::new();
    let corpus = s.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    corpus_file(&corpus.join("train.tsv"), 0..20);
    corpus_file(&corpus.join("dev.tsv"), 20..25);
    corpus_file(&corpus.join("written.tsv"), 0..0);
    corpus_file(&s.path().join("feedback.tsv"), 25..35);
    s.cmd()
        .args([
            "detect",
            "train",
            "--out",
            "team-model.bin",
            "--corpus",
            "corpus",
        ])
        .args(["--written", "corpus/written.tsv", "feedback.tsv"])
        .assert()
        .success()
        .stdout(contains("20 extra"));
    let bytes = std::fs::read(s.path().join("team-model.bin")).unwrap();
    let team_model = tunegate::detect::model_id_of(&bytes);
    assert_ne!(team_model, tunegate::detect::embedded_model_id());

    let judged = |model_file: &str| {
        let out = s
            .cmd()
            .env("TUNEGATE_DETECT__MODEL_FILE", model_file)
            .args([
                "detect",
                "--format",
                "json",
                "we should fine-tune the model",
            ])
            .assert()
            .success();
        let line = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        serde_json::from_str::<serde_json::Value>(&line).unwrap()
    };
    assert_eq!(judged("team-model.bin")["model"], team_model.as_str());
    assert_eq!(
        judged("")["model"],
        tunegate::detect::embedded_model_id(),
        "empty is the built-in model"
    );

    // A model file that is not there stops `config check` (and the bot) with its path.
    s.cmd()
        .env("TUNEGATE_DETECT__MODEL_FILE", "/nowhere/model.bin")
        .args(["config", "check"])
        .assert()
        .failure()
        .stderr(contains("/nowhere/model.bin").and(contains("tunegate detect train")));
}
