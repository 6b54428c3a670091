//! The SQL of `tunegate db copy` (see `store/copy.rs`): pages of any table read as plain
//! values, written back with their ids, counted, and PostgreSQL's id sequences moved past the
//! copied ids.

use super::*;
use crate::store::copy::{CopyTable, Kind, Value};

/// Binds one row's values to a query, in order.
macro_rules! bind_values {
    ($query:expr, $row:expr) => {{
        let mut query = $query;
        for value in $row {
            query = match value {
                Value::Int(v) => query.bind(*v),
                Value::Real(v) => query.bind(*v),
                Value::Text(v) => query.bind(v.clone()),
            };
        }
        query
    }};
}

impl Backend {
    /// Rows `offset..offset + limit` of `table` in key order.
    pub(crate) async fn copy_page(
        &self,
        table: CopyTable,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<Vec<Value>>, StoreError> {
        let query = match table {
            CopyTable::Walkthroughs => sqlx::query(
                "SELECT id, source, status, current_step, guild_id, channel_id, thread_id, message_id, requester_id, requester_name, trigger_text, checklist_version, revisit_of, created_at, updated_at, reminded_at, closed_at, lang FROM walkthroughs ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Answers => sqlx::query(
                "SELECT id, walkthrough_id, step, value, detail, answered_by_id, answered_by_name, answered_at, interaction_id FROM answers ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Notes => sqlx::query(
                "SELECT id, walkthrough_id, author_id, author_name, body, created_at FROM notes ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Decisions => sqlx::query(
                "SELECT walkthrough_id, guild_id, verdict, goal, goal_detail, g1, g2, g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, decided_month FROM decisions ORDER BY walkthrough_id LIMIT $1 OFFSET $2",
            ),
            CopyTable::HealthProbe => sqlx::query(
                "SELECT id, checked_at FROM health_probe ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Reviews => sqlx::query(
                "SELECT id, walkthrough_id, guild_id, reviewer_id, reviewer_name, outcome, note, revisit_on, created_at FROM reviews ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::ReviewReminders => sqlx::query(
                "SELECT review_id, claimed_at FROM review_reminders ORDER BY review_id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Outcomes => sqlx::query(
                "SELECT id, walkthrough_id, guild_id, result, recorded_by_id, recorded_by_name, note, follow_up_round, interaction_id, created_at FROM outcomes ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::FollowUps => sqlx::query(
                "SELECT walkthrough_id, round, question, base_at, state, claimed_at, posted_at, channel_id, message_id FROM follow_ups ORDER BY walkthrough_id, round LIMIT $1 OFFSET $2",
            ),
            CopyTable::CostEstimates => sqlx::query(
                "SELECT id, walkthrough_id, guild_id, requests_per_month, input_tokens, output_tokens, price_in, price_out, ft_price_in, ft_price_out, ratio, training_cost, upkeep_per_month, generic_monthly, fine_tuned_monthly, monthly_saving, break_even_months, net_12_months, recorded_by_id, recorded_by_name, interaction_id, created_at FROM cost_estimates ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::Suggestions => sqlx::query(
                "SELECT id, guild_id, channel_id, message_id, author_id, author_name, text, score, reply_message_id, state, walkthrough_id, closed_by_id, created_at, closed_at FROM suggestions ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::GuildSettingChanges => sqlx::query(
                "SELECT id, guild_id, key, value, changed_by_id, changed_by_name, changed_at FROM guild_setting_changes ORDER BY id LIMIT $1 OFFSET $2",
            ),
            CopyTable::DecisionLogPosts => sqlx::query(
                "SELECT item, walkthrough_id, outcome_id, guild_id, channel_id, state, message_id, claimed_at, posted_at FROM decision_log_posts ORDER BY item LIMIT $1 OFFSET $2",
            ),
        };
        let rows = query.bind(limit).bind(offset).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| read_values(row, table.kinds()))
            .collect()
    }

