//! Hostile input to the pure parts, as property tests: the custom id decoder, the detector and
//! the settings parser take anything without panicking, and say no to what they cannot use.
//!
//! `PROPTEST_CASES` sets the number of cases (default 256); the long-message property runs a
//! sixteenth of that.

use proptest::prelude::*;
use proptest::test_runner::Config;
use tunegate::checklist::{GateAnswer, Step};
use tunegate::config::{DEFAULT_TOML, Settings, Sources};
use tunegate::detect::Detector;
use tunegate::discord::custom_id::{Action, ComponentId, MAX_LEN};
use tunegate::store::WalkthroughId;

fn cases() -> u32 {
    Config::default().cases
}

fn detector() -> Detector {
    let settings: Settings = toml::from_str(DEFAULT_TOML).expect("default settings");
    Detector::new(&settings.detect).expect("default detector")
}

// ---- custom ids ----

/// Every (step, action) pair the bot puts on a component.
fn valid_pairs() -> Vec<(Step, Action)> {
    let mut pairs = Vec::new();
    let notes = [Action::AddNote, Action::SubmitNote];
    for action in [Action::PickGoal, Action::DescribeGoal, Action::Dismiss]
        .into_iter()
        .chain(notes)
    {
        pairs.push((Step::Goal, action));
    }
    for step in Step::ALL {
        if let Step::Gate(_) = step {
            for answer in [GateAnswer::Yes, GateAnswer::No, GateAnswer::NotSure] {
                pairs.push((step, Action::Gate(answer)));
            }
            pairs.extend(
                [(step, Action::Back)]
                    .into_iter()
                    .chain(notes.map(|a| (step, a))),
            );
        }
    }
    for action in [Action::PickDrivers, Action::NoDrivers, Action::Back]
        .into_iter()
        .chain(notes)
    {
        pairs.push((Step::Drivers, action));
    }
    pairs
}

fn valid_id() -> impl Strategy<Value = ComponentId> {
    let pairs = valid_pairs();
    (1..=i64::MAX, 0..pairs.len())
        .prop_map(move |(id, i)| ComponentId::new(WalkthroughId(id), pairs[i].0, pairs[i].1))
}

/// Text shaped like a custom id: the right prefix and separators, parts that are nearly
/// right (leading zeros, signs, spaces, case, unknown keys, extra parts, Unicode digits).
fn id_shaped() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![Just("tg1".to_string()), "[tT][gG][0-9]", ".{0,4}"];
    let number = prop_oneof![
        "[0-9]{1,20}",
        "0[0-9]{1,5}",
        "[+-][0-9]{1,5}",
        " ?[0-9]{1,5} ?",
        "[٠-٩０-９]{1,5}",
        Just("9223372036854775808".to_string()),
    ];
    let step = prop_oneof!["goal|g[0-9]|drivers|done", "[a-zA-Z0-9_]{0,8}"];
    let action = prop_oneof![
        "pick|describe|yes|no|not_sure|drivers|none|back|note|notesubmit|dismiss",
        "[A-Za-z_]{0,12}",
    ];
    let tail = prop_oneof![Just(String::new()), ":.{0,8}"];
    (prefix, number, step, action, tail).prop_map(|(p, n, s, a, t)| format!("{p}:{n}:{s}:{a}{t}"))
}

proptest! {
    #[test]
    fn decoding_any_text_never_panics(text in ".{0,300}") {
        let _ = ComponentId::decode(&text);
    }

    #[test]
    fn every_id_the_bot_writes_decodes_to_itself_within_discords_limit(id in valid_id()) {
        let text = id.to_string();
        prop_assert!(text.len() <= MAX_LEN, "{text}");
        prop_assert_eq!(ComponentId::decode(&text), Some(id));
    }

    #[test]
    fn only_the_bots_own_spelling_of_an_id_decodes(text in id_shaped()) {
        // Strict decoding: whatever is accepted is exactly what the bot would have written.
        if let Some(id) = ComponentId::decode(&text) {
            prop_assert_eq!(id.to_string(), text);
        }
    }

    #[test]
    fn anything_longer_than_100_characters_is_refused(id in valid_id(), pad in "[0-9a-z:]{1,200}") {
        let mut text = id.to_string();
        while text.len() <= MAX_LEN {
            text.push_str(&pad);
        }
        prop_assert_eq!(ComponentId::decode(&text), None);
    }
}

// ---- the detector ----

