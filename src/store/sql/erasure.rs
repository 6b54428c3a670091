//! The SQL of retention and purging (see `store/erasure.rs` for what they guarantee).

use super::*;

/// The walkthroughs of the guild being purged, as a sub-query bound to the guild id.
macro_rules! in_guild {
    () => {
        "(SELECT id FROM walkthroughs WHERE guild_id = $1)"
    };
}

/// The reviews of the guild being purged (asked in it, or of its walkthroughs), as a
/// sub-query bound to the guild id.
macro_rules! reviews_in_guild {
    () => {
        "(SELECT id FROM reviews WHERE guild_id = $1 OR walkthrough_id IN \
         (SELECT id FROM walkthroughs WHERE guild_id = $1))"
    };
}

impl Backend {
    /// Replaces every personal text ([`PERSONAL_TEXT_COLUMNS`]) of the walkthroughs created
    /// before `cutoff`, and of the reviews written before it, with [`REDACTED_TEXT`], in one
    /// transaction. Verdicts, answers, times and ids are kept. A cutoff later than `now` is
    /// taken as `now`, so a walkthrough that has not started yet cannot be affected. Running it
    /// again changes nothing new.
    pub async fn redact_older_than(
        &self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<RedactionReport, StoreError> {
        let cutoff = cutoff.min(now);
        let before = format_time(cutoff);
        let mut report = RedactionReport {
            cutoff,
            proposals: 0,
            notes: 0,
            goal_details: 0,
            review_notes: 0,
            names: 0,
        };
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        with_secure_delete(&mut conn, async |conn| {
            let mut tx = begin_erasure(conn).await?;
            report.proposals = redact_walkthroughs(&mut tx, &before).await?;
            report.notes = redact_notes(&mut tx, &before).await?;
            report.goal_details = redact_goal_details(&mut tx, &before).await?;
            report.review_notes = redact_reviews(&mut tx, &before).await?;
            report.names = redact_names(&mut tx, &before).await?;
            end_erasure(tx).await
        })
        .await?;
        drop(conn);
        if !report.is_empty() {
            self.clear_wal().await;
        }
        Ok(report)
    }

    /// What [`Store::purge_guild`] would delete now, without deleting anything.
    pub async fn guild_rows(&self, guild_id: ServerId) -> Result<PurgeReport, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        #[allow(clippy::type_complexity)] // one count per table, in the order of the query
        let counts: (
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
        ) = sqlx::query_as(
            "WITH g AS (SELECT id FROM walkthroughs WHERE guild_id = $1), \
             r AS (SELECT id FROM reviews WHERE guild_id = $1 OR walkthrough_id IN (SELECT id FROM g)) \
             SELECT (SELECT count(*) FROM g), \
             (SELECT count(*) FROM answers WHERE walkthrough_id IN (SELECT id FROM g)), \
             (SELECT count(*) FROM notes WHERE walkthrough_id IN (SELECT id FROM g)), \
             (SELECT count(*) FROM decisions WHERE walkthrough_id IN (SELECT id FROM g)), \
             (SELECT count(*) FROM r), \
             (SELECT count(*) FROM review_reminders WHERE review_id IN (SELECT id FROM r)), \
             (SELECT count(*) FROM outcomes WHERE walkthrough_id IN (SELECT id FROM g) OR guild_id = $1), \
             (SELECT count(*) FROM follow_ups WHERE walkthrough_id IN (SELECT id FROM g)), \
             (SELECT count(*) FROM cost_estimates WHERE walkthrough_id IN (SELECT id FROM g) OR guild_id = $1), \
             (SELECT count(*) FROM suggestions WHERE guild_id = $1), \
             (SELECT count(*) FROM walkthroughs WHERE guild_id IS DISTINCT FROM $1 AND revisit_of IN (SELECT id FROM g)), \
             (SELECT count(*) FROM guild_setting_changes WHERE guild_id = $1), \
             (SELECT count(*) FROM decision_log_posts WHERE guild_id = $1)",
        )
        .bind(guild)
        .fetch_one(&self.pool)
        .await?;
        let n = |count: i64| u64::try_from(count).unwrap_or_default();
        Ok(PurgeReport {
            walkthroughs: n(counts.0),
            answers: n(counts.1),
            notes: n(counts.2),
            decisions: n(counts.3),
            reviews: n(counts.4),
            review_reminders: n(counts.5),
            outcomes: n(counts.6),
            follow_ups: n(counts.7),
            cost_estimates: n(counts.8),
            suggestions: n(counts.9),
            revisits_unlinked: n(counts.10),
            setting_changes: n(counts.11),
            log_posts: n(counts.12),
        })
    }