    /// Writes copied rows of `table` with their ids, in one transaction.
    pub(crate) async fn write_copied(
        &self,
        table: CopyTable,
        rows: &[Vec<Value>],
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        let mut connection = self.pool.acquire().await?;
        let mut tx = connection.begin_with(begin_write!()).await?;
        for row in rows {
            let query = match table {
                CopyTable::Walkthroughs => sqlx::query(
                    "INSERT INTO walkthroughs (id, source, status, current_step, guild_id, channel_id, thread_id, message_id, requester_id, requester_name, trigger_text, checklist_version, revisit_of, created_at, updated_at, reminded_at, closed_at, lang) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
                ),
                CopyTable::Answers => sqlx::query(
                    "INSERT INTO answers (id, walkthrough_id, step, value, detail, answered_by_id, answered_by_name, answered_at, interaction_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                ),
                CopyTable::Notes => sqlx::query(
                    "INSERT INTO notes (id, walkthrough_id, author_id, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                ),
                CopyTable::Decisions => sqlx::query(
                    "INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, goal_detail, g1, g2, g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, decided_month) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
                ),
                CopyTable::HealthProbe => {
                    sqlx::query("INSERT INTO health_probe (id, checked_at) VALUES ($1, $2)")
                }
                CopyTable::Reviews => sqlx::query(
                    "INSERT INTO reviews (id, walkthrough_id, guild_id, reviewer_id, reviewer_name, outcome, note, revisit_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                ),
                CopyTable::ReviewReminders => sqlx::query(
                    "INSERT INTO review_reminders (review_id, claimed_at) VALUES ($1, $2)",
                ),
                CopyTable::Outcomes => sqlx::query(
                    "INSERT INTO outcomes (id, walkthrough_id, guild_id, result, recorded_by_id, recorded_by_name, note, follow_up_round, interaction_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                ),
                CopyTable::FollowUps => sqlx::query(
                    "INSERT INTO follow_ups (walkthrough_id, round, question, base_at, state, claimed_at, posted_at, channel_id, message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (walkthrough_id, round) DO UPDATE SET question = excluded.question, base_at = excluded.base_at, state = excluded.state, claimed_at = excluded.claimed_at, posted_at = excluded.posted_at, channel_id = excluded.channel_id, message_id = excluded.message_id",
                ),
                CopyTable::CostEstimates => sqlx::query(
                    "INSERT INTO cost_estimates (id, walkthrough_id, guild_id, requests_per_month, input_tokens, output_tokens, price_in, price_out, ft_price_in, ft_price_out, ratio, training_cost, upkeep_per_month, generic_monthly, fine_tuned_monthly, monthly_saving, break_even_months, net_12_months, recorded_by_id, recorded_by_name, interaction_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)",
                ),
                CopyTable::Suggestions => sqlx::query(
                    "INSERT INTO suggestions (id, guild_id, channel_id, message_id, author_id, author_name, text, score, reply_message_id, state, walkthrough_id, closed_by_id, created_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                ),
                CopyTable::GuildSettingChanges => sqlx::query(
                    "INSERT INTO guild_setting_changes (id, guild_id, key, value, changed_by_id, changed_by_name, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                ),
                CopyTable::DecisionLogPosts => sqlx::query(
                    "INSERT INTO decision_log_posts (item, walkthrough_id, outcome_id, guild_id, channel_id, state, message_id, claimed_at, posted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                ),
            };
            bind_values!(query, row).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many rows `table` holds.
    pub(crate) async fn count_rows(&self, table: CopyTable) -> Result<u64, StoreError> {
        let query = match table {
            CopyTable::Walkthroughs => sqlx::query_as("SELECT count(*) FROM walkthroughs"),
            CopyTable::Answers => sqlx::query_as("SELECT count(*) FROM answers"),
            CopyTable::Notes => sqlx::query_as("SELECT count(*) FROM notes"),
            CopyTable::Decisions => sqlx::query_as("SELECT count(*) FROM decisions"),
            CopyTable::HealthProbe => sqlx::query_as("SELECT count(*) FROM health_probe"),
            CopyTable::Reviews => sqlx::query_as("SELECT count(*) FROM reviews"),
            CopyTable::ReviewReminders => sqlx::query_as("SELECT count(*) FROM review_reminders"),
            CopyTable::Outcomes => sqlx::query_as("SELECT count(*) FROM outcomes"),
            CopyTable::FollowUps => sqlx::query_as("SELECT count(*) FROM follow_ups"),
            CopyTable::CostEstimates => sqlx::query_as("SELECT count(*) FROM cost_estimates"),
            CopyTable::Suggestions => sqlx::query_as("SELECT count(*) FROM suggestions"),
            CopyTable::GuildSettingChanges => {
                sqlx::query_as("SELECT count(*) FROM guild_setting_changes")
            }
            CopyTable::DecisionLogPosts => {
                sqlx::query_as("SELECT count(*) FROM decision_log_posts")
            }
        };
        let (n,): (i64,) = query.fetch_one(&self.pool).await?;
        Ok(u64::try_from(n).unwrap_or_default())
    }
}

/// Reads one row as plain values of the given kinds.
fn read_values(row: &DbRow, kinds: &[Kind]) -> Result<Vec<Value>, StoreError> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            Ok(match kind {
                Kind::Int => Value::Int(row.try_get(i)?),
                Kind::Real => Value::Real(row.try_get(i)?),
                Kind::Text => Value::Text(row.try_get(i)?),
            })
        })
        .collect()
}
