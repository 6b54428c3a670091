//! Removing what people wrote: the retention rule that redacts old personal text, and purging
//! every row of one guild.
//!
//! Both run with SQLite's `secure_delete` on, so the removed text is overwritten in the
//! database file instead of lying in free pages, and then checkpoint the WAL so its old page
//! images go too. Copies made before (backups, a WAL that a busy reader kept from being
//! cleared) still hold the old text.
//!
//! The append-only tables (answers, decisions, reviews) refuse every change except this
//! sanctioned erasure: the work holds the one row of `erasure_in_progress` for the length of
//! its own write transaction, and even then the triggers let only the personal columns change
//! (migration `20261202000001_sanctioned_erasure.sql`).
//!
//! [`PERSONAL_TEXT_COLUMNS`] and [`IMPERSONAL_TEXT_COLUMNS`] together name every text column
//! of the schema, and [`GUILD_TABLES`] and [`TABLES_WITHOUT_GUILD_DATA`] every table; tests
//! compare them with the live schema, so a later migration cannot add a column or a table
//! that retention or purging forgets.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::sqlite::SqliteConnection;
use sqlx::{Connection, Executor, Sqlite, Transaction};

use super::{Store, StoreError, format_time, id_to_db};

/// What old personal text is replaced with.
pub const REDACTED_TEXT: &str = "[redacted after retention period]";

/// Every text column that can hold what a person typed or a person's name, as
/// `(table, column)`. Retention redacts each of them.
pub const PERSONAL_TEXT_COLUMNS: &[(&str, &str)] = &[
    ("walkthroughs", "trigger_text"),
    ("walkthroughs", "requester_name"),
    ("answers", "detail"),
    ("answers", "answered_by_name"),
    ("notes", "body"),
    ("notes", "author_name"),
    ("decisions", "goal_detail"),
    ("reviews", "note"),
    ("reviews", "reviewer_name"),
    ("outcomes", "note"),
    ("outcomes", "recorded_by_name"),
    ("cost_estimates", "recorded_by_name"),
    ("suggestions", "text"),
    ("suggestions", "author_name"),
    ("guild_setting_changes", "changed_by_name"),
];