    /// Deletes every row of one guild from every table of [`GUILD_TABLES`] in one transaction,
    /// and says how many rows went from each. A walkthrough elsewhere that revisits one of them
    /// is kept without the link. An unknown guild deletes nothing.
    pub async fn purge_guild(&self, guild_id: ServerId) -> Result<PurgeReport, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let _turn = self.write_turn().await;
        let mut conn = self.pool.acquire().await?;
        let report = with_secure_delete(&mut conn, async |conn| {
            let mut tx = begin_erasure(conn).await?;
            let report = delete_guild_rows(&mut tx, guild).await?;
            end_erasure(tx).await?;
            Ok(report)
        })
        .await?;
        drop(conn);
        if !report.is_empty() {
            self.clear_wal().await;
        }
        Ok(report)
    }
}

/// Starts a write transaction that the append-only triggers accept erasures from.
async fn begin_erasure(conn: &mut DbConnection) -> Result<Transaction<'_, Db>, sqlx::Error> {
    let mut tx = conn.begin_with(begin_write!()).await?;
    sqlx::query("INSERT INTO erasure_in_progress (id) VALUES (1)")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// Withdraws the sanction and commits, so no other connection ever sees it.
async fn end_erasure(mut tx: Transaction<'_, Db>) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM erasure_in_progress")
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Runs one bound statement in the transaction and says how many rows it changed.
async fn affected<'q>(
    tx: &mut Transaction<'_, Db>,
    statement: impl sqlx::Execute<'q, Db> + 'q,
) -> Result<u64, sqlx::Error> {
    Ok((&mut **tx).execute(statement).await?.rows_affected())
}

async fn redact_walkthroughs(
    tx: &mut Transaction<'_, Db>,
    before: &str,
) -> Result<u64, sqlx::Error> {
    let sql = sqlx::query(
        "UPDATE walkthroughs SET trigger_text = $1 WHERE created_at < $2 AND trigger_text <> $1",
    );
    let suggested =
        sqlx::query("UPDATE suggestions SET text = $1 WHERE created_at < $2 AND text <> $1");
    Ok(affected(tx, sql.bind(REDACTED_TEXT).bind(before)).await?
        + affected(tx, suggested.bind(REDACTED_TEXT).bind(before)).await?)
}

async fn redact_notes(tx: &mut Transaction<'_, Db>, before: &str) -> Result<u64, sqlx::Error> {
    let sql = sqlx::query(
        "UPDATE notes SET body = $1 WHERE body <> $1 AND walkthrough_id IN \
         (SELECT id FROM walkthroughs WHERE created_at < $2)",
    );
    affected(tx, sql.bind(REDACTED_TEXT).bind(before)).await
}

async fn redact_goal_details(
    tx: &mut Transaction<'_, Db>,
    before: &str,
) -> Result<u64, sqlx::Error> {
    let answers = sqlx::query(
        "UPDATE answers SET detail = $1 WHERE detail IS NOT NULL AND detail <> $1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < $2)",
    );
    let decisions = sqlx::query(
        "UPDATE decisions SET goal_detail = $1 WHERE goal_detail IS NOT NULL \
         AND goal_detail <> $1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < $2)",
    );
    Ok(
        affected(tx, answers.bind(REDACTED_TEXT).bind(before)).await?
            + affected(tx, decisions.bind(REDACTED_TEXT).bind(before)).await?,
    )
}

async fn redact_reviews(tx: &mut Transaction<'_, Db>, before: &str) -> Result<u64, sqlx::Error> {
    let reviews = sqlx::query(
        "UPDATE reviews SET note = $1 WHERE note IS NOT NULL AND note <> $1 AND created_at < $2",
    );
    let outcomes = sqlx::query(
        "UPDATE outcomes SET note = $1 WHERE note IS NOT NULL AND note <> $1 AND created_at < $2",
    );
    Ok(
        affected(tx, reviews.bind(REDACTED_TEXT).bind(before)).await?
            + affected(tx, outcomes.bind(REDACTED_TEXT).bind(before)).await?,
    )
}

