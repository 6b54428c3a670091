//! The REST routes the fake answers, as small functions of the fake's state. Answers carry
//! the fields serenity 0.12.5 requires; ids of created things are fresh snowflakes.
//!
//! - `GET /gateway`, `GET /gateway/bot`, `GET /users/@me`, `GET /oauth2/applications/@me`
//! - `GET|PUT /applications/{app}/commands`, `GET|PUT /applications/{app}/guilds/{g}/commands`
//!   (echoed with ids; another `{app}` than [`APP_ID`] is 404 Unknown Application)
//! - `POST /channels/{c}/messages` (echoes content, embeds, components, flags, reference;
//!   files become attachments; with `enforce_nonce`, a nonce seen in that channel within
//!   [`NONCE_WINDOW`] answers with the first message instead of creating another, as Discord
//!   does), `GET|PATCH|DELETE /channels/{c}/messages/{m}` (the bot's own)
//! - `POST /channels/{c}/messages/{m}/threads` (thread id = message id, as on Discord),
//!   `POST /channels/{c}/threads`, `GET|PATCH /channels/{c}` (archive/lock go to
//!   `thread_metadata`), `POST /channels/{c}/typing`
//! - `GET /guilds/{g}/members/{u}` (configured member, else a role-less one)
//! - interactions and webhooks: see `interactions`
//!
//! Unknown channels answer 404 Unknown Channel (10003), unknown messages 404 Unknown Message
//! (10008), as Discord does.

use serde_json::{Value, json};

use super::config::FakeGuild;
use super::ids::{ALICE, APP_ID, BOT_USER, FakeUser};
use super::interactions;
use super::model;
use super::record::Part;
use super::rest::error_body;
use super::state::{Shared, State};

/// How long a message nonce is remembered ("the past few minutes" in Discord's words).
pub const NONCE_WINDOW: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// An answer: status, extra headers, JSON body (none for 204).
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Value>,
}

impl Reply {
    pub fn ok(body: Value) -> Self {
        Self {
            status: 200,
            headers: Vec::new(),
            body: Some(body),
        }
    }

    pub fn created(body: Value) -> Self {
        Self {
            status: 201,
            headers: Vec::new(),
            body: Some(body),
        }
    }

    pub fn no_content() -> Self {
        Self {
            status: 204,
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn error(status: u16, code: u64, message: &str) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Some(error_body(code, message)),
        }
    }

    pub fn unknown_channel() -> Self {
        Self::error(404, 10003, "Unknown Channel")
    }

    pub fn unknown_message() -> Self {
        Self::error(404, 10008, "Unknown Message")
    }
}

/// Answers a request, or `None` when the fake does not know the route.
pub fn route(
    s: &mut State,
    shared: &Shared,
    method: &str,
    path: &str,
    body: Option<&Value>,
    parts: &[Part],
) -> Option<Reply> {
    let segments: Vec<&str> = path.split('/').filter(|x| !x.is_empty()).collect();
    let body = body.unwrap_or(&Value::Null);
    let reply = match (method, segments.as_slice()) {
        ("GET", ["gateway"]) => Reply::ok(json!({ "url": shared.gateway_url() })),
        ("GET", ["gateway", "bot"]) => Reply::ok(json!({
            "url": shared.gateway_url(),
            "shards": 1,
            "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 },
        })),
        ("GET", ["oauth2", "applications", "@me"]) => Reply::ok(model::application(&ALICE)),
        ("GET", ["users", "@me"]) => {
            let mut me = model::user(&BOT_USER);
            model::merge(
                &mut me,
                &json!({ "verified": true, "mfa_enabled": false, "flags": 0 }),
            );
            Reply::ok(me)
        }
        (_, ["applications", app, ..]) if *app != APP_ID.to_string() => {
            Reply::error(404, 10002, "Unknown Application")
        }
        ("GET", ["applications", _, "commands"]) => Reply::ok(commands(s, None)),
        ("PUT", ["applications", _, "commands"]) => put_commands(s, None, body),
        ("GET", ["applications", _, "guilds", g, "commands"]) => {
            Reply::ok(commands(s, Some(id(g))))
        }
        ("PUT", ["applications", _, "guilds", g, "commands"]) => put_commands(s, Some(id(g)), body),
        ("POST", ["channels", c, "messages"]) => create_message(s, shared, id(c), body, parts),
        ("GET", ["channels", _, "messages", m]) => stored_message(s, id(m)),
        ("PATCH", ["channels", _, "messages", m]) => edit_message(s, id(m), body),
        ("DELETE", ["channels", _, "messages", m]) => delete_message(s, id(m)),
        ("POST", ["channels", c, "messages", m, "threads"]) => {
            create_thread(s, shared, id(c), Some(id(m)), body)
        }
        ("POST", ["channels", c, "threads"]) => create_thread(s, shared, id(c), None, body),
        ("POST", ["channels", c, "typing"]) => match channel(s, shared, id(c)) {
            Some(_) => Reply::no_content(),
            None => Reply::unknown_channel(),
        },
        ("GET", ["channels", c]) => {
            channel(s, shared, id(c)).map_or_else(Reply::unknown_channel, Reply::ok)
        }
        ("PATCH", ["channels", c]) => edit_channel(s, shared, id(c), body),
        ("GET", ["guilds", g, "members", u]) => member(shared, id(g), id(u)),
        (_, ["interactions", ..] | ["webhooks", ..]) => {
            interactions::route(s, shared, method, &segments, body, parts)?
        }
        _ => return None,
    };
    Some(reply)
}

