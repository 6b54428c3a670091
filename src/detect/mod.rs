//! Decides whether a chat message proposes or asks to fine-tune a model.
//!
//! Pure: text in, [`Detection`] out, no I/O. It runs on every guild message, so the common case
//! (a message with none of the trigger vocabulary) must stay cheap: a single automaton pass over
//! the raw bytes rejects it before anything is allocated ([`prefilter`]). Messages that pass are
//! masked (code, quotes, links, mentions) and split into folded words ([`normalize`]); the
//! fine-tuning terms in them are found ([`terms`]) and each is judged in its clause against the
//! phrase tables of the active languages ([`phrases`], [`lexicon`], [`words`], [`rules`]). Configured phrases and
//! exclusions are plain case- and accent-insensitive substrings, applied last.

mod lexicon;
mod markup;
mod normalize;
mod phrases;
mod prefilter;
mod rules;
mod terms;
mod words;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use lexicon::Lang;
use lexicon::PhraseIndex;
use markup::mask_markup;
use normalize::{fold_text, tokenize};
use prefilter::Prefilter;
use rules::{Message, Verdict, Why, judge};
use words::is_ml_context;

/// The `[detect]` section of the configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DetectSettings {
    pub enabled: bool,
    pub languages: Vec<String>,
    pub extra_phrases: Vec<String>,
    pub extra_exclusions: Vec<String>,
}

/// A configured phrase shorter than this would match nearly every message.
const MIN_PHRASE_CHARS: usize = 3;

