//! How decisions turned out: recording an outcome (a follow-up click, `/finetune-audit outcome`,
//! `tunegate decisions outcome`), the follow-ups due for posting, the team's own rate, and the
//! savings estimate of the volume driver.
//!
//! A follow-up is claimed in the store before a front end posts it, so it is posted once across
//! restarts and processes; the front end reports back whether it was posted, should be tried
//! again, or can never be delivered.

use chrono::{DateTime, Utc};

use super::{Actor, App, AppError, PostId, RoomId, ServerId, WalkthroughId};
use crate::checklist::cost::{CostEstimate, CostInputs};
use crate::checklist::outcome::OutcomeResult;
use crate::checklist::{Driver, Goal, VerdictKind};
use crate::store::{
    CostEstimateRecord, DueFollowUp, FollowUpClock, NewOutcome, OutcomeRecord, OutcomeRecorded,
    OutcomeStats,
};

/// How many follow-ups one sweep claims at most.
pub const FOLLOW_UP_BATCH: u32 = 20;

/// A claim on a follow-up whose process died before posting it is taken over after this.
pub const FOLLOW_UP_LEASE: chrono::Duration = chrono::Duration::minutes(10);

/// Who records an outcome or an estimate, and with which rights.
#[derive(Debug, Clone)]
pub enum Recorder<'a> {
    /// A member of a guild: the requester, an answer role or (with `may_audit`) an auditor may
    /// record, for decisions of that guild only.
    Member {
        guild: ServerId,
        actor: &'a Actor,
        may_audit: bool,
    },
    /// The terminal, with access to the database file: any decision.
    Terminal(&'a crate::store::Person),
}

impl Recorder<'_> {
    fn person(&self) -> &crate::store::Person {
        match self {
            Recorder::Member { actor, .. } => &actor.person,
            Recorder::Terminal(person) => person,
        }
    }

    fn server(&self) -> Option<ServerId> {
        match self {
            Recorder::Member { guild, .. } => Some(*guild),
            Recorder::Terminal(_) => None,
        }
    }
}

/// One outcome to record.
#[derive(Debug, Clone)]
pub struct OutcomeEntry<'a> {
    pub walkthrough_id: WalkthroughId,
    pub result: OutcomeResult,
    pub note: Option<&'a str>,
    /// The follow-up it answers, or `None` when recorded by hand.
    pub follow_up_round: Option<u32>,
    /// The front end's id of the request (Discord's interaction id), so a replay records nothing.
    pub request_id: Option<&'a str>,
}

/// What became of a posted follow-up, as the front end reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpDelivery {
    /// Posted in this channel as this message.
    Posted { channel: RoomId, message: PostId },
    /// A passing failure: a later sweep tries again.
    Retry,
    /// Neither the thread nor the channel exists any more: never retried.
    Undeliverable,
}

/// A recorded savings estimate and what the verdict should add to it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavingsEstimate {
    pub record: CostEstimateRecord,
    /// The decision it belongs to (its verdict is shown again with the figures).
    pub decision: crate::store::DecisionRecord,
    /// Whether this request was recorded before (a replayed form).
    pub already: bool,
    /// The decision's verdict.
    pub verdict: VerdictKind,
    /// A JUSTIFIED verdict that rests on the volume driver alone, whose estimate does not pay
    /// back within twelve months: the words say so plainly (the rules stay as they are).
    pub volume_alone_does_not_pay: bool,
}

/// Whether a decision gets the "Estimate the savings" step: the volume driver was chosen, or
/// the goal is cost, latency or privacy.
pub fn offers_savings_estimate(goal: Goal, drivers: &[Driver]) -> bool {
    goal == Goal::CostLatencyPrivacy || drivers.contains(&Driver::Volume)
}

/// Whether `estimate` leaves a JUSTIFIED verdict carried by the volume driver alone without a
/// payback within a year.
pub fn volume_alone_does_not_pay(
    verdict: VerdictKind,
    drivers: &[Driver],
    estimate: &CostEstimate,
) -> bool {
    verdict == VerdictKind::Justified
        && drivers == [Driver::Volume]
        && !estimate.pays_back_within_a_year()
}

impl App {
    /// Records how a decision turned out. A second click on the same follow-up, or a replayed
    /// request, records nothing and returns what was recorded ([`OutcomeRecorded::Already`]).
    pub async fn record_outcome(
        &self,
        entry: &OutcomeEntry<'_>,
        recorder: Recorder<'_>,
        now: DateTime<Utc>,
    ) -> Result<OutcomeRecorded, AppError> {
        self.check_may_record(entry.walkthrough_id, &recorder)
            .await?;
        let recorded = self
            .store
            .record_outcome(&NewOutcome {
                walkthrough_id: entry.walkthrough_id,
                guild_id: recorder.server(),
                result: entry.result,
                recorder: recorder.person(),
                note: entry.note,
                follow_up_round: entry.follow_up_round,
                interaction_id: entry.request_id,
                now,
            })
            .await?;
        if let OutcomeRecorded::New { outcome, .. } = &recorded {
            tracing::info!(
                walkthrough_id = %outcome.walkthrough_id,
                result = outcome.result.key(),
                round = outcome.follow_up_round,
                "outcome recorded"
            );
        }
        Ok(recorded)
    }

