//! Discord REST calls that must not be lost: messages, edits, threads. Rate limits (429) are
//! waited out for as long as `Retry-After` says; server errors (5xx), dropped connections and
//! requests unanswered within `discord.request_timeout_secs` (see [`client`]) are retried a
//! bounded number of times; everything else comes back as a [`RestError`] with the HTTP status
//! and Discord's error code, so the caller can fall back (403) or give up (404).
//!
//! A timed-out POST may have reached Discord. Every message carries a fresh `nonce` with
//! `enforce_nonce`, the same on each retry of one post, so Discord answers a retry of a message
//! it already created with that message instead of posting a second one. Threads have no such
//! key: a retried thread creation after a timeout may still open two (rare; the walkthrough
//! records only the one it was answered with).
//!
//! These calls go through serenity's request builder but are executed here, because serenity
//! drops the `Retry-After` of an error response and, with a proxy (`discord.api_base`), its own
//! rate limiter is off: the bot has to honour rate limits itself.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serenity::all::{
    ChannelId, CreateMessage, EditMessage, GuildChannel, Http, LightMethod, Message, MessageId,
    Nonce, Request, Route,
};

/// Attempts per call (the first try included).
const MAX_ATTEMPTS: u32 = 5;
/// The longest single rate-limit wait the bot accepts before giving up on a call.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// First wait after a server error; doubled on each further attempt.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// The longest wait for a TCP/TLS connection to Discord.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("Discord answered {status} (code {code}): {message}")]
    Status {
        status: u16,
        code: i64,
        message: String,
    },
    #[error("Discord kept failing ({status}) after {attempts} attempts")]
    GaveUp { status: u16, attempts: u32 },
    #[error("could not reach Discord: {0}")]
    Transport(String),
    #[error("could not read Discord's answer: {0}")]
    Decode(String),
}

impl RestError {
    /// The HTTP status Discord answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            RestError::Status { status, .. } | RestError::GaveUp { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// The REST client for calls that are retried. Cheap to clone.
#[derive(Clone)]
pub struct Rest {
    http: Arc<Http>,
    client: reqwest::Client,
    /// The origin replacing `https://discord.com` (`discord.api_base`), if any.
    base: Option<String>,
}

/// The HTTP client every Discord request goes through: each request, from connecting to the
/// last byte of the answer, must finish within `timeout`.
pub fn client(timeout: Duration) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(CONNECT_TIMEOUT))
        .build()
}

impl Rest {
    /// `client` should be the one `http` uses (see [`client`]), so both keep its deadline.
    pub fn new(http: Arc<Http>, client: reqwest::Client, base: Option<String>) -> Rest {
        Rest { http, client, base }
    }

    /// Serenity's HTTP client, for calls where a failure is only logged.
    pub fn http(&self) -> &Arc<Http> {
        &self.http
    }

    /// Posts a message; retries of this one post carry the same nonce, so Discord creates it
    /// at most once.
    pub async fn post_message(
        &self,
        channel: ChannelId,
        message: &CreateMessage,
    ) -> Result<Message, RestError> {
        let message = message
            .clone()
            .nonce(Nonce::String(fresh_nonce()))
            .enforce_nonce(true);
        let body = to_json(&message)?;
        self.send(|| {
            Request::new(
                Route::ChannelMessages {
                    channel_id: channel,
                },
                LightMethod::Post,
            )
            .body(Some(body.clone()))
        })
        .await
    }

    pub async fn edit_message(
        &self,
        channel: ChannelId,
        message: MessageId,
        edit: &EditMessage,
    ) -> Result<Message, RestError> {
        let body = to_json(edit)?;
        self.send(|| {
            Request::new(
                Route::ChannelMessage {
                    channel_id: channel,
                    message_id: message,
                },
                LightMethod::Patch,
            )
            .body(Some(body.clone()))
        })
        .await
    }

    /// Opens a public thread on a message.
    pub async fn thread_on_message(
        &self,
        channel: ChannelId,
        message: MessageId,
        name: &str,
    ) -> Result<GuildChannel, RestError> {
        let body = to_json(&serde_json::json!({
            "name": name,
            "auto_archive_duration": 10080,
        }))?;
        self.send(|| {
            Request::new(
                Route::ChannelMessageThreads {
                    channel_id: channel,
                    message_id: message,
                },
                LightMethod::Post,
            )
            .body(Some(body.clone()))
        })
        .await
    }

    /// Opens a public thread without a starting message.
    pub async fn thread_in_channel(
        &self,
        channel: ChannelId,
        name: &str,
    ) -> Result<GuildChannel, RestError> {
        let body = to_json(&serde_json::json!({
            "name": name,
            "type": 11,
            "auto_archive_duration": 10080,
        }))?;
        self.send(|| {
            Request::new(
                Route::ChannelThreads {
                    channel_id: channel,
                },
                LightMethod::Post,
            )
            .body(Some(body.clone()))
        })
        .await
    }

