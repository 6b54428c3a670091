//! Injected REST faults: which requests they hit and the answer they make.
//!
//! A rule matches a method (or `*`) and a path pattern. The pattern is compared with the path
//! after `/api/v10`, segment by segment; `*` or `{name}` matches any one segment, and a pattern
//! matches every path it is a prefix of: `/channels/*/messages` hits
//! `POST /channels/1/messages` and also `/channels/1/messages/2/threads`. End the pattern with
//! `$` to match the whole path only.

use std::time::Duration;

use serde_json::{Value, json};

/// An error answer: status, extra headers, JSON body.
pub type Answer = (u16, Vec<(&'static str, String)>, Value);

/// What an injected fault does to one matching request.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// Answer with this status and Discord's usual error body for it: 403 Missing Permissions
    /// (50013), 404 Unknown Channel (10003), 429 as [`Fault::rate_limited`], 500/502 with
    /// code 0. The request is not handled.
    Status(u16),
    /// Answer with this status and `{"message": message, "code": code}`.
    Error {
        status: u16,
        code: u64,
        message: String,
    },
    /// 429 with a `Retry-After` header and `{"message", "retry_after", "global"}`, no `code`.
    RateLimited { retry_after: f64, global: bool },
    /// 429 for a route bucket that another process on the same token spent: Discord's
    /// per-route headers say none is left (`X-RateLimit-Remaining: 0`) and when the bucket
    /// resets, though this process sent nothing into it.
    BucketSpentElsewhere { reset_after: f64 },
    /// Wait this long, then handle the request normally (a slow or hanging Discord).
    Delay(Duration),
}

impl Fault {
    /// 429, retry after 50 ms, not global.
    pub fn rate_limited() -> Self {
        Self::RateLimited {
            retry_after: 0.05,
            global: false,
        }
    }

    /// The answer, or `None` for a fault that lets the request through (a delay).
    pub fn answer(&self) -> Option<Answer> {
        match self {
            Self::Status(429) => Self::rate_limited().answer(),
            Self::Status(status) => {
                let (code, message) = match status {
                    403 => (50013, "Missing Permissions"),
                    404 => (10003, "Unknown Channel"),
                    500 => (0, "500: Internal Server Error"),
                    502 => (0, "502: Bad Gateway"),
                    _ => (0, "Fake failure"),
                };
                Some((*status, vec![], json!({ "message": message, "code": code })))
            }
            Self::Error {
                status,
                code,
                message,
            } => Some((*status, vec![], json!({ "message": message, "code": code }))),
            Self::RateLimited {
                retry_after,
                global,
            } => {
                let mut headers = vec![
                    ("retry-after", retry_after.to_string()),
                    (
                        "x-ratelimit-scope",
                        if *global { "global" } else { "user" }.to_owned(),
                    ),
                ];
                if *global {
                    headers.push(("x-ratelimit-global", "true".to_owned()));
                }
                let body = json!({
                    "message": "You are being rate limited.",
                    "retry_after": retry_after,
                    "global": global,
                });
                Some((429, headers, body))
            }
            Self::BucketSpentElsewhere { reset_after } => {
                let headers = vec![
                    ("retry-after", reset_after.to_string()),
                    ("x-ratelimit-limit", "5".to_owned()),
                    ("x-ratelimit-remaining", "0".to_owned()),
                    ("x-ratelimit-reset-after", reset_after.to_string()),
                    ("x-ratelimit-bucket", "spent-by-another-process".to_owned()),
                    ("x-ratelimit-scope", "user".to_owned()),
                ];
                let body = json!({
                    "message": "You are being rate limited.",
                    "retry_after": reset_after,
                    "global": false,
                });
                Some((429, headers, body))
            }
            Self::Delay(_) => None,
        }
    }
}

/// A fault waiting for its next `remaining` matching requests.
#[derive(Clone, Debug)]
pub struct FaultRule {
    pub method: String,
    pub pattern: String,
    pub fault: Fault,
    pub remaining: usize,
}

impl FaultRule {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        (self.method == "*" || self.method.eq_ignore_ascii_case(method))
            && path_matches(&self.pattern, path)
    }
}

/// Takes the first rule that matches, counting one use; used-up rules are removed.
pub fn take(rules: &mut Vec<FaultRule>, method: &str, path: &str) -> Option<Fault> {
    let i = rules
        .iter()
        .position(|r| r.remaining > 0 && r.matches(method, path))?;
    rules[i].remaining -= 1;
    let fault = rules[i].fault.clone();
    if rules[i].remaining == 0 {
        rules.remove(i);
    }
    Some(fault)
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern.strip_prefix("/api/v10").unwrap_or(pattern);
    let (pattern, exact) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let want: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let have: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if have.len() < want.len() || (exact && have.len() != want.len()) {
        return false;
    }
    want.iter()
        .zip(&have)
        .all(|(w, h)| *w == "*" || w.starts_with('{') || w == h)
}
