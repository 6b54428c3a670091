//! Decides whether a chat message proposes or asks to fine-tune a model.
//!
//! Pure: text in, [`Detection`] out, no I/O. It runs on every guild message, so the common case
//! (a message with none of the trigger vocabulary) must stay cheap: a single automaton pass over
//! the raw bytes rejects it before anything is allocated ([`prefilter`]). Messages that pass are
//! masked (code, quotes, links, mentions) and split into folded words ([`normalize`]); the
//! fine-tuning terms in them are found ([`terms`]) and each is judged in its clause against the
//! phrase tables of the active languages ([`phrases`], [`lexicon`], [`words`], [`rules`]).
//! What the rules conclude becomes a few features of a learned linear model ([`features`],
//! [`model`]), next to hashed word and character n-grams; its score (0..1) and the configured
//! thresholds give the [`Action`]: open a thread, suggest one, or nothing. Configured phrases
//! and exclusions are plain case- and accent-insensitive substrings, applied last.
//!
//! The model is trained by [`train`] on the labelled corpus read by [`corpus`]
//! (`tunegate detect train`); the weights are embedded in the binary.

pub mod corpus;
mod features;
mod lexicon;
mod markup;
pub mod metrics;
mod model;
mod normalize;
mod phrases;
mod prefilter;
mod roles;
mod rules;
mod terms;
pub mod train;
mod training;
mod words;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use features::Features;
use features::{Cue, featurize};
use lexicon::PhraseIndex;
use markup::mask_markup;
pub use model::{LinearModel, ModelError, embedded_model_id, model_id_of};
use normalize::{fold_text, tokenize};
use prefilter::Prefilter;
pub use roles::Lang;
use rules::{Message, Verdict, Why, judge};
pub use training::{
    CONVERSATION_WEIGHT, is_conversation, source_hash, train_on, training_examples,
    training_settings,
};
use words::is_ml_context;

/// The `[detect]` section of the configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DetectSettings {
    pub enabled: bool,
    pub languages: Vec<String>,
    pub extra_phrases: Vec<String>,
    pub extra_exclusions: Vec<String>,
    /// Model score from which the bot opens the walkthrough thread.
    #[serde(default = "default_thread_threshold")]
    pub thread_threshold: f32,
    /// Model score from which the bot only suggests the checklist.
    #[serde(default = "default_suggest_threshold")]
    pub suggest_threshold: f32,
    /// Minutes after which an unanswered suggestion's reply is removed.
    #[serde(default = "default_suggest_expires_minutes")]
    pub suggest_expires_minutes: u64,
    /// A model file written by `tunegate detect train`, read at start instead of the model built
    /// into the binary (a team's retrained model without rebuilding). Empty: the built-in one.
    #[serde(default)]
    pub model_file: String,
}

/// The shipped `suggest_expires_minutes` (also in `config/default.toml`).
pub const DEFAULT_SUGGEST_EXPIRES_MINUTES: u64 = 30;

fn default_suggest_expires_minutes() -> u64 {
    DEFAULT_SUGGEST_EXPIRES_MINUTES
}

/// The shipped `thread_threshold` (also in `config/default.toml`).
pub const DEFAULT_THREAD_THRESHOLD: f32 = 0.76;
/// The shipped `suggest_threshold` (also in `config/default.toml`).
pub const DEFAULT_SUGGEST_THRESHOLD: f32 = 0.19;

fn default_thread_threshold() -> f32 {
    DEFAULT_THREAD_THRESHOLD
}

fn default_suggest_threshold() -> f32 {
    DEFAULT_SUGGEST_THRESHOLD
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
        for (key, value) in [
            ("thread_threshold", self.thread_threshold),
            ("suggest_threshold", self.suggest_threshold),
        ] {
            if !(value > 0.0 && value <= 1.0) {
                return Err((
                    key.to_string(),
                    format!("must be a score above 0 and at most 1, not {value}"),
                ));
            }
        }
        if self.suggest_threshold > self.thread_threshold {
            return Err((
                "suggest_threshold".to_string(),
                format!(
                    "({}) must not be above thread_threshold ({}): a message that opens a \
                     thread is at least worth a suggestion",
                    self.suggest_threshold, self.thread_threshold
                ),
            ));
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
    #[error("the detector model cannot be read: {0}")]
    Model(#[from] ModelError),
    #[error(
        "detect.model_file {path} cannot be used: {problem}. Write one with `tunegate detect \
         train --out FILE`, or leave model_file empty to use the model built into tunegate"
    )]
    ModelFile { path: String, problem: String },
}

/// What the bot should do with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Open the walkthrough thread (score at or above `thread_threshold`).
    Thread,
    /// Offer the checklist gently (score at or above `suggest_threshold`, or a configured phrase).
    Suggest,
    /// Do nothing.
    None,
}

