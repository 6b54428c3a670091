//! Builders for the gateway events a test dispatches: guild messages and the five kinds of
//! interactions. Each returns the event's `d` as JSON that serenity 0.12.5 deserializes;
//! `FakeDiscord::dispatch` checks that again before sending.
//!
//! Interactions come from [`ALICE`] (role [`ROLE_ID`]) in [`CHANNEL_ID`] of [`GUILD_ID`];
//! [`with_invoker`] changes that. Every interaction gets a fresh id and token.

use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Value, json};

use super::ids::{ALICE, APP_ID, CHANNEL_ID, FakeUser, GUILD_ID, ROLE_ID};
use super::model;

/// Ids for things the tests create (messages, interactions, commands), apart from the fake's own.
static NEXT_ID: AtomicU64 = AtomicU64::new(1_300_000_000_000_000_000);

/// A fresh snowflake, unique within this test binary.
pub fn fresh_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Permission bits the interactions carry for the invoker and the app: view, send, read
/// history, embed links, attach files, create/send in threads, use application commands.
pub const DEFAULT_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31) | (1 << 35) | (1 << 38);

/// Who sends an interaction, and where.
#[derive(Clone, Debug)]
pub struct Invoker {
    pub user: FakeUser,
    pub roles: Vec<u64>,
    pub permissions: u64,
    pub guild_id: u64,
    pub channel_id: u64,
}

impl Default for Invoker {
    fn default() -> Self {
        Self {
            user: ALICE,
            roles: vec![ROLE_ID],
            permissions: DEFAULT_PERMISSIONS,
            guild_id: GUILD_ID,
            channel_id: CHANNEL_ID,
        }
    }
}

/// MESSAGE_CREATE data: `author` says `content` in [`CHANNEL_ID`] of [`GUILD_ID`].
pub fn guild_message(author: &FakeUser, content: &str) -> Value {
    guild_message_in(GUILD_ID, CHANNEL_ID, author, &[], content)
}

/// MESSAGE_CREATE data in any guild channel, with the author's role ids in `member`.
pub fn guild_message_in(
    guild_id: u64,
    channel_id: u64,
    author: &FakeUser,
    roles: &[u64],
    content: &str,
) -> Value {
    model::message(
        fresh_id(),
        channel_id,
        author,
        content,
        json!({ "guild_id": guild_id.to_string(), "member": model::partial_member(roles) }),
    )
}

/// Turns a message into a reply to `message_id` (type 19 with `message_reference`).
pub fn reply_to(mut message: Value, message_id: u64) -> Value {
    message["type"] = json!(19);
    message["message_reference"] = json!({
        "type": 0,
        "message_id": message_id.to_string(),
        "channel_id": message["channel_id"].clone(),
        "guild_id": message["guild_id"].clone(),
    });
    message
}

/// A slash command (type 2, data.type 1). `options` is Discord's options array, e.g.
/// `json!([{"name": "topic", "type": 3, "value": "llama"}])`.
pub fn slash_command(name: &str, options: Value) -> Value {
    interaction(
        2,
        json!({ "id": fresh_id().to_string(), "name": name, "type": 1, "options": options }),
    )
}

/// `/finetune <sub>` without options (`resume`, `cancel`, `help`, ...).
pub fn finetune(sub: &str) -> Value {
    slash_command(
        "finetune",
        json!([{ "type": 1, "name": sub, "options": [] }]),
    )
}

/// A message context-menu command (type 2, data.type 3) on `target`, a message object.
pub fn message_command(name: &str, target: &Value) -> Value {
    let target_id = target["id"].as_str().unwrap_or_default().to_owned();
    let mut messages = serde_json::Map::new();
    messages.insert(target_id.clone(), target.clone());
    interaction(
        2,
        json!({
            "id": fresh_id().to_string(),
            "name": name,
            "type": 3,
            "target_id": target_id,
            "resolved": { "messages": messages },
        }),
    )
}

/// A click on the button `custom_id` (type 3, component_type 2) of `message`.
pub fn button_click(custom_id: &str, message: &Value) -> Value {
    let mut i = interaction(3, json!({ "custom_id": custom_id, "component_type": 2 }));
    i["message"] = message.clone();
    i
}

/// A choice in the string select `custom_id` (type 3, component_type 3) of `message`.
pub fn select_choice(custom_id: &str, values: &[&str], message: &Value) -> Value {
    let mut i = interaction(
        3,
        json!({ "custom_id": custom_id, "component_type": 3, "values": values }),
    );
    i["message"] = message.clone();
    i
}

/// A modal submit (type 5): one action row with a text input per `(custom_id, value)`.
pub fn modal_submit(custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let rows: Vec<Value> = fields
        .iter()
        .map(|(id, value)| json!({ "type": 1, "components": [{ "type": 4, "custom_id": id, "value": value }] }))
        .collect();
    interaction(5, json!({ "custom_id": custom_id, "components": rows }))
}

/// An autocomplete request (type 4) while the user types `partial` into the option `option`.
pub fn autocomplete(command: &str, option: &str, partial: &str) -> Value {
    interaction(
        4,
        json!({
            "id": fresh_id().to_string(),
            "name": command,
            "type": 1,
            "options": [{ "name": option, "type": 3, "value": partial, "focused": true }],
        }),
    )
}

/// Replaces who sends the interaction and where (`member`, `guild_id`, `channel_id`, perms).
pub fn with_invoker(mut interaction: Value, invoker: &Invoker) -> Value {
    let mut member = model::member(&invoker.user, &invoker.roles);
    member["permissions"] = json!(invoker.permissions.to_string());
    interaction["member"] = member;
    interaction["guild_id"] = json!(invoker.guild_id.to_string());
    interaction["channel_id"] = json!(invoker.channel_id.to_string());
    interaction
}

/// The id and token of an interaction payload, as the bot will use them in its callback path.
pub fn id_and_token(interaction: &Value) -> (String, String) {
    let field = |k: &str| interaction[k].as_str().unwrap_or_default().to_owned();
    (field("id"), field("token"))
}

fn interaction(kind: u64, data: Value) -> Value {
    let id = fresh_id();
    let base = json!({
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "data": data,
        "token": format!("fake-interaction-token-{id}"),
        "version": 1,
        "locale": "en-US",
        "guild_locale": "en-US",
        "app_permissions": DEFAULT_PERMISSIONS.to_string(),
        "entitlements": [],
        "attachment_size_limit": 26_214_400,
    });
    with_invoker(base, &Invoker::default())
}

/// THREAD_CREATE data: a public thread people opened in `parent` (not one of the bot's).
pub fn thread_create(guild_id: u64, parent_id: u64, id: u64, name: &str) -> Value {
    let mut thread = model::thread(guild_id, parent_id, id, name, 11, 1440);
    thread["owner_id"] = json!(ALICE.id.to_string());
    thread["newly_created"] = json!(true);
    thread
}

/// A role object, as a command's `resolved.roles` carries it.
pub fn role(id: u64, name: &str) -> Value {
    model::role(id, name, 1, 0)
}