/// Every other text column, as `(table, column, why it holds nothing personal)`.
pub const IMPERSONAL_TEXT_COLUMNS: &[(&str, &str, &str)] = &[
    (
        "walkthroughs",
        "source",
        "a fixed key: chat, slash, context_menu, cli",
    ),
    ("walkthroughs", "status", "a fixed key: open, decided, ..."),
    (
        "walkthroughs",
        "current_step",
        "a fixed key of the checklist",
    ),
    ("walkthroughs", "requester_id", ACCOUNT_ID),
    (
        "walkthroughs",
        "checklist_version",
        "the checklist file's label and hash",
    ),
    ("walkthroughs", "created_at", TIMESTAMP),
    ("walkthroughs", "updated_at", TIMESTAMP),
    ("walkthroughs", "reminded_at", TIMESTAMP),
    ("walkthroughs", "closed_at", TIMESTAMP),
    (
        "walkthroughs",
        "lang",
        "a fixed key: the language code en, fr, de, es",
    ),
    ("answers", "step", "a fixed key of the checklist"),
    (
        "answers",
        "value",
        "a fixed key of the checklist (the free text is in detail)",
    ),
    ("answers", "answered_by_id", ACCOUNT_ID),
    ("answers", "answered_at", TIMESTAMP),
    ("answers", "interaction_id", "a Discord interaction id"),
    ("notes", "author_id", ACCOUNT_ID),
    ("notes", "created_at", TIMESTAMP),
    ("decisions", "verdict", "a fixed key"),
    (
        "decisions",
        "goal",
        "a fixed key (the free text is in goal_detail)",
    ),
    ("decisions", "g1", "a fixed key"),
    ("decisions", "g2", "a fixed key"),
    ("decisions", "g3", "a fixed key"),
    ("decisions", "g4", "a fixed key"),
    ("decisions", "drivers", "fixed keys"),
    ("decisions", "summary", CHECKLIST_WORDS),
    ("decisions", "reasons", CHECKLIST_WORDS),
    ("decisions", "next_steps", CHECKLIST_WORDS),
    (
        "decisions",
        "checklist_version",
        "the checklist file's label and hash",
    ),
    ("decisions", "decided_at", TIMESTAMP),
    ("decisions", "decided_month", "a month, for the statistics"),
    ("reviews", "reviewer_id", ACCOUNT_ID),
    ("reviews", "outcome", "a fixed key"),
    ("reviews", "revisit_on", "a date"),
    ("reviews", "created_at", TIMESTAMP),
    ("review_reminders", "claimed_at", TIMESTAMP),
    ("outcomes", "result", "a fixed key"),
    ("outcomes", "recorded_by_id", ACCOUNT_ID),
    ("outcomes", "interaction_id", "a Discord interaction id"),
    ("outcomes", "created_at", TIMESTAMP),
    ("cost_estimates", "recorded_by_id", ACCOUNT_ID),
    (
        "cost_estimates",
        "interaction_id",
        "a Discord interaction id",
    ),
    ("cost_estimates", "created_at", TIMESTAMP),
    ("suggestions", "author_id", ACCOUNT_ID),
    ("suggestions", "state", "a fixed key"),
    ("suggestions", "closed_by_id", ACCOUNT_ID),
    ("suggestions", "created_at", TIMESTAMP),
    ("suggestions", "closed_at", TIMESTAMP),
    ("follow_ups", "question", "a fixed key"),
    ("follow_ups", "base_at", TIMESTAMP),
    ("follow_ups", "state", "a fixed key"),
    ("follow_ups", "claimed_at", TIMESTAMP),
    ("follow_ups", "posted_at", TIMESTAMP),
    (
        "guild_setting_changes",
        "key",
        "a fixed key: detection, watch_channels, ...",
    ),
    (
        "guild_setting_changes",
        "value",
        "a setting as JSON: a switch, a number, channel or role ids, a language code",
    ),
    ("guild_setting_changes", "changed_by_id", ACCOUNT_ID),
    ("guild_setting_changes", "changed_at", TIMESTAMP),
    (
        "decision_log_posts",
        "item",
        "a fixed key and an id: verdict:12, outcome:3",
    ),
    ("decision_log_posts", "state", "a fixed key"),
    ("decision_log_posts", "claimed_at", TIMESTAMP),
    ("decision_log_posts", "posted_at", TIMESTAMP),
    ("health_probe", "checked_at", TIMESTAMP),
    (
        "_sqlx_migrations",
        "description",
        "the name of a schema migration",
    ),
];

const ACCOUNT_ID: &str = "an account id (a Discord user id, or cli:LOGIN), kept so an audit can \
                          tell who decided; purging the guild removes it";
const TIMESTAMP: &str = "a time";
const CHECKLIST_WORDS: &str = "words of the checklist file, never a person's text";

/// Every table that holds a guild's data; purging a guild empties each of them of it.
pub const GUILD_TABLES: &[&str] = &[
    "walkthroughs",
    "answers",
    "notes",
    "decisions",
    "reviews",
    "review_reminders",
    "outcomes",
    "follow_ups",
    "cost_estimates",
    "suggestions",
    "guild_setting_changes",
    "decision_log_posts",
];

/// Tables that hold nothing of any guild, as `(table, why)`.
pub const TABLES_WITHOUT_GUILD_DATA: &[(&str, &str)] = &[
    (
        "health_probe",
        "one row with the time of the last health check",
    ),
    (
        "erasure_in_progress",
        "empty outside an erasure's own transaction",
    ),
    ("_sqlx_migrations", "the schema's migration history"),
];

/// The walkthroughs of the guild being purged, as a sub-query bound to the guild id.
macro_rules! in_guild {
    () => {
        "(SELECT id FROM walkthroughs WHERE guild_id = ?)"
    };
}

/// The reviews of the guild being purged (asked in it, or of its walkthroughs), as a
/// sub-query that binds the guild id twice.
macro_rules! reviews_in_guild {
    () => {
        "(SELECT id FROM reviews WHERE guild_id = ? OR walkthrough_id IN \
         (SELECT id FROM walkthroughs WHERE guild_id = ?))"
    };
}

