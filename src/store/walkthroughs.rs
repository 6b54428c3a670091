//! Walkthroughs: start one, load it, record an answer (and the verdict) atomically, close it.
//!
//! Recording is a compare-and-set on the walkthrough's current step: of two clicks racing on
//! the same question exactly one moves it on, the other is told it is stale. An interaction id
//! is unique among answers, so a replayed Discord event records nothing twice.

use chrono::{DateTime, Utc};

use super::{DecisionRecord, Person, WalkthroughId, WalkthroughRecord};
use crate::checklist::{Answer, Step, Walkthrough};

/// One answer (or a step back) to write, with the state it leads to.
#[derive(Debug, Clone)]
pub struct AnswerWrite<'a> {
    pub walkthrough_id: WalkthroughId,
    /// The step the walkthrough must still be at; otherwise nothing is written.
    pub from_step: Step,
    /// The state after the input.
    pub to: &'a Walkthrough,
    /// The answer given; `None` for "back".
    pub answer: Option<&'a Answer>,
    pub by: &'a Person,
    pub interaction_id: Option<&'a str>,
    /// The verdict, when this answer finishes the walkthrough.
    pub decision: Option<&'a DecisionRecord>,
    pub now: DateTime<Utc>,
}

/// What `decide` wants written, for [`Store::answer_in_one_transaction`].
#[derive(Debug, Clone)]
pub struct Planned {
    /// The state after the input.
    pub to: Walkthrough,
    /// The answer given; `None` for "back".
    pub answer: Option<Answer>,
    pub by: Person,
    /// The verdict, when this answer finishes the walkthrough.
    pub decision: Option<DecisionRecord>,
    pub now: DateTime<Utc>,
}

/// The outcome of [`Store::answer_in_one_transaction`].
#[derive(Debug)]
pub enum Folded<E> {
    /// Written; the walkthrough as it was before, and what was written.
    Saved(Box<WalkthroughRecord>, Box<Planned>),
    /// This interaction was already recorded; nothing was written again.
    Duplicate(Box<WalkthroughRecord>),
    /// `decide` refused; nothing was written.
    Refused(E),
    /// The walkthrough moved on between the read and the write (cannot happen under the
    /// write lock, kept as the compare-and-set's answer); nothing was written.
    Stale,
}

/// What happened to a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Written, in one transaction.
    Saved,
    /// The walkthrough had moved on (or closed) meanwhile; nothing was written.
    Stale,
    /// This interaction was already recorded; nothing was written again.
    Duplicate,
}
