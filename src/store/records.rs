//! The shapes of what the store keeps and returns: walkthroughs, answers, notes, decisions,
//! reviews (outcomes and savings estimates live next to their SQL).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{PostId, ReviewId, RoomId, ServerId, WalkthroughId};
use crate::checklist::{
    Answers, DriverSet, Gate, GateAnswer, Goal, Step, VerdictKind, Walkthrough,
};

/// Where a walkthrough started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Source {
    /// The detector noticed a proposal in chat.
    #[serde(rename = "chat")]
    Chat,
    /// The requester typed the command (Discord: `/finetune-check`).
    #[serde(rename = "slash")]
    Command,
    /// Someone picked the action on a message (Discord: the message's context menu).
    #[serde(rename = "context_menu")]
    MessageAction,
    /// The terminal (`tunegate check`).
    #[serde(rename = "cli")]
    Cli,
}

/// Where a walkthrough stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Decided,
    Abandoned,
    Cancelled,
    Dismissed,
}

stable_keys!(Source, "source", {
    Source::Chat => "chat",
    Source::Command => "slash",
    Source::MessageAction => "context_menu",
    Source::Cli => "cli",
});

stable_keys!(Status, "status", {
    Status::Open => "open",
    Status::Decided => "decided",
    Status::Abandoned => "abandoned",
    Status::Cancelled => "cancelled",
    Status::Dismissed => "dismissed",
});

impl Source {
    pub(crate) fn from_db(key: &str) -> Result<Self, super::StoreError> {
        Self::from_key(key).ok_or_else(|| super::StoreError::BadData(format!("source {key:?}")))
    }
}

impl Status {
    pub(crate) fn from_db(key: &str) -> Result<Self, super::StoreError> {
        Self::from_key(key).ok_or_else(|| super::StoreError::BadData(format!("status {key:?}")))
    }
}

/// What a team concluded about a recorded decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// The team agrees with the verdict.
    Agreed,
    /// The team decided otherwise; the review's note says why.
    Overruled,
    /// The team wants to look at it again later (usually with a revisit date).
    RevisitLater,
}

stable_keys!(ReviewOutcome, "review outcome", {
    ReviewOutcome::Agreed => "agreed",
    ReviewOutcome::Overruled => "overruled",
    ReviewOutcome::RevisitLater => "revisit_later",
});

impl ReviewOutcome {
    pub(crate) fn from_db(key: &str) -> Result<Self, super::StoreError> {
        Self::from_key(key)
            .ok_or_else(|| super::StoreError::BadData(format!("review outcome {key:?}")))
    }
}

/// Someone who asks or answers: a Discord user id, or `cli:<name>` for the terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
}

impl Person {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
        }
    }
}

/// Where on a chat platform a walkthrough lives, in the platform's own ids; all `None` for the
/// terminal. A new front end fills the same four fields (JSON keeps the names the exports have
/// always had).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The team's server.
    #[serde(rename = "guild_id")]
    pub server: Option<ServerId>,
    /// The channel the proposal was made in.
    #[serde(rename = "channel_id")]
    pub channel: Option<RoomId>,
    /// The thread the questions are asked in, once opened.
    #[serde(rename = "thread_id")]
    pub thread: Option<RoomId>,
    /// The message that proposed it (chat and message-action starts).
    #[serde(rename = "message_id")]
    pub message: Option<PostId>,
}

/// What is needed to start a walkthrough.
#[derive(Debug, Clone)]
pub struct NewWalkthrough {
    pub source: Source,
    pub place: Place,
    pub requester: Person,
    pub trigger_text: String,
    pub checklist_version: String,
    pub revisit_of: Option<WalkthroughId>,
    /// The language code the walkthrough speaks ("en", "fr", "de", "es").
    pub lang: String,
    pub now: DateTime<Utc>,
}

/// A walkthrough as stored, with its current answers folded from the answer history.
#[derive(Debug, Clone, Serialize)]
pub struct WalkthroughRecord {
    pub id: WalkthroughId,
    pub source: Source,
    pub status: Status,
    #[serde(serialize_with = "serialize_step")]
    pub step: Step,
    pub place: Place,
    pub requester: Person,
    pub trigger_text: String,
    pub checklist_version: String,
    pub revisit_of: Option<WalkthroughId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The language code the walkthrough speaks; messages posted without an interaction
    /// (reminders, follow-ups, the verdict) use it.
    pub lang: String,
    #[serde(skip)]
    pub answers: Answers,
}

