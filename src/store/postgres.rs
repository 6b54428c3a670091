//! PostgreSQL, for several bot processes sharing one database (`postgres://` URLs).
//!
//! The shared SQL of `sql/` is compiled here with PostgreSQL's types and dialect macros. The
//! guarantees SQLite gets from its single writer come from row locks and constraints here:
//! a write transaction locks the row it decides on (`SELECT ... FOR UPDATE`) before reading
//! the rest, compare-and-set updates re-check their condition on the row's newest version, and
//! unique constraints make replays and double deliveries record nothing. Timed jobs are
//! claimed by `UPDATE ... RETURNING` with a lease, never by session advisory locks (which
//! break behind a transaction-pooling PgBouncer).
//!
//! Migrating: sqlx's PostgreSQL migrator holds a session advisory lock (`pg_advisory_lock`,
//! keyed by the database name) on its one connection while it applies migrations, so
//! processes that start together migrate one after another and the later ones find nothing
//! to do. That lock needs a direct connection: behind a transaction-pooling proxy, run
//! `tunegate db migrate` against the server itself before starting the bots.
//!
//! The database itself must exist (`createdb tunegate`); tunegate creates its tables, not
//! databases. Times are stored as the same fixed-format UTC text as in SQLite, so both
//! backends sort and compare them identically and `db copy` moves them unchanged.

use std::io::ErrorKind;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use super::{BackupReport, StoreError, StoreOptions};

pub(super) type Db = sqlx::Postgres;
pub(super) type DbRow = sqlx::postgres::PgRow;
pub(super) type DbConnection = sqlx::postgres::PgConnection;

// The dialect: fixed SQL text spliced into the shared queries.

/// Starts a write transaction (READ COMMITTED; the rows it decides on are locked with
/// [`for_update`]).
macro_rules! begin_write {
    () => {
        "BEGIN"
    };
}

/// Locks the selected rows until the transaction ends: of two writers, the second waits and
/// then reads what the first committed.
macro_rules! for_update {
    () => {
        " FOR UPDATE"
    };
}

/// LIKE that ignores case, as SQLite's LIKE does.
macro_rules! like_ignoring_case {
    () => {
        "ILIKE"
    };
}

/// `w.requester_name` equal to the next bound value ignoring case (an index on
/// `lower(requester_name)` covers it), closed by [`name_equals_ignoring_case_end`].
macro_rules! name_equals_ignoring_case {
    () => {
        "lower(w.requester_name) = lower("
    };
}

macro_rules! name_equals_ignoring_case_end {
    () => {
        "))"
    };
}

/// Opens one page of the export: its last id, its size and its rows as one JSON array.
macro_rules! export_page_open {
    () => {
        "SELECT max(id), count(*), CAST(json_agg(page_row ORDER BY id) AS TEXT) FROM ("
    };
}

/// The export's rows as JSON arrays in `ExportRow`'s field order, over `walkthroughs w` and the
/// aliases `d`, `o`, `e` that `sql/export.rs` joins in; then come the filter's conditions and
/// `AND w.id > $n ORDER BY w.id LIMIT $m`.
macro_rules! export_page {
    () => {
        "SELECT w.id, json_build_array(w.id, w.created_at, w.source, w.status, \
         CAST(w.guild_id AS TEXT), CAST(w.channel_id AS TEXT), CAST(w.thread_id AS TEXT), \
         w.requester_id, w.requester_name, w.trigger_text, d.verdict, d.goal, d.goal_detail, \
         d.g1, d.g2, d.g3, d.g4, d.drivers, CAST(coalesce(d.reasons, '[]') AS JSON), \
         CAST(coalesce(d.next_steps, '[]') AS JSON), \
         coalesce(d.checklist_version, w.checklist_version), \
         d.decided_at, o.result, o.created_at, o.note, e.generic_monthly, e.fine_tuned_monthly, \
         e.monthly_saving, e.break_even_months, e.net_12_months) AS page_row \
         FROM walkthroughs w"
    };
}

/// The join of the outcomes with their decisions. PostgreSQL plans the join order itself (and takes no ON after CROSS JOIN).
macro_rules! outcomes_join {
    () => {
        "JOIN"
    };
}

// The same files are the SQLite backend's shared SQL: compiled once per backend on purpose.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;

pub(super) use sql::Backend;

/// The PostgreSQL migrations compiled into the binary (`migrations/postgres/`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Connects to the database (which must exist).
pub(super) async fn open(options: &StoreOptions) -> Result<Backend, StoreError> {
    let url = options.url.as_str();
    let connect = PgConnectOptions::from_str(url).map_err(|e| StoreError::CannotOpen {
        url: super::redact_url(url),
        reason: e.to_string(),
    })?;
    let pool = PgPoolOptions::new()
        .max_connections(options.max_connections.max(1))
        .acquire_timeout(options.busy_timeout + Duration::from_secs(5))
        .connect_with(connect)
        .await
        .map_err(|e| super::open_error(url, e))?;
    Ok(Backend { pool, writer: None })
}

