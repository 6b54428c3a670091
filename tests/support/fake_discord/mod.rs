//! A fake Discord for tests: one local HTTP port serves the REST API under `/api/v10` and the
//! websocket Gateway at `/ws`, so the REAL serenity client can run against it.
//!
//! Include it in a test file with `mod support;` (which is `tests/support/mod.rs`) and
//! `use support::fake_discord::*;`. Point serenity at it with
//! `HttpBuilder::new(TOKEN).proxy(fake.api_base()).ratelimiter_disabled(true)` (the proxy only
//! works with serenity's ratelimiter disabled).
//!
//! The fake records every REST request, checks each JSON body against Discord's OpenAPI spec
//! (`spec_violations`), answers unknown routes with 404 (`unhandled_routes`), injects REST
//! faults (`fail_next`) and gateway faults (`drop_connection`, `close_with`, ...), and refuses
//! to dispatch an event serenity 0.12.5 could not read (serenity would drop it silently).
//! Several bot processes can share it: each shard's IDENTIFY starts its own session, and an
//! event about a guild goes to the session of the guild's shard, as on Discord.
//! It stops when dropped.
//!
//! ```ignore
//! let fake = FakeDiscord::start().await;
//! let http = HttpBuilder::new(TOKEN).proxy(fake.api_base()).ratelimiter_disabled(true).build();
//! // ... start the bot with `http`, then:
//! assert!(fake.wait_until_ready(Duration::from_secs(10)).await);
//! fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&ALICE, "ping")).await;
//! let reply = fake.wait_for_request(|r| r.is("POST", "/messages"), WAIT).await.unwrap();
//! assert!(fake.spec_violations().is_empty() && fake.unhandled_routes().is_empty());
//! ```

mod config;
mod faults;
mod gateway;
mod ids;
mod interactions;
mod model;
mod openapi;
pub mod payloads;
mod record;
mod rest;
mod routes;
mod schema;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::oneshot;

pub use config::{EVERYONE_PERMISSIONS, FakeConfig, FakeGuild};
pub use faults::Fault;
pub use gateway::check_dispatch;
pub use ids::*;
pub use openapi::BOT_CONTENT_LIMIT;
pub use record::{Callback, Part, RecordedRequest};
pub use state::Identify;

use faults::FaultRule;
use state::{Control, Shared};

