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
use sqlx::sqlite::SqliteRow;
use sqlx::{Connection, Row};

use super::{Person, Place, Store, StoreError, format_time, id_from_db, id_to_db, parse_time};
use crate::checklist::VerdictKind;
use crate::checklist::outcome::{FollowUpQuestion, OutcomeResult, asks_again};

/// The columns [`outcome_from_row`] reads.
macro_rules! outcome_columns {
    () => {
        "id, walkthrough_id, guild_id, result, recorded_by_id, recorded_by_name, note, \
         follow_up_round, created_at"
    };
}
/// The longest outcome note kept, in characters.
pub const MAX_OUTCOME_NOTE_CHARS: usize = 1000;

/// An outcome to record.
#[derive(Debug, Clone)]
pub struct NewOutcome<'a> {
    pub walkthrough_id: i64,
    /// The guild it is recorded in; `None` (the terminal) may record for any decision.
    pub guild_id: Option<u64>,
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
    pub walkthrough_id: i64,
    #[serde(serialize_with = "super::records::snowflake")]
    pub guild_id: Option<u64>,
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
    NotFound(i64),
    #[error("checklist #{0} has no verdict yet; only a decision has an outcome")]
    NotDecided(i64),
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
    pub walkthrough_id: i64,
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
    pub guild: Option<u64>,
}

