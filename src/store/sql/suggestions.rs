//! The SQL of suggestions (see `store/suggestions.rs`).

use super::*;

/// The columns [`suggestion_from_row`] reads.
macro_rules! suggestion_columns {
    () => {
        "id, guild_id, channel_id, message_id, author_id, author_name, text, score, \
         reply_message_id, state, walkthrough_id, created_at"
    };
}

impl Backend {
    /// Records a suggestion for a chat message; `None` when that message has one already (it
    /// was delivered twice, or another process saw it first).
    pub async fn record_suggestion(
        &self,
        new: &NewSuggestion<'_>,
    ) -> Result<Option<SuggestionRecord>, StoreError> {
        let _turn = self.write_turn().await;
        let row = sqlx::query(concat!(
            "INSERT INTO suggestions (guild_id, channel_id, message_id, author_id, author_name, \
             text, score, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (message_id) DO NOTHING RETURNING ",
            suggestion_columns!()
        ))
        .bind(id_to_db(Some(new.guild_id))?)
        .bind(id_to_db(Some(new.channel_id))?)
        .bind(id_to_db(Some(new.message_id))?)
        .bind(&new.author.id)
        .bind(&new.author.name)
        .bind(new.text)
        .bind(f64::from(new.score))
        .bind(format_time(new.now))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(suggestion_from_row).transpose()
    }

    /// Remembers the bot's reply, so it can be removed later.
    pub async fn suggestion_replied(
        &self,
        id: SuggestionId,
        reply_message_id: PostId,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE suggestions SET reply_message_id = $1 WHERE id = $2")
            .bind(id_to_db(Some(reply_message_id))?)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// One suggestion, if it exists.
    pub async fn suggestion(
        &self,
        id: SuggestionId,
    ) -> Result<Option<SuggestionRecord>, StoreError> {
        sqlx::query(concat!(
            "SELECT ",
            suggestion_columns!(),
            " FROM suggestions WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(suggestion_from_row)
        .transpose()
    }

    /// Closes an open suggestion as `state`; `None` when it was not open any more (someone or
    /// the expiry sweep closed it first).
    pub async fn close_suggestion(
        &self,
        id: SuggestionId,
        state: SuggestionState,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Option<SuggestionRecord>, StoreError> {
        let _turn = self.write_turn().await;
        let row = sqlx::query(concat!(
            "UPDATE suggestions SET state = $1, closed_by_id = $2, closed_at = $3 \
             WHERE id = $4 AND state = 'open' RETURNING ",
            suggestion_columns!()
        ))
        .bind(state.key())
        .bind(by)
        .bind(format_time(now))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(suggestion_from_row).transpose()
    }

    /// Links a started suggestion to the walkthrough it opened.
    pub async fn link_suggestion(
        &self,
        id: SuggestionId,
        walkthrough_id: WalkthroughId,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE suggestions SET walkthrough_id = $1 WHERE id = $2")
            .bind(walkthrough_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Closes every suggestion still open that was made before `before`, as expired, and
    /// returns them (to remove their replies). Each is returned to one caller only.
    pub async fn expire_suggestions(
        &self,
        before: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<SuggestionRecord>, StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query(concat!(
            "UPDATE suggestions SET state = 'expired', closed_at = $1 WHERE id IN \
             (SELECT id FROM suggestions WHERE state = 'open' AND created_at < $2 LIMIT $3) \
             AND state = 'open' RETURNING ",
            suggestion_columns!()
        ))
        .bind(format_time(now))
        .bind(format_time(before))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(suggestion_from_row)
        .collect()
    }

    /// Suggestions by state, for one guild or all: (started, dismissed, expired, open).
    pub async fn suggestion_counts(
        &self,
        guild_id: Option<ServerId>,
    ) -> Result<(u64, u64, u64, u64), StoreError> {
        let guild = id_to_db(guild_id)?;
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT state, count(*) FROM suggestions WHERE ($1 IS NULL OR guild_id = $1) \
             GROUP BY state",
        )
        .bind(guild)
        .fetch_all(&self.pool)
        .await?;
        let mut counts = (0, 0, 0, 0);
        for (state, n) in rows {
            let n = u64::try_from(n).unwrap_or_default();
            match SuggestionState::from_key(&state) {
                Some(SuggestionState::Started) => counts.0 += n,
                Some(SuggestionState::Dismissed) => counts.1 += n,
                Some(SuggestionState::Expired) => counts.2 += n,
                Some(SuggestionState::Open) | None => counts.3 += n,
            }
        }
        Ok(counts)
    }
}

fn suggestion_from_row(row: &DbRow) -> Result<SuggestionRecord, StoreError> {
    let state: String = row.try_get("state")?;
    let required = |column: &str| -> Result<u64, StoreError> {
        id_from_db(row.try_get(column)?)
            .ok_or_else(|| StoreError::BadData(format!("suggestion without {column}")))
    };
    Ok(SuggestionRecord {
        id: row.try_get("id")?,
        guild_id: ServerId(required("guild_id")?),
        channel_id: RoomId(required("channel_id")?),
        message_id: PostId(required("message_id")?),
        author: Person::new(
            row.try_get::<String, _>("author_id")?,
            row.try_get::<String, _>("author_name")?,
        ),
        text: row.try_get("text")?,
        score: row.try_get::<f64, _>("score")? as f32,
        reply_message_id: id_from_db(row.try_get("reply_message_id")?),
        state: SuggestionState::from_key(&state)
            .ok_or_else(|| StoreError::BadData(format!("suggestion state {state:?}")))?,
        walkthrough_id: row.try_get("walkthrough_id")?,
        created_at: parse_time(&row.try_get::<String, _>("created_at")?)?,
    })
}