/// Display names: of requesters, answerers and note authors by the walkthrough's age, of
/// reviewers by the review's.
async fn redact_names(tx: &mut Transaction<'_, Db>, before: &str) -> Result<u64, sqlx::Error> {
    let requesters = sqlx::query(
        "UPDATE walkthroughs SET requester_name = $1 \
         WHERE created_at < $2 AND requester_name <> $1",
    );
    let answerers = sqlx::query(
        "UPDATE answers SET answered_by_name = $1 WHERE answered_by_name <> $1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < $2)",
    );
    let authors = sqlx::query(
        "UPDATE notes SET author_name = $1 WHERE author_name <> $1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < $2)",
    );
    let reviewers = sqlx::query(
        "UPDATE reviews SET reviewer_name = $1 WHERE reviewer_name <> $1 AND created_at < $2",
    );
    let recorders = sqlx::query(
        "UPDATE outcomes SET recorded_by_name = $1 WHERE recorded_by_name <> $1 \
         AND created_at < $2",
    );
    let authors_of_suggestions = sqlx::query(
        "UPDATE suggestions SET author_name = $1 WHERE author_name <> $1 AND created_at < $2",
    );
    let estimators = sqlx::query(
        "UPDATE cost_estimates SET recorded_by_name = $1 WHERE recorded_by_name <> $1 \
         AND created_at < $2",
    );
    let settings_changers = sqlx::query(
        "UPDATE guild_setting_changes SET changed_by_name = $1 WHERE changed_by_name <> $1 \
         AND changed_at < $2",
    );
    let mut names = 0;
    for statement in [
        requesters,
        answerers,
        authors,
        reviewers,
        recorders,
        estimators,
        authors_of_suggestions,
        settings_changers,
    ] {
        names += affected(tx, statement.bind(REDACTED_TEXT).bind(before)).await?;
    }
    Ok(names)
}

/// Deletes the guild's rows, children first, inside the erasure transaction.
async fn delete_guild_rows(
    tx: &mut Transaction<'_, Db>,
    guild: Option<i64>,
) -> Result<PurgeReport, sqlx::Error> {
    let unlink = sqlx::query(concat!(
        "UPDATE walkthroughs SET revisit_of = NULL WHERE revisit_of IN ",
        in_guild!(),
        " AND guild_id IS DISTINCT FROM $1"
    ));
    let revisits_unlinked = affected(tx, unlink.bind(guild)).await?;
    let reminders = sqlx::query(concat!(
        "DELETE FROM review_reminders WHERE review_id IN ",
        reviews_in_guild!()
    ));
    let review_reminders = affected(tx, reminders.bind(guild)).await?;
    let outcomes = sqlx::query(concat!(
        "DELETE FROM outcomes WHERE guild_id = $1 OR walkthrough_id IN ",
        in_guild!()
    ));
    let outcomes = affected(tx, outcomes.bind(guild)).await?;
    let follow_ups = sqlx::query(concat!(
        "DELETE FROM follow_ups WHERE walkthrough_id IN ",
        in_guild!()
    ));
    let follow_ups = affected(tx, follow_ups.bind(guild)).await?;
    let cost_estimates = sqlx::query(concat!(
        "DELETE FROM cost_estimates WHERE guild_id = $1 OR walkthrough_id IN ",
        in_guild!()
    ));
    let cost_estimates = affected(tx, cost_estimates.bind(guild)).await?;
    let suggestions = sqlx::query("DELETE FROM suggestions WHERE guild_id = $1");
    let suggestions = affected(tx, suggestions.bind(guild)).await?;
    let changes = sqlx::query("DELETE FROM guild_setting_changes WHERE guild_id = $1");
    let setting_changes = affected(tx, changes.bind(guild)).await?;
    let posts = sqlx::query("DELETE FROM decision_log_posts WHERE guild_id = $1");
    let log_posts = affected(tx, posts.bind(guild)).await?;
    let reviews = sqlx::query(concat!(
        "DELETE FROM reviews WHERE id IN ",
        reviews_in_guild!()
    ));
    let reviews = affected(tx, reviews.bind(guild)).await?;
    let answers = sqlx::query(concat!(
        "DELETE FROM answers WHERE walkthrough_id IN ",
        in_guild!()
    ));
    let answers = affected(tx, answers.bind(guild)).await?;
    let notes = sqlx::query(concat!(
        "DELETE FROM notes WHERE walkthrough_id IN ",
        in_guild!()
    ));
    let notes = affected(tx, notes.bind(guild)).await?;
    let decisions = sqlx::query(concat!(
        "DELETE FROM decisions WHERE walkthrough_id IN ",
        in_guild!()
    ));
    let decisions = affected(tx, decisions.bind(guild)).await?;
    // One statement: revisits inside the guild go with what they revisit, and SQLite checks
    // the foreign keys at the end of the statement.
    let walkthroughs = sqlx::query("DELETE FROM walkthroughs WHERE guild_id = $1");
    let walkthroughs = affected(tx, walkthroughs.bind(guild)).await?;
    Ok(PurgeReport {
        walkthroughs,
        answers,
        notes,
        decisions,
        reviews,
        review_reminders,
        outcomes,
        follow_ups,
        cost_estimates,
        suggestions,
        revisits_unlinked,
        setting_changes,
        log_posts,
    })
}
