//! JSON for the objects Discord sends (users, members, roles, channels, guilds, messages),
//! with every field serenity 0.12.5 requires: a missing one makes serenity drop the event
//! silently (see shared/notes/serenity-0.12.5-required-fields.txt).

use serde_json::{Value, json};

use super::config::{EVERYONE_PERMISSIONS, FakeGuild};
use super::ids::{APP_ID, BOT_USER, FakeUser};

/// A fixed time for things that existed before the test started.
pub const LONG_AGO: &str = "2025-01-01T00:00:00.000000+00:00";

/// The current time in Discord's timestamp format.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

/// A user object.
pub fn user(u: &FakeUser) -> Value {
    json!({
        "id": u.id.to_string(),
        "username": u.name,
        "discriminator": "0",
        "global_name": u.name,
        "avatar": null,
        "bot": u.bot,
        "public_flags": 0,
    })
}

/// A guild member object without its `user` (as in MESSAGE_CREATE's `member`).
pub fn partial_member(roles: &[u64]) -> Value {
    json!({
        "roles": ids(roles),
        "joined_at": LONG_AGO,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "nick": null,
        "avatar": null,
        "premium_since": null,
    })
}

/// A full guild member object with its `user`.
pub fn member(u: &FakeUser, roles: &[u64]) -> Value {
    let mut m = partial_member(roles);
    m["user"] = user(u);
    m
}

/// Snowflakes as the JSON strings Discord uses.
pub fn ids(list: &[u64]) -> Value {
    list.iter()
        .map(|id| Value::String(id.to_string()))
        .collect()
}

/// A role object.
pub fn role(id: u64, name: &str, position: u64, permissions: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

/// A guild text channel (type 0).
pub fn text_channel(guild_id: u64, id: u64, name: &str, position: usize) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild_id.to_string(),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": false,
        "topic": null,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// A thread channel (type 11 public, 12 private) under `parent_id`, owned by the bot.
pub fn thread(
    guild_id: u64,
    parent_id: u64,
    id: u64,
    name: &str,
    kind: u64,
    archive_minutes: u64,
) -> Value {
    json!({
        "id": id.to_string(),
        "type": kind,
        "guild_id": guild_id.to_string(),
        "parent_id": parent_id.to_string(),
        "owner_id": BOT_USER.id.to_string(),
        "name": name,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "flags": 0,
        "thread_metadata": {
            "archived": false,
            "auto_archive_duration": archive_minutes,
            "archive_timestamp": now(),
            "locked": false,
            "create_timestamp": now(),
        },
    })
}

/// The GUILD_CREATE payload of a configured guild.
pub fn guild_create(g: &FakeGuild) -> Value {
    let mut roles = vec![role(g.id, "@everyone", 0, EVERYONE_PERMISSIONS)];
    for (i, (id, name, perms)) in g.roles.iter().enumerate() {
        roles.push(role(*id, name, i as u64 + 1, *perms));
    }
    let mut members: Vec<Value> = g.members.iter().map(|(u, r)| member(u, r)).collect();
    if !g.members.iter().any(|(u, _)| u.id == BOT_USER.id) {
        members.push(member(&BOT_USER, &[]));
    }
    let channels: Vec<Value> = g
        .text_channels
        .iter()
        .enumerate()
        .map(|(i, (id, name))| text_channel(g.id, *id, name, i))
        .collect();
    json!({
        "id": g.id.to_string(),
        "name": g.name,
        "icon": null,
        "owner_id": g.members.iter().find(|(u, _)| !u.bot).map_or(BOT_USER.id, |(u, _)| u.id).to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "premium_progress_bar_enabled": false,
        "stickers": [],
        "emojis": [],
        "roles": roles,
        "joined_at": LONG_AGO,
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "voice_states": [],
        "presences": [],
        "members": members,
        "channels": channels,
        "threads": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    })
}

/// A message object. `extra` fields (embeds, components, guild_id, member, ...) are merged in.
pub fn message(id: u64, channel_id: u64, author: &FakeUser, content: &str, extra: Value) -> Value {
    let mut m = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": user(author),
        "content": content,
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
    });
    merge(&mut m, &extra);
    m
}

/// The application object of `GET /oauth2/applications/@me`.
pub fn application(owner: &FakeUser) -> Value {
    json!({
        "id": APP_ID.to_string(),
        "name": BOT_USER.name,
        "icon": null,
        "description": "A fake application for tests",
        "bot_public": false,
        "bot_require_code_grant": false,
        "verify_key": "0".repeat(64),
        "owner": user(owner),
        "team": null,
        "flags": 0,
        "bot": user(&BOT_USER),
    })
}

/// Copies the top-level keys of `patch` into `target` (both must be objects).
pub fn merge(target: &mut Value, patch: &Value) {
    if let (Some(t), Some(p)) = (target.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            t.insert(k.clone(), v.clone());
        }
    }
}
