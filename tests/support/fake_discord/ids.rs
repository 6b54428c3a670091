//! The fixed ids and people the fake Discord knows, so that tests can name them.
//!
//! The application id and the bot's user id differ on purpose: code that mixes them up fails.

/// The bot application's id (`READY.application.id`).
pub const APP_ID: u64 = 1_100_000_000_000_000_001;
/// The bot's own user id (`READY.user.id`).
pub const BOT_USER_ID: u64 = 1_100_000_000_000_000_002;
/// The main test guild.
pub const GUILD_ID: u64 = 1_100_000_000_000_000_100;
/// A text channel in [`GUILD_ID`].
pub const CHANNEL_ID: u64 = 1_100_000_000_000_000_101;
/// A role in [`GUILD_ID`] that [`ALICE`] has.
pub const ROLE_ID: u64 = 1_100_000_000_000_000_102;
/// A second guild, with its own text channel, for tests about guild separation.
pub const SECOND_GUILD_ID: u64 = 1_100_000_000_000_000_300;
/// A text channel in [`SECOND_GUILD_ID`].
pub const SECOND_CHANNEL_ID: u64 = 1_100_000_000_000_000_301;
/// A guild on the other shard of two: [`GUILD_ID`] and [`SECOND_GUILD_ID`] are on shard 1 of 2
/// (`(id >> 22) % 2`), this one is on shard 0. Not in the default configuration.
pub const SHARD_ZERO_GUILD_ID: u64 = GUILD_ID + (1 << 22);
/// A text channel in [`SHARD_ZERO_GUILD_ID`].
pub const SHARD_ZERO_CHANNEL_ID: u64 = 1_100_000_000_000_000_401;
/// The token the test client should use; the fake accepts any token unless configured otherwise.
pub const TOKEN: &str = "fake-bot-token";
/// The first id the fake hands out for things it creates (messages, threads, commands).
pub(crate) const FIRST_FRESH_ID: u64 = 1_200_000_000_000_000_000;

/// A Discord user as the fake shows it in payloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FakeUser {
    pub id: u64,
    pub name: &'static str,
    pub bot: bool,
}

/// The bot itself.
pub const BOT_USER: FakeUser = FakeUser {
    id: BOT_USER_ID,
    name: "tunegate",
    bot: true,
};
/// A human member of [`GUILD_ID`] with the role [`ROLE_ID`]; also the application's owner.
pub const ALICE: FakeUser = FakeUser {
    id: 1_100_000_000_000_000_200,
    name: "alice",
    bot: false,
};
/// A human member of [`GUILD_ID`] without roles.
pub const BOB: FakeUser = FakeUser {
    id: 1_100_000_000_000_000_201,
    name: "bob",
    bot: false,
};
/// Another bot in [`GUILD_ID`], to test that bots are ignored.
pub const OTHER_BOT: FakeUser = FakeUser {
    id: 1_100_000_000_000_000_202,
    name: "otherbot",
    bot: true,
};
