//! Every word the Discord front end shows comes from the locale files: a sentence written as a
//! string literal in `src/discord/` is a sentence only English speakers read. Checked
//! statically, in the style of `tests/layering.rs`.
//!
//! The source is read with the tokenizer these checks share (`tests/support/rust_tokens.rs`),
//! and each string literal is seen in its context: log macros (`tracing::info!(…)`),
//! attributes (`#[error("…")]` on operator errors, `#[poise::command(…)]`) and the unit tests
//! at the bottom of a file are not what people read in Discord. A literal that reads like words
//! (two words in a row, or one capitalised word) anywhere else fails the test, unless the short
//! allow-list below names it with its reason.

#[path = "support/rust_tokens.rs"]
mod rust_tokens;

use std::path::{Path, PathBuf};

use rust_tokens::Kind;

/// Literals that look like words but are not shown to people as sentences: (file, the
/// literal's start, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/discord/mod.rs",
        "the client did not stop within 10 s",
        "an operator error (logs, the terminal)",
    ),
    (
        "src/discord/mod.rs",
        "{key} {problem}",
        "an operator error about the shard settings",
    ),
    ("src/discord/rest.rs", "none", "a metrics label"),
    (
        "src/discord/commands.rs",
        "finetune",
        "a command's qualified name (`finetune check`, `finetune-audit show`), to find its \
         description key",
    ),
];

/// Files whose words are not in the locale files yet. The list may only shrink: a file listed
/// here without a sentence left fails the test, so it is taken off when it is done.
const NOT_YET_LOCALISED: &[&str] = &[];

/// A string literal: its text, line, and whether it is in a log macro or an attribute.
#[derive(Debug)]
struct Literal {
    text: String,
    line: usize,
    quiet: bool,
}

/// The string literals of `src` (up to its `#[cfg(test)]` module), with their context.
fn literals(src: &str) -> Vec<Literal> {
    let src = src.split("#[cfg(test)]").next().unwrap_or_default();
    let tokens = rust_tokens::tokenize(src);
    let mut out = Vec::new();
    // Paren or bracket depth at which a quiet context (log macro, attribute) ends.
    let mut quiet_until: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut pending_quiet = false;
    // The last two identifiers of a path like `tracing::info`.
    let mut last_ident = String::new();
    let mut prev_ident = String::new();
    for (k, token) in tokens.iter().enumerate() {
        match &token.kind {
            Kind::Ident(name) => {
                prev_ident = std::mem::replace(&mut last_ident, name.clone());
                continue;
            }
            Kind::Str(text) => out.push(Literal {
                text: text.clone(),
                line: token.line,
                quiet: !quiet_until.is_empty(),
            }),
            Kind::Punct('!')
                if prev_ident == "tracing" && LOG_MACROS.contains(&last_ident.as_str()) =>
            {
                pending_quiet = true;
            }
            Kind::Punct('#') if tokens.get(k + 1).map(|t| &t.kind) == Some(&Kind::Punct('[')) => {
                pending_quiet = true;
            }
            Kind::Punct('(' | '[' | '{') => {
                depth += 1;
                if pending_quiet {
                    quiet_until.push(depth);
                    pending_quiet = false;
                }
            }
            Kind::Punct(')' | ']' | '}') => {
                if quiet_until.last() == Some(&depth) {
                    quiet_until.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Kind::Punct(_) | Kind::Other => {}
        }
        if !matches!(token.kind, Kind::Punct(':' | '!')) {
            prev_ident.clear();
            last_ident.clear();
        }
    }
    out
}

const LOG_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error"];

/// Whether a literal reads like words for people: two words in a row, or one capitalised
/// word of three letters or more ("Back", "Why"); placeholders `{…}` do not count.
fn reads_like_words(text: &str) -> bool {
    let mut plain = String::new();
    let mut braces = 0;
    for ch in text.chars() {
        match ch {
            '{' => braces += 1,
            '}' => braces = (braces - 1).max(0),
            _ if braces == 0 => plain.push(ch),
            _ => {}
        }
    }
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let pair = plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            let word = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            word(w[0]) && word(w[1])
        });
    let capitalised = words.len() == 1 && {
        let w = words[0];
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && chars.all(char::is_lowercase)
    };
    pair || capitalised
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_discord_front_end_says_nothing_outside_the_locale_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/discord"), &mut files);
    assert!(!files.is_empty());
    let mut problems = Vec::new();
    let mut pending_done = Vec::new();
    for file in files {
        let shown = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let src = std::fs::read_to_string(&file).expect("readable source");
        let words: Vec<Literal> = literals(&src)
            .into_iter()
            .filter(|l| !l.quiet && reads_like_words(&l.text))
            .filter(|l| {
                !ALLOWED
                    .iter()
                    .any(|(f, start, _)| *f == shown && l.text.starts_with(start))
            })
            .collect();
        if NOT_YET_LOCALISED.contains(&shown.as_str()) {
            if words.is_empty() {
                pending_done.push(shown);
            }
            continue;
        }
        for l in words {
            problems.push(format!("{shown}:{}: {:?}", l.line, l.text));
        }
    }
    assert!(
        problems.is_empty(),
        "words for people written in the code instead of locales/<lang>/*.ftl (use \
         app::words::say_in):\n{}",
        problems.join("\n")
    );
    assert!(
        pending_done.is_empty(),
        "no sentence left in {pending_done:?}: take it off NOT_YET_LOCALISED"
    );
}

#[test]
fn the_checker_flags_sentences_but_not_ids_logs_or_attributes() {
    let flagged = |src: &str| -> Vec<String> {
        literals(src)
            .into_iter()
            .filter(|l| !l.quiet && reads_like_words(&l.text))
            .map(|l| l.text)
            .collect()
    };
    assert_eq!(
        flagged("let a = ephemeral(\"Please pick one of the goals.\");"),
        ["Please pick one of the goals."]
    );
    assert_eq!(flagged(".label(\"Back\")"), ["Back"]);
    assert_eq!(
        flagged("format!(\"Checklist #{} started \\\n    in <#{home}>.\", id)"),
        ["Checklist #{} started in <#{home}>."]
    );
    // Ids, keys, log messages, attributes and tests are not words for people.
    assert!(flagged("say_in(lang, \"verdict-why\", &[(\"id\", &id)])").is_empty());
    assert!(flagged("CustomId::new(\"tg1:{id}:pick\"); let k = \"PUT\";").is_empty());
    assert!(
        flagged("tracing::warn!(walkthrough_id, error = %e, \"could not post a reminder\");")
            .is_empty()
    );
    assert!(flagged("#[error(\"could not reach Discord: {0}\")]\nenum E {}").is_empty());
    assert!(flagged("#[cfg(test)]\nmod tests { const X: &str = \"Some words here\"; }").is_empty());
    assert!(flagged("// a comment with \"quoted words\" in it").is_empty());
}
