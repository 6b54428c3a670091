//! Discord's OpenAPI spec (`tests/data/discord-openapi.json`, vendored with its licence and
//! origin in `tests/data/discord-openapi.README.txt`): finds the operation of a request and
//! checks its JSON body against the operation's request-body schema.
//!
//! The spec is read once per test binary from the repository itself, so a plain clone has
//! everything the tests need. Without it the fake refuses to start, because tests that silently
//! skip validation would pass for the wrong reason.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

use super::schema::Validator;

/// Discord's documented message limit for bots; the spec allows 4000 (a Nitro user's limit).
pub const BOT_CONTENT_LIMIT: usize = 2000;

/// One operation: method, path template split into segments, request-body schema (JSON).
struct Operation {
    method: String,
    segments: Vec<String>,
    body: Option<Value>,
    body_required: bool,
}

/// The parsed spec and an index of its operations.
pub struct Spec {
    document: Value,
    operations: Vec<Operation>,
}

/// The spec, loaded on first use. Panics with the places it looked if it cannot be read.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = spec_path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "fake Discord: cannot read Discord's OpenAPI spec at {}: {e} \
                 (it is part of the repository; restore it with git)",
                path.display()
            )
        });
        let document: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("fake Discord: {} is not JSON: {e}", path.display()));
        Spec::index(document)
    })
}

/// Where the vendored spec lives: inside the repository, next to the other test data.
fn spec_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/discord-openapi.json")
}

impl Spec {
    fn index(document: Value) -> Self {
        let mut operations = Vec::new();
        for (template, item) in document["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                if !matches!(method.as_str(), "get" | "put" | "post" | "patch" | "delete") {
                    continue;
                }
                let request_body = &op["requestBody"];
                operations.push(Operation {
                    method: method.to_uppercase(),
                    segments: split(template),
                    body: request_body["content"]["application/json"]
                        .get("schema")
                        .cloned(),
                    body_required: request_body["required"] == Value::Bool(true),
                });
            }
        }
        Self {
            document,
            operations,
        }
    }

    /// Problems with a request, each naming method and path; empty when it conforms.
    /// `path` is the part after `/api/v10`.
    pub fn check_request(&self, method: &str, path: &str, body: Option<&Value>) -> Vec<String> {
        let prefix = format!("{method} {path}");
        let Some(op) = self.find(method, path) else {
            return vec![format!(
                "{prefix}: no such operation in Discord's OpenAPI spec"
            )];
        };
        let mut problems = Vec::new();
        match (body, &op.body) {
            (Some(body), Some(schema)) => {
                problems.extend(Validator::new(&self.document).validate(schema, body));
                problems.extend(bot_limits(body));
            }
            (None, Some(_)) if op.body_required => {
                problems.push("$: a request body is required".to_owned())
            }
            (Some(body), None) if !is_empty(body) => {
                problems.push("$: the spec defines no JSON body for this operation".to_owned());
            }
            _ => {}
        }
        problems
            .into_iter()
            .map(|p| format!("{prefix}: {p}"))
            .collect()
    }

    /// The operation whose template matches best: literal segments beat `{parameters}`.
    fn find(&self, method: &str, path: &str) -> Option<&Operation> {
        let segments = split(path);
        self.operations
            .iter()
            .filter(|op| op.method == method && op.segments.len() == segments.len())
            .filter(|op| {
                op.segments
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t.starts_with('{') || t == s)
            })
            .max_by_key(|op| op.segments.iter().filter(|t| !t.starts_with('{')).count())
    }
}

fn split(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_empty(body: &Value) -> bool {
    body.is_null() || body.as_object().is_some_and(|o| o.is_empty())
}

/// Limits Discord enforces on bots that the spec states more loosely.
fn bot_limits(body: &Value) -> Vec<String> {
    [("$.content", &body["content"]), ("$.data.content", &body["data"]["content"])]
        .into_iter()
        .filter_map(|(at, v)| {
            let chars = v.as_str()?.chars().count();
            (chars > BOT_CONTENT_LIMIT).then(|| {
                format!("{at}: string of {chars} characters, longer than a bot may send ({BOT_CONTENT_LIMIT})")
            })
        })
        .collect()
}