/// A snowflake path segment; 0 for anything else (which matches nothing).
pub fn id(segment: &str) -> u64 {
    segment.parse().unwrap_or(0)
}

fn commands(s: &State, guild: Option<u64>) -> Value {
    Value::Array(s.commands.get(&guild).cloned().unwrap_or_default())
}

fn put_commands(s: &mut State, guild: Option<u64>, body: &Value) -> Reply {
    let mut registered = Vec::new();
    for request in body.as_array().into_iter().flatten() {
        let mut command = json!({
            "id": s.fresh_id().to_string(),
            "application_id": APP_ID.to_string(),
            "version": s.fresh_id().to_string(),
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": null,
            "nsfw": false,
        });
        model::merge(&mut command, request);
        if let Some(g) = guild {
            command["guild_id"] = json!(g.to_string());
        }
        registered.push(command);
    }
    s.commands.insert(guild, registered.clone());
    Reply::ok(Value::Array(registered))
}

/// A message the bot sends: `content`, `embeds`, `components`, `flags`, `tts`,
/// `message_reference` are echoed; files become attachments.
pub fn bot_message(
    s: &mut State,
    shared: &Shared,
    channel_id: u64,
    body: &Value,
    parts: &[Part],
) -> Value {
    let id = s.fresh_id();
    let mut extra = json!({});
    for key in ["embeds", "components", "flags", "tts", "poll"] {
        if let Some(v) = body.get(key).filter(|v| !v.is_null()) {
            extra[key] = v.clone();
        }
    }
    if let Some(reference) = body.get("message_reference").filter(|v| !v.is_null()) {
        extra["type"] = json!(19);
        extra["message_reference"] = reference.clone();
    }
    let attachments: Vec<Value> = parts
        .iter()
        .filter_map(|p| p.filename.as_ref().map(|name| (p, name)))
        .map(|(p, name)| {
            let url = format!(
                "http://127.0.0.1:{}/attachments/{channel_id}/{name}",
                shared.port
            );
            json!({
                "id": s.fresh_id().to_string(),
                "filename": name,
                "size": p.bytes.len(),
                "url": url,
                "proxy_url": url,
                "content_type": p.content_type,
            })
        })
        .collect();
    extra["attachments"] = Value::Array(attachments);
    let content = body["content"].as_str().unwrap_or_default();
    model::message(id, channel_id, &BOT_USER, content, extra)
}

fn create_message(
    s: &mut State,
    shared: &Shared,
    channel_id: u64,
    body: &Value,
    parts: &[Part],
) -> Reply {
    if channel(s, shared, channel_id).is_none() {
        return Reply::unknown_channel();
    }
    let nonce = body.get("nonce").filter(|v| !v.is_null()).map(|v| match v {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    });
    let enforced = body["enforce_nonce"].as_bool() == Some(true);
    if enforced
        && let Some(nonce) = &nonce
        && let Some((first, at)) = s.nonces.get(&(channel_id, nonce.clone()))
        && at.elapsed() < NONCE_WINDOW
        && let Some(message) = s.messages.get(first)
    {
        return Reply::ok(message.clone());
    }
    let mut message = bot_message(s, shared, channel_id, body, parts);
    let message_id = id(message["id"].as_str().unwrap_or_default());
    if let Some(nonce) = nonce {
        message["nonce"] = body["nonce"].clone();
        if enforced {
            s.nonces
                .insert((channel_id, nonce), (message_id, std::time::Instant::now()));
        }
    }
    s.messages.insert(message_id, message.clone());
    if shared.config.echo_bot_events {
        let mut event = message.clone();
        let guild_id = channel(s, shared, channel_id).and_then(|c| c.get("guild_id").cloned());
        if let Some(guild_id) = guild_id {
            event["guild_id"] = guild_id;
            event["member"] = model::partial_member(&[]);
        }
        s.dispatch("MESSAGE_CREATE", event);
    }
    Reply::ok(message)
}

