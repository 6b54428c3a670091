//! The websocket Gateway at `/ws`: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats,
//! RESUME with replay of missed dispatches, and the test's connection faults. Each IDENTIFY's
//! shard is recorded and echoed in its READY, and starts that shard's session: its READY and
//! GUILD_CREATEs list only the guilds Discord would put on that shard
//! (`(guild_id >> 22) % total`), and later events about a guild go to its shard's session, so
//! several bot processes can share one fake.
//!
//! Frames go out through one channel per connection, fed while the state is locked, so that
//! READY, replays and test dispatches keep their sequence order.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};
use serenity::model::event::{
    Event, GatewayEvent, GuildCreateEvent, InteractionCreateEvent, MessageCreateEvent,
    MessageUpdateEvent, ReadyEvent, ThreadCreateEvent,
};
use tokio::sync::mpsc;

use super::config::FakeGuild;
use super::ids::{APP_ID, BOT_USER};
use super::model;
use super::state::{Control, Identify, Session, Shared, State as FakeState, shard_of};

/// Close code for a bad token.
const AUTHENTICATION_FAILED: u16 = 4004;
/// Close code for a frame that is not JSON.
const DECODE_ERROR: u16 = 4002;

pub async fn upgrade(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| serve(shared, socket))
}

async fn serve(shared: Arc<Shared>, mut socket: WebSocket) {
    let (sender, mut controls) = mpsc::unbounded_channel();
    let id = shared.with(|s| s.gateway.open(sender.clone()));
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": shared.config.heartbeat_interval_ms }, "s": null, "t": null });
    let _ = sender.send(Control::Text(hello.to_string()));
    loop {
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(text))) => on_frame(&shared, id, text.as_str()),
                Some(Ok(Message::Close(_))) => {
                    // Reading once more flushes the close reply the client waits for.
                    let _ = tokio::time::timeout(Duration::from_millis(100), socket.recv()).await;
                    break;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
            control = controls.recv() => match control {
                Some(Control::Text(text)) => {
                    if socket.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(Control::Close(code)) => {
                    let frame = CloseFrame { code, reason: "closed by the fake Discord".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    break;
                }
                Some(Control::Drop) | None => break,
            },
        }
    }
    shared.with(|s| s.gateway.closed(id));
}

fn on_frame(shared: &Shared, id: u64, text: &str) {
    let Ok(frame) = serde_json::from_str::<Value>(text) else {
        shared.with(|s| s.gateway.send(id, Control::Close(DECODE_ERROR)));
        return;
    };
    let d = &frame["d"];
    match frame["op"].as_u64() {
        Some(1) => shared.with(|s| {
            s.gateway.heartbeats += 1;
            s.gateway.send(
                id,
                Control::Text(json!({ "op": 11, "d": null, "s": null, "t": null }).to_string()),
            );
        }),
        Some(2) => identify(shared, id, d),
        Some(6) => resume(shared, id, d),
        _ => {}
    }
}

fn identify(shared: &Shared, id: u64, d: &Value) {
    let token = d["token"].as_str().unwrap_or_default();
    let token = token.strip_prefix("Bot ").unwrap_or(token).to_owned();
    let intents = d["intents"].as_u64().unwrap_or_default();
    let shard = match (d["shard"][0].as_u64(), d["shard"][1].as_u64()) {
        (Some(id), Some(total)) => Some([id, total]),
        _ => None,
    };
    let accepted = shared
        .config
        .expected_token
        .as_ref()
        .is_none_or(|t| *t == token);
    shared.with(|s| {
        s.gateway.identifies.push(Identify {
            token,
            intents,
            shard,
        });
        if !accepted {
            s.gateway.send(id, Control::Close(AUTHENTICATION_FAILED));
            return;
        }
        let session = format!("fake-session-{}", s.gateway.identifies.len());
        let shard = shard.unwrap_or([0, 1]);
        let g = &mut s.gateway;
        g.sessions.insert(
            shard[0],
            Session {
                id: session.clone(),
                shard,
                connection: Some(id),
                seq: 0,
                history: Vec::new(),
            },
        );
        g.latest = Some(shard[0]);
        s.dispatch_to(shard[0], "READY", ready(shared, &session, shard));
        for guild in guilds_of_shard(shared, shard) {
            s.dispatch_to(shard[0], "GUILD_CREATE", model::guild_create(guild));
        }
        s.gateway.readies += 1;
    });
}

