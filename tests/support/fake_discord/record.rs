//! What the fake remembers of each REST request, and the decoding of its body: JSON, or
//! multipart form data whose `payload_json` part holds the JSON (how bots send attachments).

use serde_json::Value;

use super::faults::Fault;

/// One REST request as the fake saw it, and what it answered.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// Position in [`FakeDiscord::requests`](super::FakeDiscord::requests), from 0.
    pub index: usize,
    /// Upper case, e.g. `POST`.
    pub method: String,
    /// The path after `/api/v10`, e.g. `/channels/123/messages`.
    pub path: String,
    /// The query string without `?`, if any.
    pub query: Option<String>,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    /// The JSON body, or the JSON of the `payload_json` part of a multipart body.
    pub body: Option<Value>,
    /// The parts of a multipart body (files and `payload_json`).
    pub parts: Vec<Part>,
    /// The HTTP status the fake answered with.
    pub status: u16,
    /// The JSON the fake answered with, if any.
    pub response: Option<Value>,
    /// The injected fault that shaped the answer, if any.
    pub fault: Option<Fault>,
    /// When the fake received the request (for latency measurements).
    pub at: std::time::Instant,
}

/// One part of a multipart body.
#[derive(Clone, Debug)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl RecordedRequest {
    /// The value of a header (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether this is a `method` request whose path contains `path_contains`.
    pub fn is(&self, method: &str, path_contains: &str) -> bool {
        self.method.eq_ignore_ascii_case(method) && self.path.contains(path_contains)
    }

    /// The body's value at a JSON pointer such as `/data/components/0/components/0/custom_id`.
    pub fn body_at(&self, pointer: &str) -> Option<&Value> {
        self.body.as_ref()?.pointer(pointer)
    }

    /// What an interaction callback does (its `type`), when this is one of the kinds the bot
    /// sends.
    pub fn callback(&self) -> Option<Callback> {
        Callback::ALL
            .into_iter()
            .find(|kind| self.body_at("/type").and_then(Value::as_u64) == Some(*kind as u64))
    }

    /// The files of a multipart body (parts with a file name).
    pub fn files(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.filename.is_some())
    }
}

/// A decoded request body.
pub struct Decoded {
    pub json: Option<Value>,
    pub parts: Vec<Part>,
    /// Why the body could not be decoded, if it could not.
    pub problem: Option<String>,
}

/// Decodes `bytes` by its `content_type`.
pub fn decode_body(content_type: Option<&str>, bytes: &[u8]) -> Decoded {
    let mut decoded = Decoded {
        json: None,
        parts: Vec::new(),
        problem: None,
    };
    if bytes.is_empty() {
        return decoded;
    }
    let content_type = content_type.unwrap_or_default();
    if let Some(boundary) = boundary(content_type) {
        decoded.parts = split_multipart(bytes, &boundary);
        if let Some(payload) = decoded.parts.iter().find(|p| p.name == "payload_json") {
            match serde_json::from_slice(&payload.bytes) {
                Ok(v) => decoded.json = Some(v),
                Err(e) => decoded.problem = Some(format!("payload_json is not JSON: {e}")),
            }
        }
        if decoded.parts.is_empty() {
            decoded.problem = Some("multipart body without parts".to_owned());
        }
        return decoded;
    }
    match serde_json::from_slice(bytes) {
        Ok(v) => decoded.json = Some(v),
        Err(e) => decoded.problem = Some(format!("body is not JSON ({content_type:?}): {e}")),
    }
    decoded
}

fn boundary(content_type: &str) -> Option<String> {
    if !content_type.starts_with("multipart/") {
        return None;
    }
    content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .next()
}

/// Splits a multipart body at `--boundary` lines; each part is headers, a blank line, data.
fn split_multipart(bytes: &[u8], boundary: &str) -> Vec<Part> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pieces = split_bytes(bytes, delimiter.as_bytes()).into_iter().skip(1);
    for piece in pieces.by_ref() {
        if piece.starts_with(b"--") {
            break;
        }
        let piece = piece.strip_prefix(b"\r\n").unwrap_or(piece);
        let piece = piece.strip_suffix(b"\r\n").unwrap_or(piece);
        let Some(split) = find(piece, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&piece[..split]);
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            bytes: piece[split + 4..].to_vec(),
        };
        for line in head.lines() {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                part.name = param(line, "name").unwrap_or_default();
                part.filename = param(line, "filename");
            } else if let Some(v) = lower.strip_prefix("content-type:") {
                part.content_type = Some(v.trim().to_owned());
            }
        }
        parts.push(part);
    }
    parts
}

/// The value of `key="..."` in a Content-Disposition line.
fn param(line: &str, key: &str) -> Option<String> {
    line.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        (k == key).then(|| v.trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut bytes: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find(bytes, delimiter) {
        out.push(&bytes[..i]);
        bytes = &bytes[i + delimiter.len()..];
    }
    out.push(bytes);
    out
}

/// Discord's interaction callback types the bot answers with, named so that tests say which
/// answer they expect instead of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callback {
    /// 4: a new message (public, or private with flag 64).
    Message = 4,
    /// 5: "thinking...", the message follows through the webhook.
    DeferredMessage = 5,
    /// 6: acknowledged, the clicked message is left as it is for now.
    DeferredUpdate = 6,
    /// 7: the clicked message is replaced.
    UpdateMessage = 7,
    /// 8: autocomplete choices.
    Autocomplete = 8,
    /// 9: a form (modal) opens.
    Modal = 9,
}

impl Callback {
    pub const ALL: [Callback; 6] = [
        Callback::Message,
        Callback::DeferredMessage,
        Callback::DeferredUpdate,
        Callback::UpdateMessage,
        Callback::Autocomplete,
        Callback::Modal,
    ];
}
