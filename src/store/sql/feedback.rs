//! The SQL of detection feedback (see `store/feedback.rs`).

use super::*;

impl Backend {
    /// Every chat detection that was started or dismissed, walkthroughs first, oldest first.
    pub async fn detection_outcomes(&self) -> Result<Vec<DetectionOutcome>, StoreError> {
        let rows: Vec<(i64, String, String, bool)> = sqlx::query_as(
            "SELECT w.id, w.status, w.trigger_text, \
             EXISTS (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id) \
             FROM walkthroughs w WHERE w.source = 'chat' AND w.trigger_text != $1 \
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
                let started = answered;
                (started || status == "dismissed").then(|| DetectionOutcome {
                    origin: format!("walkthrough {id}"),
                    started,
                    text,
                })
            })
            .collect();
        let suggested: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, state, text FROM suggestions \
             WHERE state IN ('started', 'dismissed') AND text != $1 ORDER BY id",
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
        guild_id: Option<ServerId>,
    ) -> Result<(u64, u64), StoreError> {
        let guild = id_to_db(guild_id)?;
        let (started, dismissed): (i64, i64) = sqlx::query_as(
            "SELECT \
               count(*) FILTER (WHERE EXISTS \
                   (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id)), \
               count(*) FILTER (WHERE w.status = 'dismissed' AND NOT EXISTS \
                   (SELECT 1 FROM answers a WHERE a.walkthrough_id = w.id)) \
             FROM walkthroughs w WHERE w.source = 'chat' AND ($1 IS NULL OR w.guild_id = $1) \
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
