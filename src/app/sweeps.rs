//! The periodic work: one reminder for an idle walkthrough, abandoning it after longer, the
//! revisit reminders of reviews, and the retention period.
//!
//! Each step is claimed in the store before the front end posts anything (a reminder is
//! marked, a revisit reminder claimed), so a restart neither repeats nor forgets one and of
//! several bot processes exactly one posts it. The front end does the posting.

use chrono::{DateTime, Utc};

use super::{
    App, AppError, DueRevisit, RedactionReport, ReviewId, Status, WalkthroughId, WalkthroughRecord,
};
use crate::config::Settings;

/// How many walkthroughs or reminders one sweep handles at most.
pub const BATCH: u32 = 50;

/// The delays of the periodic work and of the chat cooldowns, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub reminder_after_minutes: u64,
    pub abandon_after_minutes: u64,
    /// 0 keeps texts forever.
    pub redact_after_days: u64,
    /// `[outcomes] follow_up_after`: how long after a verdict its follow-up is posted.
    pub follow_up_after: chrono::Duration,
    /// `detect.suggest_expires_minutes`.
    pub suggest_expires_minutes: u64,
}

impl Default for Timing {
    /// The shipped defaults of `config/default.toml`.
    fn default() -> Timing {
        match toml::from_str::<Settings>(crate::config::DEFAULT_TOML) {
            Ok(settings) => Timing::from_settings(&settings),
            // The shipped file is parsed by the config tests; these are its values.
            Err(_) => Timing {
                reminder_after_minutes: 1440,
                abandon_after_minutes: 10080,
                redact_after_days: 0,
                follow_up_after: chrono::Duration::days(14),
                suggest_expires_minutes: 30,
            },
        }
    }
}

impl Timing {
    pub fn from_settings(settings: &Settings) -> Timing {
        Timing {
            reminder_after_minutes: settings.discord.reminder_after_minutes,
            abandon_after_minutes: settings.discord.abandon_after_minutes,
            redact_after_days: settings.retention.redact_after_days,
            follow_up_after: chrono::Duration::from_std(settings.outcomes.follow_up_delay())
                .unwrap_or(chrono::Duration::days(14)),
            suggest_expires_minutes: settings.detect.suggest_expires_minutes,
        }
    }
}

impl App {
    /// The delays this app works with.
    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// Closes walkthroughs idle for longer than the abandon delay; returns the ones it closed
    /// (for the front end to say so where they ran).
    pub async fn abandon_idle(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<WalkthroughRecord>, AppError> {
        let before = now - minutes(self.timing.abandon_after_minutes);
        let mut closed = Vec::new();
        for record in self.store.idle_walkthroughs(before, BATCH).await? {
            if self
                .store
                .close_walkthrough(record.id, Status::Abandoned, now)
                .await?
            {
                tracing::info!(walkthrough_id = %record.id, "idle walkthrough abandoned");
                closed.push(record);
            }
        }
        Ok(closed)
    }

    /// The walkthroughs whose reminder is due: idle for longer than the reminder delay, and
    /// not reminded yet. Claim each with [`App::claim_reminder`] right before posting it.
    pub async fn due_reminders(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<WalkthroughRecord>, AppError> {
        let before = now - minutes(self.timing.reminder_after_minutes);
        let mut idle = self.store.idle_walkthroughs(before, BATCH).await?;
        idle.retain(|record| record.reminded_at.is_none());
        Ok(idle)
    }

    /// Claims one reminder: `true` for exactly one caller, whichever process asks.
    pub async fn claim_reminder(
        &self,
        id: WalkthroughId,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        Ok(self.store.mark_reminded(id, now).await?)
    }

    /// Closes a walkthrough nobody can answer any more (its thread is gone).
    pub async fn abandon(&self, id: WalkthroughId, now: DateTime<Utc>) -> Result<bool, AppError> {
        let closed = self
            .store
            .close_walkthrough(id, Status::Abandoned, now)
            .await?;
        if closed {
            tracing::info!(walkthrough_id = %id, "thread deleted; walkthrough abandoned");
        }
        Ok(closed)
    }

    /// The revisit reminders due on `now`'s day (UTC). Claim each with
    /// [`App::claim_revisit`] right before posting it, and give it back with
    /// [`App::release_revisit`] when it should be retried.
    pub async fn due_revisits(&self, now: DateTime<Utc>) -> Result<Vec<DueRevisit>, AppError> {
        Ok(self.store.due_revisits(now.date_naive(), BATCH).await?)
    }

    /// Claims one revisit reminder: `true` for exactly one caller, whichever process asks.
    pub async fn claim_revisit(
        &self,
        review_id: ReviewId,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        Ok(self.store.claim_revisit_reminder(review_id, now).await?)
    }

    /// Gives a claimed revisit reminder back, for a later sweep to try again.
    pub async fn release_revisit(&self, review_id: ReviewId) -> Result<(), AppError> {
        Ok(self.store.release_revisit_reminder(review_id).await?)
    }

    /// Applies the retention period when one is set: redacts texts older than it.
    pub async fn apply_retention(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<RedactionReport>, AppError> {
        let days = self.timing.redact_after_days;
        if days == 0 {
            return Ok(None);
        }
        let cutoff = now - chrono::Duration::days(days.min(365_000) as i64);
        Ok(Some(self.store.redact_older_than(cutoff, now).await?))
    }
}

fn minutes(n: u64) -> chrono::Duration {
    chrono::Duration::minutes(n.min(i64::MAX as u64 / 60_000) as i64)
}
