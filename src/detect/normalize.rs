//! Turns raw chat text into words the rules can read.
//!
//! [`tokenize`] reads text already masked by [`super::markup`] (so byte positions still point
//! into the original message); it folds case and accents ("Modèle" -> "modele", "würde" -> "wuerde"), expands contractions
//! ("don't" -> "do not", "l'équipe" -> "le equipe") and keeps the punctuation that bounds
//! clauses and sentences, because negation and proposal cues only count inside them.

use std::ops::Range;

/// What a token is: a word, or a boundary between clauses or sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Word,
    /// A comma or a spaced dash: ends a clause, not a sentence.
    Clause,
    /// `.`, `!`, `;`, a line break, or a masked block.
    Sentence,
    /// `?`: ends a sentence that asks.
    Question,
}

/// One word or boundary, with where it came from in the original message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Byte range in the original text (shared by the parts of an expanded contraction).
    pub orig: Range<usize>,
    /// Byte range of the folded word in [`Tokens::buf`]; empty for boundaries.
    text: Range<usize>,
    /// The word was joined to the previous one by a hyphen ("fine-tune", "fine - tune").
    pub hyphen_before: bool,
}

/// The words and boundaries of a message, in order.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    buf: String,
    pub toks: Vec<Token>,
}

impl Tokens {
    /// The folded text of token `i`; empty for boundaries and out-of-range indexes.
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.buf.get(t.text.clone()))
            .unwrap_or("")
    }

    /// Token `i` as written in `original`, the unmasked message (same byte positions); empty
    /// if out of range.
    pub fn original<'a>(&self, i: usize, original: &'a str) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| original.get(t.orig.clone()))
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn push_word(&mut self, word: &str, orig: Range<usize>, hyphen_before: bool) {
        let start = self.buf.len();
        self.buf.push_str(word);
        self.toks.push(Token {
            kind: Kind::Word,
            orig,
            text: start..self.buf.len(),
            hyphen_before,
        });
    }

    fn push_break(&mut self, kind: Kind, orig: Range<usize>) {
        match self.toks.last_mut() {
            // Runs of punctuation ("?!", "...", ", \n") count once, as the strongest of them.
            Some(last) if last.kind != Kind::Word => {
                if kind > last.kind {
                    last.kind = kind;
                }
                last.orig.end = orig.end;
            }
            // A message never starts with a boundary: it would only shift indexes.
            None => {}
            Some(_) => self.toks.push(Token {
                kind,
                orig,
                text: 0..0,
                hyphen_before: false,
            }),
        }
    }
}

