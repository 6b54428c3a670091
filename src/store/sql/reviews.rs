//! The SQL of reviews and revisit reminders.

use super::*;

/// The columns [`review_from_row`] reads, as a literal so queries stay `&'static str`.
macro_rules! review_columns {
    () => {
        "r.id, r.walkthrough_id, r.guild_id, r.reviewer_id, r.reviewer_name, r.outcome, \
         r.note, r.revisit_on, r.created_at, m.claimed_at"
    };
}

impl Backend {
    /// Records a review of a decided walkthrough. With `guild_id` set, a decision of another
    /// guild is reported as not found.
    pub async fn add_review(&self, review: &NewReview) -> Result<ReviewRecord, ReviewError> {
        review.validate(review.now.date_naive())?;
        let note = review
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let guild = id_to_db(review.guild_id)?;
        let inserted: Option<(ReviewId,)> = sqlx::query_as(
            "INSERT INTO reviews (walkthrough_id, guild_id, reviewer_id, reviewer_name, \
             outcome, note, revisit_on, created_at) \
             SELECT d.walkthrough_id, d.guild_id, $1, $2, $3, $4, $5, $6 FROM decisions d \
             WHERE d.walkthrough_id = $7 AND ($8 IS NULL OR d.guild_id = $9) RETURNING id",
        )
        .bind(&review.reviewer.id)
        .bind(&review.reviewer.name)
        .bind(review.outcome.key())
        .bind(note)
        .bind(review.revisit_on.map(|d| d.to_string()))
        .bind(format_time(review.now))
        .bind(review.walkthrough_id)
        .bind(guild)
        .bind(guild)
        .fetch_optional(&self.pool)
        .await
        .map_err(StoreError::from)?;
        let Some((id,)) = inserted else {
            // Say why: no such walkthrough here, or one without a verdict.
            let found: Option<(String,)> = sqlx::query_as(
                "SELECT status FROM walkthroughs WHERE id = $1 AND ($2 IS NULL OR guild_id = $3)",
            )
            .bind(review.walkthrough_id)
            .bind(guild)
            .bind(guild)
            .fetch_optional(&self.pool)
            .await
            .map_err(StoreError::from)?;
            return Err(match found {
                Some((status,)) => ReviewError::NotDecided {
                    id: review.walkthrough_id,
                    status: Status::from_db(&status)?,
                },
                None => ReviewError::NotFound(review.walkthrough_id),
            });
        };
        Ok(self.review(id).await?)
    }

    /// One review by id.
    pub async fn review(&self, id: ReviewId) -> Result<ReviewRecord, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            review_columns!(),
            " FROM reviews r LEFT JOIN review_reminders m ON m.review_id = r.id WHERE r.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::ReviewNotFound(id))?;
        review_from_row(&row)
    }

    /// The reviews of one walkthrough, oldest first.
    pub async fn reviews_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Vec<ReviewRecord>, StoreError> {
        sqlx::query(concat!(
            "SELECT ",
            review_columns!(),
            " FROM reviews r LEFT JOIN review_reminders m ON m.review_id = r.id \
             WHERE r.walkthrough_id = $1 ORDER BY r.id"
        ))
        .bind(walkthrough_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(review_from_row)
        .collect()
    }

    /// Reviews whose revisit date is `today` or earlier and whose reminder nobody claimed
    /// yet, the earliest first, with where their decision lives in Discord.
    pub async fn due_revisits(
        &self,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<DueRevisit>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            review_columns!(),
            ", w.channel_id, w.thread_id, w.message_id, \
             w.guild_id AS place_guild_id, w.trigger_text, d.verdict \
             FROM reviews r \
             JOIN walkthroughs w ON w.id = r.walkthrough_id \
             LEFT JOIN decisions d ON d.walkthrough_id = r.walkthrough_id \
             LEFT JOIN review_reminders m ON m.review_id = r.id \
             WHERE r.revisit_on IS NOT NULL AND r.revisit_on <= $1 AND m.review_id IS NULL \
             ORDER BY r.revisit_on, r.id LIMIT $2"
        ))
        .bind(today.to_string())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let verdict: Option<String> = row.try_get("verdict")?;
                Ok(DueRevisit {
                    review: review_from_row(row)?,
                    place: Place {
                        server: id_from_db(row.try_get("place_guild_id")?),
                        channel: id_from_db(row.try_get("channel_id")?),
                        thread: id_from_db(row.try_get("thread_id")?),
                        message: id_from_db(row.try_get("message_id")?),
                    },
                    verdict: verdict
                        .map(|v| VerdictKind::from_key(&v).ok_or(StoreError::BadData(v)))
                        .transpose()?,
                    trigger_text: row.try_get("trigger_text")?,
                })
            })
            .collect()
    }

    /// Claims a review's revisit reminder for this process. `false` when it was already
    /// claimed (by this or another process): then it must not be posted.
    pub async fn claim_revisit_reminder(
        &self,
        review_id: ReviewId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO review_reminders (review_id, claimed_at) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(review_id)
        .bind(format_time(now))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives a claimed reminder back, after Discord failed for a passing reason, so that a
    /// later sweep posts it.
    pub async fn release_revisit_reminder(&self, review_id: ReviewId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM review_reminders WHERE review_id = $1")
            .bind(review_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The open walkthrough that already revisits `walkthrough_id`, if any.
    pub async fn open_revisit_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Option<WalkthroughId>, StoreError> {
        let found: Option<(WalkthroughId,)> = sqlx::query_as(
            "SELECT id FROM walkthroughs WHERE revisit_of = $1 AND status = 'open' \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(walkthrough_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.map(|(id,)| id))
    }
}

fn review_from_row(row: &DbRow) -> Result<ReviewRecord, StoreError> {
    let revisit_on: Option<String> = row.try_get("revisit_on")?;
    let claimed: Option<String> = row.try_get("claimed_at")?;
    Ok(ReviewRecord {
        id: row.try_get("id")?,
        walkthrough_id: row.try_get("walkthrough_id")?,
        guild_id: id_from_db(row.try_get("guild_id")?),
        reviewer: Person::new(
            row.try_get::<String, _>("reviewer_id")?,
            row.try_get::<String, _>("reviewer_name")?,
        ),
        outcome: ReviewOutcome::from_db(&row.try_get::<String, _>("outcome")?)?,
        note: row.try_get("note")?,
        revisit_on: revisit_on
            .map(|d| {
                d.parse::<NaiveDate>()
                    .map_err(|e| StoreError::BadData(format!("revisit date {d:?}: {e}")))
            })
            .transpose()?,
        created_at: parse_time(&row.try_get::<String, _>("created_at")?)?,
        reminded_at: claimed.map(|t| parse_time(&t)).transpose()?,
    })
}
