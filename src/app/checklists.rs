//! The checklist in each language: the team's label and thresholds (`config/checklist.toml` or
//! `checklist.file`) with the words of `locales/<lang>/checklist.ftl`.
//!
//! The English content is the canonical one: its hash is the checklist version recorded with
//! each decision, so a team that rewords the English checklist sees a new version in the
//! audit, while a translation says the same checklist and does not change it.

use std::collections::BTreeMap;

use super::lang::Lang;
use super::words::{Words, words};
use crate::checklist::ChecklistContent;
use crate::checklist::content::{ChecklistFile, ContentError};

/// The placeholders the core fills itself, passed through Fluent unchanged.
const KEPT: &[(&str, &str)] = &[
    ("min_examples", "{min_examples}"),
    ("specialised_examples", "{specialised_examples}"),
    ("monthly_requests", "{monthly_requests}"),
    ("cost_factor", "{cost_factor}"),
    ("gate", "{gate}"),
    ("driver", "{driver}"),
];

impl ChecklistContent {
    /// The built-in checklist in English, with the words this process says.
    pub fn built_in() -> ChecklistContent {
        // The built-in file and locale files are tested (`built_in_content_is_whole`), so this
        // cannot fail in a released binary.
        ChecklistContent::load("").unwrap_or_else(|e| panic!("built-in checklist is broken: {e}"))
    }

    /// The checklist of `path` (the built-in one when empty) in English.
    pub fn load(path: &str) -> Result<ChecklistContent, ContentError> {
        let file = ChecklistFile::load(path)?;
        in_lang(words(), &file, Lang::En)
    }
}

/// `file`'s checklist with the words of `lang`. English keeps the threshold placeholders (the
/// canonical content, hashed as the version, filled by the core with 1,000-style numbers);
/// the other languages get their thresholds written the way they write numbers (1 000, 1.000).
pub fn in_lang(
    words: &Words,
    file: &ChecklistFile,
    lang: Lang,
) -> Result<ChecklistContent, ContentError> {
    let t = &file.thresholds;
    let numbers = [
        group_thousands_in(lang, t.min_examples),
        group_thousands_in(lang, t.specialised_examples),
        group_thousands_in(lang, t.monthly_requests),
        t.cost_factor.to_string(),
    ];
    let args: Vec<(&str, &str)> = KEPT
        .iter()
        .enumerate()
        .map(|(i, (name, kept))| match (lang, numbers.get(i)) {
            (Lang::En, _) | (_, None) => (*name, *kept),
            (_, Some(number)) => (*name, number.as_str()),
        })
        .collect();
    let text = |key: &str| words.say(lang, key, &args);
    ChecklistContent::from_texts(file, &text, &format!("locales/{lang}/checklist.ftl"))
}

/// A whole number with its thousands grouped the way `lang` writes them: 10,000,000 in English,
/// 10 000 000 in French (no-break spaces), 10.000.000 in German and Spanish.
pub fn group_thousands_in(lang: Lang, n: u64) -> String {
    let english = crate::checklist::content::group_thousands(n);
    match lang {
        Lang::En => english,
        Lang::Fr => english.replace(',', "\u{a0}"),
        Lang::De | Lang::Es => english.replace(',', "."),
    }
}

/// The checklist in every language; English is the one passed in.
pub fn every_lang(english: &ChecklistContent) -> BTreeMap<Lang, ChecklistContent> {
    let file = ChecklistFile {
        label: english.label.clone(),
        thresholds: english.thresholds.clone(),
    };
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let content = match lang {
                Lang::En => english.clone(),
                other => in_lang(words(), &file, other).unwrap_or_else(|e| {
                    // Caught by the tests for the built-in files; an override cannot empty a
                    // question either (it is checked at start), so English stands in.
                    tracing::error!(lang = other.code(), error = %e, "checklist words unusable");
                    english.clone()
                }),
            };
            (lang, content)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Gate;

    #[test]
    fn built_in_content_is_whole_in_every_language() {
        let en = ChecklistContent::built_in();
        let all = every_lang(&en);
        assert_eq!(all.len(), 4);
        let thousand = [
            (Lang::En, "1,000"),
            (Lang::Fr, "1\u{a0}000"),
            (Lang::De, "1.000"),
            (Lang::Es, "1.000"),
        ];
        for (lang, content) in &all {
            let q = content.render(&content.gate(Gate::Examples).question);
            let written = thousand.iter().find(|(l, _)| l == lang).map(|(_, w)| *w);
            assert!(q.contains(written.unwrap_or_default()), "{lang}: {q}");
            assert!(!q.contains('{'), "{lang}: {q}");
            assert!(
                content.verdicts.premature.failing_gate.contains("{gate}"),
                "{lang}"
            );
            assert!(
                content.verdicts.justified.carried_by.contains("{driver}"),
                "{lang}"
            );
        }
        assert_ne!(all[&Lang::Fr].goal.question, en.goal.question);
    }

    #[test]
    fn the_version_is_the_english_content_and_moves_with_a_text_or_threshold() {
        let a = ChecklistContent::built_in();
        // The same hash as when these words lived in config/checklist.toml.
        assert_eq!(a.version(), "2026.11+d65baee27024");
        let mut b = a.clone();
        b.thresholds.min_examples = 2000;
        assert_ne!(a.version(), b.version());
        let mut c = a.clone();
        c.gates.g3.question.push('!');
        assert_ne!(a.version(), c.version());
    }
}
