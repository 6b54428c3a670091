//! A small tokenizer for Rust source, shared by the static checks under `tests/` that read
//! `src/`: `discord_words.rs` (string literals and whether a log macro or an attribute holds
//! them), `layering.rs` (identifiers and punctuation) and `sql_bound_parameters.rs` (whether SQL
//! text is fixed). They include it with `#[path = "support/rust_tokens.rs"] mod rust_tokens;`;
//! its own tests are in `tests/rust_tokens.rs`.
//!
//! It knows just enough Rust not to be fooled by text: comments (`//`, nested `/* */`) are
//! dropped; a string literal (normal, raw `r#"…"#`, byte `b"…"`, raw byte `br"…"`, C `c"…"`) is
//! one token with its text; a char literal, a lifetime or a number is one token. Every token
//! has the line it starts on. It is not a full lexer: it does not check that the code is valid.
#![allow(dead_code)]

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A string literal's text. An escape keeps the character after the backslash (`\"` is
    /// `"`, `\\` is `\`, `\n` is `n`), a line continuation (`\`, the newline and the next line's
    /// indent) is left out; a raw string's text is as written.
    Str(String),
    /// An identifier or keyword (`r#type` is `type`).
    Ident(String),
    /// Any other single character: `:`, `!`, `(`, `#`, `'` …
    Punct(char),
    /// A number, a char or byte literal (`'x'`, `b'\n'`), a lifetime or a label (`'a`).
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Kind,
    /// The line the token starts on, from 1.
    pub line: usize,
}

/// The tokens of `src`, without comments and whitespace.
pub fn tokenize(src: &str) -> Vec<Token> {
    let mut at = Cursor {
        c: src.chars().collect(),
        i: 0,
        line: 1,
    };
    let mut out = Vec::new();
    while let Some(ch) = at.peek(0) {
        let line = at.line;
        let kind = if ch.is_whitespace() {
            at.bump();
            continue;
        } else if ch == '/' && at.peek(1) == Some('/') {
            at.bump_while(|c| c != '\n');
            continue;
        } else if ch == '/' && at.peek(1) == Some('*') {
            at.block_comment();
            continue;
        } else if let Some((raw, open)) = at.string_start() {
            Kind::Str(if raw {
                at.raw_string(open)
            } else {
                at.string(open)
            })
        } else if ch == '\'' || (ch == 'b' && at.peek(1) == Some('\'')) {
            at.quoted();
            Kind::Other
        } else if ch.is_ascii_digit() {
            at.number();
            Kind::Other
        } else if ch.is_alphabetic() || ch == '_' {
            Kind::Ident(at.ident())
        } else {
            at.bump();
            Kind::Punct(ch)
        };
        out.push(Token { kind, line });
    }
    out
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A position in the source and its line.
struct Cursor {
    c: Vec<char>,
    i: usize,
    line: usize,
}

impl Cursor {
    fn peek(&self, k: usize) -> Option<char> {
        self.c.get(self.i + k).copied()
    }

    /// Moves past one character, counting lines.
    fn bump(&mut self) -> Option<char> {
        let ch = self.peek(0)?;
        self.i += 1;
        self.line += usize::from(ch == '\n');
        Some(ch)
    }

    fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    fn bump_while(&mut self, f: impl Fn(char) -> bool) {
        while self.peek(0).is_some_and(&f) {
            self.bump();
        }
    }

    /// At `/*`: past the comment, comments nested in it included.
    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while let Some(ch) = self.bump() {
            if ch == '/' && self.peek(0) == Some('*') {
                self.bump();
                depth += 1;
            } else if ch == '*' && self.peek(0) == Some('/') {
                self.bump();
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
    }

    /// At a string literal (`"`, `r"`, `r#"`, `b"`, `br#"`, `c"`, …): whether it is raw, and
    /// how many characters come before its opening quote.
    fn string_start(&self) -> Option<(bool, usize)> {
        let mut k = usize::from(matches!(self.peek(0), Some('b' | 'c')));
        let raw = self.peek(k) == Some('r');
        if raw {
            k += 1;
            while self.peek(k) == Some('#') {
                k += 1;
            }
        }
        (self.peek(k) == Some('"')).then_some((raw, k))
    }

    /// A normal string whose opening quote is `open` characters ahead: its text.
    fn string(&mut self, open: usize) -> String {
        self.bump_n(open + 1);
        let mut text = String::new();
        while let Some(ch) = self.bump() {
            match ch {
                '"' => break,
                '\\' => match self.bump() {
                    // A line continuation: the newline and the next line's indent.
                    Some('\n' | '\r') => self.bump_while(|c| matches!(c, ' ' | '\t' | '\n' | '\r')),
                    Some(escaped) => text.push(escaped),
                    None => break,
                },
                _ => text.push(ch),
            }
        }
        text
    }

    /// A raw string whose opening quote is `open` characters ahead: its text.
    fn raw_string(&mut self, open: usize) -> String {
        let hashes = (0..open).filter(|&k| self.peek(k) == Some('#')).count();
        self.bump_n(open + 1);
        let mut text = String::new();
        while let Some(ch) = self.bump() {
            if ch == '"' && (0..hashes).all(|k| self.peek(k) == Some('#')) {
                self.bump_n(hashes);
                break;
            }
            text.push(ch);
        }
        text
    }

    /// At `'` or `b'`: past a char or byte literal (`'x'`, `'\''`, `'\u{1F600}'`) or a lifetime
    /// or label (`'a`, `'static`).
    fn quoted(&mut self) {
        if self.peek(0) == Some('b') {
            self.bump();
        }
        self.bump();
        match (self.peek(0), self.peek(1)) {
            (Some('\\'), _) => {
                self.bump_n(2);
                self.bump_while(|c| c != '\'' && c != '\n');
                self.bump();
            }
            (Some(_), Some('\'')) => self.bump_n(2),
            _ => self.bump_while(is_ident_char),
        }
    }

    /// At a digit: past the number (`42`, `0xFF_u8`, `1.5e-3`, but not the `..` of `1..2`).
    fn number(&mut self) {
        let start = self.i;
        while let Some(ch) = self.peek(0) {
            let part = match ch {
                '.' => self.peek(1).is_some_and(|c| c.is_ascii_digit()),
                // An exponent's sign, after decimal digits and `e`.
                '+' | '-' => {
                    let (mantissa, e) = self.c[start..self.i].split_at(self.i - start - 1);
                    matches!(e, ['e' | 'E'])
                        && mantissa
                            .iter()
                            .all(|c| c.is_ascii_digit() || matches!(c, '_' | '.'))
                        && self.peek(1).is_some_and(|c| c.is_ascii_digit())
                }
                _ => is_ident_char(ch),
            };
            if !part {
                break;
            }
            self.bump();
        }
    }

    /// At a letter or `_`: the identifier (a raw one, `r#type`, without its `r#`).
    fn ident(&mut self) -> String {
        if self.peek(0) == Some('r')
            && self.peek(1) == Some('#')
            && self.peek(2).is_some_and(|c| c.is_alphabetic() || c == '_')
        {
            self.bump_n(2);
        }
        let start = self.i;
        self.bump_while(is_ident_char);
        self.c[start..self.i].iter().collect()
    }
}