impl Action {
    /// The action for a model score under the given thresholds.
    pub fn for_score(score: f32, thread: f32, suggest: f32) -> Action {
        if score >= thread {
            Action::Thread
        } else if score >= suggest {
            Action::Suggest
        } else {
            Action::None
        }
    }
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detection {
    /// The message proposes (or asks about) fine-tuning: start a walkthrough. The same as
    /// `action == Action::Thread`.
    pub triggered: bool,
    /// What to do: open a thread, suggest the checklist, or nothing.
    pub action: Action,
    /// The model's probability that the message is a proposal, 0..1 (0 when the prefilter
    /// rejected it).
    pub score: f32,
    /// The words of the message that decided it, as written (for quoting and for logs).
    pub matched: Option<String>,
    /// A short English sentence: why it triggered or why not.
    pub reason: String,
    /// The language of the rule phrase that was found, when one was.
    pub language: Option<&'static str>,
}

/// The crate version and the embedded model id, as `tunegate --version` prints them.
pub fn version_with_model() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (detector model {})",
            env!("CARGO_PKG_VERSION"),
            embedded_model_id()
        )
    })
}

/// The most characters of one message the detector reads.
pub const MAX_CHARS: usize = 4000;

impl Detection {
    /// A "does not trigger" verdict with its reason.
    pub fn quiet(reason: &str) -> Detection {
        Detection {
            triggered: false,
            action: Action::None,
            score: 0.0,
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
    model: LinearModel,
    /// The id of `model` (the start of its file's SHA-256).
    model_id: String,
    thread_threshold: f32,
    suggest_threshold: f32,
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
    /// Compiles the detector for the given settings (validated again here), with the model file
    /// they name, or the embedded model when they name none.
    pub fn new(settings: &DetectSettings) -> Result<Detector, DetectError> {
        let path = settings.model_file.trim();
        if path.is_empty() {
            let model = LinearModel::from_bytes(model::EMBEDDED)?;
            return Detector::build(settings, model, embedded_model_id().to_string());
        }
        let unusable = |problem: String| DetectError::ModelFile {
            path: path.to_string(),
            problem,
        };
        let bytes = std::fs::read(path).map_err(|e| unusable(e.to_string()))?;
        let model = LinearModel::from_bytes(&bytes).map_err(|e| unusable(e.to_string()))?;
        Detector::build(settings, model, model_id_of(&bytes))
    }

    /// Compiles the detector with another model (training, evaluation).
    pub fn with_model(
        settings: &DetectSettings,
        model: LinearModel,
    ) -> Result<Detector, DetectError> {
        let id = model_id_of(&model.to_bytes());
        Detector::build(settings, model, id)
    }

    /// The id of the model this detector scores with, as `detect --format json` shows it.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    fn build(
        settings: &DetectSettings,
        model: LinearModel,
        model_id: String,
    ) -> Result<Detector, DetectError> {
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
            model,
            model_id,
            thread_threshold: settings.thread_threshold,
            suggest_threshold: settings.suggest_threshold,
        })
    }

    /// Judges one message. Cheap when the message has none of the trigger vocabulary.
    pub fn detect(&self, text: &str) -> Detection {
        let text = bounded(text);
        let builtin = self.prefilter.may_match(text);
        let extra = self.extras.may_match(text);
        if !builtin && !extra {
            return Detection::quiet("no trigger vocabulary");
        }
        let masked = mask_markup(text);
        let mut detection = if builtin && self.prefilter.may_match(&masked) {
            let (rules, tokens, cues) = self.analyze(text, &masked);
            let score = self.model.score(&message_features(&tokens, &cues));
            self.decide(rules, score)
        } else if builtin {
            Detection::quiet("no trigger vocabulary outside code, quotes and links")
        } else {
            Detection::quiet("no trigger vocabulary")
        };
        if self.extras.exclusions.is_empty() && self.extras.phrases.is_empty() {
            return detection;
        }
        let folded = collapse_spaces(&fold_text(&masked));
        let found = |list: &[(String, String)]| {
            list.iter()
                .find(|(_, f)| folded.contains(f.as_str()))
                .map(|(phrase, _)| phrase.clone())
        };
        if detection.action != Action::None
            && let Some(phrase) = found(&self.extras.exclusions)
        {
            detection = Detection {
                triggered: false,
                action: Action::None,
                score: detection.score,
                reason: format!("ignored: matches the configured exclusion \"{phrase}\""),
                matched: Some(phrase),
                language: None,
            };
        } else if detection.action == Action::None
            && extra
            && let Some(phrase) = found(&self.extras.phrases)
            && found(&self.extras.exclusions).is_none()
        {
            detection = Detection {
                triggered: false,
                action: Action::Suggest,
                score: detection.score,
                reason: format!("suggest: configured phrase \"{phrase}\""),
                matched: Some(phrase),
                language: None,
            };
        }
        detection
    }

    /// The hand-written rules alone, without the model: what they conclude becomes model
    /// features. `triggered` here is the rules' own verdict.
    pub fn detect_rules(&self, text: &str) -> Detection {
        let text = bounded(text);
        if !self.prefilter.may_match(text) {
            return Detection::quiet("no trigger vocabulary");
        }
        let masked = mask_markup(text);
        if !self.prefilter.may_match(&masked) {
            return Detection::quiet("no trigger vocabulary outside code, quotes and links");
        }
        self.analyze(text, &masked).0
    }

    /// The model's features for a message, or `None` when the prefilter rejects it (the model
    /// never sees such messages). Training and evaluation use exactly this.
    pub fn features(&self, text: &str) -> Option<Features> {
        let text = bounded(text);
        if !self.prefilter.may_match(text) {
            return None;
        }
        let masked = mask_markup(text);
        if !self.prefilter.may_match(&masked) {
            return None;
        }
        let (_, tokens, cues) = self.analyze(text, &masked);
        Some(message_features(&tokens, &cues))
    }

    /// Turns the rules' verdict and the model score into the final detection.
    fn decide(&self, rules: Detection, score: f32) -> Detection {
        let action = Action::for_score(score, self.thread_threshold, self.suggest_threshold);
        let verdict = match action {
            Action::Thread => "proposal",
            Action::Suggest => "maybe a proposal",
            Action::None => "not a proposal",
        };
        Detection {
            triggered: action == Action::Thread,
            action,
            score,
            reason: format!("{verdict} (score {score:.2}); rules: {}", rules.reason),
            matched: rules.matched,
            language: rules.language,
        }
    }

    /// The built-in rules, on a message that passed the prefilter: their verdict, the words,
    /// and the cues the model reads.
    fn analyze(&self, text: &str, masked: &str) -> (Detection, normalize::Tokens, Vec<Cue>) {
        let tokens = tokenize(masked);
        let found = terms::find_terms(&tokens, text, &self.phrases);
        if found.is_empty() {
            let quiet =
                Detection::quiet("no fine-tuning term (the vocabulary found is another word)");
            return (quiet, tokens, vec![Cue::NoTerm]);
        }
        let hits = self.phrases.scan(&tokens, text);
        let ml_context = (0..tokens.len()).any(|i| is_ml_context(tokens.word(i)));
        let message = Message {
            tokens: &tokens,
            hits: &hits,
            ml_context,
        };
        let verdicts: Vec<Verdict> = found.iter().map(|t| judge(&message, t)).collect();
        let mut cues: Vec<Cue> = verdicts.iter().map(|v| cue_of(v.why)).collect();
        cues.sort_by_key(|c| *c as u8);
        cues.dedup();
        let chosen = verdicts
            .iter()
            .find(|v| v.why.is_none())
            .or_else(|| verdicts.first());
        let Some(v) = chosen else {
            let quiet =
                Detection::quiet("no fine-tuning term (the vocabulary found is another word)");
            return (quiet, tokens, vec![Cue::NoTerm]);
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
        let detection = Detection {
            triggered: v.why.is_none(),
            action: if v.why.is_none() {
                Action::Thread
            } else {
                Action::None
            },
            score: if v.why.is_none() { 1.0 } else { 0.0 },
            matched: Some(quote),
            reason,
            language: lang,
        };
        (detection, tokens, cues)
    }
}

/// The model features of an analysed message.
fn message_features(tokens: &normalize::Tokens, cues: &[Cue]) -> Features {
    featurize(
        (0..tokens.len())
            .filter(|&i| tokens.is_word(i))
            .map(|i| tokens.word(i)),
        cues,
    )
}

fn cue_of(why: Option<Why>) -> Cue {
    match why {
        None => Cue::Proposed,
        Some(Why::Trouble) => Cue::Trouble,
        Some(Why::Negated) => Cue::Negated,
        Some(Why::Topic) => Cue::Topic,
        Some(Why::Rejected) => Cue::Rejected,
        Some(Why::Past) => Cue::Past,
        Some(Why::OtherSense) => Cue::OtherSense,
        Some(Why::NoCue) => Cue::Uncued,
    }
}

/// The start of a message the detector reads: Discord messages are at most 4,000 characters;
/// a longer text (a file fed to `tunegate detect`) is judged on its beginning, which keeps the
/// cost bounded.
fn bounded(text: &str) -> &str {
    // A character takes at least one byte: a text of at most MAX_CHARS bytes needs no count.
    if text.len() <= MAX_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
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
