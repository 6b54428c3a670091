//! The tokenizer shared by the static checks of the source (`tests/support/rust_tokens.rs`,
//! used by `discord_words.rs`, `layering.rs` and `sql_bound_parameters.rs`): the Rust it must
//! not be fooled by.

#[path = "support/rust_tokens.rs"]
mod rust_tokens;

use rust_tokens::{Kind, Token, tokenize};

fn kinds(src: &str) -> Vec<Kind> {
    tokenize(src).into_iter().map(|t| t.kind).collect()
}

fn strs(src: &str) -> Vec<String> {
    tokenize(src)
        .into_iter()
        .filter_map(|t| match t.kind {
            Kind::Str(text) => Some(text),
            _ => None,
        })
        .collect()
}

fn ident(name: &str) -> Kind {
    Kind::Ident(name.to_string())
}

fn text(s: &str) -> Kind {
    Kind::Str(s.to_string())
}

#[test]
fn raw_strings_end_at_their_own_hashes() {
    assert_eq!(
        kinds(r####"let a = r##"a "# quote"##; b"####),
        [
            ident("let"),
            ident("a"),
            Kind::Punct('='),
            text(r##"a "# quote"##),
            Kind::Punct(';'),
            ident("b"),
        ]
    );
    assert_eq!(strs(r#"r"C:\path""#), [r"C:\path"]);
    assert_eq!(
        strs(r##"br#"bytes "raw""# + b"x\"y""##),
        ["bytes \"raw\"", "x\"y"]
    );
    assert_eq!(strs(r#"c"c string""#), ["c string"]);
    // Not strings: a raw identifier, and `r` or `b` ending a longer name.
    assert_eq!(kinds("r#type"), [ident("type")]);
    assert_eq!(kinds("for_r\"x\""), [ident("for_r"), text("x")]);
}

#[test]
fn escapes_and_line_continuations_in_normal_strings() {
    assert_eq!(
        strs(r#"f("say \"hi\" \\ now", "a\n")"#),
        [r#"say "hi" \ now"#, "an"]
    );
    assert_eq!(
        strs("format!(\"Checklist #{} started \\\n        in <#{home}>.\")"),
        ["Checklist #{} started in <#{home}>."]
    );
}

#[test]
fn a_lifetime_is_not_a_char_literal() {
    assert_eq!(
        kinds("fn f<'a>(x: &'a str) -> char { 'a' }"),
        [
            ident("fn"),
            ident("f"),
            Kind::Punct('<'),
            Kind::Other,
            Kind::Punct('>'),
            Kind::Punct('('),
            ident("x"),
            Kind::Punct(':'),
            Kind::Punct('&'),
            Kind::Other,
            ident("str"),
            Kind::Punct(')'),
            Kind::Punct('-'),
            Kind::Punct('>'),
            ident("char"),
            Kind::Punct('{'),
            Kind::Other,
            Kind::Punct('}'),
        ]
    );
    // Quotes in char literals start no string, escaped ones end no char.
    assert_eq!(
        kinds(r#"['"', '\'', '\\', b'"', '\u{1F600}'] 'outer: loop"#)
            .into_iter()
            .filter(|k| !matches!(k, Kind::Punct(_)))
            .collect::<Vec<_>>(),
        [
            Kind::Other,
            Kind::Other,
            Kind::Other,
            Kind::Other,
            Kind::Other,
            Kind::Other,
            ident("loop"),
        ]
    );
}

#[test]
fn comments_hide_what_looks_like_code_or_strings() {
    assert_eq!(
        kinds("a /* \"not a string */ b // \"nor this\"\nc"),
        [ident("a"), ident("b"), ident("c")]
    );
    assert_eq!(
        kinds("/* outer /* nested */ still \" a comment */ d"),
        [ident("d")]
    );
    assert_eq!(kinds("/// doc \"x\"\n//! inner\ne"), [ident("e")]);
}

#[test]
fn numbers_are_one_token_ranges_are_not() {
    assert_eq!(
        kinds("0xFF_u8 1.5e-3 1..2"),
        [
            Kind::Other,
            Kind::Other,
            Kind::Other,
            Kind::Punct('.'),
            Kind::Punct('.'),
            Kind::Other,
        ]
    );
    assert_eq!(
        kinds("1usize-1"),
        [Kind::Other, Kind::Punct('-'), Kind::Other]
    );
}

#[test]
fn tokens_keep_the_line_they_start_on() {
    let src = "a \"one\ntwo\" b\n/* x\ny */ c r#\"\n\"# d\n'\\n' \"\\\n  e\" f";
    let lines: Vec<(Kind, usize)> = tokenize(src)
        .into_iter()
        .map(|Token { kind, line }| (kind, line))
        .collect();
    assert_eq!(
        lines,
        [
            (ident("a"), 1),
            (text("one\ntwo"), 1),
            (ident("b"), 2),
            (ident("c"), 4),
            (text("\n"), 4),
            (ident("d"), 5),
            (Kind::Other, 6),
            (text("e"), 6),
            (ident("f"), 7),
        ]
    );
}

#[test]
fn unfinished_code_ends_without_a_panic() {
    for src in ["\"open", "r#\"open\"", "/* open", "'\\", "b'", "1e", "r#"] {
        tokenize(src);
    }
}
