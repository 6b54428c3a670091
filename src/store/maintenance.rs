//! Keeping the database fit for production: consistent backups while the bot runs, a
//! foreign-key check, the retention rule that redacts old free text, and purging one guild.
//!
//! Backups use `VACUUM INTO`, which writes one read snapshot to a new, compact, self-contained
//! file: in WAL mode writers carry on meanwhile. Redaction and purging run with SQLite's
//! `secure_delete` on, so the removed text is overwritten in the database file instead of lying
//! in free pages, and then checkpoint the WAL so its old page images go too. Copies made before
//! (backups, a WAL that a busy reader kept from being cleared) still hold the old text.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions, Connection};

use super::{Store, StoreError, format_time, id_to_db};

/// What old proposal texts and notes are replaced with.
pub const REDACTED_TEXT: &str = "[redacted after retention period]";

/// The walkthroughs of the guild being purged, as a sub-query bound to the guild id.
macro_rules! in_guild {
    () => {
        "(SELECT id FROM walkthroughs WHERE guild_id = ?)"
    };
}

/// A finished backup, as read back from the copy itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    /// The copy, as an absolute path.
    pub path: PathBuf,
    pub bytes: u64,
    pub walkthroughs: u64,
    pub decisions: u64,
}

/// What one run of the retention rule changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RedactionReport {
    /// Walkthroughs created before this time were redacted.
    pub cutoff: DateTime<Utc>,
    /// Proposal texts (`walkthroughs.trigger_text`) replaced by [`REDACTED_TEXT`].
    pub proposals: u64,
    /// Note bodies replaced by [`REDACTED_TEXT`].
    pub notes: u64,
}

