//! `tunegate guild settings GUILD_ID`, as a process: a server's effective settings with where
//! each comes from (the host configuration, or a change made in Discord by whom), and a clear
//! sentence for a mistyped id or a missing database.

use predicates::str::contains;

#[path = "support/cli.rs"]
mod cli_support;

use cli_support::Sandbox;
use tunegate::app::settings::Change;
use tunegate::app::{App, OpenMode, Person};
use tunegate::checklist::ChecklistContent;
use tunegate::config::Settings;
use tunegate::store::ServerId;

const GUILD: u64 = 1_100_000_000_000_000_100;

/// Records, as `/finetune-audit settings` would, a follow-up delay of 3 days and answer role 42
/// for `GUILD`, with the host's `user_cooldown_secs` at 4242.
fn changed_in_discord(s: &Sandbox) {
    let url = s.db_url();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let mut settings: Settings = toml::from_str(tunegate::config::DEFAULT_TOML).unwrap();
        settings.database.url = url;
        let app = App::open(
            &settings,
            ChecklistContent::built_in(),
            OpenMode::CreateAndMigrate,
        )
        .await
        .unwrap();
        app.change_settings(
            ServerId(GUILD),
            &Person::new("7", "ada"),
            true,
            &[
                Change::FollowUpAfterSecs(3 * 86_400),
                Change::AddAnswerRole(42),
            ],
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        app.close().await;
    });
}

#[test]
fn the_settings_say_which_values_a_server_changed_and_who_changed_them() {
    let s = Sandbox::new();
    changed_in_discord(&s);
    s.cmd()
        .env("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "4242")
        .args(["guild", "settings", &GUILD.to_string()])
        .assert()
        .success()
        .stdout(contains("follow_up_after        3 days"))
        .stdout(contains("set in Discord by ada (7)"))
        .stdout(contains("4242 s"))
        .stdout(contains("answer_roles           42"));
    let out = s
        .cmd()
        .args(["guild", "settings", &GUILD.to_string(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["settings"]["follow_up_after_secs"], 3 * 86_400);
    assert_eq!(json["settings"]["answer_roles"], serde_json::json!([42]));
    let origin = |key: &str| {
        json["origins"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o[0] == key)
            .unwrap()[1]["from"]
            .clone()
    };
    assert_eq!(origin("follow_up_after"), "server");
    assert_eq!(origin("detection"), "host");
    assert_eq!(json["history"].as_array().unwrap().len(), 2);
}

#[test]
fn another_server_keeps_the_host_configuration() {
    let s = Sandbox::new();
    changed_in_discord(&s);
    s.cmd()
        .args(["guild", "settings", "1100000000000000300"])
        .assert()
        .success()
        .stdout(contains("No changes made in Discord"))
        .stdout(contains("14 days"));
}

#[test]
fn a_mistyped_id_or_a_missing_database_is_a_sentence() {
    let s = Sandbox::new();
    s.cmd()
        .args(["guild", "settings", "general"])
        .assert()
        .failure()
        .stderr(contains("is not a Discord server id"));
    s.cmd()
        .args(["guild", "settings", &GUILD.to_string()])
        .assert()
        .failure()
        .stderr(contains("database"));
}
