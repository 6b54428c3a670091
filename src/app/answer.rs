//! One answer (or a step back), end to end: load the walkthrough once, check the click may
//! touch it, let the checklist decide, and record the answer (and the verdict) in one write
//! transaction.
//!
//! A click is ONE write transaction (`BEGIN IMMEDIATE`, see
//! `Store::answer_in_one_transaction`): the interaction id is checked (a replayed event records
//! nothing twice), the walkthrough is loaded, the pure decision runs on it (the click belongs
//! where it came from, the person may answer, the checklist accepts the input), and the answer
//! is written by compare-and-set on the step (of two racing clicks exactly one wins). Nothing
//! else touches the database on the happy path. The terminal's `advance` reads, then writes.

use chrono::{DateTime, Utc};

use crate::checklist::{Input, Step, UserError, Walkthrough, decide, explain};
use crate::store::{AnswerWrite, Folded, Planned, Recorded};

use super::access::{Actor, Here, belongs_here};
use super::{App, AppError, DecisionRecord, Person, Status, WalkthroughId, WalkthroughRecord};

/// A click (or form) that answers a question: who, where, on which walkthrough and step.
#[derive(Debug, Clone)]
pub struct Click {
    pub walkthrough_id: WalkthroughId,
    /// The step the person saw when they clicked.
    pub at: Step,
    pub input: Input,
    pub actor: Actor,
    pub here: Here,
    /// The platform's unique id of this click, so a replay records nothing twice.
    pub interaction_id: String,
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

impl App {
    /// Loads the walkthrough a click names and checks the click may touch it: it belongs to
    /// the place the click came from, and the person may answer it.
    pub async fn authorize(
        &self,
        walkthrough_id: WalkthroughId,
        actor: &Actor,
        here: Here,
    ) -> Result<WalkthroughRecord, AppError> {
        let record = self.store.walkthrough(walkthrough_id).await?;
        if !belongs_here(&record, here) {
            tracing::warn!(
                %walkthrough_id,
                channel_id = %here.room,
                "refused a click that names a walkthrough of another channel"
            );
            return Err(AppError::WrongPlace);
        }
        self.rules_in(record.place.server)
            .await?
            .check_may_answer(&record, actor)?;
        Ok(record)
    }

    /// A click that answers (or goes back): authorize, decide and record, in one write
    /// transaction.
    pub async fn answer(&self, click: Click, now: DateTime<Utc>) -> Result<Advanced, AppError> {
        let Click {
            walkthrough_id,
            at,
            input,
            actor,
            here,
            interaction_id,
        } = click;
        // The server's answer roles, read before the write transaction (its check runs inside).
        let rules = self.rules_in(here.server).await?;
        let decide = |record: &WalkthroughRecord| -> Result<Planned, AppError> {
            if !belongs_here(record, here) {
                tracing::warn!(
                    %walkthrough_id,
                    channel_id = %here.room,
                    "refused a click that names a walkthrough of another channel"
                );
                return Err(AppError::WrongPlace);
            }
            rules.check_may_answer(record, &actor)?;
            let answer = match &input {
                Input::Answer(a) => Some(a.clone()),
                Input::Back => None,
            };
            let next = decide_next(record, &record.state(), at, input)?;
            Ok(Planned {
                decision: self.decision_of(record.id, record.language(), &next, now),
                to: next,
                answer,
                by: actor.person.clone(),
                now,
            })
        };
        let folded = self
            .store
            .answer_in_one_transaction(walkthrough_id, Some(&interaction_id), decide)
            .await?;
        match folded {
            Folded::Saved(before, plan) => Ok(moved_on(*before, plan.to, plan.decision, at, now)),
            Folded::Duplicate(record) => Ok(Advanced::Duplicate { record: *record }),
            Folded::Refused(refusal) => Err(refusal),
            Folded::Stale => Err(self.why_stale(walkthrough_id).await),
        }
    }

    /// The refusal for a click that lost a race: closed meanwhile, or at another step.
    async fn why_stale(&self, id: WalkthroughId) -> AppError {
        match self.store.walkthrough(id).await {
            Ok(fresh) if fresh.status != Status::Open => AppError::Closed(fresh.status),
            Ok(fresh) => AppError::StaleStep {
                current: fresh.step,
            },
            Err(e) => e.into(),
        }
    }

    /// Applies `input` given at step `at` by `by` to walkthrough `id`, and records it (the
    /// terminal, and tests; no access check: the terminal runs next to the database).
    pub async fn advance(
        &self,
        id: WalkthroughId,
        at: Step,
        input: Input,
        by: &Person,
        interaction_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Advanced, AppError> {
        let record = self.store.walkthrough(id).await?;
        self.apply(record, at, input, by, interaction_id, now).await
    }

    /// Decides on a loaded walkthrough and writes the outcome in one transaction.
    async fn apply(
        &self,
        record: WalkthroughRecord,
        at: Step,
        input: Input,
        by: &Person,
        interaction_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Advanced, AppError> {
        let answer = match &input {
            Input::Answer(a) => Some(a.clone()),
            Input::Back => None,
        };
        let state = record.state();
        let next = match decide_next(&record, &state, at, input) {
            Ok(next) => next,
            Err(refused) => {
                // A replayed click on a walkthrough that moved on is not an error: it was
                // recorded the first time.
                if let Some(interaction) = interaction_id
                    && self.store.interaction_recorded(interaction).await?
                {
                    return Ok(Advanced::Duplicate { record });
                }
                return Err(refused);
            }
        };
        let decision = self.decision_of(record.id, record.language(), &next, now);
        let written = self
            .store
            .record_answer(&AnswerWrite {
                walkthrough_id: record.id,
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
            // Someone else's click won the race: show this person the fresh state.
            Recorded::Stale => return Err(self.why_stale(record.id).await),
        }
        Ok(moved_on(record, next, decision, at, now))
    }

    /// The verdict to record when `next` finishes the walkthrough.
    fn decision_of(
        &self,
        id: WalkthroughId,
        lang: super::Lang,
        next: &Walkthrough,
        now: DateTime<Utc>,
    ) -> Option<DecisionRecord> {
        let complete = next.answers.complete().filter(|_| next.is_finished())?;
        let outcome = decide(&complete);
        // The summary, reasons and next steps are recorded as the person read them.
        let words = explain(&outcome, self.content_in(lang));
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
}

/// The walkthrough after a recorded input.
fn moved_on(
    mut record: WalkthroughRecord,
    next: Walkthrough,
    decision: Option<DecisionRecord>,
    at: Step,
    now: DateTime<Utc>,
) -> Advanced {
    record.step = next.step;
    record.answers = next.answers;
    record.updated_at = now;
    match decision {
        Some(decision) => {
            record.status = Status::Decided;
            record.closed_at = Some(now);
            Advanced::Finished { record, decision }
        }
        None => Advanced::Moved {
            record,
            previous: at,
        },
    }
}

/// The state after `input`, or why it is refused (closed, stale, a checklist rule).
fn decide_next(
    record: &WalkthroughRecord,
    state: &Walkthrough,
    at: Step,
    input: Input,
) -> Result<Walkthrough, AppError> {
    if record.status != Status::Open {
        return Err(AppError::Closed(record.status));
    }
    state.apply(at, input).map_err(|e: UserError| e.into())
}
