//! SQLite, the default backend: one file, opened in WAL mode with foreign keys on and a busy
//! timeout; one writer at a time (`BEGIN IMMEDIATE`, queued in the process by the writer lock).
//!
//! The shared SQL of `sql/` is compiled here with SQLite's types and dialect macros; what only
//! SQLite speaks (PRAGMAs, `VACUUM INTO` backups, `secure_delete`, WAL checkpoints, the schema
//! table `sqlite_master`) is below.

use std::io::ErrorKind;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use super::{BackupReport, OpenMode, StoreError, StoreOptions};

pub(super) type Db = sqlx::Sqlite;
pub(super) type DbRow = sqlx::sqlite::SqliteRow;
pub(super) type DbConnection = sqlx::sqlite::SqliteConnection;

// The dialect: fixed SQL text spliced into the shared queries.

/// Starts a write transaction: IMMEDIATE takes the write lock up front, so a transaction that
/// read first cannot fail with SQLITE_BUSY_SNAPSHOT when another writer commits in between.
macro_rules! begin_write {
    () => {
        "BEGIN IMMEDIATE"
    };
}

/// Locks the rows a write transaction read; `BEGIN IMMEDIATE` already holds the whole file.
macro_rules! for_update {
    () => {
        ""
    };
}

/// SQLite's LIKE ignores the case of ASCII letters.
macro_rules! like_ignoring_case {
    () => {
        "LIKE"
    };
}

/// `w.requester_name` equal to the next bound value, ignoring case (the index
/// `walkthroughs_by_requester_name` is NOCASE), closed by [`name_equals_ignoring_case_end`].
macro_rules! name_equals_ignoring_case {
    () => {
        "w.requester_name = "
    };
}

macro_rules! name_equals_ignoring_case_end {
    () => {
        " COLLATE NOCASE)"
    };
}

/// Opens one page of the export: its last id, its size and its rows as one JSON array.
macro_rules! export_page_open {
    () => {
        "SELECT max(id), count(*), json_group_array(json(page_row)) FROM ("
    };
}

/// The export's rows as JSON arrays in `ExportRow`'s field order, over `walkthroughs w` and the
/// aliases `d`, `o`, `e` that `sql/export.rs` joins in; then come the filter's conditions and
/// `AND w.id > $n ORDER BY w.id LIMIT $m`.
macro_rules! export_page {
    () => {
        "SELECT w.id, json_array(w.id, w.created_at, w.source, w.status, \
         CAST(w.guild_id AS TEXT), CAST(w.channel_id AS TEXT), CAST(w.thread_id AS TEXT), \
         w.requester_id, w.requester_name, w.trigger_text, d.verdict, d.goal, d.goal_detail, \
         d.g1, d.g2, d.g3, d.g4, d.drivers, json(coalesce(d.reasons, '[]')), \
         json(coalesce(d.next_steps, '[]')), coalesce(d.checklist_version, w.checklist_version), \
         d.decided_at, o.result, o.created_at, o.note, e.generic_monthly, e.fine_tuned_monthly, \
         e.monthly_saving, e.break_even_months, e.net_12_months) AS page_row \
         FROM walkthroughs w"
    };
}

/// The join of the outcomes with their decisions. SQLite keeps the left table of a CROSS JOIN as the outer loop: the outcomes (few) drive
/// the join with the decisions.
macro_rules! outcomes_join {
    () => {
        "CROSS JOIN"
    };
}

// The same files are the PostgreSQL backend's shared SQL: compiled once per backend on purpose.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;

pub(super) use sql::Backend;

/// The SQLite migrations compiled into the binary (`migrations/sqlite/`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Opens (and, as `options.mode` allows, creates) the database file.
pub(super) async fn open(options: &StoreOptions) -> Result<Backend, StoreError> {
    let url = options.url.as_str();
    let connect = SqliteConnectOptions::from_str(url).map_err(|e| StoreError::CannotOpen {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    let creates = options.mode == OpenMode::CreateAndMigrate;
    if !creates && !is_in_memory(url) && !connect.get_filename().exists() {
        return Err(StoreError::NoDatabase {
            path: connect.get_filename().to_path_buf(),
        });
    }
    let connect = connect
        .create_if_missing(creates)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(options.busy_timeout);
    // No liveness ping on every acquire: a SQLite connection is a file handle in this process,
    // it cannot time out or be dropped by a server, and one left in a broken transaction is
    // closed by the store itself (`close_on_drop`). The ping is a round trip to the
    // connection's worker thread; dropping it cut a click's bot CPU by about 8% (profile in
    // the README's benchmarks).
    let pool = SqlitePoolOptions::new()
        .max_connections(options.max_connections.max(1))
        .acquire_timeout(options.busy_timeout + Duration::from_secs(5))
        .test_before_acquire(false)
        .connect_with(connect)
        .await
        .map_err(|e| super::open_error(url, e))?;
    Ok(Backend {
        pool,
        writer: Some(Default::default()),
    })
}

/// Whether a database URL names an in-memory database (which never "exists" beforehand).
fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

impl Backend {
    /// The versions of the migrations applied so far (none when the schema table is missing).
    pub(super) async fn applied_versions(&self) -> Result<Vec<i64>, sqlx::Error> {
        let (tracked,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await?;
        if tracked == 0 {
            return Ok(Vec::new());
        }
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(v,)| v).collect())
    }

    /// Runs the migrations the database lacks.
    pub(super) async fn run_migrations(&self) -> Result<(), sqlx::migrate::MigrateError> {
        MIGRATOR.run(&self.pool).await
    }

    /// Runs SQLite's integrity check: `["ok"]` when the file is sound.
    pub(super) async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(r,)| r).collect())
    }

    /// Rows that point at a missing row (`PRAGMA foreign_key_check`), described one per line;
    /// empty when every reference holds.
    pub(super) async fn foreign_key_problems(&self) -> Result<Vec<String>, StoreError> {
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

    /// Checkpoints the WAL and truncates it, so the page images that held removed text go.
    /// Best effort: while a reader holds an old snapshot the WAL stays until a later checkpoint,
    /// which SQLite runs on its own as writes go on; nothing is lost either way.
    pub(super) async fn clear_wal(&self) {
        let done = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await;
        if let Err(e) = done {
            tracing::warn!(error = %e, "could not checkpoint the WAL after removing text");
        }
    }

    /// Copies the database to a new file at `path` while others keep reading and writing.
    ///
    /// `VACUUM INTO` writes one read snapshot to a new, compact, self-contained file: in WAL
    /// mode writers carry on meanwhile. Refuses to overwrite anything, fails without touching
    /// the database when the folder is missing or not writable, removes its partial file on
    /// failure, and reads the copy back (read-only) to prove it is a sound database and count
    /// what it holds.
    pub(super) async fn backup_to(&self, path: &Path) -> Result<BackupReport, StoreError> {
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
        sqlx::query("VACUUM INTO $1")
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
}

impl Backend {
    /// Nothing to do after a copy: SQLite gives a new row the largest id plus one.
    pub(super) async fn after_copy(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// Runs `work` on `conn` with `PRAGMA secure_delete` on, then restores the connection's
/// setting: removed text is overwritten in the file instead of lying in free pages.
pub(super) async fn with_secure_delete<T>(
    conn: &mut DbConnection,
    work: impl AsyncFnOnce(&mut DbConnection) -> Result<T, sqlx::Error>,
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