/// Messages built from the pieces the detector looks at: proposal phrases in four languages,
/// negations, markup, mentions, invisible and right-to-left characters, any Unicode.
fn message() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("we should fine-tune the model".to_string()),
        Just("finetune".to_string()),
        Just("fine-tuning".to_string()),
        Just("on devrait fine-tuner le modèle".to_string()),
        Just("sollten wir feinabstimmen".to_string()),
        Just("deberíamos hacer fine-tuning".to_string()),
        Just("don't".to_string()),
        Just("LoRA r=16".to_string()),
        "```|`|> |\\*\\*|\\|\\||~~|\n|@everyone|<@&[0-9]{3}>|https?://[a-z./]{0,12}",
        "[\u{200b}\u{202e}\u{feff}\u{0301}\u{fe0f}]{1,3}",
        ".{0,20}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #[test]
    fn the_detector_takes_any_message_without_panicking_and_decides_the_same_each_time(
        text in prop_oneof![message(), any::<String>()],
    ) {
        let d = detector();
        let first = d.detect(&text);
        prop_assert_eq!(&first, &d.detect(&text), "same detector, same text");
        prop_assert_eq!(&first, &detector().detect(&text), "a fresh detector agrees");
    }
}

proptest! {
    #![proptest_config(Config::with_cases((cases() / 16).max(1)))]

    #[test]
    fn the_detector_takes_long_messages(piece in message(), times in 1usize..2_000) {
        // Up to 16 KB, four times Discord's longest message: the detector's time grows with
        // the square of the number of proposal phrases, so far longer repetitive messages
        // would only measure that (a 180 KB message of "finetune" takes half a minute).
        let mut text = piece.repeat(times.min(16 * 1024 / piece.len().max(1)));
        text.push_str(" we should fine-tune the model");
        let d = detector();
        prop_assert_eq!(d.detect(&text), d.detect(&text));
    }
}

#[test]
fn the_detector_takes_a_megabyte_message() {
    let text = "fine-tune ``` > ||\u{202e}é 7b ".repeat(1024 * 1024 / 32);
    let d = detector();
    assert_eq!(d.detect(&text), d.detect(&text));
}

#[test]
fn the_detector_takes_a_word_ending_in_a_multibyte_letter() {
    // Found by the property above: a byte split inside "ĉ" panicked (the "7b" size check).
    for text in [
        "Ĉ: we should fine-tune the model",
        "should we fine-tune llamaé or 7ĉ?",
    ] {
        let _ = detector().detect(text);
    }
}

// ---- settings ----

/// TOML that looks like a tunegate config: the real sections and keys, and some others, with
/// values of every type, including the wrong ones.
fn config_text() -> impl Strategy<Value = String> {
    let section = prop_oneof![
        "database|checklist|detect|discord|log",
        "[a-z_.]{1,10}",
        Just("discord.extra".to_string()),
    ];
    let key = prop_oneof![
        "url|busy_timeout_ms|max_connections|file|enabled|languages|extra_phrases|extra_exclusions",
        "api_base|dev_guild_id|answer_roles|include_channels|exclude_channels|token",
        "channel_cooldown_secs|user_cooldown_secs|reminder_after_minutes|abandon_after_minutes",
        "request_timeout_secs|format",
        "[a-z_]{1,12}",
    ];
    let value = prop_oneof![
        "-?[0-9]{1,25}",
        "-?[0-9]{1,5}\\.[0-9]{0,5}(e[+-]?[0-9]{1,4})?",
        "true|false|nan|inf|-inf",
        "\"[^\"\\\\\n]{0,30}\"",
        "\"(sqlite://|http://|https://|sqlite:)[a-z0-9./:]{0,20}\"",
        "\\[\\]|\\[1, 2, 3\\]|\\[\"en\", \"xx\"\\]|\\[\"\"\\]|\\[18446744073709551615\\]",
        "\\{ a = 1 \\}|'''[a-z\n]{0,10}'''|1979-05-27T07:32:00Z",
        ".{0,10}",
    ];
    let line = prop_oneof![
        section.prop_map(|s| format!("[{s}]")),
        (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        ".{0,30}",
    ];
    prop::collection::vec(line, 0..24).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn parsing_any_config_text_never_panics(text in prop_oneof![config_text(), any::<String>()]) {
        let _ = toml::from_str::<Settings>(&text);
    }

    #[test]
    // figment::Jail returns its large error type by design; boxing it is not ours to do.
    #[allow(clippy::result_large_err)]
    fn loading_any_config_file_never_panics_and_what_loads_is_valid(text in config_text()) {
        figment::Jail::expect_with(|jail| {
            jail.create_file("tunegate.toml", &text)?;
            let loaded = Settings::load(&Sources {
                file: Some("tunegate.toml".into()),
                local_file: false,
            });
            if let Ok(settings) = loaded {
                assert!(settings.database.url.starts_with("sqlite:"));
                assert!(settings.database.max_connections >= 1);
                assert!(settings.discord.request_timeout_secs >= 1);
                assert!(
                    settings.discord.abandon_after_minutes > settings.discord.reminder_after_minutes
                );
                assert!(Detector::new(&settings.detect).is_ok(), "validated detect settings build");
            }
            Ok(())
        });
    }
}
