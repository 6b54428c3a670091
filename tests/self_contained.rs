//! A plain clone must pass: no test, benchmark, CI script or source file may read anything
//! from beside the repository (a `shared` folder next to it) or from an absolute path of one
//! particular machine. A static check of the files; CI also runs a bot test in a copy of the
//! repository with nothing beside it.

use std::path::{Path, PathBuf};

/// Files whose text is code or build scripts, under `dir`, recursively.
fn code_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "target" && name != "data" && !name.starts_with('.') || name == ".ci" {
                code_files(&path, out);
            }
        } else if name.ends_with(".rs")
            || name.ends_with(".sh")
            || name.ends_with(".toml")
            || name == "run"
            || name == "Dockerfile"
        {
            out.push(path);
        }
    }
}

#[test]
fn nothing_reads_from_beside_the_repository_or_from_a_machines_absolute_path() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", ".ci", "config"] {
        code_files(&root.join(dir), &mut files);
    }
    files.push(root.join("Cargo.toml"));
    files.push(root.join("Dockerfile"));
    assert!(files.len() > 50, "the walk found the sources: {files:?}");
    // Spelled in pieces so this file does not match itself.
    let forbidden = [
        concat!("..", "/shared"),
        concat!("/work", "/"),
        concat!("/home", "/"),
        concat!("TUNEGATE_DISCORD", "_OPENAPI"),
    ];
    // The container check makes stand-in base images with a tool of this workplace when it is
    // beside the repository, and reports SKIPPED without it; it tests the image, not the code.
    let optional = [root.join(".ci/container-smoke.sh")];
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !optional.contains(f)) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for needle in forbidden {
                if line.contains(needle) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "paths outside the repository:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_vendored_discord_api_description_is_in_the_repository_with_its_licence() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let spec = std::fs::read_to_string(data.join("discord-openapi.json")).unwrap();
    let spec: serde_json::Value = serde_json::from_str(&spec).unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(spec["paths"]["/channels/{channel_id}/messages"].is_object());
    let notice = std::fs::read_to_string(data.join("discord-openapi.README.txt")).unwrap();
    assert!(notice.contains("MIT License"));
    assert!(notice.contains("discord/discord-api-spec"));
}

/// The container builds the binary from the folders its Dockerfile copies: every folder that
/// `src/` compiles in (`include_str!`, `include_bytes!`, `sqlx::migrate!`) must be one of them,
/// or the image build fails (as it did once when `locales/` was new). Only test modules read
/// `tests/`, which the image never builds.
#[test]
fn the_dockerfile_copies_every_folder_the_binary_compiles_in() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let copied = dockerfile_copy_sources(&root);
    let mut files = Vec::new();
    code_files(&root.join("src"), &mut files);
    let mut needed = std::collections::BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for marker in ["include_str!(\"", "include_bytes!(\"", "migrate!(\""] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let Some(end) = rest.find('"') else { continue };
                let dir = file.parent().unwrap().join(&rest[..end]);
                // Resolve `..` by hand: the path need not exist for the check to mean something.
                let mut parts: Vec<String> = Vec::new();
                for part in dir.strip_prefix(&root).unwrap_or(&dir).components() {
                    match part {
                        std::path::Component::ParentDir => {
                            parts.pop();
                        }
                        std::path::Component::Normal(p) => {
                            parts.push(p.to_string_lossy().into_owned())
                        }
                        _ => {}
                    }
                }
                if let Some(top) = parts.first() {
                    needed.insert(top.clone());
                }
            }
        }
    }
    assert!(
        needed.contains("locales"),
        "the walk found the includes: {needed:?}"
    );
    for top in needed {
        if top == "tests" {
            continue;
        }
        assert!(
            copied.contains(&top),
            "src/ compiles in {top}/ but the Dockerfile does not COPY it (copies {copied:?})"
        );
    }
}

/// What the Dockerfile's `COPY` lines take from the build context (not `--from` another stage):
/// every argument but the last, the destination.
fn dockerfile_copy_sources(root: &std::path::Path) -> Vec<String> {
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    let mut sources = Vec::new();
    for line in dockerfile.lines() {
        let Some(args) = line.strip_prefix("COPY ") else {
            continue;
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        if args.first().is_some_and(|a| a.starts_with("--from")) {
            continue;
        }
        sources.extend(args[..args.len() - 1].iter().map(|s| s.to_string()));
    }
    sources
}

/// Whether `.dockerignore` leaves `path` (relative to the repository) out of the image's build
/// context. Docker's rules, for the patterns this file uses: each pattern is anchored at the
/// root and matches a path or anything under it, `*` matches within one name, `!` takes a path
/// back, and the last matching line wins.
fn docker_ignores(patterns: &str, path: &str) -> bool {
    fn glob(pattern: &[u8], name: &[u8]) -> bool {
        match (pattern.split_first(), name.split_first()) {
            (None, None) => true,
            (Some((b'*', rest)), _) => {
                glob(rest, name)
                    || name
                        .first()
                        .is_some_and(|&c| c != b'/' && glob(pattern, &name[1..]))
            }
            (Some((p, rest)), Some((n, tail))) => p == n && glob(rest, tail),
            _ => false,
        }
    }
    let mut ignored = false;
    for line in patterns.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (keep, pattern) = match line.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, line),
        };
        let pattern = pattern.trim_end_matches('/');
        // The pattern names the path itself or one of the folders it is in.
        let mut prefix = String::new();
        let matched = path.split('/').any(|part| {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            glob(pattern.as_bytes(), prefix.as_bytes())
        });
        if matched {
            ignored = !keep;
        }
    }
    ignored
}

#[test]
fn the_dockerignore_rules_are_read_as_docker_reads_them() {
    let rules = "target/\ntests/\n!tests/data/detect/\n*.db\n";
    assert!(docker_ignores(rules, "target/release/tunegate"));
    assert!(docker_ignores(rules, "tests/cli.rs"));
    assert!(!docker_ignores(rules, "tests/data/detect/train.tsv"));
    assert!(docker_ignores(rules, "t.db"));
    assert!(!docker_ignores(rules, "src/main.rs"));
}

/// Every file or folder the Dockerfile copies from the build context exists and is in the
/// context: a path `.dockerignore` leaves out fails the image build with "not found".
#[test]
fn everything_the_dockerfile_copies_is_in_the_build_context() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ignore = std::fs::read_to_string(root.join(".dockerignore")).unwrap();
    let sources = dockerfile_copy_sources(&root);
    assert!(sources.iter().any(|s| s == "src"), "{sources:?}");
    for source in &sources {
        assert!(
            root.join(source).exists(),
            "the Dockerfile copies {source}, which is not in the repository"
        );
        assert!(
            !docker_ignores(&ignore, source),
            ".dockerignore leaves out {source}, which the Dockerfile copies"
        );
    }
}
