//! What the team did with the chat detections: labels for retraining the detector, and the
//! detector's precision in production per action.
//!
//! A chat walkthrough (opened by the `thread` action) that someone answered at least once
//! counts as started (the team took it as a proposal); one closed with "Not a fine-tune
//! request" counts as dismissed. A suggestion (the `suggest` action) counts as started when its
//! author ran the checklist, dismissed on "Not a proposal"; one that expired unanswered says
//! nothing. Others (no answer yet, cancelled before any answer) are left out of the labels, as
//! are texts that retention already redacted.

use serde::Serialize;

use super::{REDACTED_TEXT, Store, StoreError, id_to_db};

/// One chat detection and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectionOutcome {
    /// Where it is recorded: `walkthrough 12` or `suggestion 4`.
    pub origin: String,
    /// The team took it as a proposal; otherwise it was dismissed.
    pub started: bool,
    pub text: String,
}

/// How the detector's two actions fared with the team: `started / (started + dismissed)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ActionPrecision {
    pub started: u64,
    pub dismissed: u64,
    /// Suggestions nobody answered (counted apart: silence is not a verdict).
    pub expired: u64,
    /// `None` before anything was started or dismissed.
    pub precision: Option<f64>,
}

impl ActionPrecision {
    pub fn new(started: u64, dismissed: u64, expired: u64) -> ActionPrecision {
        let decided = started + dismissed;
        ActionPrecision {
            started,
            dismissed,
            expired,
            precision: (decided > 0).then(|| started as f64 / decided as f64),
        }
    }
}

/// The production precision of both actions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DetectionPrecision {
    pub thread: ActionPrecision,
    pub suggest: ActionPrecision,
}

impl Store {
    /// Every chat detection that was started or dismissed, walkthroughs first, oldest first.
    pub async fn detection_outcomes(&self) -> Result<Vec<DetectionOutcome>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT w.id, w.status, w.trigger_text, \
             EXISTS (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id) \
             FROM walkthroughs w WHERE w.source = 'chat' AND w.trigger_text != ? \
             AND w.id NOT IN (SELECT walkthrough_id FROM suggestions \
                 WHERE walkthrough_id IS NOT NULL) \
             ORDER BY w.id",
        )
        .bind(REDACTED_TEXT)
        .fetch_all(&self.pool)
        .await?;
        let mut outcomes: Vec<DetectionOutcome> = rows
            .into_iter()
            .filter_map(|(id, status, text, answered)| {
                let started = answered != 0;
                (started || status == "dismissed").then(|| DetectionOutcome {
                    origin: format!("walkthrough {id}"),
                    started,
                    text,
                })
            })
            .collect();
        let suggested: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, state, text FROM suggestions \
             WHERE state IN ('started', 'dismissed') AND text != ? ORDER BY id",
        )
        .bind(REDACTED_TEXT)
        .fetch_all(&self.pool)
        .await?;
        outcomes.extend(
            suggested
                .into_iter()
                .map(|(id, state, text)| DetectionOutcome {
                    origin: format!("suggestion {id}"),
                    started: state == "started",
                    text,
                }),
        );
        Ok(outcomes)
    }

    /// The `thread` action's results in one guild or all: (started, dismissed) chat
    /// walkthroughs, those opened from a suggestion left out.
    pub async fn thread_detection_counts(
        &self,
        guild_id: Option<u64>,
    ) -> Result<(u64, u64), StoreError> {
        let guild = id_to_db(guild_id)?;
        let (started, dismissed): (i64, i64) = sqlx::query_as(
            "SELECT \
               coalesce(sum(EXISTS (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id)), 0), \
               coalesce(sum(w.status = 'dismissed' AND NOT EXISTS \
                   (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id)), 0) \
             FROM walkthroughs w WHERE w.source = 'chat' AND (?1 IS NULL OR w.guild_id = ?1) \
             AND w.id NOT IN (SELECT walkthrough_id FROM suggestions \
                 WHERE walkthrough_id IS NOT NULL)",
        )
        .bind(guild)
        .fetch_one(&self.pool)
        .await?;
        let n = |v: i64| u64::try_from(v).unwrap_or_default();
        Ok((n(started), n(dismissed)))
    }
}
