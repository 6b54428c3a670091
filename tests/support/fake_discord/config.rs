//! What a fake Discord starts with: the guilds it shows in GUILD_CREATE and gateway settings.

use super::ids::{
    ALICE, BOB, BOT_USER, CHANNEL_ID, FakeUser, GUILD_ID, OTHER_BOT, ROLE_ID, SECOND_CHANNEL_ID,
    SECOND_GUILD_ID, SHARD_ZERO_CHANNEL_ID, SHARD_ZERO_GUILD_ID,
};

/// Permissions of the `@everyone` role: view channel, send messages, read history.
pub const EVERYONE_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 16);

/// Settings of one fake Discord; `FakeConfig::default()` is what `FakeDiscord::start` uses.
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// HELLO's `heartbeat_interval` in milliseconds.
    pub heartbeat_interval_ms: u64,
    /// The guilds listed in READY and sent as GUILD_CREATE after it, in order.
    pub guilds: Vec<FakeGuild>,
    /// When set, an IDENTIFY with another token is closed with 4004 (authentication failed).
    /// The token is compared without its `Bot ` prefix.
    pub expected_token: Option<String>,
    /// Like Discord, dispatch MESSAGE_CREATE for every message the bot posts in a channel and
    /// THREAD_CREATE for every thread it creates (off by default, to keep event counts simple).
    pub echo_bot_events: bool,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            heartbeat_interval_ms: 45_000,
            guilds: vec![FakeGuild::main(), FakeGuild::second()],
            expected_token: None,
            echo_bot_events: false,
        }
    }
}

/// A guild as the fake describes it. Its `@everyone` role (id = guild id) is always added.
#[derive(Clone, Debug)]
pub struct FakeGuild {
    pub id: u64,
    pub name: String,
    /// Text channels: (id, name).
    pub text_channels: Vec<(u64, String)>,
    /// Roles besides `@everyone`: (id, name, permission bits).
    pub roles: Vec<(u64, String, u64)>,
    /// Members and their role ids. The bot is always a member.
    pub members: Vec<(FakeUser, Vec<u64>)>,
}

impl FakeGuild {
    /// [`GUILD_ID`]: channel [`CHANNEL_ID`] "general", role [`ROLE_ID`] "reviewer", members
    /// the bot, [`ALICE`] (reviewer), [`BOB`] and [`OTHER_BOT`].
    pub fn main() -> Self {
        Self {
            id: GUILD_ID,
            name: "Fake Guild".to_owned(),
            text_channels: vec![(CHANNEL_ID, "general".to_owned())],
            roles: vec![(ROLE_ID, "reviewer".to_owned(), EVERYONE_PERMISSIONS)],
            members: vec![
                (BOT_USER, vec![]),
                (ALICE, vec![ROLE_ID]),
                (BOB, vec![]),
                (OTHER_BOT, vec![]),
            ],
        }
    }

    /// [`SECOND_GUILD_ID`]: channel [`SECOND_CHANNEL_ID`] "elsewhere", only the bot and bob.
    pub fn second() -> Self {
        Self {
            id: SECOND_GUILD_ID,
            name: "Second Fake Guild".to_owned(),
            text_channels: vec![(SECOND_CHANNEL_ID, "elsewhere".to_owned())],
            roles: vec![],
            members: vec![(BOT_USER, vec![]), (BOB, vec![])],
        }
    }

    /// [`SHARD_ZERO_GUILD_ID`], on shard 0 of 2: channel [`SHARD_ZERO_CHANNEL_ID`] "ml",
    /// no roles; members the bot, [`ALICE`] and [`BOB`].
    pub fn on_shard_zero() -> Self {
        Self {
            id: SHARD_ZERO_GUILD_ID,
            name: "Shard Zero Guild".to_owned(),
            text_channels: vec![(SHARD_ZERO_CHANNEL_ID, "ml".to_owned())],
            roles: vec![],
            members: vec![(BOT_USER, vec![]), (ALICE, vec![]), (BOB, vec![])],
        }
    }

    /// The guild that owns `channel_id`, if it is one of its text channels.
    pub fn has_channel(&self, channel_id: u64) -> bool {
        self.text_channels.iter().any(|(id, _)| *id == channel_id)
    }
}