/// Appends `c` lowercased and without accents; returns false if `c` is not a letter or digit.
pub(crate) fn fold_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    for lower in c.to_lowercase() {
        match lower {
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' => out.push('u'),
            // German umlauts fold the way Germans type them without the keys, which also keeps
            // "würde" (would) apart from "wurde" (was).
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
    true
}

/// Lowercases and strips accents from a whole phrase, keeping other characters as they are.
pub(crate) fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !fold_into(c, &mut out) {
            out.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '´')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// Splits masked text into folded words and clause/sentence boundaries.
pub(crate) fn tokenize(masked: &str) -> Tokens {
    let mut tokens = Tokens {
        buf: String::with_capacity(masked.len() + 16),
        toks: Vec::with_capacity(masked.len() / 4 + 4),
    };
    let mut word = String::new();
    let mut word_start = 0;
    let mut pending_hyphen = false;
    let mut chars = masked.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // Apostrophes inside a word, and a '+' in front of a digit ("+1"), belong to the word.
        let inner_apostrophe =
            is_apostrophe(c) && !word.is_empty() && next.is_some_and(char::is_alphanumeric);
        let plus_sign = c == '+' && word.is_empty() && next.is_some_and(|n| n.is_ascii_digit());
        if inner_apostrophe || plus_sign {
            if word.is_empty() {
                word_start = i;
            }
            word.push(if plus_sign { '+' } else { '\'' });
            continue;
        }
        let before = word.len();
        if fold_into(c, &mut word) {
            if before == 0 {
                word_start = i;
            }
            continue;
        }
        if !word.is_empty() {
            emit_word(&mut tokens, &word, word_start..i, pending_hyphen);
            word.clear();
            pending_hyphen = false;
        }
        let at = i..i + c.len_utf8();
        match c {
            ',' => tokens.push_break(Kind::Clause, at),
            '?' => tokens.push_break(Kind::Question, at),
            // Spanish opening marks start a new sentence.
            '!' | ';' | '\n' | '…' | '¿' | '¡' => tokens.push_break(Kind::Sentence, at),
            // A full stop ends a sentence only when followed by a space or the end
            // ("v1.5" and "train.py" are not two sentences).
            '.' if next.is_none_or(|n| !n.is_alphanumeric()) => {
                tokens.push_break(Kind::Sentence, at)
            }
            c if is_dash(c) => {
                let spaced = masked[..i].ends_with(' ') && next.is_some_and(char::is_whitespace);
                // "fine-tune" and "fine - tune" join words; "done — next" is a pause.
                if spaced && c != '-' {
                    tokens.push_break(Kind::Clause, at);
                } else if tokens.toks.last().is_some_and(|t| t.kind == Kind::Word) {
                    pending_hyphen = true;
                }
            }
            c if c.is_whitespace() => {}
            // Markdown, brackets, quotes and emoji separate words and mean nothing else.
            _ => pending_hyphen = false,
        }
    }
    if !word.is_empty() {
        emit_word(&mut tokens, &word, word_start..masked.len(), pending_hyphen);
    }
    tokens
}

/// English contractions, written with and without the apostrophe.
const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("don't", &["do", "not"]),
    ("dont", &["do", "not"]),
    ("doesn't", &["does", "not"]),
    ("doesnt", &["does", "not"]),
    ("didn't", &["did", "not"]),
    ("didnt", &["did", "not"]),
    ("shouldn't", &["should", "not"]),
    ("shouldnt", &["should", "not"]),
    ("wouldn't", &["would", "not"]),
    ("wouldnt", &["would", "not"]),
    ("couldn't", &["could", "not"]),
    ("couldnt", &["could", "not"]),
    ("can't", &["can", "not"]),
    ("cant", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("won't", &["will", "not"]),
    ("isn't", &["is", "not"]),
    ("isnt", &["is", "not"]),
    ("aren't", &["are", "not"]),
    ("wasn't", &["was", "not"]),
    ("wasnt", &["was", "not"]),
    ("weren't", &["were", "not"]),
    ("haven't", &["have", "not"]),
    ("hasn't", &["has", "not"]),
    ("needn't", &["need", "not"]),
    ("mustn't", &["must", "not"]),
    ("let's", &["let", "us"]),
    ("we'd", &["we", "would"]),
    ("i'd", &["i", "would"]),
    ("you'd", &["you", "would"]),
    ("it'd", &["it", "would"]),
    ("we'll", &["we", "will"]),
    ("i'll", &["i", "will"]),
    ("we're", &["we", "are"]),
    ("we've", &["we", "have"]),
    ("i've", &["i", "have"]),
    ("i'm", &["i", "am"]),
    ("it's", &["it", "is"]),
    ("that's", &["that", "is"]),
    ("there's", &["there", "is"]),
    ("what's", &["what", "is"]),
    ("should've", &["should", "have"]),
    ("could've", &["could", "have"]),
    ("would've", &["would", "have"]),
];

/// French elided articles and pronouns: "l'" -> "le", "qu'" -> "que".
const ELISIONS: &[(&str, &str)] = &[
    ("l", "le"),
    ("d", "de"),
    ("j", "je"),
    ("n", "ne"),
    ("m", "me"),
    ("t", "te"),
    ("s", "se"),
    ("c", "ce"),
    ("qu", "que"),
    ("jusqu", "jusque"),
    ("lorsqu", "lorsque"),
    ("puisqu", "puisque"),
];

