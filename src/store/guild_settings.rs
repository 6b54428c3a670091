//! Per-server settings as an append-only list of changes, and the claims of the posts in a
//! server's decision-log channel.
//!
//! The store keeps a setting's value as JSON text under a fixed key and knows nothing of what
//! it means; the application layer (`app::settings`) reads and writes the values and merges
//! them with the host configuration's defaults. The newest change of a key wins; a `NULL`
//! value means "back to the host default".

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Person, Store, StoreError, format_time, id_from_db, id_to_db, parse_time};

/// One change of one setting of one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChangeRecord {
    pub id: i64,
    pub guild_id: u64,
    pub key: String,
    /// The new value as JSON, or `None` when the setting went back to the host default.
    pub value: Option<String>,
    pub changed_by: Person,
    pub changed_at: DateTime<Utc>,
}

/// A verdict or an outcome to post in a decision-log channel, claimed by this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogItem {
    /// `verdict:<walkthrough id>` or `outcome:<outcome id>`.
    pub item: String,
    pub walkthrough_id: i64,
    /// The outcome, for an outcome's post.
    pub outcome_id: Option<i64>,
}

/// What became of a claimed decision-log post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPostState {
    Posted {
        message_id: u64,
    },
    /// The channel is gone or the bot may not post there: never retried.
    Undeliverable,
    /// A passing failure: the claim is dropped and a later sweep tries again.
    Retry,
}

/// The columns [`change_from_row`] reads.
macro_rules! change_columns {
    () => {
        "id, guild_id, key, value, changed_by_id, changed_by_name, changed_at"
    };
}

fn change_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<SettingChangeRecord, StoreError> {
    let changed_at: String = row.try_get("changed_at")?;
    Ok(SettingChangeRecord {
        id: row.try_get("id")?,
        guild_id: id_from_db(row.try_get("guild_id")?).unwrap_or_default(),
        key: row.try_get("key")?,
        value: row.try_get("value")?,
        changed_by: Person::new(
            row.try_get::<String, _>("changed_by_id")?,
            row.try_get::<String, _>("changed_by_name")?,
        ),
        changed_at: parse_time(&changed_at)?,
    })
}

impl Store {
    /// Records changes of one server's settings, all in one transaction: `(key, value)` pairs,
    /// a `None` value putting the key back to the host default.
    pub async fn record_setting_changes(
        &self,
        guild_id: u64,
        changes: &[(&str, Option<String>)],
        by: &Person,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let at = format_time(now);
        let _turn = self.write_turn().await;
        let mut tx = self.pool.begin().await?;
        for (key, value) in changes {
            sqlx::query(
                "INSERT INTO guild_setting_changes \
                 (guild_id, key, value, changed_by_id, changed_by_name, changed_at) \
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(guild)
            .bind(key)
            .bind(value)
            .bind(&by.id)
            .bind(&by.name)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every change of one server's settings, oldest first.
    pub async fn setting_changes(
        &self,
        guild_id: u64,
    ) -> Result<Vec<SettingChangeRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM guild_setting_changes WHERE guild_id = ? ORDER BY id"
        ))
        .bind(id_to_db(Some(guild_id))?)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(change_from_row).collect()
    }

    /// The newest change of each key of one server: its current settings.
    pub async fn current_setting_changes(
        &self,
        guild_id: u64,
    ) -> Result<Vec<SettingChangeRecord>, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM guild_setting_changes WHERE id IN \
             (SELECT max(id) FROM guild_setting_changes WHERE guild_id = ?1 GROUP BY key) \
             ORDER BY key"
        ))
        .bind(guild)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(change_from_row).collect()
    }

    /// The newest change of `key` in every server that ever changed it.
    pub async fn current_setting_everywhere(
        &self,
        key: &str,
    ) -> Result<Vec<SettingChangeRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM guild_setting_changes WHERE id IN \
             (SELECT max(id) FROM guild_setting_changes WHERE key = ?1 GROUP BY guild_id) \
             ORDER BY guild_id"
        ))
        .bind(key)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(change_from_row).collect()
    }

    /// Claims up to `limit` verdicts and outcomes of `guild_id` made since `since` that its
    /// decision-log channel `channel_id` has not shown yet (or whose claim is older than
    /// `lease`), oldest first, in one transaction; report each with [`Store::log_post_done`].
    pub async fn claim_log_items(
        &self,
        guild_id: u64,
        channel_id: u64,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
        lease: chrono::Duration,
        limit: u32,
    ) -> Result<Vec<LogItem>, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let channel = id_to_db(Some(channel_id))?;
        let stale = format_time(now.checked_sub_signed(lease).unwrap_or(now));
        let at = format_time(now);
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        let candidates: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT item, walkthrough_id, outcome_id FROM ( \
               SELECT 'verdict:' || d.walkthrough_id AS item, d.walkthrough_id, \
                      NULL AS outcome_id, d.decided_at AS at \
                 FROM decisions d WHERE d.guild_id = ?1 AND d.decided_at >= ?2 \
               UNION ALL \
               SELECT 'outcome:' || o.id, o.walkthrough_id, o.id, o.created_at \
                 FROM outcomes o WHERE o.guild_id = ?1 AND o.created_at >= ?2) c \
             WHERE NOT EXISTS (SELECT 1 FROM decision_log_posts p WHERE p.item = c.item \
                 AND NOT (p.state = 'claimed' AND p.claimed_at <= ?3)) \
             ORDER BY at, item LIMIT ?4",
        )
        .bind(guild)
        .bind(format_time(since))
        .bind(&stale)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        for (item, walkthrough_id, outcome_id) in &candidates {
            sqlx::query(
                "INSERT INTO decision_log_posts \
                 (item, walkthrough_id, outcome_id, guild_id, channel_id, state, claimed_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'claimed', ?6) \
                 ON CONFLICT (item) DO UPDATE SET channel_id = ?5, claimed_at = ?6",
            )
            .bind(item)
            .bind(walkthrough_id)
            .bind(outcome_id)
            .bind(guild)
            .bind(channel)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(candidates
            .into_iter()
            .map(|(item, walkthrough_id, outcome_id)| LogItem {
                item,
                walkthrough_id,
                outcome_id,
            })
            .collect())
    }

    /// Records what became of a claimed decision-log post.
    pub async fn log_post_done(
        &self,
        item: &str,
        state: LogPostState,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        let query = match state {
            LogPostState::Posted { message_id } => sqlx::query(
                "UPDATE decision_log_posts SET state = 'posted', message_id = ?, posted_at = ? \
                 WHERE item = ? AND state = 'claimed'",
            )
            .bind(id_to_db(Some(message_id))?)
            .bind(format_time(now))
            .bind(item),
            LogPostState::Undeliverable => sqlx::query(
                "UPDATE decision_log_posts SET state = 'undeliverable' \
                 WHERE item = ? AND state = 'claimed'",
            )
            .bind(item),
            LogPostState::Retry => {
                sqlx::query("DELETE FROM decision_log_posts WHERE item = ? AND state = 'claimed'")
                    .bind(item)
            }
        };
        query.execute(&self.pool).await?;
        Ok(())
    }
}
