//! SQL only through bound parameters: a static check of the source, not of a running bot.
//!
//! Every piece of SQL text that reaches sqlx in `src/` must be fixed at compile time: a string
//! literal, a `concat!` of literals and literal-only macros, a `const` holding one of those, or
//! an `if` choosing between them. Values travel only as `.bind(..)`/`.push_bind(..)`. This
//! covers `sqlx::query*`/`raw_sql` arguments, `QueryBuilder::new` and every `.push(..)` on a
//! query builder, and `begin_with`. `sqlx::AssertSqlSafe` (sqlx's way around its own
//! `&'static str` rule) is refused outright, and no SQL call may live outside `src/store/`.
//!
//! The check reads Rust with the tokenizer these checks share (`tests/support/rust_tokens.rs`:
//! strings, raw strings, chars, comments), so it is not fooled by SQL-looking text in comments
//! or by `format!` elsewhere; its own tests at the bottom show what it flags.

#[path = "support/rust_tokens.rs"]
mod rust_tokens;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rust_tokens::Kind;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Str,
    Ident(String),
    Punct(char),
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

/// The tokens of `src` from the shared tokenizer; the text of a string does not matter here.
fn tokenize(src: &str) -> Vec<Token> {
    rust_tokens::tokenize(src)
        .into_iter()
        .map(|t| Token {
            tok: match t.kind {
                Kind::Str(_) => Tok::Str,
                Kind::Ident(name) => Tok::Ident(name),
                Kind::Punct(ch) => Tok::Punct(ch),
                Kind::Other => Tok::Other,
            },
            line: t.line,
        })
        .collect()
}

fn is_ident(t: &Token, name: &str) -> bool {
    matches!(&t.tok, Tok::Ident(n) if n == name)
}

fn is_punct(t: &Token, p: char) -> bool {
    t.tok == Tok::Punct(p)
}

/// The index of the bracket closing the one at `open`.
fn closing(toks: &[Token], open: usize) -> usize {
    let mut depth = 0i32;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    toks.len() - 1
}

/// What counts as fixed SQL text, learned from the files checked.
#[derive(Default)]
struct Known {
    /// `const NAME: &str = <static>;`
    consts: HashSet<String>,
    /// `macro_rules! name` whose body is string literals only.
    macros: HashSet<String>,
    /// Variables and parameters that are query builders.
    builders: HashSet<String>,
}

impl Known {
    fn learn(&mut self, toks: &[Token]) {
        for k in 0..toks.len() {
            // const NAME: &str = ...;
            if is_ident(&toks[k], "const")
                && let Some(Tok::Ident(name)) = toks.get(k + 1).map(|t| &t.tok)
                && let Some(eq) = (k..toks.len()).find(|&j| is_punct(&toks[j], '='))
                && let Some(end) = (eq..toks.len()).find(|&j| is_punct(&toks[j], ';'))
                && toks[k + 2..eq].iter().any(|t| is_ident(t, "str"))
                && self.is_static(&toks[eq + 1..end])
            {
                self.consts.insert(name.clone());
            }
            // macro_rules! name { () => { "..." }; }
            if is_ident(&toks[k], "macro_rules")
                && let Some(Tok::Ident(name)) = toks.get(k + 2).map(|t| &t.tok)
            {
                let end = closing(toks, k + 3);
                let literal_only = toks[k + 4..end]
                    .iter()
                    .all(|t| matches!(t.tok, Tok::Str | Tok::Punct(_)));
                if literal_only {
                    self.macros.insert(name.clone());
                }
            }
            // `let mut q = QueryBuilder::new(..)` and `q: &mut QueryBuilder<..>`
            if is_ident(&toks[k], "QueryBuilder") && k >= 2 {
                let back = &toks[..k];
                let name = back.iter().rev().take(4).find_map(|t| match &t.tok {
                    Tok::Ident(n) if n != "mut" && n != "let" => Some(n.clone()),
                    _ => None,
                });
                if let Some(name) = name {
                    self.builders.insert(name);
                }
            }
        }
    }