/// What one run of the retention rule changed: rows whose personal text was redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RedactionReport {
    /// Walkthroughs created (and reviews written) before this time were redacted.
    pub cutoff: DateTime<Utc>,
    /// Proposal texts (`walkthroughs.trigger_text`).
    pub proposals: u64,
    /// Note bodies.
    pub notes: u64,
    /// Free-text goals ("something else": `answers.detail`, `decisions.goal_detail`).
    pub goal_details: u64,
    /// Review notes and outcome notes.
    pub review_notes: u64,
    /// Display names of requesters, answerers, note authors and reviewers.
    pub names: u64,
}

impl RedactionReport {
    /// Whether nothing was redacted.
    pub fn is_empty(&self) -> bool {
        self.proposals + self.notes + self.goal_details + self.review_notes + self.names == 0
    }
}

/// Rows of one guild, deleted (by [`Store::purge_guild`]) or about to be (by
/// [`Store::guild_rows`]). Dismissals and the cooldown records are walkthroughs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub walkthroughs: u64,
    pub answers: u64,
    pub notes: u64,
    pub decisions: u64,
    pub reviews: u64,
    /// Claimed revisit reminders of those reviews.
    pub review_reminders: u64,
    /// How its decisions turned out.
    pub outcomes: u64,
    /// Follow-ups of its decisions, posted or to come.
    pub follow_ups: u64,
    /// Savings estimates given for its decisions.
    pub cost_estimates: u64,
    /// Chat messages where the bot only suggested the checklist.
    pub suggestions: u64,
    /// Changes of its per-server settings (who changed what).
    pub setting_changes: u64,
    /// Verdicts and outcomes posted in its decision-log channel.
    pub log_posts: u64,
    /// Walkthroughs outside the guild that were revisits of one of its walkthroughs; they are
    /// kept, without the link.
    pub revisits_unlinked: u64,
}

impl PurgeReport {
    /// Whether the guild had nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == PurgeReport::default()
    }
}

