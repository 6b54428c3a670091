//! Keeping the database fit for production: consistent backups while the bot runs and a
//! foreign-key check. Retention and purging live in `erasure.rs`.
//!
//! Backups use `VACUUM INTO`, which writes one read snapshot to a new, compact, self-contained
//! file: in WAL mode writers carry on meanwhile.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::{Store, StoreError};

/// A finished backup, as read back from the copy itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    /// The copy, as an absolute path.
    pub path: PathBuf,
    pub bytes: u64,
    pub walkthroughs: u64,
    pub decisions: u64,
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