/// The configured guilds that belong to `shard` (`[id, total]`), as Discord assigns them.
fn guilds_of_shard(shared: &Shared, shard: [u64; 2]) -> impl Iterator<Item = &FakeGuild> {
    shared
        .config
        .guilds
        .iter()
        .filter(move |g| shard_of(g.id, shard[1]) == shard[0])
}

fn resume(shared: &Shared, id: u64, d: &Value) {
    let session = d["session_id"].as_str().unwrap_or_default();
    let after = d["seq"].as_u64().unwrap_or_default();
    shared.with(|s: &mut FakeState| {
        s.gateway.resumes += 1;
        let g = &mut s.gateway;
        let Some(session) = g.sessions.values_mut().find(|x| x.id == session) else {
            let invalid = json!({ "op": 9, "d": false, "s": null, "t": null });
            g.send(id, Control::Text(invalid.to_string()));
            return;
        };
        session.connection = Some(id);
        let shard = session.shard[0];
        let missed: Vec<String> = session
            .history
            .iter()
            .filter(|(seq, _)| *seq > after)
            .map(|(_, frame)| frame.clone())
            .collect();
        g.latest = Some(shard);
        for frame in missed {
            g.send(id, Control::Text(frame));
        }
        s.dispatch_to(shard, "RESUMED", json!({}));
    });
}

fn ready(shared: &Shared, session: &str, shard: [u64; 2]) -> Value {
    let guilds: Vec<Value> = shared
        .config
        .guilds
        .iter()
        .filter(|g| shard_of(g.id, shard[1]) == shard[0])
        .map(|g| json!({ "id": g.id.to_string(), "unavailable": true }))
        .collect();
    json!({
        "v": 10,
        "user": model::user(&BOT_USER),
        "guilds": guilds,
        "session_id": session,
        "resume_gateway_url": shared.gateway_url(),
        "shard": shard,
        "application": { "id": APP_ID.to_string(), "flags": 0 },
        "private_channels": [],
    })
}

/// Whether serenity 0.12.5 can read a dispatch; serenity itself drops unreadable events
/// silently (they become `Event::Unknown`), so the fake says why instead.
pub fn check_dispatch(name: &str, data: &Value) -> Result<(), String> {
    fn read<T: serde::de::DeserializeOwned>(data: &Value) -> Result<(), serde_json::Error> {
        serde_json::from_value::<T>(data.clone()).map(drop)
    }
    let specific = match name {
        "READY" => read::<ReadyEvent>(data),
        "GUILD_CREATE" => read::<GuildCreateEvent>(data),
        "MESSAGE_CREATE" => read::<MessageCreateEvent>(data),
        "MESSAGE_UPDATE" => read::<MessageUpdateEvent>(data),
        "INTERACTION_CREATE" => read::<InteractionCreateEvent>(data),
        "THREAD_CREATE" => read::<ThreadCreateEvent>(data),
        _ => Ok(()),
    };
    specific.map_err(|e| format!("serenity 0.12.5 cannot read this {name}: {e}"))?;
    let frame = json!({ "op": 0, "s": 1, "t": name, "d": data });
    match serde_json::from_value::<GatewayEvent>(frame) {
        Ok(GatewayEvent::Dispatch(_, Event::Unknown(_))) => Err(format!(
            "serenity 0.12.5 turns this {name} into Event::Unknown and drops it \
             (unknown event name, or a field it requires is missing or invalid)"
        )),
        Ok(_) => Ok(()),
        Err(e) => Err(format!("serenity 0.12.5 cannot read this {name}: {e}")),
    }
}