fn stored_message(s: &State, message_id: u64) -> Reply {
    s.messages
        .get(&message_id)
        .cloned()
        .map_or_else(Reply::unknown_message, Reply::ok)
}

/// Applies an edit body to a stored message.
pub fn apply_edit(message: &mut Value, body: &Value) {
    for key in ["content", "embeds", "components", "flags", "attachments"] {
        if let Some(v) = body.get(key).filter(|v| !v.is_null()) {
            message[key] = v.clone();
        }
    }
    message["edited_timestamp"] = json!(model::now());
}

fn edit_message(s: &mut State, message_id: u64, body: &Value) -> Reply {
    match s.messages.get_mut(&message_id) {
        Some(message) => {
            apply_edit(message, body);
            Reply::ok(message.clone())
        }
        None => Reply::unknown_message(),
    }
}

fn delete_message(s: &mut State, message_id: u64) -> Reply {
    match s.messages.remove(&message_id) {
        Some(_) => Reply::no_content(),
        None => Reply::unknown_message(),
    }
}

/// A configured text channel or a thread the bot created (with its changes).
pub fn channel(s: &State, shared: &Shared, channel_id: u64) -> Option<Value> {
    if let Some(c) = s.channels.get(&channel_id) {
        return Some(c.clone());
    }
    shared.config.guilds.iter().find_map(|g| {
        let position = g
            .text_channels
            .iter()
            .position(|(id, _)| *id == channel_id)?;
        Some(model::text_channel(
            g.id,
            channel_id,
            &g.text_channels[position].1,
            position,
        ))
    })
}

fn create_thread(
    s: &mut State,
    shared: &Shared,
    parent: u64,
    message: Option<u64>,
    body: &Value,
) -> Reply {
    let Some(parent_channel) = channel(s, shared, parent) else {
        return Reply::unknown_channel();
    };
    let guild_id = id(parent_channel["guild_id"].as_str().unwrap_or_default());
    let thread_id = message.unwrap_or_else(|| s.fresh_id());
    let name = body["name"].as_str().unwrap_or("thread");
    let kind = body["type"].as_u64().unwrap_or(11);
    let archive = body["auto_archive_duration"].as_u64().unwrap_or(1440);
    let thread = model::thread(guild_id, parent, thread_id, name, kind, archive);
    s.channels.insert(thread_id, thread.clone());
    if shared.config.echo_bot_events {
        let mut event = thread.clone();
        event["newly_created"] = json!(true);
        s.dispatch("THREAD_CREATE", event);
    }
    Reply::created(thread)
}

fn edit_channel(s: &mut State, shared: &Shared, channel_id: u64, body: &Value) -> Reply {
    let Some(mut c) = channel(s, shared, channel_id) else {
        return Reply::unknown_channel();
    };
    for (key, v) in body.as_object().into_iter().flatten() {
        let is_thread_setting = matches!(
            key.as_str(),
            "archived" | "locked" | "auto_archive_duration" | "invitable"
        );
        if is_thread_setting && c.get("thread_metadata").is_some() {
            c["thread_metadata"][key] = v.clone();
            if key == "archived" {
                c["thread_metadata"]["archive_timestamp"] = json!(model::now());
            }
        } else {
            c[key] = v.clone();
        }
    }
    s.channels.insert(channel_id, c.clone());
    Reply::ok(c)
}

fn member(shared: &Shared, guild_id: u64, user_id: u64) -> Reply {
    let Some(guild) = shared.config.guilds.iter().find(|g| g.id == guild_id) else {
        return Reply::error(404, 10004, "Unknown Guild");
    };
    Reply::ok(known_member(guild, user_id))
}

/// A configured member, or a made-up member without roles for any other user id.
fn known_member(guild: &FakeGuild, user_id: u64) -> Value {
    match guild.members.iter().find(|(u, _)| u.id == user_id) {
        Some((u, roles)) => model::member(u, roles),
        None if user_id == BOT_USER.id => model::member(&BOT_USER, &[]),
        None => {
            let name: &'static str = "someone";
            model::member(
                &FakeUser {
                    id: user_id,
                    name,
                    bot: false,
                },
                &[],
            )
        }
    }
}
