//! Languages, phrase roles, and the index that finds the phrases of the active languages in a
//! tokenized message.
//!
//! The phrases themselves live in [`super::phrases`]. The index maps each phrase's first word to
//! its phrases, so a scan costs one hash lookup per word; French and Spanish conditionals
//! ("réglerait", "ayudaría") are recognised by their endings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::{Kind, Tokens};
use super::phrases::entries;

/// A language the detector knows phrasings for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// The code used in the configuration and in reasons: "en", "fr", "de", "es".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// What a phrase does to a fine-tuning term in the same clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Proposes, before or after the term: "should", "maybe", "would help".
    Proposal,
    /// Proposes only before the term: "let's", "why not", "how about".
    ProposalBefore,
    /// Proposes only after the term: "... is the way to go".
    ProposalAfter,
    /// Proposes in a question when the term follows it directly: "do we fine-tune?".
    QuestionLead,
    /// A negated phrase that still proposes: "why don't we". Cancels the clause's negations.
    Rhetorical,
    /// The same, only in a question: "shouldn't we ...?", "sollten wir nicht ...?".
    RhetoricalQuestion,
    /// Negates a term that follows it in the clause, or that it follows when nothing before the
    /// term proposes it: "not", "no need to"; "fine-tuning won't help".
    Negation,
    /// Negates only a term that follows it: "instead of", "rather than", "without", "before"
    /// ("fine-tune it instead of prompting" still proposes).
    NegationBefore,
    /// Makes the term a topic rather than a plan: "someone asked if we could", "learn how".
    Topic,
    /// Asks the others what they think, after the term: "..., thoughts?", "ça vous dit ?".
    Solicit,
    /// Rejects a term that precedes it in the clause: "... is premature", "... is overkill".
    Rejection,
    /// Reports work already done: "yesterday", "is live", "already".
    Past,
    /// Makes a past form hypothetical: "what if we fine-tuned".
    Hypothetical,
    /// Asks for help with a problem: "error", "OOM", "how do I".
    Trouble,
}

/// One phrase of the active languages, split into words.
#[derive(Debug)]
struct Phrase {
    words: Vec<&'static str>,
    role: Role,
    lang: Lang,
}

/// Where a phrase matched: token indexes `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub role: Role,
    pub lang: Lang,
    pub start: usize,
    pub end: usize,
}

/// The phrases of the active languages, indexed by first word so a scan costs one hash lookup
/// per word.
#[derive(Debug)]
pub(crate) struct PhraseIndex {
    by_first: FastMap<&'static str, Vec<Phrase>>,
    langs: Vec<Lang>,
}

impl PhraseIndex {
    pub fn new(langs: &[Lang]) -> PhraseIndex {
        let mut by_first: FastMap<&'static str, Vec<Phrase>> = FastMap::default();
        for &lang in langs {
            for (role, phrases) in entries(lang) {
                for phrase in *phrases {
                    let words: Vec<&'static str> = phrase.split(' ').collect();
                    by_first.entry(words[0]).or_default().push(Phrase {
                        words,
                        role: *role,
                        lang,
                    });
                }
            }
        }
        PhraseIndex {
            by_first,
            langs: langs.to_vec(),
        }
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }

    /// Every phrase occurrence in `tokens`, in order of start. `original` is the message the
    /// tokens point into (accents there tell a Spanish conditional "ayudaría" from a noun).
    pub fn scan(&self, tokens: &Tokens, original: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..tokens.len() {
            if !tokens.is_word(i) {
                continue;
            }
            let word = tokens.word(i);
            if let Some(phrases) = self.by_first.get(word) {
                for p in phrases {
                    if let Some(end) = match_at(tokens, i, &p.words) {
                        hits.push(Hit {
                            role: p.role,
                            lang: p.lang,
                            start: i,
                            end,
                        });
                    }
                }
            }
            if let Some(lang) = self.conditional(word, tokens.original(i, original)) {
                hits.push(Hit {
                    role: Role::Proposal,
                    lang,
                    start: i,
                    end: i + 1,
                });
            }
        }
        hits
    }

    /// French and Spanish conditionals propose on their own: "un LoRA réglerait ça",
    /// "je verrais bien un modèle fine-tuné", "un adaptador lo arreglaría".
    fn conditional(&self, word: &str, original: &str) -> Option<Lang> {
        const FR_ENDINGS: [&str; 5] = ["rait", "raient", "rions", "riez", "rais"];
        let fr = self.has(Lang::Fr)
            && word.len() >= 7
            && FR_ENDINGS.iter().any(|e| word.ends_with(e))
            && !word.contains("trait");
        if fr {
            return Some(Lang::Fr);
        }
        const ES_ENDINGS: [&str; 4] = ["ría", "rían", "ríamos", "rías"];
        const ES_NOUNS: [&str; 12] = [
            "categoria",
            "bateria",
            "libreria",
            "galeria",
            "loteria",
            "cafeteria",
            "ingenieria",
            "mayoria",
            "minoria",
            "teoria",
            "auditoria",
            "consultoria",
        ];
        let lower = original.to_lowercase();
        let es = self.has(Lang::Es)
            && word.len() >= 6
            && ES_ENDINGS.iter().any(|e| lower.ends_with(e))
            && !ES_NOUNS.iter().any(|n| word.starts_with(n));
        es.then_some(Lang::Es)
    }
}

fn match_at(tokens: &Tokens, start: usize, words: &[&str]) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        let i = start + k;
        if tokens.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
            return None;
        }
        if *w != "*" && tokens.word(i) != *w {
            return None;
        }
    }
    Some(start + words.len())
}

/// FNV-1a: a fast hash for the short, trusted keys of these tables (the standard SipHash
/// guards against hostile keys, which a fixed word list does not need).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::normalize::fold_text;

    #[test]
    fn every_phrase_is_written_folded_and_single_spaced() {
        for lang in Lang::ALL {
            for (role, phrases) in entries(lang) {
                for phrase in *phrases {
                    let folded = fold_text(phrase);
                    assert_eq!(&folded, phrase, "{lang:?} {role:?}: write it folded");
                    assert!(
                        !phrase.contains("  ") && phrase.trim() == *phrase,
                        "{phrase:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("pt"), None);
    }
}
