//! Interaction responses: the callback, the `@original` response and follow-up messages.
//!
//! Like Discord, the fake answers 404 Unknown Interaction (10062) for a token it never
//! dispatched and 400 (40060) for a second callback to the same interaction. Files sent as
//! multipart parts become the message's attachments, as they do in channel messages.

use serde_json::{Value, json};

use super::ids::{APP_ID, BOT_USER};
use super::model;
use super::record::Part;
use super::routes::{self, Reply, apply_edit, bot_message};
use super::state::{Shared, State};

/// Message flag of a deferred response ("the bot is thinking").
const LOADING: u64 = 1 << 7;

/// Routes under `/interactions` and `/webhooks`; `None` for unknown ones.
pub fn route(
    s: &mut State,
    shared: &Shared,
    method: &str,
    segments: &[&str],
    body: &Value,
    parts: &[Part],
) -> Option<Reply> {
    let reply = match (method, segments) {
        ("POST", ["interactions", _, token, "callback"]) => callback(s, shared, token, body, parts),
        (_, ["webhooks", app, ..]) if *app != APP_ID.to_string() => {
            Reply::error(404, 10015, "Unknown Webhook")
        }
        ("GET", ["webhooks", _, token, "messages", "@original"]) => s
            .originals
            .get(*token)
            .cloned()
            .map_or_else(Reply::unknown_message, Reply::ok),
        ("PATCH", ["webhooks", _, token, "messages", "@original"]) => {
            match s.originals.get_mut(*token) {
                Some(original) => {
                    apply_edit(original, body);
                    let flags = original["flags"].as_u64().unwrap_or(0) & !LOADING;
                    original["flags"] = json!(flags);
                    let original = original.clone();
                    store(s, &original);
                    Reply::ok(original)
                }
                None => Reply::unknown_message(),
            }
        }
        ("DELETE", ["webhooks", _, token, "messages", "@original"]) => {
            match s.originals.remove(*token) {
                Some(_) => Reply::no_content(),
                None => Reply::unknown_message(),
            }
        }
        ("POST", ["webhooks", _, token]) => followup(s, shared, token, body, parts),
        ("GET", ["webhooks", _, _, "messages", m]) => s
            .messages
            .get(&routes::id(m))
            .cloned()
            .map_or_else(Reply::unknown_message, Reply::ok),
        ("PATCH", ["webhooks", _, _, "messages", m]) => match s.messages.get_mut(&routes::id(m)) {
            Some(message) => {
                apply_edit(message, body);
                Reply::ok(message.clone())
            }
            None => Reply::unknown_message(),
        },
        ("DELETE", ["webhooks", _, _, "messages", m]) => match s.messages.remove(&routes::id(m)) {
            Some(_) => Reply::no_content(),
            None => Reply::unknown_message(),
        },
        _ => return None,
    };
    Some(reply)
}

fn callback(s: &mut State, shared: &Shared, token: &str, body: &Value, parts: &[Part]) -> Reply {
    let Some(interaction) = s.interactions.get(token).cloned() else {
        return Reply::error(404, 10062, "Unknown interaction");
    };
    if !s.acknowledged.insert(token.to_owned()) {
        return Reply::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let channel_id = routes::id(interaction["channel_id"].as_str().unwrap_or_default());
    let data = &body["data"];
    let original = match body["type"].as_u64() {
        Some(4) => Some(bot_message(s, shared, channel_id, data, parts)),
        Some(5) => {
            let mut thinking = bot_message(s, shared, channel_id, &json!({}), &[]);
            thinking["flags"] = json!(data["flags"].as_u64().unwrap_or(0) | LOADING);
            Some(thinking)
        }
        Some(6) => interaction.get("message").cloned(),
        Some(7) => interaction.get("message").cloned().map(|mut m| {
            apply_edit(&mut m, data);
            m
        }),
        _ => None,
    };
    if let Some(original) = original {
        store(s, &original);
        s.originals.insert(token.to_owned(), original);
    }
    Reply::no_content()
}

fn followup(s: &mut State, shared: &Shared, token: &str, body: &Value, parts: &[Part]) -> Reply {
    let Some(interaction) = s.interactions.get(token) else {
        return Reply::error(404, 10015, "Unknown Webhook");
    };
    let channel_id = routes::id(interaction["channel_id"].as_str().unwrap_or_default());
    let mut message = bot_message(s, shared, channel_id, body, parts);
    message["webhook_id"] = json!(APP_ID.to_string());
    message["application_id"] = json!(APP_ID.to_string());
    message["author"] = model::user(&BOT_USER);
    store(s, &message);
    Reply::ok(message)
}

fn store(s: &mut State, message: &Value) {
    let id = routes::id(message["id"].as_str().unwrap_or_default());
    s.messages.insert(id, message.clone());
}
