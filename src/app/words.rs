//! The application's sentences for people, read from `config/messages.toml` (built into the
//! binary) and looked up by key, so that no sentence is written twice and the localisation
//! issue can swap the file for one per language.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::checklist::outcome::OutcomeResult;
use crate::store::OutcomeStats;

/// The built-in sentences, as shipped.
pub const MESSAGES_TOML: &str = include_str!("../../config/messages.toml");

static MESSAGES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    // A broken built-in file is caught by the unit test below, so it never ships; should it
    // happen anyway, every sentence falls back to its key rather than stopping the bot.
    toml::from_str(MESSAGES_TOML).unwrap_or_else(|e| {
        tracing::error!(error = %e, "config/messages.toml does not parse");
        HashMap::new()
    })
});

/// The sentence `key` with each `{name}` replaced by its value from `args`.
pub fn say(key: &str, args: &[(&str, &str)]) -> String {
    let Some(template) = MESSAGES.get(key) else {
        tracing::error!(key, "no sentence for this key in config/messages.toml");
        return key.to_string();
    };
    let mut text = template.clone();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Whether `key` has a sentence (for tests of the keys the application uses).
pub fn has(key: &str) -> bool {
    MESSAGES.contains_key(key)
}

/// A recorded result in the words of its follow-up button ("Solved without fine-tuning").
pub fn outcome_result(result: OutcomeResult) -> String {
    say(&format!("outcome-result-{}", result.key()), &[])
}

/// The detector's precision in production, one line per action, as `decisions stats` and
/// `/finetune-audit stats` show it.
pub fn detection_precision_lines(d: &crate::store::DetectionPrecision) -> [String; 2] {
    let line = |key: &str, a: &crate::store::ActionPrecision| {
        say(
            key,
            &[
                ("started", &a.started.to_string()),
                ("dismissed", &a.dismissed.to_string()),
                ("expired", &a.expired.to_string()),
                ("precision", &percent(a.precision)),
            ],
        )
    };
    [
        line("stats-detection-thread", &d.thread),
        line("stats-detection-suggest", &d.suggest),
    ]
}

/// A share (0..=1) as a percentage with one decimal, `-` without any.
pub fn percent(share: Option<f64>) -> String {
    share.map_or("-".into(), |s| format!("{:.1}%", s * 100.0))
}

/// The team's own rate as the lines `decisions stats` and `/finetune-audit stats` both show:
/// PREMATURE decisions and how they turned out next to the assumed "8 in 10", JUSTIFIED ones
/// and how many paid off, and how many decisions still await an outcome.
pub fn outcome_stats_lines(s: &OutcomeStats) -> [String; 3] {
    let assumed = say(
        "stats-outcomes-assumed",
        &[
            (
                "percent",
                &format!("{:.0}%", s.assumed_solved_share * 100.0),
            ),
            (
                "in_ten",
                &format!("{:.0}", (s.assumed_solved_share * 10.0).round()),
            ),
        ],
    );
    [
        say(
            "stats-outcomes-premature",
            &[
                ("count", &s.premature_with_outcome.to_string()),
                ("solved", &s.solved.to_string()),
                ("share", &percent(s.solved_share)),
                ("assumed", &assumed),
                ("partly", &s.partly.to_string()),
                ("still_needed", &s.still_needed.to_string()),
            ],
        ),
        say(
            "stats-outcomes-justified",
            &[
                ("count", &s.justified_with_outcome.to_string()),
                ("paid_off", &s.paid_off.to_string()),
                ("share", &percent(s.paid_off_share)),
                ("no_gain", &s.no_gain.to_string()),
                ("dropped", &s.dropped.to_string()),
            ],
        ),
        say(
            "stats-outcomes-awaiting",
            &[("awaiting", &s.awaiting.to_string())],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_result_has_the_words_of_its_follow_up_button() {
        for result in OutcomeResult::ALL {
            let words = outcome_result(*result);
            assert!(!words.starts_with("outcome-result-"), "{result}: {words}");
        }
        assert_eq!(
            outcome_result(OutcomeResult::StillNeeded),
            "Still need fine-tuning"
        );
        assert_eq!(
            outcome_result(OutcomeResult::PaidOff),
            "Yes, and it paid off"
        );
    }

    #[test]
    fn the_teams_rate_is_said_next_to_the_assumed_eight_in_ten() {
        let stats = OutcomeStats {
            premature_with_outcome: 4,
            solved: 3,
            partly: 1,
            solved_share: Some(0.75),
            assumed_solved_share: 0.8,
            justified_with_outcome: 0,
            awaiting: 5,
            ..OutcomeStats::default()
        };
        let [premature, justified, awaiting] = outcome_stats_lines(&stats);
        assert_eq!(
            premature,
            "PREMATURE decisions with an outcome: 4. Solved without fine-tuning: 3 (75.0%; the \
             checklist assumes 80%, 8 in 10). Partly: 1. Still need fine-tuning: 0."
        );
        assert_eq!(
            justified,
            "JUSTIFIED decisions with an outcome: 0. Paid off: 0 (-). No clear gain: 0. \
             Dropped: 0."
        );
        assert_eq!(awaiting, "Decisions awaiting an outcome: 5.");
    }

    #[test]
    fn the_built_in_sentences_parse_and_fill_their_placeholders() {
        let parsed: Result<HashMap<String, String>, _> = toml::from_str(MESSAGES_TOML);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(
            say("not-in-this-server", &[("id", "7")]),
            "There is no checklist #7 in this server. `/finetune-audit history` lists them."
        );
    }

    #[test]
    fn an_unknown_key_says_the_key() {
        assert_eq!(say("no-such-key", &[]), "no-such-key");
    }
}
