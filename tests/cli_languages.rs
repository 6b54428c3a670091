//! The terminal speaks the operator's language for what people read: `tunegate check` and the
//! audit output of `decisions show` and `decisions stats` follow `--lang`, or the terminal's
//! `LANG`; a language tunegate lacks means English. A team's locale override file is checked at
//! start: an unknown key or placeholder is refused with the key and the file.

use predicates::prelude::*;
use predicates::str::contains;

#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;

/// A PREMATURE decision (G2 is No), answered by flags.
const PREMATURE: [&str; 16] = [
    "--as",
    "alice",
    "--topic",
    "json output",
    "--goal",
    "output-format",
    "--g1",
    "yes",
    "--g2",
    "no",
    "--g3",
    "yes",
    "--g4",
    "yes",
    "--drivers",
    "none",
];

#[test]
fn check_with_lang_fr_walks_and_decides_in_french() {
    let s = Sandbox::new();
    s.cmd()
        .args(["--lang", "fr", "check"])
        .args(PREMATURE)
        .write_stdin("")
        .assert()
        .success()
        .stdout(contains("Verdict de la checklist #1 : PRÉMATURÉ"))
        .stdout(contains("Pourquoi :"))
        .stdout(contains(
            "Pas encore : une équipe pour maintenir le pipeline.",
        ))
        .stderr(contains("Le fine-tuning revient souvent sur la table"));
}

#[test]
fn the_audit_output_follows_lang_and_an_unknown_one_is_english() {
    let s = Sandbox::new();
    s.cmd().arg("check").args(PREMATURE).assert().success();
    s.cmd()
        .env("LANG", "de_DE.UTF-8")
        .args(["decisions", "show", "1"])
        .assert()
        .success()
        .stdout(contains("Urteil: VERFRÜHT"))
        .stdout(contains("Antworten in der gegebenen Reihenfolge"))
        .stdout(contains("Ausgabeformat"));
    s.cmd()
        .args(["--lang", "es-ES", "decisions", "stats"])
        .assert()
        .success()
        .stdout(contains("Decisiones:"))
        .stdout(contains("Decisiones PREMATURO con resultado: 0."));
    s.cmd()
        .env("LANG", "pt_BR.UTF-8")
        .args(["decisions", "stats"])
        .assert()
        .success()
        .stdout(contains("Walkthroughs: 1"))
        .stdout(contains("PREMATURE decisions with an outcome: 0."));
}

#[test]
fn a_team_override_changes_one_message_and_a_broken_one_stops_the_start_naming_key_and_file() {
    let s = Sandbox::new();
    let dir = s.dir.path().join("team-words");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("fr.ftl"),
        "checklist-premature-summary = Trop tôt : on commence par les bases.\n",
    )
    .unwrap();
    s.cmd()
        .env("TUNEGATE_CHECKLIST__LOCALES", "team-words")
        .args(["--lang", "fr", "check"])
        .args(PREMATURE)
        .assert()
        .success()
        .stdout(contains("Trop tôt : on commence par les bases."))
        .stdout(contains("Pourquoi :"));
    // The French summary changed; English, the canonical wording, did not: same version.
    s.cmd()
        .env("TUNEGATE_CHECKLIST__LOCALES", "team-words")
        .args(["config", "check"])
        .assert()
        .success()
        .stdout(contains("# checklist version: 2026.11+d65baee27024"));

    std::fs::write(dir.join("de.ftl"), "checklist-no-such-thing = x\n").unwrap();
    s.cmd()
        .env("TUNEGATE_CHECKLIST__LOCALES", "team-words")
        .args(["config", "check"])
        .assert()
        .code(1)
        .stderr(contains("team-words/de.ftl"))
        .stderr(contains("`checklist-no-such-thing`"));
    std::fs::write(
        dir.join("de.ftl"),
        "not-in-this-server = Checkliste { $nummer } fehlt.\n",
    )
    .unwrap();
    s.cmd()
        .env("TUNEGATE_CHECKLIST__LOCALES", "team-words")
        .args(["check"])
        .args(PREMATURE)
        .assert()
        .code(1)
        .stderr(contains("team-words/de.ftl"))
        .stderr(contains("`not-in-this-server`"))
        .stderr(contains("{ $nummer }").or(contains("$nummer")));
}
