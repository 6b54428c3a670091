//! The REST side: every request under `/api/v10` is decoded, checked against the OpenAPI
//! spec, matched against injected faults, answered by `routes`, and recorded in order.
//! Anything the fake does not know is answered 404 and listed as an unhandled route.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::faults::{self, Fault};
use super::openapi;
use super::record::{RecordedRequest, decode_body};
use super::routes::{self, Reply};
use super::state::Shared;

/// Bodies larger than this are cut off; no bot request comes close.
const BODY_LIMIT: usize = 64 * 1024 * 1024;

pub async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .unwrap_or_default();
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let decoded = decode_body(content_type, &bytes);
    let method = parts.method.as_str().to_owned();
    let full_path = parts.uri.path().to_owned();
    let headers = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();

    let (reply, fault) = shared.with(|s| {
        let (reply, fault) = match full_path.strip_prefix("/api/v10") {
            Some(path) => {
                let mut problems =
                    openapi::spec().check_request(&method, path, decoded.json.as_ref());
                if let Some(problem) = &decoded.problem {
                    problems.push(format!("{method} {path}: {problem}"));
                }
                s.violations.extend(problems);
                let fault = faults::take(&mut s.faults, &method, path);
                let reply = match fault.as_ref().and_then(Fault::answer) {
                    Some((status, headers, body)) => Reply {
                        status,
                        headers,
                        body: Some(body),
                    },
                    None => routes::route(
                        s,
                        &shared,
                        &method,
                        path,
                        decoded.json.as_ref(),
                        &decoded.parts,
                    )
                    .unwrap_or_else(|| unknown_route(&mut s.unhandled, &method, path)),
                };
                (reply, fault)
            }
            None => (unknown_route(&mut s.unhandled, &method, &full_path), None),
        };
        let path = full_path
            .strip_prefix("/api/v10")
            .unwrap_or(&full_path)
            .to_owned();
        s.requests.push(RecordedRequest {
            index: s.requests.len(),
            method: method.clone(),
            path,
            query: parts.uri.query().map(str::to_owned),
            headers,
            body: decoded.json.clone(),
            parts: decoded.parts.clone(),
            status: reply.status,
            response: reply.body.clone(),
            fault: fault.clone(),
            at: std::time::Instant::now(),
        });
        (reply, fault)
    });
    if let Some(Fault::Delay(delay)) = fault {
        tokio::time::sleep(delay).await;
    }
    respond(reply)
}

fn unknown_route(unhandled: &mut Vec<String>, method: &str, path: &str) -> Reply {
    unhandled.push(format!("{method} {path}"));
    Reply::error(404, 0, "Unknown route (fake)")
}

fn respond(reply: Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match reply.body {
        Some(body) if status != StatusCode::NO_CONTENT => {
            let mut r = Response::new(Body::from(body.to_string()));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            r
        }
        _ => Response::new(Body::empty()),
    };
    *response.status_mut() = status;
    for (name, value) in reply.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// Discord's error body.
pub fn error_body(code: u64, message: &str) -> Value {
    json!({ "message": message, "code": code })
}
