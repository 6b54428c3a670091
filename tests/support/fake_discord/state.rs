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

    /// Sends a dispatch (op 0) to the session of the shard its guild belongs to, as Discord
    /// does: `(guild_id >> 22) % shard_total`; an event without a guild goes to shard 0. With
    /// one session every event goes to it. The session keeps the frame for replay on RESUME.
    /// Returns the sequence number, or `None` when no session runs that shard (Discord drops
    /// such an event too).
    pub fn dispatch(&mut self, name: &str, data: Value) -> Option<u64> {
        let shard = self.gateway.shard_for(guild_of(name, &data))?;
        self.dispatch_to(shard, name, data)
    }

    /// Sends a dispatch to the session of shard `shard`, whatever guild it is about.
    pub fn dispatch_to(&mut self, shard: u64, name: &str, data: Value) -> Option<u64> {
        let session = self.gateway.sessions.get_mut(&shard)?;
        session.seq += 1;
        let frame = json!({ "op": 0, "s": session.seq, "t": name, "d": data }).to_string();
        session.history.push((session.seq, frame.clone()));
        let (seq, connection) = (session.seq, session.connection);
        if let Some(connection) = connection {
            self.gateway.send(connection, Control::Text(frame));
        }
        Some(seq)
    }
}

/// The guild an event is about: its `guild_id`, or the guild itself for GUILD_CREATE.
fn guild_of(name: &str, data: &Value) -> Option<u64> {
    let id = if name == "GUILD_CREATE" {
        &data["id"]
    } else {
        &data["guild_id"]
    };
    id.as_str().and_then(|id| id.parse().ok())
}

/// The shard Discord sends a guild's events to: `(guild_id >> 22) % total`.
pub fn shard_of(guild_id: u64, total: u64) -> u64 {
    (guild_id >> 22) % total.max(1)
}

/// One Gateway session: what an IDENTIFY starts for one shard and a RESUME continues.
#[derive(Debug)]
pub struct Session {
    pub id: String,
    /// `[shard id, shard total]` (`[0, 1]` when the client sent none).
    pub shard: [u64; 2],
    /// The open connection that identified or resumed this session, if any.
    pub connection: Option<u64>,
    pub seq: u64,
    /// Dispatches of this session: (seq, frame), for replay.
    pub history: Vec<(u64, String)>,
}

/// The gateway side: open connections and one session per shard.
#[derive(Default)]
pub struct GatewayState {
    /// Open websocket connections by id.
    pub connections: HashMap<u64, mpsc::UnboundedSender<Control>>,
    pub opened: u64,
    /// The sessions by shard id: a new IDENTIFY for a shard replaces its session.
    pub sessions: BTreeMap<u64, Session>,
    /// The shard whose session identified or resumed last: where connection faults go.
    pub latest: Option<u64>,
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
        for session in self.sessions.values_mut() {
            if session.connection == Some(id) {
                session.connection = None;
            }
        }
    }

    /// Sends to one connection; a closed one is ignored.
    pub fn send(&self, id: u64, control: Control) {
        if let Some(sender) = self.connections.get(&id) {
            let _ = sender.send(control);
        }
    }

    /// The shard whose session gets an event about `guild`: the only session when there is
    /// one, else the guild's shard of the sessions' total (shard 0 without a guild).
    pub fn shard_for(&self, guild: Option<u64>) -> Option<u64> {
        if self.sessions.len() == 1 {
            return self.sessions.keys().next().copied();
        }
        let total = self.sessions.values().next()?.shard[1];
        Some(guild.map_or(0, |g| shard_of(g, total)))
    }

    /// Shards whose session has a connection.
    pub fn live_shards(&self) -> Vec<u64> {
        self.sessions
            .iter()
            .filter(|(_, s)| s.connection.is_some())
            .map(|(shard, _)| *shard)
            .collect()
    }

    /// The connection a test-side fault goes to: that of the session that identified or
    /// resumed last, else the newest open one.
    pub fn target(&self) -> Option<u64> {
        self.latest
            .and_then(|shard| self.sessions.get(&shard))
            .and_then(|s| s.connection)
            .or_else(|| self.connections.keys().max().copied())
    }
}