    /// Whether the tokens of one expression are fixed SQL text.
    fn is_static(&self, e: &[Token]) -> bool {
        match e {
            [t] if t.tok == Tok::Str => true,
            [
                Token {
                    tok: Tok::Ident(n), ..
                },
            ] => self.consts.contains(n),
            [name, bang, open, .., close]
                if is_punct(bang, '!') && is_punct(open, '(') && is_punct(close, ')') =>
            {
                let inner = &e[3..e.len() - 1];
                match &name.tok {
                    Tok::Ident(n) if n == "concat" => {
                        split_args(inner).iter().all(|a| self.is_static(a))
                    }
                    Tok::Ident(n) => inner.is_empty() && self.macros.contains(n),
                    _ => false,
                }
            }
            [first, ..] if is_ident(first, "if") => {
                let Some(open) = e.iter().position(|t| is_punct(t, '{')) else {
                    return false;
                };
                let close = closing(e, open);
                let then_ok = self.is_static(&e[open + 1..close]);
                match (e.get(close + 1), e.get(close + 2)) {
                    (Some(els), Some(brace)) if is_ident(els, "else") && is_punct(brace, '{') => {
                        let end = closing(e, close + 2);
                        then_ok && end == e.len() - 1 && self.is_static(&e[close + 3..end])
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

/// Splits the tokens of an argument list at top-level commas.
fn split_args(toks: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (k, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                out.push(&toks[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    if start < toks.len() {
        out.push(&toks[start..]);
    }
    out
}

/// The first identifier of the method chain that ends just before `dot`.
fn chain_root(toks: &[Token], dot: usize) -> Option<&str> {
    let mut k = dot;
    loop {
        let prev = k.checked_sub(1)?;
        match &toks[prev].tok {
            Tok::Punct(')') => {
                // Back to the matching '(' and the method name before it.
                let mut depth = 0;
                let mut j = prev;
                loop {
                    match toks[j].tok {
                        Tok::Punct(')') => depth += 1,
                        Tok::Punct('(') => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j = j.checked_sub(1)?;
                }
                k = j;
            }
            Tok::Punct('?') => k = prev,
            Tok::Ident(name) => {
                if prev > 0 && is_punct(&toks[prev - 1], '.') {
                    k = prev - 1;
                } else {
                    return Some(name);
                }
            }
            _ => return None,
        }
    }
}

/// The SQL calls of one file: (line, what, whether its SQL text is fixed).
fn sql_calls(toks: &[Token], known: &Known) -> Vec<(usize, String, bool)> {
    const QUERY_FNS: [&str; 7] = [
        "query",
        "query_as",
        "query_scalar",
        "query_with",
        "query_as_with",
        "query_scalar_with",
        "raw_sql",
    ];
    let mut calls = Vec::new();
    for k in 0..toks.len() {
        let Tok::Ident(name) = &toks[k].tok else {
            continue;
        };
        if name == "AssertSqlSafe" {
            calls.push((toks[k].line, "sqlx::AssertSqlSafe".to_string(), false));
            continue;
        }
        let path_call = k >= 2
            && is_punct(&toks[k - 1], ':')
            && is_punct(&toks[k - 2], ':')
            && k >= 3
            && ((is_ident(&toks[k - 3], "sqlx") && QUERY_FNS.contains(&name.as_str()))
                || (is_ident(&toks[k - 3], "QueryBuilder") && name == "new"));
        let method_call = k >= 1
            && is_punct(&toks[k - 1], '.')
            && (name == "begin_with"
                || (name == "push"
                    && chain_root(toks, k - 1).is_some_and(|r| known.builders.contains(r))));
        if !(path_call || method_call) {
            continue;
        }
        // Skip a turbofish (`::<_, (i64,)>`) to the call's '('.
        let mut open = k + 1;
        if toks.get(open).is_some_and(|t| is_punct(t, ':')) {
            let mut depth = 0;
            while open < toks.len() {
                match toks[open].tok {
                    Tok::Punct('<') => depth += 1,
                    Tok::Punct('>') => depth -= 1,
                    Tok::Punct('(') if depth == 0 => break,
                    _ => {}
                }
                open += 1;
            }
        }
        if !toks.get(open).is_some_and(|t| is_punct(t, '(')) {
            continue;
        }
        let close = closing(toks, open);
        let args = split_args(&toks[open + 1..close]);
        let fixed = args.first().is_some_and(|a| known.is_static(a));
        calls.push((toks[k].line, name.clone(), fixed));
    }
    calls
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Checks `files`; returns (number of SQL calls seen, problems as `file:line: what`).
fn check(files: &[(String, String)]) -> (usize, Vec<String>) {
    let tokenized: Vec<(String, Vec<Token>)> = files
        .iter()
        .map(|(name, src)| (name.clone(), tokenize(src)))
        .collect();
    let mut known = Known::default();
    // Twice: a const may be built from another const or a macro defined later.
    for _ in 0..2 {
        for (_, toks) in &tokenized {
            known.learn(toks);
        }
    }
    let mut seen = 0;
    let mut problems = Vec::new();
    for (name, toks) in &tokenized {
        for (line, what, fixed) in sql_calls(toks, &known) {
            seen += 1;
            if !fixed {
                problems.push(format!(
                    "{name}:{line}: {what}(..) is given SQL text built at run time"
                ));
            }
        }
    }
    (seen, problems)
}

#[test]
fn all_sql_in_the_store_is_fixed_text_with_bound_values() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<(String, String)> = rust_files(&root.join("src/store"))
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap().display().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    let (seen, problems) = check(&files);
    assert_eq!(problems, Vec::<String>::new());
    // The store has dozens of queries: a checker that finds few is broken, not reassuring.
    assert!(seen >= 30, "only {seen} SQL calls found in src/store");
}

#[test]
fn no_sql_is_run_outside_the_store() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let store = root.join("src/store");
    let mut found = Vec::new();
    for path in rust_files(&root.join("src")) {
        if path.starts_with(&store) {
            continue;
        }
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        let (seen, _) = check(&[(name.clone(), src)]);
        if seen > 0 {
            found.push(name);
        }
    }
    assert_eq!(found, Vec::<String>::new(), "SQL belongs in src/store/");
}

#[test]
fn the_check_flags_sql_built_at_run_time_and_accepts_fixed_sql() {
    let bad = [
        r#"fn f(x: &str) { sqlx::query(&format!("SELECT * FROM t WHERE a = '{x}'")); }"#,
        r#"fn f(sql: String) { sqlx::query_as::<_, (i64,)>(sql); }"#,
        r#"fn f(name: &str) { let mut q = QueryBuilder::new("SELECT "); q.push(name); }"#,
        r#"fn f(n: &str) { let mut q = QueryBuilder::new("x"); q.push(" AND ").push_bind(1).push(n); }"#,
        r#"fn f(q: &mut QueryBuilder<Sqlite>, n: &str) { q.push(format!("LIMIT {n}")); }"#,
        r#"fn f(t: &str) { QueryBuilder::new(String::from("SELECT ") + t); }"#,
        r#"fn f(s: String) { sqlx::query(sqlx::AssertSqlSafe(s)); }"#,
        r#"fn f(s: &'static str) { sqlx::raw_sql(s); }"#,
        r#"fn f(c: &mut C, mode: &str) { c.begin_with(mode); }"#,
        r#"fn f(b: bool, x: &str) { sqlx::query(if b { "SELECT 1" } else { x }); }"#,
    ];
    for snippet in bad {
        let (seen, problems) = check(&[("bad.rs".into(), snippet.into())]);
        assert!(seen > 0 && !problems.is_empty(), "not flagged: {snippet}");
    }
    let good = [
        r#"fn f(x: i64) { sqlx::query("SELECT * FROM t WHERE a = ?").bind(x); }"#,
        r##"fn f() { sqlx::query_as::<_, (i64,)>(r#"SELECT "a" FROM t"#); }"##,
        r#"macro_rules! cols { () => { "a, b" }; } fn f() { sqlx::query(concat!("SELECT ", cols!(), " FROM t")); }"#,
        r#"const LIST: &str = "SELECT a FROM t"; fn f(n: i64) { let mut q = QueryBuilder::new(LIST); q.push(" LIMIT ").push_bind(n); }"#,
        r#"fn f(b: bool) { let mut q = QueryBuilder::new("x"); q.push(if b { " ASC" } else { " DESC" }); }"#,
        r#"fn f(v: &mut Vec<String>, s: String) { v.push(s); } // not a query builder"#,
        r#"fn f() { let s = "sqlx::query(format!())"; /* sqlx::query(x) */ }"#,
    ];
    for snippet in good {
        let (_, problems) = check(&[("good.rs".into(), snippet.into())]);
        assert_eq!(problems, Vec::<String>::new(), "{snippet}");
    }
}
