//! What the team did with the chat detections, as labels for retraining the detector.
//!
//! A chat walkthrough that someone answered at least once counts as started (the team took it
//! as a proposal); one closed with "Not a fine-tune request" counts as dismissed. Others (no
//! answer yet, cancelled before any answer) say nothing and are left out, as are texts that
//! retention already redacted.

use super::{REDACTED_TEXT, Store, StoreError};

/// One chat detection and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectionOutcome {
    pub walkthrough_id: i64,
    /// The team took it as a proposal (someone answered); otherwise it was dismissed.
    pub started: bool,
    pub text: String,
}

impl Store {
    /// Every chat detection that was started or dismissed, oldest first.
    pub async fn detection_outcomes(&self) -> Result<Vec<DetectionOutcome>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT w.id, w.status, w.trigger_text, \
             EXISTS (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id) \
             FROM walkthroughs w WHERE w.source = 'chat' AND w.trigger_text != ? ORDER BY w.id",
        )
        .bind(REDACTED_TEXT)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, status, text, answered)| {
                let started = answered != 0;
                (started || status == "dismissed").then_some(DetectionOutcome {
                    walkthrough_id: id,
                    started,
                    text,
                })
            })
            .collect())
    }
}