impl Backend {
    /// The versions of the migrations applied so far (none when the schema table is missing).
    pub(super) async fn applied_versions(&self) -> Result<Vec<i64>, sqlx::Error> {
        let (tracked,): (bool,) =
            sqlx::query_as("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                .fetch_one(&self.pool)
                .await?;
        if !tracked {
            return Ok(Vec::new());
        }
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(v,)| v).collect())
    }

    /// Runs the migrations the database lacks (see the module's note on the lock).
    pub(super) async fn run_migrations(&self) -> Result<(), sqlx::migrate::MigrateError> {
        MIGRATOR.run(&self.pool).await
    }

    /// PostgreSQL checks its pages itself; this proves the server answers and that every
    /// table of the schema can be read: `["ok"]`, or one line per unreadable table.
    pub(super) async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let tables: Vec<(String,)> = sqlx::query_as(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() \
             ORDER BY tablename",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut problems = Vec::new();
        for (table,) in tables {
            let read: Result<(i64,), sqlx::Error> = sqlx::query_as(
                "SELECT count(*) FROM pg_stat_user_tables \
                 WHERE relname = $1 AND has_table_privilege(relid, 'SELECT')",
            )
            .bind(&table)
            .fetch_one(&self.pool)
            .await;
            match read {
                Ok((1,)) => {}
                Ok(_) => problems.push(format!("table {table} cannot be read by this user")),
                Err(e) => problems.push(format!("table {table}: {e}")),
            }
        }
        if problems.is_empty() {
            problems.push("ok".to_string());
        }
        Ok(problems)
    }

    /// PostgreSQL enforces foreign keys on every write; a constraint can only be broken if
    /// someone added it `NOT VALID` or disabled its triggers. Lists such constraints.
    pub(super) async fn foreign_key_problems(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT conrelid::regclass::text, conname::text FROM pg_constraint \
             WHERE contype = 'f' AND NOT convalidated ORDER BY 1, 2",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(table, name)| {
                format!("{table}: foreign key {name} is not validated for existing rows")
            })
            .collect())
    }

    /// Nothing to do: PostgreSQL's own VACUUM reclaims the removed rows' space.
    pub(super) async fn clear_wal(&self) {}

    /// Runs `pg_dump --format=custom` into a new file when `pg_dump` is installed; otherwise
    /// explains how to back up a PostgreSQL database. Never overwrites a file.
    pub(super) async fn backup_to(
        &self,
        path: &Path,
        url: &str,
    ) -> Result<BackupReport, StoreError> {
        let failed = |reason: String| StoreError::BackupFailed {
            path: path.to_path_buf(),
            reason,
        };
        let target = std::path::absolute(path).map_err(|e| failed(e.to_string()))?;
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
        let dumped = tokio::process::Command::new("pg_dump")
            .arg("--format=custom")
            .arg("--no-owner")
            .arg("--file")
            .arg(&target)
            .arg("--dbname")
            .arg(url)
            .kill_on_drop(true)
            .output()
            .await;
        let reason = match dumped {
            Ok(out) if out.status.success() => None,
            Ok(out) => Some(format!(
                "pg_dump failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
            Err(e) if e.kind() == ErrorKind::NotFound => Some(
                "a PostgreSQL database is backed up with PostgreSQL's own tool, and pg_dump is \
                 not installed here. Install the PostgreSQL client (Debian: `apt-get install \
                 postgresql-client`) and run this again, or run `pg_dump --format=custom \
                 --file FILE \"$DATABASE_URL\"` where it is installed; restore with pg_restore"
                    .to_string(),
            ),
            Err(e) => Some(format!("could not run pg_dump: {e}")),
        };
        if let Some(reason) = reason {
            // The file is ours (created above); a partial copy must not pass for a backup.
            let _ = tokio::fs::remove_file(&target).await;
            return Err(failed(reason));
        }
        let bytes = tokio::fs::metadata(&target)
            .await
            .map_err(|e| failed(e.to_string()))?
            .len();
        let (walkthroughs, decisions): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM walkthroughs), (SELECT count(*) FROM decisions)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(BackupReport {
            path: target,
            bytes,
            walkthroughs: u64::try_from(walkthroughs).unwrap_or_default(),
            decisions: u64::try_from(decisions).unwrap_or_default(),
        })
    }
}

impl Backend {
    /// Moves every id sequence past the largest id in its table, after rows were written
    /// with their ids (`tunegate db copy`), so new rows get new ids.
    pub(super) async fn after_copy(&self) -> Result<(), StoreError> {
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('walkthroughs', 'id'), \
             coalesce((SELECT max(id) FROM walkthroughs), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('answers', 'id'), \
             coalesce((SELECT max(id) FROM answers), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('notes', 'id'), \
             coalesce((SELECT max(id) FROM notes), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('reviews', 'id'), \
             coalesce((SELECT max(id) FROM reviews), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('outcomes', 'id'), \
             coalesce((SELECT max(id) FROM outcomes), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('cost_estimates', 'id'), \
             coalesce((SELECT max(id) FROM cost_estimates), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('suggestions', 'id'), \
             coalesce((SELECT max(id) FROM suggestions), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('guild_setting_changes', 'id'), \
             coalesce((SELECT max(id) FROM guild_setting_changes), 0) + 1, false)",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

/// Runs `work` on `conn`. PostgreSQL has no `secure_delete`: removed rows stay in their pages
/// until VACUUM reuses the space (and in the write-ahead log and backups until they cycle).
pub(super) async fn with_secure_delete<T>(
    conn: &mut DbConnection,
    work: impl AsyncFnOnce(&mut DbConnection) -> Result<T, sqlx::Error>,
) -> Result<T, StoreError> {
    Ok(work(conn).await?)
}