impl FollowUpClock {
    /// The latest base time at which a follow-up of `question` is due now.
    fn due_before(&self, question: FollowUpQuestion) -> String {
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

impl Store {
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
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        if let Some(interaction) = new.interaction_id {
            let replayed = sqlx::query(concat!(
                "SELECT ",
                outcome_columns!(),
                " FROM outcomes WHERE interaction_id = ?"
            ))
            .bind(interaction)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(row) = replayed {
                return Ok(OutcomeRecorded::Already(outcome_from_row(&row)?));
            }
        }
        let decision: Option<(String,)> = sqlx::query_as(
            "SELECT verdict FROM decisions WHERE walkthrough_id = ? \
             AND (? IS NULL OR guild_id = ?)",
        )
        .bind(new.walkthrough_id)
        .bind(guild)
        .bind(guild)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((verdict,)) = decision else {
            let exists: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM walkthroughs WHERE id = ? AND (? IS NULL OR guild_id = ?)",
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
                "SELECT state FROM follow_ups WHERE walkthrough_id = ? AND round = ? \
                 AND state = 'answered'",
            )
            .bind(new.walkthrough_id)
            .bind(round)
            .fetch_optional(&mut *tx)
            .await?;
            if answered.is_some() {
                let latest = sqlx::query(concat!(
                    "SELECT ",
                    outcome_columns!(),
                    " FROM outcomes WHERE walkthrough_id = ? ORDER BY id DESC LIMIT 1"
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
             SELECT walkthrough_id, guild_id, ?, ?, ?, ?, ?, ?, ? FROM decisions \
             WHERE walkthrough_id = ? RETURNING ",
            outcome_columns!()
        ))
        .bind(new.result.key())
        .bind(&new.recorder.id)
        .bind(&new.recorder.name)
        .bind(note)
        .bind(new.follow_up_round)
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
                     WHERE walkthrough_id = ? AND round = ?",
                )
                .bind(new.walkthrough_id)
                .bind(round)
                .execute(&mut *tx)
                .await?;
                if asks_again(round, new.result) {
                    sqlx::query(
                        "INSERT INTO follow_ups (walkthrough_id, round, question, base_at, state) \
                         VALUES (?, ?, ?, ?, 'scheduled') ON CONFLICT DO NOTHING",
                    )
                    .bind(new.walkthrough_id)
                    .bind(round + 1)
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
                    "UPDATE follow_ups SET state = 'answered' WHERE walkthrough_id = ? \
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
    pub async fn outcomes_of(&self, walkthrough_id: i64) -> Result<Vec<OutcomeRecord>, StoreError> {
        sqlx::query(concat!(
            "SELECT ",
            outcome_columns!(),
            " FROM outcomes WHERE walkthrough_id = ? ORDER BY id"
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
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let claimed: Vec<(i64, i64)> = sqlx::query_as(
            "UPDATE follow_ups SET state = 'claimed', claimed_at = ?1 \
             WHERE (walkthrough_id, round) IN ( \
               SELECT f.walkthrough_id, f.round FROM follow_ups f \
                 JOIN walkthroughs w ON w.id = f.walkthrough_id \
                 WHERE f.state = 'scheduled' \
                 AND ((f.question = 'prompt_work' AND f.base_at <= ?2) \
                   OR (f.question = 'fine_tune' AND f.base_at <= ?3)) \
                 AND (w.guild_id = ?6 OR (?6 IS NULL AND NOT EXISTS ( \
                   SELECT 1 FROM guild_setting_changes c \
                   WHERE c.guild_id = w.guild_id AND c.key = 'follow_up_after_secs' \
                   AND c.value IS NOT NULL AND c.id = (SELECT max(m.id) \
                     FROM guild_setting_changes m WHERE m.guild_id = w.guild_id \
                     AND m.key = 'follow_up_after_secs')))) \
               UNION ALL SELECT walkthrough_id, round FROM follow_ups \
                 WHERE ?6 IS NULL AND state = 'claimed' AND claimed_at <= ?4 \
               LIMIT ?5) \
             RETURNING walkthrough_id, round",
        )
        .bind(&now)
        .bind(clock.due_before(FollowUpQuestion::PromptWork))
        .bind(clock.due_before(FollowUpQuestion::FineTune))
        .bind(&stale)
        .bind(limit)
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
                 WHERE f.walkthrough_id = ? AND f.round = ?",
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
        walkthrough_id: i64,
        round: u32,
        channel_id: u64,
        message_id: u64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "UPDATE follow_ups SET state = 'posted', posted_at = ?, channel_id = ?, \
             message_id = ? WHERE walkthrough_id = ? AND round = ? AND state = 'claimed'",
        )
        .bind(format_time(now))
        .bind(id_to_db(Some(channel_id))?)
        .bind(id_to_db(Some(message_id))?)
        .bind(walkthrough_id)
        .bind(round)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends a claimed follow-up: `undeliverable` when neither thread nor channel exists any
    /// more (never retried), or back to `scheduled` after a passing failure (retried by a
    /// later sweep).
    pub async fn follow_up_failed(
        &self,
        walkthrough_id: i64,
        round: u32,
        for_good: bool,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "UPDATE follow_ups SET state = CASE WHEN ? THEN 'undeliverable' ELSE 'scheduled' END, \
             claimed_at = NULL WHERE walkthrough_id = ? AND round = ? AND state = 'claimed'",
        )
        .bind(for_good)
        .bind(walkthrough_id)
        .bind(round)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The state of one follow-up (`scheduled`, `claimed`, `posted`, `answered`,
    /// `undeliverable`, `skipped`), if it exists.
    pub async fn follow_up_state(
        &self,
        walkthrough_id: i64,
        round: u32,
    ) -> Result<Option<String>, StoreError> {
        let state: Option<(String,)> =
            sqlx::query_as("SELECT state FROM follow_ups WHERE walkthrough_id = ? AND round = ?")
                .bind(walkthrough_id)
                .bind(round)
                .fetch_optional(&self.pool)
                .await?;
        Ok(state.map(|(s,)| s))
    }

    /// The team's results: per decision its latest final outcome ("not yet" answers aside),
    /// counted by verdict; `guild_id` narrows it to one guild.
    pub async fn outcome_stats(&self, guild_id: Option<u64>) -> Result<OutcomeStats, StoreError> {
        self.outcome_stats_matching(&super::ListFilter {
            guild_id,
            ..super::ListFilter::default()
        })
        .await
    }
}

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

fn outcome_from_row(row: &SqliteRow) -> Result<OutcomeRecord, StoreError> {
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
    walkthrough_id: i64,
    round: i64,
    row: &SqliteRow,
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
            guild_id: id_from_db(row.try_get("guild_id")?),
            channel_id: id_from_db(row.try_get("channel_id")?),
            thread_id: id_from_db(row.try_get("thread_id")?),
            message_id: id_from_db(row.try_get("message_id")?),
        },
        requester_id: row.try_get("requester_id")?,
        trigger_text: row.try_get("trigger_text")?,
    })
}