impl DetectSettings {
    /// Checks values serde cannot; the error is (key within `detect`, what is wrong).
    pub fn validate(&self) -> Result<(), (String, String)> {
        let supported = Lang::ALL.map(Lang::code).join(", ");
        if self.languages.is_empty() {
            return Err((
                "languages".to_string(),
                format!("must name at least one language (supported: {supported})"),
            ));
        }
        for code in &self.languages {
            if Lang::from_code(code).is_none() {
                return Err((
                    "languages".to_string(),
                    format!("names an unknown language {code:?} (supported: {supported})"),
                ));
            }
        }
        for (key, phrases) in [
            ("extra_phrases", &self.extra_phrases),
            ("extra_exclusions", &self.extra_exclusions),
        ] {
            for (n, phrase) in phrases.iter().enumerate() {
                let chars = phrase.trim().chars().count();
                if chars < MIN_PHRASE_CHARS {
                    return Err((
                        key.to_string(),
                        format!(
                            "entry {} ({phrase:?}) is too short: write at least \
                             {MIN_PHRASE_CHARS} characters, or it would match almost every message",
                            n + 1
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Why a [`Detector`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum DetectError {
    #[error("invalid detect setting `{key}`: {problem}")]
    InvalidSetting { key: String, problem: String },
    #[error("could not compile the detector's word list: {0}")]
    Automaton(String),
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detection {
    /// The message proposes (or asks about) fine-tuning: start a walkthrough.
    pub triggered: bool,
    /// The words of the message that decided it, as written (for quoting and for logs).
    pub matched: Option<String>,
    /// A short English sentence: why it triggered or why not.
    pub reason: String,
    /// The language of the phrase that decided it, when one did.
    pub language: Option<&'static str>,
}

/// The most characters of one message the detector reads.
pub const MAX_CHARS: usize = 4000;

impl Detection {
    /// A "does not trigger" verdict with its reason.
    pub fn quiet(reason: &str) -> Detection {
        Detection {
            triggered: false,
            matched: None,
            reason: reason.to_string(),
            language: None,
        }
    }
}

/// The detector, compiled once from [`DetectSettings`].
#[derive(Debug)]
pub struct Detector {
    prefilter: Prefilter,
    phrases: PhraseIndex,
    extras: Extras,
}

/// Configured phrases and exclusions, folded like the text they are compared with.
#[derive(Debug)]
struct Extras {
    phrases: Vec<(String, String)>,
    exclusions: Vec<(String, String)>,
    /// ASCII words of the phrases: an ASCII message without any of them cannot match.
    words: Option<aho_corasick::AhoCorasick>,
}

/// Pronouns quoted along with the cue that follows them.
const SUBJECTS: &[&str] = &["we", "i", "you", "on", "nous", "wir", "ich", "man", "yo"];

/// The longest matched span worth quoting; longer spans quote only the term.
const MAX_QUOTE_BYTES: usize = 160;

impl Detector {
    /// Compiles the detector for the given settings (validated again here).
    pub fn new(settings: &DetectSettings) -> Result<Detector, DetectError> {
        settings
            .validate()
            .map_err(|(key, problem)| DetectError::InvalidSetting { key, problem })?;
        let langs: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|l| settings.languages.iter().any(|c| c == l.code()))
            .collect();
        let fold = |phrases: &[String]| -> Vec<(String, String)> {
            phrases
                .iter()
                .map(|p| (p.trim().to_string(), collapse_spaces(&fold_text(p))))
                .collect()
        };
        let phrases = fold(&settings.extra_phrases);
        let words: Vec<String> = phrases
            .iter()
            .filter_map(|(_, folded)| {
                folded
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .max_by_key(|w| w.len())
                    .map(str::to_string)
            })
            .collect();
        let words = if phrases.is_empty() {
            None
        } else {
            Some(
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(&words)
                    .map_err(|e| DetectError::Automaton(e.to_string()))?,
            )
        };
        Ok(Detector {
            prefilter: Prefilter::new()?,
            phrases: PhraseIndex::new(&langs),
            extras: Extras {
                phrases,
                exclusions: fold(&settings.extra_exclusions),
                words,
            },
        })
    }

    /// Judges one message. Cheap when the message has none of the trigger vocabulary.
    pub fn detect(&self, text: &str) -> Detection {
        // Discord messages are at most 4,000 characters; a longer text (a file fed to
        // `tunegate detect`) is judged on its beginning, which keeps the cost bounded.
        let text = match text.char_indices().nth(MAX_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let builtin = self.prefilter.may_match(text);
        let extra = self.extras.may_match(text);
        if !builtin && !extra {
            return Detection::quiet("no trigger vocabulary");
        }
        let masked = mask_markup(text);
        let mut detection = if builtin && self.prefilter.may_match(&masked) {
            self.analyze(text, &masked)
        } else if builtin {
            Detection::quiet("no trigger vocabulary outside code, quotes and links")
        } else {
            Detection::quiet("no trigger vocabulary")
        };
        if detection.triggered && self.extras.exclusions.is_empty() {
            return detection;
        }
        let folded = collapse_spaces(&fold_text(&masked));
        let found = |list: &[(String, String)]| {
            list.iter()
                .find(|(_, f)| folded.contains(f.as_str()))
                .map(|(phrase, _)| phrase.clone())
        };
        if detection.triggered {
            if let Some(phrase) = found(&self.extras.exclusions) {
                detection = Detection {
                    triggered: false,
                    reason: format!("ignored: matches the configured exclusion \"{phrase}\""),
                    matched: Some(phrase),
                    language: None,
                };
            }
        } else if extra && let Some(phrase) = found(&self.extras.phrases) {
            detection = Detection {
                triggered: true,
                reason: format!("proposal: configured phrase \"{phrase}\""),
                matched: Some(phrase),
                language: None,
            };
        }
        detection
    }

    /// The built-in rules, on a message that passed the prefilter.
    fn analyze(&self, text: &str, masked: &str) -> Detection {
        let tokens = tokenize(masked);
        let found = terms::find_terms(&tokens, text, &self.phrases);
        if found.is_empty() {
            return Detection::quiet("no fine-tuning term (the vocabulary found is another word)");
        }
        let hits = self.phrases.scan(&tokens, text);
        let ml_context = (0..tokens.len()).any(|i| is_ml_context(tokens.word(i)));
        let message = Message {
            tokens: &tokens,
            hits: &hits,
            ml_context,
        };
        let verdicts: Vec<Verdict> = found.iter().map(|t| judge(&message, t)).collect();
        let chosen = verdicts
            .iter()
            .find(|v| v.why.is_none())
            .or_else(|| verdicts.first());
        let Some(v) = chosen else {
            return Detection::quiet("no fine-tuning term (the vocabulary found is another word)");
        };
        // Quote the subject with its cue: "we should fine-tune", not "should fine-tune".
        let subject = v.start > 0 && SUBJECTS.contains(&tokens.word(v.start - 1));
        let quote = quote(text, &tokens, v.start - usize::from(subject), v.end);
        let lang = v.lang.map(Lang::code);
        let reason = match v.why {
            None => match lang {
                Some(code) => format!("proposal: \"{quote}\" ({code})"),
                None => format!("proposal: \"{quote}\""),
            },
            Some(why) => format!("ignored: {} (\"{quote}\")", describe(why)),
        };
        Detection {
            triggered: v.why.is_none(),
            matched: Some(quote),
            reason,
            language: lang,
        }
    }
}

impl Extras {
    fn may_match(&self, text: &str) -> bool {
        match &self.words {
            None => false,
            // Accents in the message could hide a phrase word from the ASCII search.
            Some(words) => !text.is_ascii() || words.is_match(text),
        }
    }
}

fn describe(why: Why) -> &'static str {
    match why {
        Why::Trouble => "asks for help with a fine-tuning problem",
        Why::Negated => "negated",
        Why::Topic => "talks about fine-tuning rather than proposing it",
        Why::Rejected => "rejected",
        Why::Past => "reports past work",
        Why::OtherSense => "another sense of the word",
        Why::NoCue => "mentions fine-tuning without proposing it",
    }
}

/// The original text of tokens `start..end`, on one line, or of the first token if too long.
fn quote(text: &str, tokens: &normalize::Tokens, start: usize, end: usize) -> String {
    let span = |a: usize, b: usize| {
        let from = tokens.toks.get(a).map_or(0, |t| t.orig.start);
        let to = tokens
            .toks
            .get(b.saturating_sub(1))
            .map_or(from, |t| t.orig.end);
        text.get(from..to.max(from)).unwrap_or("")
    };
    let mut quoted = span(start, end);
    if quoted.len() > MAX_QUOTE_BYTES {
        quoted = span(start, start + 1);
    }
    collapse_spaces(quoted)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