/// A running fake Discord. Dropping it stops the server and ends gateway connections.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeDiscord {
    /// Starts a fake with [`FakeConfig::default`] on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        Self::start_with(FakeConfig::default()).await
    }

    /// Starts a fake with `config` on a free port of 127.0.0.1.
    pub async fn start_with(config: FakeConfig) -> Self {
        openapi::spec(); // Load it now, so a missing spec fails here and not in a handler.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let shared = Arc::new(Shared::new(config, port));
        let app = Router::new()
            .route("/ws", get(gateway::upgrade))
            .fallback(rest::handle)
            .with_state(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        // No Nagle delay on the fake's side: Discord's real servers answer small frames at
        // once, and a 40 ms wait here would be measured as the bot's latency.
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Self {
            shared,
            stop: Some(stop),
            server,
        }
    }

    /// `http://127.0.0.1:PORT`, for `HttpBuilder::proxy`.
    pub fn api_base(&self) -> String {
        format!("http://127.0.0.1:{}", self.shared.port)
    }

    /// `ws://127.0.0.1:PORT/ws`, what `GET /gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url()
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.shared.port))
    }

    // ---- REST: what the bot did ----

    /// Every REST request so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.read(|s| s.requests.clone())
    }

    /// The requests from position `index` on (cheap to poll for new ones).
    pub fn requests_since(&self, index: usize) -> Vec<RecordedRequest> {
        self.shared.read(|s| {
            s.requests
                .get(index..)
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        })
    }

    /// A receiver that changes whenever the fake's state does (a request, a connection).
    pub fn changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.shared.subscribe()
    }

    /// Requests with this method (any case) whose path contains `path_contains`.
    pub fn requests_to(&self, method: &str, path_contains: &str) -> Vec<RecordedRequest> {
        self.shared.read(|s| {
            s.requests
                .iter()
                .filter(|r| r.is(method, path_contains))
                .cloned()
                .collect()
        })
    }

    /// The first request (including earlier ones) that satisfies `predicate`, waiting up to
    /// `timeout` for it. Compare `r.index` with `requests().len()` taken before an action to
    /// look only at later requests.
    pub async fn wait_for_request(
        &self,
        mut predicate: impl FnMut(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Option<RecordedRequest> {
        let mut found = None;
        self.wait_until(timeout, |fake| {
            found = fake
                .shared
                .read(|s| s.requests.iter().find(|r| predicate(r)).cloned());
            found.is_some()
        })
        .await;
        found
    }

    /// `METHOD /path` of every request the fake had no route for (answered 404).
    pub fn unhandled_routes(&self) -> Vec<String> {
        self.shared.read(|s| s.unhandled.clone())
    }

    /// Every way a request broke Discord's OpenAPI spec (or a bot limit the spec states
    /// loosely), as `METHOD /path: $.field: problem`.
    pub fn spec_violations(&self) -> Vec<String> {
        self.shared.read(|s| s.violations.clone())
    }

    /// Makes the next `times` requests matching `method` (or `"*"`) and `pattern` fail with
    /// `fault`. See [`faults`] for the pattern syntax (`/channels/*/messages`, `...$`).
    pub fn fail_next(&self, method: &str, pattern: &str, fault: Fault, times: usize) {
        let rule = FaultRule {
            method: method.to_owned(),
            pattern: pattern.to_owned(),
            fault,
            remaining: times,
        };
        self.shared.with(|s| s.faults.push(rule));
    }

    /// A message the bot created (or the message of a dispatched component interaction),
    /// with its later edits.
    pub fn message(&self, id: u64) -> Option<Value> {
        self.shared.read(|s| s.messages.get(&id).cloned())
    }

    /// The bot's messages in a channel, oldest first.
    pub fn messages_in(&self, channel_id: u64) -> Vec<Value> {
        let channel = channel_id.to_string();
        self.shared.read(|s| {
            s.messages
                .values()
                .filter(|m| m["channel_id"] == channel.as_str())
                .cloned()
                .collect()
        })
    }

    /// A thread the bot created, or a channel it changed, in its current state.
    pub fn channel(&self, id: u64) -> Option<Value> {
        self.shared.read(|s| s.channels.get(&id).cloned())
    }

    /// The original response to an interaction, by the interaction's token.
    pub fn original_response(&self, token: &str) -> Option<Value> {
        self.shared.read(|s| s.originals.get(token).cloned())
    }

    // ---- Gateway ----

    /// Sends a dispatch (op 0, next sequence number) to the session of the shard the event's
    /// guild belongs to (the only session when there is one) and keeps it for replay after a
    /// RESUME; while that session has no connection it is only kept. Returns the sequence
    /// number. Panics when no session runs that shard (the event would be lost) and if serenity
    /// 0.12.5 could not read the event; use [`Self::dispatch_unchecked`] to send one anyway.
    pub async fn dispatch(&self, event: &str, data: Value) -> u64 {
        Self::check(event, &data);
        self.dispatch_unchecked(event, data).await
    }

    /// [`Self::dispatch`] to the session of shard `shard`, whatever guild the event is about:
    /// for tests where two processes see one event.
    pub async fn dispatch_to_shard(&self, shard: u64, event: &str, data: Value) -> u64 {
        Self::check(event, &data);
        self.shared
            .with(|s| {
                Self::remember(s, event, &data);
                s.dispatch_to(shard, event, data)
            })
            .unwrap_or_else(|| panic!("fake Discord: no gateway session runs shard {shard}"))
    }

    /// [`Self::dispatch`] to every session, as when two processes both receive an event.
    pub async fn dispatch_to_every_session(&self, event: &str, data: Value) {
        Self::check(event, &data);
        self.shared.with(|s| {
            Self::remember(s, event, &data);
            let shards: Vec<u64> = s.gateway.sessions.keys().copied().collect();
            assert!(!shards.is_empty(), "fake Discord: no gateway session");
            for shard in shards {
                s.dispatch_to(shard, event, data.clone());
            }
        });
    }

    /// [`Self::dispatch`] without the check.
    pub async fn dispatch_unchecked(&self, event: &str, data: Value) -> u64 {
        self.shared
            .with(|s| {
                Self::remember(s, event, &data);
                s.dispatch(event, data)
            })
            .unwrap_or_else(|| {
                panic!("fake Discord: no gateway session to dispatch {event} to; wait_until_ready first")
            })
    }

    /// Panics when serenity 0.12.5 could not read the event.
    fn check(event: &str, data: &Value) {
        if let Err(problem) = check_dispatch(event, data) {
            panic!("fake Discord refuses to dispatch: {problem}\n{data:#}");
        }
    }

    /// Keeps an interaction (by token) and its message, for the callbacks that answer it.
    fn remember(s: &mut state::State, event: &str, data: &Value) {
        if event != "INTERACTION_CREATE" {
            return;
        }
        if let Some(token) = data["token"].as_str() {
            s.interactions.insert(token.to_owned(), data.clone());
        }
        if let Some(id) = data["message"]["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
        {
            s.messages
                .entry(id)
                .or_insert_with(|| data["message"].clone());
        }
    }

    /// Waits until a client identified (or resumed) and got READY and every GUILD_CREATE.
    pub async fn wait_until_ready(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, |fake| {
            fake.shared
                .read(|s| s.gateway.readies > 0 && !s.gateway.live_shards().is_empty())
        })
        .await
    }

    /// Waits until `condition` holds, re-checking whenever the fake's state changes.
    /// Returns whether it held before `timeout`.
    pub async fn wait_until(
        &self,
        timeout: Duration,
        mut condition: impl FnMut(&Self) -> bool,
    ) -> bool {
        let mut changes = self.shared.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            changes.borrow_and_update();
            if condition(self) {
                return true;
            }
            if !matches!(
                tokio::time::timeout_at(deadline, changes.changed()).await,
                Ok(Ok(()))
            ) {
                return condition(self);
            }
        }
    }

    /// The IDENTIFYs received (token without `Bot `, intents).
    pub fn identifies(&self) -> Vec<Identify> {
        self.shared.read(|s| s.gateway.identifies.clone())
    }

    pub fn identify_count(&self) -> usize {
        self.shared.read(|s| s.gateway.identifies.len())
    }

    pub fn resume_count(&self) -> usize {
        self.shared.read(|s| s.gateway.resumes)
    }

    pub fn heartbeat_count(&self) -> usize {
        self.shared.read(|s| s.gateway.heartbeats)
    }

    /// Whether a session is connected (identified or resumed, connection still open).
    pub fn is_connected(&self) -> bool {
        self.shared.read(|s| !s.gateway.live_shards().is_empty())
    }

    /// The shards whose session is connected, in order.
    pub fn live_shards(&self) -> Vec<u64> {
        self.shared.read(|s| s.gateway.live_shards())
    }

    /// How many websocket connections were opened so far.
    pub fn connection_count(&self) -> u64 {
        self.shared.read(|s| s.gateway.opened)
    }

    /// Ends the session's connection without a close frame (a network failure).
    pub fn drop_connection(&self) {
        self.leave(Control::Drop, true);
    }

    /// Closes the session's connection with `code`: 4000 unknown error (serenity resumes),
    /// 4004 authentication failed (serenity gives up), 4014 disallowed intents, ...
    pub fn close_with(&self, code: u16) {
        self.leave(Control::Close(code), true);
    }

    /// Sends op 7 RECONNECT: serenity reconnects and RESUMEs.
    pub fn send_reconnect(&self) {
        let frame = json!({ "op": 7, "d": null, "s": null, "t": null });
        self.leave(Control::Text(frame.to_string()), true);
    }

    /// Sends op 9 INVALID SESSION. Resumable: serenity reconnects and RESUMEs. Not
    /// resumable: the session ends (a RESUME is refused) and serenity IDENTIFYs again after
    /// a pause of several seconds.
    pub fn send_invalid_session(&self, resumable: bool) {
        let frame = json!({ "op": 9, "d": resumable, "s": null, "t": null });
        self.leave(Control::Text(frame.to_string()), resumable);
    }

    /// Sends `control` to the connection of the session that identified or resumed last
    /// (else the newest open one) and, as Discord does, stops sending dispatches there: later
    /// ones wait for a RESUME, or are dropped with the session when it is not `resumable`.
    fn leave(&self, control: Control, resumable: bool) {
        self.shared.with(|s| {
            let g = &mut s.gateway;
            if let Some(id) = g.target() {
                g.send(id, control);
            }
            if let Some(shard) = g.latest {
                if resumable {
                    if let Some(session) = g.sessions.get_mut(&shard) {
                        session.connection = None;
                    }
                } else {
                    g.sessions.remove(&shard);
                }
            }
        });
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.shared.with(|s| {
            for sender in s.gateway.connections.values() {
                let _ = sender.send(Control::Drop);
            }
        });
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.server.abort();
    }
}
