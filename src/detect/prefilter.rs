//! The cheap first look: does the raw message contain any stem of a fine-tuning term at all?
//!
//! One pass of an ASCII-case-insensitive Aho-Corasick automaton over the raw bytes, with no
//! allocation and no lowercasing. Most chat has none of the stems and stops here. A few stems
//! are common inside other words ("fin" in "find", "ft" in "left"), so each hit is checked
//! against its neighbours before it counts.
//!
//! The stems cover every spelling [`super::terms`] recognises; a test runs the whole corpus
//! with and without this filter and expects the same verdicts.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::DetectError;

/// What must surround a stem for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    /// Counts wherever it appears.
    Anywhere,
    /// "fin"/"fien": must continue into a "tune" spelling ("fine-tune", "fin tuning",
    /// "finnetune", "finegetunt").
    Tune,
    /// "fein": a "tune" spelling or "abstimmen" ("feintunen", "fein abstimmen").
    TuneOrAbstimm,
    /// A whole word: "ft", "sft".
    Word,
    /// Not after an "s": "train" but not "constraint", "strain".
    NotAfterS,
}

const STEMS: &[(&str, Check)] = &[
    ("fin", Check::Tune),
    ("fien", Check::Tune),
    ("fein", Check::TuneOrAbstimm),
    ("ft", Check::Word),
    ("sft", Check::Word),
    ("lora", Check::Anywhere),
    ("peft", Check::Anywhere),
    ("adapter", Check::Anywhere),
    ("adaptateur", Check::Anywhere),
    ("adaptador", Check::Anywhere),
    ("train", Check::NotAfterS),
    ("entraî", Check::Anywhere),
    ("entraÎ", Check::Anywhere),
    ("entren", Check::Anywhere),
    ("afin", Check::Anywhere),
    ("affiner", Check::Anywhere),
    ("affinons", Check::Anywhere),
    ("affiné", Check::Anywhere),
    ("affinÉ", Check::Anywhere),
    ("ajuste", Check::Anywhere),
];

/// The compiled stems.
#[derive(Debug)]
pub(crate) struct Prefilter {
    automaton: AhoCorasick,
}

impl Prefilter {
    pub fn new() -> Result<Prefilter, DetectError> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(STEMS.iter().map(|(stem, _)| stem))
            .map_err(|e| DetectError::Automaton(e.to_string()))?;
        Ok(Prefilter { automaton })
    }

    /// Whether `text` contains a stem that may start a fine-tuning term.
    pub fn may_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        self.automaton.find_overlapping_iter(text).any(|m| {
            let check = STEMS[m.pattern().as_usize()].1;
            passes(check, bytes, m.start(), m.end())
        })
    }
}

fn passes(check: Check, bytes: &[u8], start: usize, end: usize) -> bool {
    match check {
        Check::Anywhere => true,
        Check::Tune => tune_follows(bytes, end),
        Check::TuneOrAbstimm => tune_follows(bytes, end) || abstimm_follows(bytes, end),
        Check::Word => {
            let before = start.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(end).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric())
                && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        }
        Check::NotAfterS => !start
            .checked_sub(1)
            .is_some_and(|i| bytes[i].eq_ignore_ascii_case(&b's')),
    }
}

/// Skips spaces, hyphens, underscores and the UTF-8 dashes (‐ ‑ ‒ – — −) from `i`.
fn skip_separators(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b' ' | b'\t' | b'-' | b'_') => i += 1,
            Some(0xE2)
                if matches!(
                    bytes.get(i + 1..i + 3),
                    Some([0x80, 0x90..=0x94] | [0x88, 0x92])
                ) =>
            {
                i += 3
            }
            _ => return i,
        }
    }
}

fn skip_while_ci(bytes: &[u8], mut i: usize, c: u8) -> usize {
    while bytes.get(i).is_some_and(|b| b.eq_ignore_ascii_case(&c)) {
        i += 1;
    }
    i
}

fn starts_with_ci(bytes: &[u8], i: usize, prefix: &[u8]) -> bool {
    bytes
        .get(i..i + prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}

/// After "fin"/"fien"/"fein": more n's, an optional e, separators, an optional "ge" or "zu"
/// ("feingetunt", "feinzutunen"), then t's and a u.
fn tune_follows(bytes: &[u8], end: usize) -> bool {
    let mut i = skip_while_ci(bytes, end, b'n');
    if bytes.get(i).is_some_and(|b| b.eq_ignore_ascii_case(&b'e')) {
        i += 1;
    }
    i = skip_separators(bytes, i);
    if starts_with_ci(bytes, i, b"ge") || starts_with_ci(bytes, i, b"zu") {
        i += 2;
    }
    let t = skip_while_ci(bytes, i, b't');
    t > i && bytes.get(t).is_some_and(|b| b.eq_ignore_ascii_case(&b'u'))
}

fn abstimm_follows(bytes: &[u8], end: usize) -> bool {
    let i = skip_separators(bytes, end);
    starts_with_ci(bytes, i, b"ab")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str) -> bool {
        Prefilter::new().map(|p| p.may_match(text)).unwrap_or(false)
    }

    #[test]
    fn stems_of_every_spelling_pass() {
        for text in [
            "fine-tune",
            "Fine Tuning",
            "FINETUNE",
            "fin tune",
            "fien-tune",
            "finne-tune",
            "fine–tune",
            "fine - tune",
            "feintunen",
            "feingetunt",
            "fein abstimmen",
            "Feinabstimmung",
            "gefinetunt",
            "feinzutunen",
            "can we FT a model",
            "do SFT",
            "LoRA",
            "QLoRA",
            "PEFT",
            "an adapter",
            "retrain",
            "Training",
            "entraîner",
            "ENTRAÎNER",
            "entrenar",
            "afinar",
            "affiner",
            "affiné",
            "ajuste fino",
        ] {
            assert!(hit(text), "{text}");
        }
    }

    #[test]
    fn everyday_words_that_contain_stems_do_not_pass() {
        for text in [
            "that's fine",
            "find the file",
            "final",
            "define it",
            "left after soft drafts",
            "constraints",
            "the strain",
            "fine, tune in",
            "fine-grained",
            "affinity",
            "6ft",
        ] {
            assert!(!hit(text), "{text}");
        }
    }
}
