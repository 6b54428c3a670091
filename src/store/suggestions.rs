//! Suggestions: chat messages the detector was less sure about, where the bot only offered the
//! checklist in a reply. One row per chat message; each state change is one statement guarded by
//! the state it leaves, so a click, a second click and the expiry sweep (in any process) never
//! both win.

use chrono::{DateTime, Utc};

use super::{Person, PostId, RoomId, ServerId, SuggestionId, WalkthroughId};

/// A suggestion to record.
#[derive(Debug, Clone)]
pub struct NewSuggestion<'a> {
    pub guild_id: ServerId,
    pub channel_id: RoomId,
    pub message_id: PostId,
    pub author: &'a Person,
    pub text: &'a str,
    pub score: f32,
    pub now: DateTime<Utc>,
}

/// What became of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionState {
    Open,
    Started,
    Dismissed,
    Expired,
}

stable_keys!(SuggestionState, "suggestion state", {
    SuggestionState::Open => "open",
    SuggestionState::Started => "started",
    SuggestionState::Dismissed => "dismissed",
    SuggestionState::Expired => "expired",
});

/// A recorded suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionRecord {
    pub id: SuggestionId,
    pub guild_id: ServerId,
    pub channel_id: RoomId,
    pub message_id: PostId,
    pub author: Person,
    pub text: String,
    pub score: f32,
    pub reply_message_id: Option<PostId>,
    pub state: SuggestionState,
    pub walkthrough_id: Option<WalkthroughId>,
    pub created_at: DateTime<Utc>,
}
