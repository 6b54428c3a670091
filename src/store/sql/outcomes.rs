//! The SQL of outcomes and follow-ups (see `store/outcomes.rs`).

use super::*;
use crate::checklist::outcome::{FollowUpQuestion, OutcomeResult, asks_again};

/// The columns [`outcome_from_row`] reads.
macro_rules! outcome_columns {
    () => {
        "id, walkthrough_id, guild_id, result, recorded_by_id, recorded_by_name, note, \
         follow_up_round, created_at"
    };
}

impl Backend {
    /// Records an outcome, and schedules or closes follow-ups, in one transaction.
    pub async fn record_outcome(
        &self,
        new: &NewOutcome<'_>,
    ) -> Result<OutcomeRecorded, OutcomeError> {
        let note = new.note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > MAX_OUTCOME_NOTE_CHARS) {
            return Err(OutcomeError::NoteTooLong);
        }
        let guild = id_to_db(new.guild_id)?;
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin_with(begin_write!()).await?;
        // Outcomes of one decision are recorded one after another (PostgreSQL: a second writer
        // waits here, then sees what the first recorded).
        sqlx::query(concat!(
            "SELECT walkthrough_id FROM decisions WHERE walkthrough_id = $1",
            for_update!()
        ))
        .bind(new.walkthrough_id)
        .execute(&mut *tx)
        .await?;
        if let Some(interaction) = new.interaction_id {
            let replayed = sqlx::query(concat!(
                "SELECT ",
                outcome_columns!(),
                " FROM outcomes WHERE interaction_id = $1"
            ))
            .bind(interaction)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(row) = replayed {
                return Ok(OutcomeRecorded::Already(outcome_from_row(&row)?));
            }
        }
        let decision: Option<(String,)> = sqlx::query_as(
            "SELECT verdict FROM decisions WHERE walkthrough_id = $1 \
             AND ($2 IS NULL OR guild_id = $3)",
        )
        .bind(new.walkthrough_id)
        .bind(guild)
        .bind(guild)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((verdict,)) = decision else {
            let exists: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM walkthroughs WHERE id = $1 AND ($2 IS NULL OR guild_id = $3)",
            )
            .bind(new.walkthrough_id)
            .bind(guild)
            .bind(guild)
            .fetch_optional(&mut *tx)
            .await?;
            return Err(match exists {
                Some(_) => OutcomeError::NotDecided(new.walkthrough_id),
                None => OutcomeError::NotFound(new.walkthrough_id),
            });
        };
        let verdict = VerdictKind::from_key(&verdict)
            .ok_or_else(|| StoreError::BadData(format!("verdict {verdict:?}")))?;
        let question = FollowUpQuestion::for_verdict(verdict);
        if new.result.question() != question {
            return Err(OutcomeError::WrongQuestion {
                result: new.result,
                verdict,
                allowed: question.results().map(|r| r.key()).join(", "),
            });
        }
        if let Some(round) = new.follow_up_round {
            let answered: Option<(String,)> = sqlx::query_as(
                "SELECT state FROM follow_ups WHERE walkthrough_id = $1 AND round = $2 \
                 AND state = 'answered'",
            )
            .bind(new.walkthrough_id)
            .bind(i64::from(round))
            .fetch_optional(&mut *tx)
            .await?;
            if answered.is_some() {
                let latest = sqlx::query(concat!(
                    "SELECT ",
                    outcome_columns!(),
                    " FROM outcomes WHERE walkthrough_id = $1 ORDER BY id DESC LIMIT 1"
                ))
                .bind(new.walkthrough_id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(row) = latest {
                    return Ok(OutcomeRecorded::Already(outcome_from_row(&row)?));
                }
            }
        }
        let row = sqlx::query(concat!(
            "INSERT INTO outcomes (walkthrough_id, guild_id, result, recorded_by_id, \
             recorded_by_name, note, follow_up_round, interaction_id, created_at) \
             SELECT walkthrough_id, guild_id, $1, $2, $3, $4, $5, $6, $7 FROM decisions \
             WHERE walkthrough_id = $8 RETURNING ",
            outcome_columns!()
        ))
        .bind(new.result.key())
        .bind(&new.recorder.id)
        .bind(&new.recorder.name)
        .bind(note)
        .bind(new.follow_up_round.map(i64::from))
        .bind(new.interaction_id)
        .bind(format_time(new.now))
        .bind(new.walkthrough_id)
        .fetch_one(&mut *tx)
        .await?;
        let outcome = outcome_from_row(&row)?;
        let next_round = match new.follow_up_round {
            Some(round) => {
                sqlx::query(
                    "UPDATE follow_ups SET state = 'answered' \
                     WHERE walkthrough_id = $1 AND round = $2",
                )
                .bind(new.walkthrough_id)
                .bind(i64::from(round))
                .execute(&mut *tx)
                .await?;
                if asks_again(round, new.result) {
                    sqlx::query(
                        "INSERT INTO follow_ups (walkthrough_id, round, question, base_at, state) \
                         VALUES ($1, $2, $3, $4, 'scheduled') ON CONFLICT DO NOTHING",
                    )
                    .bind(new.walkthrough_id)
                    .bind(i64::from(round) + 1)
                    .bind(question.key())
                    .bind(format_time(new.now))
                    .execute(&mut *tx)
                    .await?;
                    Some(round + 1)
                } else {
                    None
                }
            }
            // A final result given by hand answers whatever follow-up is still to come.
            None if !new.result.is_pending() => {
                sqlx::query(
                    "UPDATE follow_ups SET state = 'answered' WHERE walkthrough_id = $1 \
                     AND state IN ('scheduled', 'claimed', 'posted')",
                )
                .bind(new.walkthrough_id)
                .execute(&mut *tx)
                .await?;
                None
            }
            None => None,
        };
        tx.commit().await?;
        Ok(OutcomeRecorded::New {
            outcome,
            next_round,
        })
    }

    /// The outcomes of one decision, oldest first.
    pub async fn outcomes_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Vec<OutcomeRecord>, StoreError> {
        sqlx::query(concat!(
            "SELECT ",
            outcome_columns!(),
            " FROM outcomes WHERE walkthrough_id = $1 ORDER BY id"
        ))
        .bind(walkthrough_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(outcome_from_row)
        .collect()
    }

    /// Claims up to `limit` due follow-ups for this process (and takes over claims older than
    /// the lease), returning what to post. Each is returned to one caller only.
    pub async fn claim_due_follow_ups(
        &self,
        clock: &FollowUpClock,
        limit: u32,
    ) -> Result<Vec<DueFollowUp>, StoreError> {
        let now = format_time(clock.now);
        let stale = format_time(
            clock
                .now
                .checked_sub_signed(clock.lease)
                .unwrap_or(clock.now),
        );
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin_with(begin_write!()).await?;
        let claimed: Vec<(WalkthroughId, i64)> = sqlx::query_as(
            "UPDATE follow_ups SET state = 'claimed', claimed_at = $1 \
             WHERE (walkthrough_id, round) IN ( \
               SELECT f.walkthrough_id, f.round FROM follow_ups f \
                 JOIN walkthroughs w ON w.id = f.walkthrough_id \
                 WHERE f.state = 'scheduled' \
                 AND ((f.question = 'prompt_work' AND f.base_at <= $2) \
                   OR (f.question = 'fine_tune' AND f.base_at <= $3)) \
                 AND (w.guild_id = $6 OR ($6 IS NULL AND NOT EXISTS ( \
                   SELECT 1 FROM guild_setting_changes c \
                   WHERE c.guild_id = w.guild_id AND c.key = 'follow_up_after_secs' \
                   AND c.value IS NOT NULL AND c.id = (SELECT max(m.id) \
                     FROM guild_setting_changes m WHERE m.guild_id = w.guild_id \
                     AND m.key = 'follow_up_after_secs')))) \
               UNION ALL SELECT walkthrough_id, round FROM follow_ups \
                 WHERE $6 IS NULL AND state = 'claimed' AND claimed_at <= $4 \
               LIMIT $5) \
             AND (state = 'scheduled' OR (state = 'claimed' AND claimed_at <= $4)) \
             RETURNING walkthrough_id, round",
        )
        .bind(&now)
        .bind(clock.due_before(FollowUpQuestion::PromptWork))
        .bind(clock.due_before(FollowUpQuestion::FineTune))
        .bind(&stale)
        .bind(i64::from(limit))
        .bind(id_to_db(clock.guild)?)
        .fetch_all(&mut *tx)
        .await?;
        let mut due = Vec::with_capacity(claimed.len());
        for (walkthrough_id, round) in claimed {
            let row = sqlx::query(
                "SELECT f.question, d.verdict, w.guild_id, w.channel_id, w.thread_id, \
                 w.message_id, w.requester_id, w.trigger_text FROM follow_ups f \
                 JOIN decisions d ON d.walkthrough_id = f.walkthrough_id \
                 JOIN walkthroughs w ON w.id = f.walkthrough_id \
                 WHERE f.walkthrough_id = $1 AND f.round = $2",
            )
            .bind(walkthrough_id)
            .bind(round)
            .fetch_one(&mut *tx)
            .await?;
            due.push(due_from_row(walkthrough_id, round, &row)?);
        }
        tx.commit().await?;
        Ok(due)
    }

    /// Marks a claimed follow-up as posted where it was posted.
    pub async fn follow_up_posted(
        &self,
        walkthrough_id: WalkthroughId,
        round: u32,
        channel_id: RoomId,
        message_id: PostId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "UPDATE follow_ups SET state = 'posted', posted_at = $1, channel_id = $2, \
             message_id = $3 WHERE walkthrough_id = $4 AND round = $5 AND state = 'claimed'",
        )
        .bind(format_time(now))
        .bind(id_to_db(Some(channel_id))?)
        .bind(id_to_db(Some(message_id))?)
        .bind(walkthrough_id)
        .bind(i64::from(round))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends a claimed follow-up: `undeliverable` when neither thread nor channel exists any
    /// more (never retried), or back to `scheduled` after a passing failure (retried by a
    /// later sweep).
    pub async fn follow_up_failed(
        &self,
        walkthrough_id: WalkthroughId,
        round: u32,
        for_good: bool,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "UPDATE follow_ups SET state = CASE WHEN $1 THEN 'undeliverable' ELSE 'scheduled' END, \
             claimed_at = NULL WHERE walkthrough_id = $2 AND round = $3 AND state = 'claimed'",
        )
        .bind(for_good)
        .bind(walkthrough_id)
        .bind(i64::from(round))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The state of one follow-up (`scheduled`, `claimed`, `posted`, `answered`,
    /// `undeliverable`, `skipped`), if it exists.
    pub async fn follow_up_state(
        &self,
        walkthrough_id: WalkthroughId,
        round: u32,
    ) -> Result<Option<String>, StoreError> {
        let state: Option<(String,)> =
            sqlx::query_as("SELECT state FROM follow_ups WHERE walkthrough_id = $1 AND round = $2")
                .bind(walkthrough_id)
                .bind(i64::from(round))
                .fetch_optional(&self.pool)
                .await?;
        Ok(state.map(|(s,)| s))
    }

    /// The team's results: per decision its latest final outcome ("not yet" answers aside),
    /// counted by verdict; `guild_id` narrows it to one guild.
    pub async fn outcome_stats(
        &self,
        guild_id: Option<ServerId>,
    ) -> Result<OutcomeStats, StoreError> {
        self.outcome_stats_matching(&super::ListFilter {
            guild_id,
            ..super::ListFilter::default()
        })
        .await
    }
}

fn outcome_from_row(row: &DbRow) -> Result<OutcomeRecord, StoreError> {
    let result: String = row.try_get("result")?;
    let round: Option<i64> = row.try_get("follow_up_round")?;
    Ok(OutcomeRecord {
        id: row.try_get("id")?,
        walkthrough_id: row.try_get("walkthrough_id")?,
        guild_id: id_from_db(row.try_get("guild_id")?),
        result: OutcomeResult::from_key(&result)
            .ok_or_else(|| StoreError::BadData(format!("outcome {result:?}")))?,
        recorded_by: Person::new(
            row.try_get::<String, _>("recorded_by_id")?,
            row.try_get::<String, _>("recorded_by_name")?,
        ),
        note: row.try_get("note")?,
        follow_up_round: round.and_then(|r| u32::try_from(r).ok()),
        created_at: parse_time(&row.try_get::<String, _>("created_at")?)?,
    })
}

fn due_from_row(
    walkthrough_id: WalkthroughId,
    round: i64,
    row: &DbRow,
) -> Result<DueFollowUp, StoreError> {
    let question: String = row.try_get("question")?;
    let verdict: String = row.try_get("verdict")?;
    Ok(DueFollowUp {
        walkthrough_id,
        round: u32::try_from(round).map_err(|_| StoreError::BadData(format!("round {round}")))?,
        question: FollowUpQuestion::from_key(&question)
            .ok_or_else(|| StoreError::BadData(format!("question {question:?}")))?,
        verdict: VerdictKind::from_key(&verdict)
            .ok_or_else(|| StoreError::BadData(format!("verdict {verdict:?}")))?,
        place: Place {
            server: id_from_db(row.try_get("guild_id")?),
            channel: id_from_db(row.try_get("channel_id")?),
            thread: id_from_db(row.try_get("thread_id")?),
            message: id_from_db(row.try_get("message_id")?),
        },
        requester_id: row.try_get("requester_id")?,
        trigger_text: row.try_get("trigger_text")?,
    })
}