impl Store {
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
    pub async fn guild_rows(&self, guild_id: u64) -> Result<PurgeReport, StoreError> {
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
            "WITH g AS (SELECT id FROM walkthroughs WHERE guild_id = ?1), \
             r AS (SELECT id FROM reviews WHERE guild_id = ?1 OR walkthrough_id IN g) \
             SELECT (SELECT count(*) FROM g), \
             (SELECT count(*) FROM answers WHERE walkthrough_id IN g), \
             (SELECT count(*) FROM notes WHERE walkthrough_id IN g), \
             (SELECT count(*) FROM decisions WHERE walkthrough_id IN g), \
             (SELECT count(*) FROM r), \
             (SELECT count(*) FROM review_reminders WHERE review_id IN r), \
             (SELECT count(*) FROM outcomes WHERE walkthrough_id IN g OR guild_id = ?1), \
             (SELECT count(*) FROM follow_ups WHERE walkthrough_id IN g), \
             (SELECT count(*) FROM cost_estimates WHERE walkthrough_id IN g OR guild_id = ?1), \
             (SELECT count(*) FROM suggestions WHERE guild_id = ?1), \
             (SELECT count(*) FROM walkthroughs WHERE guild_id IS NOT ?1 AND revisit_of IN g), \
             (SELECT count(*) FROM guild_setting_changes WHERE guild_id = ?1), \
             (SELECT count(*) FROM decision_log_posts WHERE guild_id = ?1)",
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
    pub async fn purge_guild(&self, guild_id: u64) -> Result<PurgeReport, StoreError> {
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

    /// Checkpoints the WAL and truncates it, so the page images that held removed text go.
    /// Best effort: while a reader holds an old snapshot the WAL stays until a later checkpoint,
    /// which SQLite runs on its own as writes go on; nothing is lost either way.
    async fn clear_wal(&self) {
        let done = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await;
        if let Err(e) = done {
            tracing::warn!(error = %e, "could not checkpoint the WAL after removing text");
        }
    }
}

/// Starts a write transaction that the append-only triggers accept erasures from.
async fn begin_erasure(
    conn: &mut SqliteConnection,
) -> Result<Transaction<'_, Sqlite>, sqlx::Error> {
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("INSERT INTO erasure_in_progress (id) VALUES (1)")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// Withdraws the sanction and commits, so no other connection ever sees it.
async fn end_erasure(mut tx: Transaction<'_, Sqlite>) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM erasure_in_progress")
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Runs one bound statement in the transaction and says how many rows it changed.
async fn affected<'q>(
    tx: &mut Transaction<'_, Sqlite>,
    statement: impl sqlx::Execute<'q, Sqlite> + 'q,
) -> Result<u64, sqlx::Error> {
    Ok((&mut **tx).execute(statement).await?.rows_affected())
}

async fn redact_walkthroughs(
    tx: &mut Transaction<'_, Sqlite>,
    before: &str,
) -> Result<u64, sqlx::Error> {
    let sql = sqlx::query(
        "UPDATE walkthroughs SET trigger_text = ?1 WHERE created_at < ?2 AND trigger_text <> ?1",
    );
    let suggested =
        sqlx::query("UPDATE suggestions SET text = ?1 WHERE created_at < ?2 AND text <> ?1");
    Ok(affected(tx, sql.bind(REDACTED_TEXT).bind(before)).await?
        + affected(tx, suggested.bind(REDACTED_TEXT).bind(before)).await?)
}

async fn redact_notes(tx: &mut Transaction<'_, Sqlite>, before: &str) -> Result<u64, sqlx::Error> {
    let sql = sqlx::query(
        "UPDATE notes SET body = ?1 WHERE body <> ?1 AND walkthrough_id IN \
         (SELECT id FROM walkthroughs WHERE created_at < ?2)",
    );
    affected(tx, sql.bind(REDACTED_TEXT).bind(before)).await
}

async fn redact_goal_details(
    tx: &mut Transaction<'_, Sqlite>,
    before: &str,
) -> Result<u64, sqlx::Error> {
    let answers = sqlx::query(
        "UPDATE answers SET detail = ?1 WHERE detail IS NOT NULL AND detail <> ?1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < ?2)",
    );
    let decisions = sqlx::query(
        "UPDATE decisions SET goal_detail = ?1 WHERE goal_detail IS NOT NULL \
         AND goal_detail <> ?1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < ?2)",
    );
    Ok(
        affected(tx, answers.bind(REDACTED_TEXT).bind(before)).await?
            + affected(tx, decisions.bind(REDACTED_TEXT).bind(before)).await?,
    )
}

async fn redact_reviews(
    tx: &mut Transaction<'_, Sqlite>,
    before: &str,
) -> Result<u64, sqlx::Error> {
    let reviews = sqlx::query(
        "UPDATE reviews SET note = ?1 WHERE note IS NOT NULL AND note <> ?1 AND created_at < ?2",
    );
    let outcomes = sqlx::query(
        "UPDATE outcomes SET note = ?1 WHERE note IS NOT NULL AND note <> ?1 AND created_at < ?2",
    );
    Ok(
        affected(tx, reviews.bind(REDACTED_TEXT).bind(before)).await?
            + affected(tx, outcomes.bind(REDACTED_TEXT).bind(before)).await?,
    )
}

/// Display names: of requesters, answerers and note authors by the walkthrough's age, of
/// reviewers by the review's.
async fn redact_names(tx: &mut Transaction<'_, Sqlite>, before: &str) -> Result<u64, sqlx::Error> {
    let requesters = sqlx::query(
        "UPDATE walkthroughs SET requester_name = ?1 \
         WHERE created_at < ?2 AND requester_name <> ?1",
    );
    let answerers = sqlx::query(
        "UPDATE answers SET answered_by_name = ?1 WHERE answered_by_name <> ?1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < ?2)",
    );
    let authors = sqlx::query(
        "UPDATE notes SET author_name = ?1 WHERE author_name <> ?1 \
         AND walkthrough_id IN (SELECT id FROM walkthroughs WHERE created_at < ?2)",
    );
    let reviewers = sqlx::query(
        "UPDATE reviews SET reviewer_name = ?1 WHERE reviewer_name <> ?1 AND created_at < ?2",
    );
    let recorders = sqlx::query(
        "UPDATE outcomes SET recorded_by_name = ?1 WHERE recorded_by_name <> ?1 \
         AND created_at < ?2",
    );
    let authors_of_suggestions = sqlx::query(
        "UPDATE suggestions SET author_name = ?1 WHERE author_name <> ?1 AND created_at < ?2",
    );
    let estimators = sqlx::query(
        "UPDATE cost_estimates SET recorded_by_name = ?1 WHERE recorded_by_name <> ?1 \
         AND created_at < ?2",
    );
    let settings_changers = sqlx::query(
        "UPDATE guild_setting_changes SET changed_by_name = ?1 WHERE changed_by_name <> ?1 \
         AND changed_at < ?2",
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
    tx: &mut Transaction<'_, Sqlite>,
    guild: Option<i64>,
) -> Result<PurgeReport, sqlx::Error> {
    let unlink = sqlx::query(concat!(
        "UPDATE walkthroughs SET revisit_of = NULL WHERE revisit_of IN ",
        in_guild!(),
        " AND guild_id IS NOT ?"
    ));
    let revisits_unlinked = affected(tx, unlink.bind(guild).bind(guild)).await?;
    let reminders = sqlx::query(concat!(
        "DELETE FROM review_reminders WHERE review_id IN ",
        reviews_in_guild!()
    ));
    let review_reminders = affected(tx, reminders.bind(guild).bind(guild)).await?;
    let outcomes = sqlx::query(concat!(
        "DELETE FROM outcomes WHERE guild_id = ? OR walkthrough_id IN ",
        in_guild!()
    ));
    let outcomes = affected(tx, outcomes.bind(guild).bind(guild)).await?;
    let follow_ups = sqlx::query(concat!(
        "DELETE FROM follow_ups WHERE walkthrough_id IN ",
        in_guild!()
    ));
    let follow_ups = affected(tx, follow_ups.bind(guild)).await?;
    let cost_estimates = sqlx::query(concat!(
        "DELETE FROM cost_estimates WHERE guild_id = ? OR walkthrough_id IN ",
        in_guild!()
    ));
    let cost_estimates = affected(tx, cost_estimates.bind(guild).bind(guild)).await?;
    let suggestions = sqlx::query("DELETE FROM suggestions WHERE guild_id = ?");
    let suggestions = affected(tx, suggestions.bind(guild)).await?;
    let changes = sqlx::query("DELETE FROM guild_setting_changes WHERE guild_id = ?");
    let setting_changes = affected(tx, changes.bind(guild)).await?;
    let posts = sqlx::query("DELETE FROM decision_log_posts WHERE guild_id = ?");
    let log_posts = affected(tx, posts.bind(guild)).await?;
    let reviews = sqlx::query(concat!(
        "DELETE FROM reviews WHERE id IN ",
        reviews_in_guild!()
    ));
    let reviews = affected(tx, reviews.bind(guild).bind(guild)).await?;
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
    let walkthroughs = sqlx::query("DELETE FROM walkthroughs WHERE guild_id = ?");
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
        setting_changes,
        log_posts,
        revisits_unlinked,
    })
}

/// Runs `work` on `conn` with `PRAGMA secure_delete` on, then restores the connection's setting.
async fn with_secure_delete<T>(
    conn: &mut SqliteConnection,
    work: impl AsyncFnOnce(&mut SqliteConnection) -> Result<T, sqlx::Error>,
) -> Result<T, StoreError> {
    let (previous,): (i64,) = sqlx::query_as("PRAGMA secure_delete")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("PRAGMA secure_delete = 1")
        .execute(&mut *conn)
        .await?;
    let result = work(&mut *conn).await;
    let restore = match previous {
        0 => sqlx::query("PRAGMA secure_delete = 0"),
        2 => sqlx::query("PRAGMA secure_delete = FAST"),
        _ => sqlx::query("PRAGMA secure_delete = 1"),
    };
    restore.execute(&mut *conn).await?;
    Ok(result?)
}