fn serialize_step<S: serde::Serializer>(step: &Step, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(step.key())
}

impl WalkthroughRecord {
    /// The pure state the checklist works on.
    pub fn state(&self) -> Walkthrough {
        Walkthrough {
            step: self.step,
            answers: self.answers.clone(),
        }
    }
}

/// One answer as it was given, kept forever (a changed answer is a later event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerEvent {
    pub step: String,
    pub value: String,
    pub detail: Option<String>,
    pub answered_by: Person,
    pub answered_at: DateTime<Utc>,
}

/// Free text or evidence added to a walkthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: i64,
    pub author: Person,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A finished walkthrough's verdict, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionRecord {
    pub walkthrough_id: WalkthroughId,
    pub verdict: VerdictKind,
    pub goal: Goal,
    pub goal_detail: Option<String>,
    pub gates: [GateAnswer; Gate::COUNT],
    pub drivers: DriverSet,
    pub summary: String,
    pub reasons: Vec<String>,
    pub next_steps: Vec<String>,
    pub checklist_version: String,
    pub decided_at: DateTime<Utc>,
}

impl DecisionRecord {
    /// Gates not answered Yes.
    pub fn failing_gates(&self) -> Vec<Gate> {
        Gate::ALL
            .iter()
            .copied()
            .filter(|g| self.gates[g.index()] != GateAnswer::Yes)
            .collect()
    }
}

/// Everything known about one walkthrough, for `show`.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionDetail {
    pub walkthrough: WalkthroughRecord,
    pub answers: Vec<AnswerEvent>,
    pub notes: Vec<Note>,
    pub decision: Option<DecisionRecord>,
    /// The team's reviews of the decision, oldest first.
    pub reviews: Vec<ReviewRecord>,
    /// How the decision turned out, oldest first (the last final one counts).
    pub outcomes: Vec<super::OutcomeRecord>,
    /// The savings estimates given for it, oldest first (the last one counts).
    pub cost_estimates: Vec<super::CostEstimateRecord>,
}

impl DecisionDetail {
    /// The newest savings estimate, if any was given.
    pub fn latest_estimate(&self) -> Option<&super::CostEstimateRecord> {
        self.cost_estimates.last()
    }
}

/// A review to record.
#[derive(Debug, Clone)]
pub struct NewReview {
    pub walkthrough_id: WalkthroughId,
    /// The guild the review is asked in; `None` (the terminal) may review any decision.
    pub guild_id: Option<ServerId>,
    pub reviewer: Person,
    pub outcome: ReviewOutcome,
    pub note: Option<String>,
    /// The day (UTC) on which the bot posts a reminder to revisit the decision.
    pub revisit_on: Option<NaiveDate>,
    pub now: DateTime<Utc>,
}

/// A recorded review. Never changed; `reminded_at` comes from the reminder bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewRecord {
    pub id: ReviewId,
    pub walkthrough_id: WalkthroughId,
    pub guild_id: Option<ServerId>,
    pub reviewer: Person,
    pub outcome: ReviewOutcome,
    pub note: Option<String>,
    pub revisit_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    /// When a bot process claimed the revisit reminder, if it did.
    pub reminded_at: Option<DateTime<Utc>>,
}

/// A revisit date that has come: the review, and where its decision lives in Discord.
#[derive(Debug, Clone)]
pub struct DueRevisit {
    pub review: ReviewRecord,
    pub place: Place,
    pub verdict: Option<VerdictKind>,
    pub trigger_text: String,
}

/// One line of a listing.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionSummary {
    pub id: WalkthroughId,
    pub created_at: DateTime<Utc>,
    pub source: Source,
    pub status: Status,
    pub guild_id: Option<ServerId>,
    pub channel_id: Option<RoomId>,
    pub thread_id: Option<RoomId>,
    pub requester: Person,
    pub trigger_text: String,
    pub verdict: Option<VerdictKind>,
    pub decided_at: Option<DateTime<Utc>>,
}

// serde for the checklist's keyed enums: they serialize as their stable keys.
macro_rules! serialize_as_key {
    ($($ty:ty),+) => {
        $(impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        })+
    };
}
serialize_as_key!(
    VerdictKind,
    Goal,
    GateAnswer,
    Gate,
    crate::checklist::Driver
);