    /// Whether `recorder` may record an outcome or an estimate for walkthrough `id`: a member
    /// only in its own guild, and only as its requester, an answer role or (when `may_audit`)
    /// an auditor. The terminal may record for any decision.
    pub async fn check_may_record(
        &self,
        id: WalkthroughId,
        recorder: &Recorder<'_>,
    ) -> Result<(), AppError> {
        let Recorder::Member {
            actor, may_audit, ..
        } = recorder
        else {
            return Ok(());
        };
        let walkthrough = match self.store.walkthrough(id).await {
            Ok(w) => w,
            Err(crate::store::StoreError::NotFound(_)) => {
                return Err(AppError::NotInThisServer(id));
            }
            Err(e) => return Err(e.into()),
        };
        if walkthrough.place.server != recorder.server() {
            return Err(AppError::NotInThisServer(id));
        }
        if !*may_audit
            && !self
                .rules_in(walkthrough.place.server)
                .await?
                .may_answer(&walkthrough, actor)
        {
            return Err(AppError::MayNotRecordOutcome(id));
        }
        Ok(())
    }

    /// What answered follow-up `round` of a decision, if it was answered (by a click, or by an
    /// outcome recorded by hand meanwhile): a second click is told this and records nothing.
    pub async fn follow_up_answer(
        &self,
        walkthrough_id: WalkthroughId,
        round: u32,
    ) -> Result<Option<OutcomeRecord>, AppError> {
        let state = self.store.follow_up_state(walkthrough_id, round).await?;
        if state.as_deref() != Some("answered") {
            return Ok(None);
        }
        let outcomes = self.store.outcomes_of(walkthrough_id).await?;
        let of_round = outcomes
            .iter()
            .rfind(|o| o.follow_up_round == Some(round))
            .or(outcomes.last());
        Ok(of_round.cloned())
    }

    /// The outcomes of one decision, oldest first.
    pub async fn outcomes_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Vec<OutcomeRecord>, AppError> {
        Ok(self.store.outcomes_of(walkthrough_id).await?)
    }

    /// The team's own results, for one guild or (with `None`) every decision.
    pub async fn outcome_stats(&self, guild: Option<ServerId>) -> Result<OutcomeStats, AppError> {
        Ok(self.store.outcome_stats(guild).await?)
    }

    /// Claims the follow-ups due at `now` for this process to post. Report each one back with
    /// [`App::follow_up_delivered`].
    pub async fn claim_due_follow_ups(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<DueFollowUp>, AppError> {
        let mut clock = FollowUpClock {
            now,
            delay: self.host_settings.follow_up_after(),
            lease: FOLLOW_UP_LEASE,
            guild: None,
        };
        // The servers without a delay of their own (and the expired claims), then each
        // server with one, under its own delay.
        let mut due = self
            .store
            .claim_due_follow_ups(&clock, FOLLOW_UP_BATCH)
            .await?;
        for (guild, delay) in self.own_follow_up_delays().await? {
            clock.guild = Some(guild);
            clock.delay = delay;
            due.extend(
                self.store
                    .claim_due_follow_ups(&clock, FOLLOW_UP_BATCH)
                    .await?,
            );
        }
        Ok(due)
    }

    /// Records what became of a claimed follow-up.
    pub async fn follow_up_delivered(
        &self,
        due: &DueFollowUp,
        delivery: FollowUpDelivery,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let (id, round) = (due.walkthrough_id, due.round);
        match delivery {
            FollowUpDelivery::Posted { channel, message } => {
                tracing::info!(walkthrough_id = %id, round, "follow-up posted");
                self.store
                    .follow_up_posted(id, round, channel, message, now)
                    .await?
            }
            FollowUpDelivery::Retry => self.store.follow_up_failed(id, round, false).await?,
            FollowUpDelivery::Undeliverable => {
                tracing::warn!(
                    walkthrough_id = %id,
                    round,
                    "follow-up undeliverable: the decision's thread and channel are gone"
                );
                self.store.follow_up_failed(id, round, true).await?
            }
        }
        Ok(())
    }

    /// Validates a savings estimate, computes it and records it with the decision.
    pub async fn estimate_savings(
        &self,
        walkthrough_id: WalkthroughId,
        inputs: &CostInputs,
        recorder: Recorder<'_>,
        request_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<SavingsEstimate, AppError> {
        let estimate = inputs.estimate()?;
        let detail = self
            .store
            .detail(walkthrough_id, recorder.server())
            .await
            .map_err(|_| AppError::EstimateWithoutDecision(walkthrough_id))?;
        let Some(decision) = detail.decision.as_ref() else {
            return Err(AppError::EstimateWithoutDecision(walkthrough_id));
        };
        self.check_may_record(walkthrough_id, &recorder).await?;
        let (record, is_new) = self
            .store
            .record_cost_estimate(
                walkthrough_id,
                recorder.server(),
                inputs,
                &estimate,
                recorder.person(),
                request_id,
                now,
            )
            .await?;
        let drivers: Vec<Driver> = decision.drivers.iter().copied().collect();
        Ok(SavingsEstimate {
            volume_alone_does_not_pay: volume_alone_does_not_pay(
                decision.verdict,
                &drivers,
                &record.estimate,
            ),
            verdict: decision.verdict,
            already: !is_new,
            decision: decision.clone(),
            record,
        })
    }

    /// The savings estimates of one decision, oldest first (the last one counts).
    pub async fn cost_estimates_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Vec<CostEstimateRecord>, AppError> {
        Ok(self.store.cost_estimates_of(walkthrough_id).await?)
    }
}
