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

// -- Import circles -----------------------------------------------------------------------------

/// A module's path from its file: `src/a/b.rs` is `a::b`, `src/a/mod.rs` is `a`, `src/lib.rs`
/// the crate root (empty). The flag says whether the file is a folder's root (`mod.rs`,
/// `lib.rs`), whose re-exports and `mod` lines make circles with its children by design.
fn module_of(relative: &Path) -> (String, bool) {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let root = last == "mod" || last == "lib";
    if !root {
        parts.push(last);
    }
    (parts.join("::"), root)
}

/// The module paths `src` names, each resolved against `module` (the file's own module):
/// `crate::a::b::Item`, `super::b`, `self::c`, and each item of a `use` group
/// (`crate::a::{b, c::d}`). The paths keep every segment; the caller finds the module among
/// them.
fn named_paths(src: &str, module: &str) -> Vec<Vec<String>> {
    let t = code_tokens(src);
    let at = |i: usize| t.get(i).map(|(s, _)| s.as_str()).unwrap_or("");
    let sep = |i: usize| at(i) == ":" && at(i + 1) == ":";
    let own: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    // `self` of a file `a/b.rs` is `a::b`, of `a/mod.rs` is `a`; `super` is one up from self.
    let mut paths = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let start = at(i);
        let preceded_by_path = i >= 2 && sep(i - 2);
        if preceded_by_path || !matches!(start, "crate" | "super" | "self") || !sep(i + 1) {
            i += 1;
            continue;
        }
        let mut base: Vec<String> = match start {
            "crate" => Vec::new(),
            _ => own.clone(),
        };
        let mut j = i;
        while at(j) == "super" && sep(j + 1) {
            base.pop();
            j += 3;
        }
        if at(j) == "self" || at(j) == "crate" {
            j += 3;
        }
        // Segments up to the end of the path or a `{` group.
        let mut prefix = base;
        while !at(j).is_empty() && at(j) != "{" && at(j) != "*" {
            prefix.push(at(j).to_string());
            if sep(j + 1) {
                j += 3;
            } else {
                break;
            }
        }
        if at(j) == "{" {
            // Each item of the group: its words until `,` or the closing brace. A nested group
            // (`b::{c, d}`) counts as its outer item (`b`).
            let mut depth = 0;
            let mut item: Vec<String> = Vec::new();
            while j < t.len() {
                match at(j) {
                    "{" => depth += 1,
                    end @ ("}" | ",") if depth == 1 => {
                        if !item.is_empty() {
                            paths.push([prefix.clone(), std::mem::take(&mut item)].concat());
                        }
                        if end == "}" {
                            break;
                        }
                    }
                    "}" => depth -= 1,
                    ":" | "," => {}
                    word if depth == 1 => item.push(word.to_string()),
                    _ => {}
                }
                j += 1;
            }
        } else {
            paths.push(prefix);
        }
        i = j + 1;
    }
    paths
}

/// The circles among leaf modules (files that are not a folder's root): each as the modules
/// along it, the first repeated at the end.
fn import_circles(files: &[(String, bool, String)]) -> Vec<Vec<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let modules: BTreeMap<&str, bool> = files.iter().map(|(m, r, _)| (m.as_str(), *r)).collect();
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (module, root, src) in files {
        if *root {
            continue;
        }
        for path in named_paths(src, module) {
            // The longest prefix of the path that is a module of the crate.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find_map(|p| modules.get_key_value(p.as_str()).map(|(k, r)| (*k, *r)));
            if let Some((target, false)) = target
                && target != module
            {
                edges.entry(module).or_default().insert(target);
            }
        }
    }
    // Depth-first search; a back edge closes a circle.
    fn visit<'a>(
        node: &'a str,
        edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        circles: &mut Vec<Vec<String>>,
    ) {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut circle: Vec<String> = stack[at..].iter().map(|s| s.to_string()).collect();
            circle.push(node.to_string());
            circles.push(circle);
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, circles);
        }
        stack.pop();
        done.insert(node);
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        visit(node, &edges, &mut Vec::new(), &mut done, &mut circles);
    }
    circles
}

#[test]
fn no_two_modules_import_each_other_round_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&root, &mut paths);
    let files: Vec<(String, bool, String)> = paths
        .iter()
        .filter(|p| !p.ends_with("main.rs"))
        .map(|p| {
            let (module, is_root) = module_of(p.strip_prefix(&root).unwrap_or(p));
            let src = std::fs::read_to_string(p).expect("readable source");
            (module, is_root, src)
        })
        .collect();
    assert!(files.len() > 50, "read {} files", files.len());
    let circles = import_circles(&files);
    let shown: Vec<String> = circles.iter().map(|c| c.join(" -> ")).collect();
    assert!(
        circles.is_empty(),
        "import circles (each module names the next):\n{}",
        shown.join("\n")
    );
}

#[test]
fn the_circle_finder_follows_crate_super_and_use_groups() {
    let file = |m: &str, src: &str| (m.to_string(), false, src.to_string());
    let folder = |m: &str, src: &str| (m.to_string(), true, src.to_string());
    let circle = vec![
        folder(
            "front",
            "pub mod a; pub mod b; pub mod c; pub use a::Thing;",
        ),
        file("front::a", "use super::b::Other;"),
        file("front::b", "use crate::front::{c::Third as T, d};"),
        file("front::c", "fn f() { crate::front::a::Thing::new(); }"),
    ];
    let found = import_circles(&circle);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].first(), found[0].last());
    assert_eq!(
        found[0].len(),
        4,
        "a -> b -> c -> a or a rotation: {found:?}"
    );

    // The same files without c's call back into a: no circle; a folder root's re-export and a
    // doc comment naming a module never count.
    let line = vec![
        folder(
            "front",
            "pub mod a; pub mod b; pub mod c; pub use a::Thing;",
        ),
        file("front::a", "use super::b::Other;"),
        file("front::b", "use crate::front::{c::Third};"),
        file(
            "front::c",
            "/// Like crate::front::a::Thing.\nuse super::Thing;",
        ),
    ];
    assert!(import_circles(&line).is_empty());
}