    /// Archives a thread (closing it politely; anyone can still read it).
    pub async fn archive_thread(&self, thread: ChannelId) -> Result<GuildChannel, RestError> {
        let body = to_json(&serde_json::json!({ "archived": true }))?;
        self.send(|| {
            Request::new(Route::Channel { channel_id: thread }, LightMethod::Patch)
                .body(Some(body.clone()))
        })
        .await
    }

    /// Opens an archived thread again (a follow-up is asked where the decision was made).
    pub async fn unarchive_thread(&self, thread: ChannelId) -> Result<GuildChannel, RestError> {
        let body = to_json(&serde_json::json!({ "archived": false }))?;
        self.send(|| {
            Request::new(Route::Channel { channel_id: thread }, LightMethod::Patch)
                .body(Some(body.clone()))
        })
        .await
    }

    /// Sends a request built by `make`, retrying as the module documentation says; counts
    /// the calls that fail for good.
    async fn send<'a, T: DeserializeOwned>(
        &self,
        make: impl Fn() -> Request<'a>,
    ) -> Result<T, RestError> {
        let result = self.send_retrying(make).await;
        if let Err(e) = &result {
            let status = e
                .status()
                .map_or_else(|| "none".to_string(), |s| s.to_string());
            metrics::counter!(crate::http::names::DISCORD_REST_ERRORS, "status" => status)
                .increment(1);
        }
        result
    }

    async fn send_retrying<'a, T: DeserializeOwned>(
        &self,
        make: impl Fn() -> Request<'a>,
    ) -> Result<T, RestError> {
        let mut backoff = FIRST_BACKOFF;
        let mut last_status = 0;
        for attempt in 1..=MAX_ATTEMPTS {
            let request = make()
                .build(&self.client, self.http.token(), self.base.as_deref())
                .map_err(|e| RestError::Transport(e.to_string()))?
                .build()
                .map_err(|e| RestError::Transport(e.to_string()))?;
            let response = match self.client.execute(request).await {
                Ok(r) => r,
                Err(e) => {
                    tracing::warn!(attempt, error = %e, "Discord unreachable, retrying");
                    if attempt == MAX_ATTEMPTS {
                        return Err(RestError::Transport(e.to_string()));
                    }
                    tokio::time::sleep(backoff).await;
                    backoff *= 2;
                    continue;
                }
            };
            let status = response.status().as_u16();
            last_status = status;
            if response.status().is_success() {
                let bytes = response
                    .bytes()
                    .await
                    .map_err(|e| RestError::Transport(e.to_string()))?;
                return serde_json::from_slice(&bytes)
                    .map_err(|e| RestError::Decode(e.to_string()));
            }
            let header_wait = retry_after_header(&response);
            let bytes = response.bytes().await.unwrap_or_default();
            let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            if status == 429 {
                let wait = header_wait
                    .or_else(|| body["retry_after"].as_f64().map(Duration::from_secs_f64))
                    .unwrap_or(Duration::from_secs(1));
                if wait > MAX_RETRY_AFTER {
                    return Err(RestError::GaveUp {
                        status,
                        attempts: attempt,
                    });
                }
                tracing::warn!(
                    attempt,
                    wait_ms = wait.as_millis() as u64,
                    "rate limited by Discord, waiting"
                );
                tokio::time::sleep(wait).await;
                continue;
            }
            if status >= 500 {
                tracing::warn!(attempt, status, "Discord server error, retrying");
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                continue;
            }
            return Err(RestError::Status {
                status,
                code: body["code"].as_i64().unwrap_or(-1),
                message: body["message"].as_str().unwrap_or("").to_string(),
            });
        }
        Err(RestError::GaveUp {
            status: last_status,
            attempts: MAX_ATTEMPTS,
        })
    }
}

/// A nonce no other post of this bot uses within Discord's de-duplication window (minutes):
/// the time in nanoseconds and a per-process counter, 22 characters (Discord allows 25).
fn fresh_nonce() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff;
    format!("tg{nanos:016x}{count:04x}")
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, RestError> {
    serde_json::to_vec(value).map_err(|e| RestError::Decode(e.to_string()))
}

fn retry_after_header(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get("retry-after")?.to_str().ok()?;
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_distinct_and_fit_discords_limit() {
        let nonces: std::collections::HashSet<String> = (0..1000).map(|_| fresh_nonce()).collect();
        assert_eq!(nonces.len(), 1000);
        assert!(nonces.iter().all(|n| n.len() <= 25), "{nonces:?}");
    }
}