/// Rows of one guild, deleted (by [`Store::purge_guild`]) or about to be (by
/// [`Store::guild_rows`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub walkthroughs: u64,
    pub answers: u64,
    pub notes: u64,
    pub decisions: u64,
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
    /// Copies the database to a new file at `path` while others keep reading and writing.
    ///
    /// Refuses to overwrite anything, fails without touching the database when the folder is
    /// missing or not writable, removes its partial file on failure, and reads the copy back
    /// (read-only) to prove it is a sound database and count what it holds.
    pub async fn backup_to(&self, path: &Path) -> Result<BackupReport, StoreError> {
        let failed = |reason: String| StoreError::BackupFailed {
            path: path.to_path_buf(),
            reason,
        };
        // Absolute, so SQLite (which accepts URI names here) never reads it as `file:...`.
        let target = std::path::absolute(path).map_err(|e| failed(e.to_string()))?;
        let name = target
            .to_str()
            .ok_or_else(|| failed("the path is not valid UTF-8; choose a plainer name".into()))?
            .to_string();
        // Claim the name atomically: an existing file is refused here, not overwritten, and a
        // missing or read-only folder is reported before SQLite runs. VACUUM INTO accepts the
        // empty file.
        match tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .await
        {
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                return Err(StoreError::BackupExists {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(failed(e.to_string())),
        }
        match self.write_backup(&name, &target).await {
            Ok(report) => Ok(report),
            Err(reason) => {
                // The file is ours (created above); a partial copy must not pass for a backup.
                // Failing to remove it changes nothing about the error we report.
                let _ = tokio::fs::remove_file(&target).await;
                Err(failed(reason))
            }
        }
    }

    async fn write_backup(&self, name: &str, target: &Path) -> Result<BackupReport, String> {
        sqlx::query("VACUUM INTO ?")
            .bind(name)
            .execute(&self.pool)
            .await
            .map_err(|e| reason_of(&e))?;
        let file = tokio::fs::File::open(target)
            .await
            .map_err(|e| e.to_string())?;
        file.sync_all().await.map_err(|e| e.to_string())?;
        let bytes = file.metadata().await.map_err(|e| e.to_string())?.len();
        drop(file);
        let (walkthroughs, decisions) = count_copy(target).await.map_err(|e| {
            format!(
                "the copy could not be read back ({}), so it is not a usable backup",
                reason_of(&e)
            )
        })?;
        Ok(BackupReport {
            path: target.to_path_buf(),
            bytes,
            walkthroughs,
            decisions,
        })
    }

    /// Rows that point at a missing row (`PRAGMA foreign_key_check`), described one per line;
    /// empty when every reference holds.
    pub async fn foreign_key_problems(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String, Option<i64>, String, i64)> =
            sqlx::query_as("PRAGMA foreign_key_check")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(table, rowid, parent, _)| {
                let row = rowid.map_or_else(|| "a row".to_string(), |id| format!("row {id}"));
                format!("{table} {row} refers to a missing row of {parent}")
            })
            .collect())
    }

    /// Replaces the proposal text and the notes of every walkthrough created before `cutoff`
    /// with [`REDACTED_TEXT`], in one transaction. Decisions, verdicts and answers are kept
    /// as they are (they are append-only). A cutoff later than `now` is taken as `now`, so a
    /// walkthrough that has not started yet cannot be affected. Running it again changes
    /// nothing new.
    pub async fn redact_older_than(
        &self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<RedactionReport, StoreError> {
        let cutoff = cutoff.min(now);
        let before = format_time(cutoff);
        let mut conn = self.pool.acquire().await?;
        let (proposals, notes) = with_secure_delete(&mut conn, async |conn| {
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            let notes = sqlx::query(concat!(
                "UPDATE notes SET body = ? WHERE body <> ? AND walkthrough_id IN ",
                "(SELECT id FROM walkthroughs WHERE created_at < ?)"
            ))
            .bind(REDACTED_TEXT)
            .bind(REDACTED_TEXT)
            .bind(&before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let proposals = sqlx::query(
                "UPDATE walkthroughs SET trigger_text = ? \
                 WHERE created_at < ? AND trigger_text <> ?",
            )
            .bind(REDACTED_TEXT)
            .bind(&before)
            .bind(REDACTED_TEXT)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok((proposals, notes))
        })
        .await?;
        drop(conn);
        self.clear_wal().await;
        Ok(RedactionReport {
            cutoff,
            proposals,
            notes,
        })
    }

    /// What [`Store::purge_guild`] would delete now, without deleting anything.
    pub async fn guild_rows(&self, guild_id: u64) -> Result<PurgeReport, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let (walkthroughs, answers, notes, decisions, revisits): (i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT (SELECT count(*) FROM walkthroughs WHERE guild_id = ?1), \
                 (SELECT count(*) FROM answers WHERE walkthrough_id IN \
                    (SELECT id FROM walkthroughs WHERE guild_id = ?1)), \
                 (SELECT count(*) FROM notes WHERE walkthrough_id IN \
                    (SELECT id FROM walkthroughs WHERE guild_id = ?1)), \
                 (SELECT count(*) FROM decisions WHERE walkthrough_id IN \
                    (SELECT id FROM walkthroughs WHERE guild_id = ?1)), \
                 (SELECT count(*) FROM walkthroughs WHERE guild_id IS NOT ?1 AND revisit_of IN \
                    (SELECT id FROM walkthroughs WHERE guild_id = ?1))",
            )
            .bind(guild)
            .fetch_one(&self.pool)
            .await?;
        let n = |count: i64| u64::try_from(count).unwrap_or_default();
        Ok(PurgeReport {
            walkthroughs: n(walkthroughs),
            answers: n(answers),
            notes: n(notes),
            decisions: n(decisions),
            revisits_unlinked: n(revisits),
        })
    }

    /// Deletes every walkthrough of one guild with its answers, notes and decision, in one
    /// transaction, and says how many rows went from each table. A walkthrough elsewhere that
    /// revisits one of them is kept without the link. An unknown guild deletes nothing.
    pub async fn purge_guild(&self, guild_id: u64) -> Result<PurgeReport, StoreError> {
        let guild = id_to_db(Some(guild_id))?;
        let mut conn = self.pool.acquire().await?;
        let report = with_secure_delete(&mut conn, async |conn| {
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            let revisits_unlinked = sqlx::query(concat!(
                "UPDATE walkthroughs SET revisit_of = NULL WHERE revisit_of IN ",
                in_guild!(),
                " AND guild_id IS NOT ?"
            ))
            .bind(guild)
            .bind(guild)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let answers = sqlx::query(concat!(
                "DELETE FROM answers WHERE walkthrough_id IN ",
                in_guild!()
            ))
            .bind(guild)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let notes = sqlx::query(concat!(
                "DELETE FROM notes WHERE walkthrough_id IN ",
                in_guild!()
            ))
            .bind(guild)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let decisions = sqlx::query(concat!(
                "DELETE FROM decisions WHERE walkthrough_id IN ",
                in_guild!()
            ))
            .bind(guild)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            // One statement: revisits inside the guild go with what they revisit, and SQLite
            // checks the foreign keys at the end of the statement.
            let walkthroughs = sqlx::query("DELETE FROM walkthroughs WHERE guild_id = ?")
                .bind(guild)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok(PurgeReport {
                walkthroughs,
                answers,
                notes,
                decisions,
                revisits_unlinked,
            })
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

/// Counts walkthroughs and decisions in a backup, opened read-only.
async fn count_copy(path: &Path) -> Result<(u64, u64), sqlx::Error> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let (walkthroughs,): (i64,) = sqlx::query_as("SELECT count(*) FROM walkthroughs")
        .fetch_one(&mut conn)
        .await?;
    let (decisions,): (i64,) = sqlx::query_as("SELECT count(*) FROM decisions")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    Ok((
        u64::try_from(walkthroughs).unwrap_or_default(),
        u64::try_from(decisions).unwrap_or_default(),
    ))
}

/// SQLite's own words for a failure, without sqlx's wrapping.
fn reason_of(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Database(db) => db.message().to_string(),
        other => other.to_string(),
    }
}
