//! Turns a message that passed the prefilter into the sparse features the learned model reads.
//!
//! One featurizer serves training and the bot, so a model scores exactly what it was trained
//! on. Three groups, each hashed into one table of [`DIM`] slots (FNV-1a, a namespace byte per
//! group, collisions tolerated):
//! - word 1- and 2-grams of the folded words (code, quotes, links and mentions already masked);
//! - character 3- to 5-grams of the same folded words joined by single spaces;
//! - the rule cues: what the hand-written rules concluded ([`Cue`]).
//!
//! The n-gram values are scaled so that a message's n-gram vector has unit length whatever its
//! size; cues keep the value 1. Only the first [`MAX_WORDS`] words are read, which bounds the
//! cost of a huge message.

use std::borrow::Cow;

/// log2 of the number of hashed slots.
pub(crate) const BITS: u32 = 18;
/// The number of hashed slots, the length of the model's weight vector.
pub(crate) const DIM: usize = 1 << BITS;
/// The most words of one message the featurizer reads.
pub(crate) const MAX_WORDS: usize = 64;

/// What the hand-written rules concluded about a message, as model features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// The rules judged a fine-tuning term proposed.
    Proposed,
    /// A term appears in a question about a problem with fine-tuning.
    Trouble,
    /// A term is negated.
    Negated,
    /// A term is talked about rather than proposed (how-to, docs, meta).
    Topic,
    /// A term is rejected ("is premature", "a mistake").
    Rejected,
    /// A term reports past work.
    Past,
    /// A term has another sense (tuning constants, CSS, people).
    OtherSense,
    /// A term appears without any cue either way.
    Uncued,
    /// The prefilter passed but the rules found no fine-tuning term.
    NoTerm,
}

impl Cue {
    fn slot(self) -> u8 {
        self as u8
    }
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

fn mix(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn slot(h: u32) -> u32 {
    // A last multiply spreads the low bits FNV leaves weak for short inputs.
    (h.wrapping_mul(0x9e37_79b1) >> (32 - BITS)) & ((1 << BITS) - 1)
}

/// The sparse features of one message: (slot, value) pairs; a slot may repeat.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Features {
    pub(crate) pairs: Vec<(u32, f32)>,
}

impl Features {
    /// The number of (slot, value) pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are no features at all.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// A word with each run of digits written as one `0`. Numbers in chat (versions, sizes, issue
/// and ticket numbers) say nothing about whether someone proposes fine-tuning, and the corpus
/// changed them when paraphrasing; read as they are, their n-grams only add noise to the score.
fn fold_digits(word: &str) -> Cow<'_, str> {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut in_number = false;
    for c in word.chars() {
        let digit = c.is_ascii_digit();
        if !digit {
            out.push(c);
        } else if !in_number {
            out.push('0');
        }
        in_number = digit;
    }
    Cow::Owned(out)
}

/// Builds the features of a message from its folded words and the rule cues.
pub(crate) fn featurize<'w>(words: impl Iterator<Item = &'w str>, cues: &[Cue]) -> Features {
    let words: Vec<Cow<'w, str>> = words
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(fold_digits)
        .collect();
    let mut pairs: Vec<(u32, f32)> = Vec::with_capacity(words.len() * 14 + cues.len() + 4);

    let word_seed = mix(FNV_OFFSET, b"w");
    let pair_seed = mix(FNV_OFFSET, b"b");
    for (i, w) in words.iter().enumerate() {
        pairs.push((slot(mix(word_seed, w.as_bytes())), 1.0));
        let prev: &str = if i == 0 { "^" } else { &words[i - 1] };
        let h = mix(mix(mix(pair_seed, prev.as_bytes()), b" "), w.as_bytes());
        pairs.push((slot(h), 1.0));
    }
    // Skip-grams: "should ... tune", "on ... data": the cue and the term are often one word apart.
    let skip_seed = mix(FNV_OFFSET, b"s");
    for pair in words.windows(3) {
        let h = mix(
            mix(mix(skip_seed, pair[0].as_bytes()), b" _ "),
            pair[2].as_bytes(),
        );
        pairs.push((slot(h), 1.0));
    }
    if let Some(last) = words.last() {
        let h = mix(mix(pair_seed, last.as_bytes()), b" $");
        pairs.push((slot(h), 1.0));
    }

    // Character n-grams over " w1 w2 ... wn ", so word edges are part of the grams. Each gram
    // hashes the UTF-8 bytes of its characters, read straight from the joined text.
    let mut joined = String::with_capacity(words.iter().map(|w| w.len() + 1).sum::<usize>() + 1);
    joined.push(' ');
    for w in &words {
        joined.push_str(w);
        joined.push(' ');
    }
    let bytes = joined.as_bytes();
    let starts: Vec<usize> = joined
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(joined.len()))
        .collect();
    for n in 3..=5usize {
        let seed = mix(FNV_OFFSET, &[b'c', n as u8]);
        for edge in starts.windows(n + 1) {
            pairs.push((slot(mix(seed, &bytes[edge[0]..edge[n]])), 1.0));
        }
    }

    if !pairs.is_empty() {
        let scale = 1.0 / (pairs.len() as f32).sqrt();
        for pair in &mut pairs {
            pair.1 = scale;
        }
    }
    let cue_seed = mix(FNV_OFFSET, b"r");
    for cue in cues {
        pairs.push((slot(mix(cue_seed, &[cue.slot()])), 1.0));
    }
    Features { pairs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_is_inside_the_table() {
        let f = featurize(
            ["we", "should", "fine", "tune", "it"].into_iter(),
            &[Cue::Proposed],
        );
        assert!(f.pairs.iter().all(|&(s, _)| (s as usize) < DIM));
    }

    #[test]
    fn the_ngram_part_has_unit_length_and_cues_weigh_one() {
        let f = featurize(["maybe", "finetune"].into_iter(), &[Cue::Past]);
        let (ngrams, cues) = f.pairs.split_at(f.pairs.len() - 1);
        let norm: f32 = ngrams.iter().map(|&(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
        assert_eq!(cues[0].1, 1.0);
    }

    #[test]
    fn the_same_words_give_the_same_features() {
        let a = featurize(["lora", "on", "our", "tickets"].into_iter(), &[]);
        let b = featurize(["lora", "on", "our", "tickets"].into_iter(), &[]);
        assert_eq!(a, b);
    }

    #[test]
    fn a_huge_message_is_read_only_up_to_the_word_limit() {
        let many = std::iter::repeat_n("word", 100_000);
        let f = featurize(many, &[]);
        assert!(f.len() < MAX_WORDS * 20);
    }

    #[test]
    fn numbers_are_read_as_numbers_not_as_their_digits() {
        assert_eq!(fold_digits("162"), "0");
        assert_eq!(fold_digits("llama3.1-8b"), "llama0.0-0b");
        assert_eq!(fold_digits("tickets"), "tickets");
        let with = |n: &'static str| featurize(["tune", "model", n].into_iter(), &[]);
        assert_eq!(with("162"), with("7"));
        assert_ne!(with("162"), with("v"));
    }

    #[test]
    fn no_words_and_no_cues_give_no_features() {
        assert!(featurize(std::iter::empty(), &[]).is_empty());
    }
}
