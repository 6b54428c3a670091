//! The index that finds the phrases of the active languages in a tokenized message.
//!
//! The phrases themselves live in [`super::phrases`], their languages and roles in
//! [`super::roles`] (a module of its own, so that the tables and the index do not import each
//! other). The index maps each phrase's first word to
//! its phrases, so a scan costs one hash lookup per word; French and Spanish conditionals
//! ("réglerait", "ayudaría") are recognised by their endings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::{Kind, Tokens};
use super::phrases::entries;
use super::roles::{Lang, Role};

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
