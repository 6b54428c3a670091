//! How decisions turned out: outcomes (append-only), the follow-ups that ask for them, and the
//! team's own rate of "solved without fine-tuning".
//!
//! Round 1 of a decision's follow-ups is scheduled by a trigger in the same transaction as the
//! decision (decisions made in Discord only). A bot process claims due follow-ups by moving
//! them to `claimed` in one statement, so each is posted once however many processes sweep; a
//! claim whose process died before posting is taken over after a lease. Recording an outcome
//! and scheduling the next follow-up happen in one transaction, and a replayed or second click
//! records nothing and returns what was recorded.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Person, Place, ServerId, StoreError, WalkthroughId, format_time};
use crate::checklist::VerdictKind;
use crate::checklist::outcome::{FollowUpQuestion, OutcomeResult};

/// The longest outcome note kept, in characters.
pub const MAX_OUTCOME_NOTE_CHARS: usize = 1000;

/// An outcome to record.
#[derive(Debug, Clone)]
pub struct NewOutcome<'a> {
    pub walkthrough_id: WalkthroughId,
    /// The guild it is recorded in; `None` (the terminal) may record for any decision.
    pub guild_id: Option<ServerId>,
    pub result: OutcomeResult,
    pub recorder: &'a Person,
    pub note: Option<&'a str>,
    /// The follow-up it answers, or `None` when recorded by hand.
    pub follow_up_round: Option<u32>,
    /// The Discord interaction that carried it, so a replay records nothing.
    pub interaction_id: Option<&'a str>,
    pub now: DateTime<Utc>,
}

/// A recorded outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeRecord {
    pub id: i64,
    pub walkthrough_id: WalkthroughId,
    pub guild_id: Option<ServerId>,
    #[serde(serialize_with = "result_key")]
    pub result: OutcomeResult,
    pub recorded_by: Person,
    pub note: Option<String>,
    pub follow_up_round: Option<u32>,
    pub created_at: DateTime<Utc>,
}

fn result_key<S: serde::Serializer>(r: &OutcomeResult, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.key())
}

/// What recording did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutcomeRecorded {
    /// A new outcome; `next_round` is the follow-up it scheduled, if any.
    New {
        outcome: OutcomeRecord,
        next_round: Option<u32>,
    },
    /// Nothing new: this click or this follow-up was answered before, with this.
    Already(OutcomeRecord),
}

/// Why an outcome was not recorded, in words for the person who asked.
#[derive(Debug, thiserror::Error)]
pub enum OutcomeError {
    #[error("there is no decision #{0} here")]
    NotFound(WalkthroughId),
    #[error("checklist #{0} has no verdict yet; only a decision has an outcome")]
    NotDecided(WalkthroughId),
    #[error(
        "{result} does not fit a {verdict} decision: use one of {allowed}",
        result = .result.key(),
        verdict = .verdict.key()
    )]
    WrongQuestion {
        result: OutcomeResult,
        verdict: VerdictKind,
        allowed: String,
    },
    #[error(
        "the note is longer than {MAX_OUTCOME_NOTE_CHARS} characters; shorten it and try again"
    )]
    NoteTooLong,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for OutcomeError {
    fn from(e: sqlx::Error) -> Self {
        OutcomeError::Store(e.into())
    }
}

/// A follow-up this process claimed and must now post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueFollowUp {
    pub walkthrough_id: WalkthroughId,
    pub round: u32,
    pub question: FollowUpQuestion,
    pub verdict: VerdictKind,
    pub place: Place,
    pub requester_id: String,
    pub trigger_text: String,
}

/// When follow-ups are due, from the configured delay.
#[derive(Debug, Clone, Copy)]
pub struct FollowUpClock {
    pub now: DateTime<Utc>,
    /// `[outcomes] follow_up_after`.
    pub delay: chrono::Duration,
    /// A claim older than this whose follow-up was never posted is taken over.
    pub lease: chrono::Duration,
    /// `Some(guild)`: only that server's follow-ups, which `delay` is the server's own delay
    /// for. `None`: every server without a delay of its own (`/finetune-audit settings`),
    /// and the claims whose lease ran out.
    pub guild: Option<ServerId>,
}

impl FollowUpClock {
    /// The latest base time at which a follow-up of `question` is due now.
    pub(crate) fn due_before(&self, question: FollowUpQuestion) -> String {
        let delay = self.delay * i32::try_from(question.delay_factor()).unwrap_or(1);
        format_time(self.now.checked_sub_signed(delay).unwrap_or(self.now))
    }
}

/// The team's own results, next to what the checklist assumes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutcomeStats {
    /// PREMATURE decisions with a final outcome, and how they turned out.
    pub premature_with_outcome: u64,
    pub solved: u64,
    pub partly: u64,
    pub still_needed: u64,
    /// solved / premature_with_outcome; `None` without any.
    pub solved_share: Option<f64>,
    /// The share the checklist assumes prompt work solves ("8 in 10").
    pub assumed_solved_share: f64,
    /// JUSTIFIED decisions with a final outcome, and how many paid off.
    pub justified_with_outcome: u64,
    pub paid_off: u64,
    pub no_gain: u64,
    pub dropped: u64,
    /// paid_off / justified_with_outcome; `None` without any.
    pub paid_off_share: Option<f64>,
    /// Decisions without a final outcome yet ("not yet" answers count as none).
    pub awaiting: u64,
}

/// The checklist's claim that about 8 proposals in 10 are solved by prompt work.
pub const ASSUMED_SOLVED_SHARE: f64 = 0.8;

/// Adds one group of decisions with the same verdict and latest final result.
pub(super) fn count_outcome(
    stats: &mut OutcomeStats,
    verdict: VerdictKind,
    result: OutcomeResult,
    count: u64,
) {
    match verdict {
        VerdictKind::Premature => {
            stats.premature_with_outcome += count;
            match result {
                OutcomeResult::Solved => stats.solved += count,
                OutcomeResult::Partly => stats.partly += count,
                OutcomeResult::StillNeeded => stats.still_needed += count,
                _ => {}
            }
        }
        VerdictKind::Justified => {
            stats.justified_with_outcome += count;
            match result {
                OutcomeResult::PaidOff => stats.paid_off += count,
                OutcomeResult::NoGain => stats.no_gain += count,
                OutcomeResult::Dropped => stats.dropped += count,
                _ => {}
            }
        }
        VerdictKind::NotJustifiedYet => {}
    }
}
