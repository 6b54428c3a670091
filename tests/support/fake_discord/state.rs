//! The fake's memory, shared by the REST handlers, the gateway connections and the test:
//! recorded requests, injected faults, things the bot created, and the gateway session.
//! Every change wakes the test's `wait_*` calls.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Mutex, PoisonError};

use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

use super::config::FakeConfig;
use super::faults::FaultRule;
use super::ids::FIRST_FRESH_ID;
use super::record::RecordedRequest;

/// What a gateway connection task is told to do.
#[derive(Debug)]
pub enum Control {
    /// Send this text frame.
    Text(String),
    /// Send a close frame with this code, then end the connection.
    Close(u16),
    /// End the connection without a close frame.
    Drop,
}

/// An IDENTIFY the fake received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identify {
    /// The token without its `Bot ` prefix.
    pub token: String,
    pub intents: u64,
    /// `[shard id, shard total]` when the client sent one.
    pub shard: Option<[u64; 2]>,
}

/// State shared between the server tasks and the test.
pub struct Shared {
    pub config: FakeConfig,
    pub port: u16,
    state: Mutex<State>,
    changed: watch::Sender<u64>,
}

impl Shared {
    pub fn new(config: FakeConfig, port: u16) -> Self {
        Self {
            config,
            port,
            state: Mutex::new(State::default()),
            changed: watch::Sender::new(0),
        }
    }

    /// Changes the state and wakes every waiter.
    pub fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let result = f(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner));
        self.changed.send_modify(|version| *version += 1);
        result
    }

    /// Reads the state.
    pub fn read<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        f(&self.state.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// A receiver that sees every later change.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }

    pub fn gateway_url(&self) -> String {
        format!("ws://127.0.0.1:{}/ws", self.port)
    }
}

/// Everything the fake remembers.
#[derive(Default)]
pub struct State {
    pub requests: Vec<RecordedRequest>,
    pub unhandled: Vec<String>,
    pub violations: Vec<String>,
    pub faults: Vec<FaultRule>,
    /// Messages the bot created or edited, by id (ids grow, so this is creation order).
    pub messages: BTreeMap<u64, Value>,
    /// Threads the bot created and configured channels it changed, by id.
    pub channels: HashMap<u64, Value>,
    /// Original interaction responses by interaction token.
    pub originals: HashMap<String, Value>,
    /// Interactions dispatched by the test, by token.
    pub interactions: HashMap<String, Value>,
    /// Tokens of interactions that got their callback.
    pub acknowledged: HashSet<String>,
    /// Registered commands: `None` for global ones, else by guild.
    pub commands: HashMap<Option<u64>, Vec<Value>>,
    pub gateway: GatewayState,
    /// Messages created with `enforce_nonce`, by (channel, nonce): (message id, when).
    pub nonces: HashMap<(u64, String), (u64, std::time::Instant)>,
    fresh: u64,
}

impl State {
    /// A new snowflake for something the fake creates.
    pub fn fresh_id(&mut self) -> u64 {
        self.fresh += 1;
        FIRST_FRESH_ID + self.fresh
    }

    /// Sends a dispatch (op 0) with the next sequence number to the live session, if any, and
    /// keeps it for replay on RESUME. Returns the sequence number.
    pub fn dispatch(&mut self, name: &str, data: Value) -> u64 {
        let g = &mut self.gateway;
        g.seq += 1;
        let frame = json!({ "op": 0, "s": g.seq, "t": name, "d": data }).to_string();
        g.history.push((g.seq, frame.clone()));
        g.send_live(Control::Text(frame));
        g.seq
    }
}

/// The gateway side: open connections and the one session the fake serves.
#[derive(Default)]
pub struct GatewayState {
    /// Open websocket connections by id.
    pub connections: HashMap<u64, mpsc::UnboundedSender<Control>>,
    pub opened: u64,
    /// The connection that identified or resumed last and is still open.
    pub live: Option<u64>,
    pub session_id: Option<String>,
    pub seq: u64,
    /// Dispatches of the current session: (seq, frame), for replay.
    pub history: Vec<(u64, String)>,
    pub identifies: Vec<Identify>,
    pub resumes: usize,
    pub heartbeats: usize,
    /// Times READY and every GUILD_CREATE were sent.
    pub readies: usize,
}

impl GatewayState {
    /// Registers a new connection and returns its id.
    pub fn open(&mut self, sender: mpsc::UnboundedSender<Control>) -> u64 {
        self.opened += 1;
        self.connections.insert(self.opened, sender);
        self.opened
    }

    pub fn closed(&mut self, id: u64) {
        self.connections.remove(&id);
        if self.live == Some(id) {
            self.live = None;
        }
    }

    /// Sends to one connection; a closed one is ignored.
    pub fn send(&self, id: u64, control: Control) {
        if let Some(sender) = self.connections.get(&id) {
            let _ = sender.send(control);
        }
    }

    /// Sends to the live session's connection, if there is one.
    pub fn send_live(&self, control: Control) {
        if let Some(id) = self.live {
            self.send(id, control);
        }
    }

    /// The connection a test-side fault goes to: the live one, else the newest open one.
    pub fn target(&self) -> Option<u64> {
        self.live.or_else(|| self.connections.keys().max().copied())
    }
}
