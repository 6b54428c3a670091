//! The layers, checked statically: the front ends (`src/discord/`, `src/cli/`) never name the
//! store, the terminal front end never names the Discord one, the application layer
//! (`src/app/`) knows no Discord library, and the pure core (`src/checklist/`, `src/detect/`)
//! names nothing above it.
//!
//! The source is read with the tokenizer these checks share (`tests/support/rust_tokens.rs`),
//! keeping only identifiers and punctuation, so a doc comment may still say "the store" and a
//! sentence may say "Discord"; what counts is code: a path segment (`crate::store`,
//! `store::Store`), the `Store` type, the app's `.store()` accessor or a `.store.` field. The
//! checker's own tests at the bottom show what it flags.

#[path = "support/rust_tokens.rs"]
mod rust_tokens;

use std::path::{Path, PathBuf};

use rust_tokens::Kind;

/// One rule: files under `dir` must not refer to `what`.
struct Rule {
    dir: &'static str,
    what: Reference,
    why: &'static str,
}

#[derive(Clone, Copy)]
enum Reference {
    /// The store module, its handle type, or the app's accessor to it.
    Store,
    /// A module path through `name` (`name::…` or `…::name`), e.g. `crate::discord`.
    Module(&'static str),
    /// An identifier anywhere in code, e.g. a crate name.
    Ident(&'static str),
}

const RULES: &[Rule] = &[
    Rule {
        dir: "src/discord",
        what: Reference::Store,
        why: "the Discord front end calls the app, which owns the store",
    },
    Rule {
        dir: "src/cli",
        what: Reference::Store,
        why: "the terminal front end calls the app, which owns the store",
    },
    Rule {
        dir: "src/cli",
        what: Reference::Module("discord"),
        why: "the terminal front end does not start or use the Discord one (see src/serve.rs)",
    },
    Rule {
        dir: "src/app",
        what: Reference::Ident("serenity"),
        why: "the application layer knows no Discord library",
    },
    Rule {
        dir: "src/app",
        what: Reference::Ident("poise"),
        why: "the application layer knows no Discord library",
    },
    Rule {
        dir: "src/app",
        what: Reference::Module("discord"),
        why: "the application layer knows no front end",
    },
    Rule {
        dir: "src/app",
        what: Reference::Module("cli"),
        why: "the application layer knows no front end",
    },
    Rule {
        dir: "src/checklist",
        what: Reference::Module("app"),
        why: "the core names nothing above it",
    },
    Rule {
        dir: "src/checklist",
        what: Reference::Store,
        why: "the core names nothing above it",
    },
    Rule {
        dir: "src/checklist",
        what: Reference::Ident("sqlx"),
        why: "the core does no I/O",
    },
    Rule {
        dir: "src/detect",
        what: Reference::Store,
        why: "the detector is pure",
    },
];

/// The identifiers and punctuation of Rust code, without comments and literals.
fn code_tokens(src: &str) -> Vec<(String, usize)> {
    rust_tokens::tokenize(src)
        .into_iter()
        .filter_map(|t| match t.kind {
            Kind::Ident(name) => Some((name, t.line)),
            Kind::Punct(ch) => Some((ch.to_string(), t.line)),
            Kind::Str(_) | Kind::Other => None,
        })
        .collect()
}

/// The lines of `src` that refer to `what`.
fn references(src: &str, what: Reference) -> Vec<usize> {
    let t = code_tokens(src);
    let at = |i: usize| t.get(i).map(|(s, _)| s.as_str()).unwrap_or("");
    let before = |i: usize, n: usize| if i >= n { at(i - n) } else { "" };
    let path_next = |i: usize| at(i + 1) == ":" && at(i + 2) == ":";
    let path_prev = |i: usize| before(i, 1) == ":" && before(i, 2) == ":";
    let mut lines = Vec::new();
    for (i, (word, line)) in t.iter().enumerate() {
        let hit = match what {
            Reference::Store => {
                (word == "store" && (path_next(i) || path_prev(i)))
                    || word == "Store"
                    || (word == "store"
                        && before(i, 1) == "."
                        && (at(i + 1) == "." || (at(i + 1) == "(" && at(i + 2) == ")")))
            }
            Reference::Module(name) => word == name && (path_next(i) || path_prev(i)),
            Reference::Ident(name) => word == name,
        };
        if hit {
            lines.push(*line);
        }
    }
    lines
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
fn every_layer_names_only_the_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for rule in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(rule.dir), &mut files);
        assert!(!files.is_empty(), "no Rust files under {}", rule.dir);
        for file in files {
            let src = std::fs::read_to_string(&file).expect("readable source");
            for line in references(&src, rule.what) {
                let shown = file.strip_prefix(root).unwrap_or(&file).display();
                problems.push(format!("{shown}:{line}: {}", rule.why));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_flags_paths_types_and_accessors_but_not_words() {
    let store = |src: &str| references(src, Reference::Store);
    assert_eq!(store("use crate::store::Person;"), [1]);
    assert_eq!(store("use super::{store, x};\nlet s: Store = x;"), [2]);
    assert_eq!(store("let p = bot.app.store().pool();"), [1]);
    assert_eq!(store("bot.flow.store.walkthrough(1)"), [1]);
    assert_eq!(store("tunegate::store::open()"), [1]);
    // Words, comments, strings, other methods named `store` and other types are fine.
    assert!(store("// the store remembers\nlet s = \"store::x\";").is_empty());
    assert!(store("flag.store(false, Ordering::Relaxed); let e: StoreError;").is_empty());
    assert!(store("/* crate::store */ let r = r#\"Store\"#;").is_empty());
    let discord = |src: &str| references(src, Reference::Module("discord"));
    assert_eq!(discord("\n\nuse crate::discord::BotError;"), [3]);
    assert!(discord("settings.discord.token; // crate::discord").is_empty());
}
