//! The SQL of per-server settings and of the decision-log posts (see `store/guild_settings.rs`).

use super::*;

/// The columns [`change_from_row`] reads.
macro_rules! change_columns {
    () => {
        "id, guild_id, key, value, changed_by_id, changed_by_name, changed_at"
    };
}

fn change_from_row(row: &DbRow) -> Result<SettingChangeRecord, StoreError> {
    let changed_at: String = row.try_get("changed_at")?;
    Ok(SettingChangeRecord {
        id: row.try_get("id")?,
        guild_id: id_from_db(row.try_get("guild_id")?).unwrap_or(ServerId(0)),
        key: row.try_get("key")?,
        value: row.try_get("value")?,
        changed_by: Person::new(
            row.try_get::<String, _>("changed_by_id")?,
            row.try_get::<String, _>("changed_by_name")?,
        ),
        changed_at: parse_time(&changed_at)?,
    })
}

impl Backend {
    /// Records changes of one server's settings, all in one transaction: `(key, value)` pairs,
    /// a `None` value putting the key back to the host default.
    pub async fn record_setting_changes(
        &self,
        guild_id: ServerId,
        changes: &[(&str, Option<String>)],
        by: &Person,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let at = format_time(now);
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        let mut tx = conn.begin_with(begin_write!()).await?;
        for (key, value) in changes {
            sqlx::query(
                "INSERT INTO guild_setting_changes \
                 (guild_id, key, value, changed_by_id, changed_by_name, changed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
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
        guild_id: ServerId,
    ) -> Result<Vec<SettingChangeRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM guild_setting_changes WHERE guild_id = $1 ORDER BY id"
        ))
        .bind(id_to_db(Some(guild_id))?)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(change_from_row).collect()
    }

    /// The newest change of each key of one server: its current settings.
    pub async fn current_setting_changes(
        &self,
        guild_id: ServerId,
    ) -> Result<Vec<SettingChangeRecord>, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let rows = sqlx::query(concat!(
            "SELECT ",
            change_columns!(),
            " FROM guild_setting_changes WHERE id IN \
             (SELECT max(id) FROM guild_setting_changes WHERE guild_id = $1 GROUP BY key) \
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
             (SELECT max(id) FROM guild_setting_changes WHERE key = $1 GROUP BY guild_id) \
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
        guild_id: ServerId,
        channel_id: RoomId,
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
        let mut tx = conn.begin_with(begin_write!()).await?;
        let candidates: Vec<(String, WalkthroughId, Option<i64>)> = sqlx::query_as(
            "SELECT item, walkthrough_id, outcome_id FROM ( \
               SELECT 'verdict:' || d.walkthrough_id AS item, d.walkthrough_id, \
                      NULL AS outcome_id, d.decided_at AS made_at \
                 FROM decisions d WHERE d.guild_id = $1 AND d.decided_at >= $2 \
               UNION ALL \
               SELECT 'outcome:' || o.id, o.walkthrough_id, o.id, o.created_at \
                 FROM outcomes o WHERE o.guild_id = $1 AND o.created_at >= $2) c \
             WHERE NOT EXISTS (SELECT 1 FROM decision_log_posts p WHERE p.item = c.item \
                 AND NOT (p.state = 'claimed' AND p.claimed_at <= $3)) \
             ORDER BY made_at, item LIMIT $4",
        )
        .bind(guild)
        .bind(format_time(since))
        .bind(&stale)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        for (item, walkthrough_id, outcome_id) in &candidates {
            sqlx::query(
                "INSERT INTO decision_log_posts \
                 (item, walkthrough_id, outcome_id, guild_id, channel_id, state, claimed_at) \
                 VALUES ($1, $2, $3, $4, $5, 'claimed', $6) \
                 ON CONFLICT (item) DO UPDATE SET channel_id = $5, claimed_at = $6",
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
                "UPDATE decision_log_posts SET state = 'posted', message_id = $1, posted_at = $2 \
                 WHERE item = $3 AND state = 'claimed'",
            )
            .bind(id_to_db(Some(message_id))?)
            .bind(format_time(now))
            .bind(item),
            LogPostState::Undeliverable => sqlx::query(
                "UPDATE decision_log_posts SET state = 'undeliverable' \
                 WHERE item = $1 AND state = 'claimed'",
            )
            .bind(item),
            LogPostState::Retry => {
                sqlx::query("DELETE FROM decision_log_posts WHERE item = $1 AND state = 'claimed'")
                    .bind(item)
            }
        };
        query.execute(&self.pool).await?;
        Ok(())
    }
}