fn emit_word(tokens: &mut Tokens, word: &str, orig: Range<usize>, hyphen_before: bool) {
    if let Some((_, parts)) = CONTRACTIONS.iter().find(|(w, _)| *w == word) {
        for (k, part) in parts.iter().enumerate() {
            tokens.push_word(part, orig.clone(), hyphen_before && k == 0);
        }
        return;
    }
    // "lets" is "let's" unless something lets something ("the API lets us ...").
    if word == "lets" {
        let after_subject = tokens.toks.last().is_some_and(|t| t.kind == Kind::Word)
            && !matches!(
                tokens.word(tokens.len() - 1),
                "ok" | "okay"
                    | "so"
                    | "then"
                    | "yeah"
                    | "yes"
                    | "hey"
                    | "well"
                    | "alright"
                    | "now"
                    | "maybe"
                    | "pls"
                    | "please"
                    | "guys"
                    | "team"
                    | "just"
            );
        if !after_subject {
            tokens.push_word("let", orig.clone(), hyphen_before);
            tokens.push_word("us", orig, false);
            return;
        }
    }
    match word.split_once('\'') {
        Some((head, tail)) => {
            if let Some((_, full)) = ELISIONS.iter().find(|(short, _)| *short == head) {
                tokens.push_word(full, orig.clone(), hyphen_before);
                emit_word(tokens, tail, orig, false);
            } else {
                tokens.push_word(head, orig.clone(), hyphen_before);
                // A possessive "'s" adds nothing; other endings stay words of their own.
                if tail != "s" {
                    emit_word(tokens, tail, orig, false);
                }
            }
        }
        None => tokens.push_word(word, orig, hyphen_before),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = tokenize(text);
        (0..t.len())
            .map(|i| match t.toks[i].kind {
                Kind::Word => t.word(i).to_string(),
                Kind::Clause => ",".to_string(),
                Kind::Sentence => ".".to_string(),
                Kind::Question => "?".to_string(),
            })
            .collect()
    }

    #[test]
    fn words_are_folded_to_lowercase_without_accents() {
        assert_eq!(
            words("Réentraîner le MODÈLE, Größe"),
            ["reentrainer", "le", "modele", ",", "groesse"]
        );
    }

    #[test]
    fn contractions_and_elisions_are_expanded() {
        assert_eq!(words("don't"), ["do", "not"]);
        assert_eq!(words("Let’s go"), ["let", "us", "go"]);
        assert_eq!(words("qu'on n'entraîne"), ["que", "on", "ne", "entraine"]);
        assert_eq!(words("the model's size"), ["the", "model", "size"]);
        assert_eq!(words("it lets us"), ["it", "lets", "us"]);
        assert_eq!(words("lets go"), ["let", "us", "go"]);
    }

    #[test]
    fn punctuation_becomes_clause_and_sentence_boundaries() {
        assert_eq!(
            words("a, b. c? d!? e"),
            ["a", ",", "b", ".", "c", "?", "d", "?", "e"]
        );
        assert_eq!(words("v1.5 train.py"), ["v1", "5", "train", "py"]);
        assert_eq!(words("a — b"), ["a", ",", "b"]);
        assert_eq!(words("+1 to that"), ["+1", "to", "that"]);
        assert_eq!(words("sí ¿y tú?"), ["si", ".", "y", "tu", "?"]);
    }

    #[test]
    fn hyphens_join_words_even_with_spaces() {
        let t = tokenize("fine-tune fine - tune fine tune");
        let joined: Vec<bool> = t.toks.iter().map(|t| t.hyphen_before).collect();
        assert_eq!(joined, [false, true, false, true, false, false]);
    }
}
