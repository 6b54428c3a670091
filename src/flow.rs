//! One step of a walkthrough, end to end: load it from the store, let the checklist decide,
//! save the answer (and the verdict) in one transaction.
//!
//! Both front ends, the terminal and Discord, go through here, so the path from an answer to a
//! recorded decision is written once. This module decides nothing itself: the rules are in
//! `checklist`, the SQL in `store`.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::checklist::{ChecklistContent, Input, Step, UserError, Walkthrough, decide, explain};
use crate::store::{
    AnswerWrite, DecisionRecord, NewWalkthrough, Person, Place, Recorded, Source, Status, Store,
    StoreError, WalkthroughRecord,
};

/// The store and the checklist content, shared by every walkthrough.
#[derive(Debug, Clone)]
pub struct Flow {
    pub store: Store,
    pub content: Arc<ChecklistContent>,
    version: Arc<str>,
}

/// What an input led to.
#[derive(Debug, Clone)]
pub enum Advanced {
    /// The walkthrough moved to another question (forward, or back).
    Moved {
        record: WalkthroughRecord,
        previous: Step,
    },
    /// The last question was answered: the verdict is recorded.
    Finished {
        record: WalkthroughRecord,
        decision: DecisionRecord,
    },
    /// The same interaction was already recorded; nothing changed.
    Duplicate { record: WalkthroughRecord },
}

/// Why an input was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// The person made a mistake; tell them.
    #[error(transparent)]
    User(#[from] UserError),
    /// The walkthrough is closed; tell them how.
    #[error("This checklist is {status} and takes no more answers.", status = .0.key())]
    Closed(Status),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who started a walkthrough, where, and why.
#[derive(Debug, Clone)]
pub struct Start {
    pub source: Source,
    pub place: Place,
    pub requester: Person,
    pub trigger_text: String,
    pub revisit_of: Option<i64>,
}

impl Flow {
    pub fn new(store: Store, content: ChecklistContent) -> Flow {
        let version = content.version();
        Flow {
            store,
            content: Arc::new(content),
            version: version.into(),
        }
    }

    /// The version recorded with each decision.
    pub fn checklist_version(&self) -> &str {
        &self.version
    }

    /// Starts a walkthrough; for a chat message that already has one, returns that one and
    /// `false`.
    pub async fn start(
        &self,
        start: Start,
        now: DateTime<Utc>,
    ) -> Result<(WalkthroughRecord, bool), StoreError> {
        self.store
            .start_walkthrough(&NewWalkthrough {
                source: start.source,
                place: start.place,
                requester: start.requester,
                trigger_text: start.trigger_text,
                checklist_version: self.version.to_string(),
                revisit_of: start.revisit_of,
                now,
            })
            .await
    }

    /// Applies `input` given at step `at` by `by`, and records it.
    pub async fn advance(
        &self,
        id: i64,
        at: Step,
        input: Input,
        by: &Person,
        interaction_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Advanced, FlowError> {
        let record = self.store.walkthrough(id).await?;
        if let Some(interaction) = interaction_id
            && self.store.interaction_recorded(interaction).await?
        {
            return Ok(Advanced::Duplicate { record });
        }
        if record.status != Status::Open {
            return Err(FlowError::Closed(record.status));
        }
        let state = record.state();
        let answer = match &input {
            Input::Answer(a) => Some(a.clone()),
            Input::Back => None,
        };
        let next: Walkthrough = state.apply(at, input)?;
        let decision = match next.answers.complete() {
            Some(complete) if next.is_finished() => {
                let outcome = decide(&complete);
                let words = explain(&outcome, &self.content);
                Some(DecisionRecord {
                    walkthrough_id: id,
                    verdict: outcome.verdict,
                    goal: complete.goal.goal,
                    goal_detail: complete.goal.detail.clone(),
                    gates: complete.gates,
                    drivers: complete.drivers.clone(),
                    summary: words.summary,
                    reasons: words.reasons,
                    next_steps: words.next_steps,
                    checklist_version: self.version.to_string(),
                    decided_at: now,
                })
            }
            _ => None,
        };
        let written = self
            .store
            .record_answer(&AnswerWrite {
                walkthrough_id: id,
                from_step: state.step,
                to: &next,
                answer: answer.as_ref(),
                by,
                interaction_id,
                decision: decision.as_ref(),
                now,
            })
            .await?;
        match written {
            Recorded::Saved => {}
            Recorded::Duplicate => return Ok(Advanced::Duplicate { record }),
            Recorded::Stale => {
                // Someone else's click won the race: show this person the fresh state.
                let fresh = self.store.walkthrough(id).await?;
                if fresh.status != Status::Open {
                    return Err(FlowError::Closed(fresh.status));
                }
                return Err(UserError::StaleStep {
                    current: fresh.step,
                    clicked: at,
                }
                .into());
            }
        }
        let mut record = record;
        record.step = next.step;
        record.answers = next.answers;
        record.updated_at = now;
        match decision {
            Some(decision) => {
                record.status = Status::Decided;
                record.closed_at = Some(now);
                Ok(Advanced::Finished { record, decision })
            }
            None => Ok(Advanced::Moved {
                record,
                previous: at,
            }),
        }
    }
}
