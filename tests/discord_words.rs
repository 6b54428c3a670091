//! Every word the Discord front end shows comes from the locale files: a sentence written as a
//! string literal in `src/discord/` is a sentence only English speakers read. Checked
//! statically, in the style of `tests/layering.rs`.
//!
//! The source is read with a small tokenizer that finds string literals and knows their
//! context: log macros (`tracing::info!(…)`), attributes (`#[error("…")]` on operator errors,
//! `#[poise::command(…)]`) and the unit tests at the bottom of a file are not what people read
//! in Discord. A literal that reads like words (two words in a row, or one capitalised word)
//! anywhere else fails the test, unless the short allow-list below names it with its reason.

use std::path::{Path, PathBuf};

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
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    // Paren or bracket depth at which a quiet context (log macro, attribute) ends.
    let mut quiet_until: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut pending_quiet = false;
    let mut last_ident = String::new();
    let mut prev_ident = String::new();
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                line += usize::from(c[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if ch == '"' || (ch == 'r' && matches!(c.get(i + 1), Some('"') | Some('#'))) {
            let start_line = line;
            let mut text = String::new();
            if ch == 'r' {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                j += 1;
                while let Some(x) = c.get(j) {
                    if *x == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    line += usize::from(*x == '\n');
                    text.push(*x);
                    j += 1;
                }
                i = j;
            } else {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                        // A line continuation: the newline and the next line's indent.
                        if c.get(i) == Some(&'\n') {
                            line += 1;
                            while c.get(i + 1).is_some_and(|x| *x == ' ') {
                                i += 1;
                            }
                            i += 1;
                            continue;
                        }
                    }
                    if let Some(x) = c.get(i) {
                        line += usize::from(*x == '\n');
                        text.push(*x);
                    }
                    i += 1;
                }
                i += 1;
            }
            out.push(Literal {
                text,
                line: start_line,
                quiet: !quiet_until.is_empty(),
            });
        } else if ch == '\'' && c.get(i + 2) == Some(&'\'') {
            i += 3;
        } else if ch == '\'' && c.get(i + 1) == Some(&'\\') {
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            prev_ident = std::mem::take(&mut last_ident);
            last_ident = c[start..i].iter().collect();
        } else {
            match ch {
                '!' if prev_ident == "tracing" && LOG_MACROS.contains(&last_ident.as_str()) => {
                    pending_quiet = true;
                }
                '#' if c.get(i + 1) == Some(&'[') => pending_quiet = true,
                '(' | '[' | '{' => {
                    depth += 1;
                    if pending_quiet {
                        quiet_until.push(depth);
                        pending_quiet = false;
                    }
                }
                ')' | ']' | '}' => {
                    if quiet_until.last() == Some(&depth) {
                        quiet_until.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
                c if c.is_whitespace() => {}
                _ => {}
            }
            if !ch.is_whitespace() && ch != ':' && ch != '!' {
                prev_ident.clear();
                last_ident.clear();
            }
            i += 1;
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
