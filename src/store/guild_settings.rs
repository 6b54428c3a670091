//! Per-server settings as an append-only list of changes, and the claims of the posts in a
//! server's decision-log channel.
//!
//! The store keeps a setting's value as JSON text under a fixed key and knows nothing of what
//! it means; the application layer (`app::settings`) reads and writes the values and merges
//! them with the host configuration's defaults. The newest change of a key wins; a `NULL`
//! value means "back to the host default". The SQL is in `sql/guild_settings.rs`.

use chrono::{DateTime, Utc};

use super::{Person, PostId, ServerId, WalkthroughId};

/// One change of one setting of one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChangeRecord {
    pub id: i64,
    pub guild_id: ServerId,
    pub key: String,
    /// The new value as JSON, or `None` when the setting went back to the host default.
    pub value: Option<String>,
    pub changed_by: Person,
    pub changed_at: DateTime<Utc>,
}

/// A verdict or an outcome to post in a decision-log channel, claimed by this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogItem {
    /// `verdict:<walkthrough id>` or `outcome:<outcome id>`.
    pub item: String,
    pub walkthrough_id: WalkthroughId,
    /// The outcome, for an outcome's post.
    pub outcome_id: Option<i64>,
}

/// What became of a claimed decision-log post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPostState {
    Posted {
        message_id: PostId,
    },
    /// The channel is gone or the bot may not post there: never retried.
    Undeliverable,
    /// A passing failure: the claim is dropped and a later sweep tries again.
    Retry,
}
