//! SQLite through sqlx: the only place that writes SQL, and the source of truth for every
//! walkthrough.
//!
//! The database is opened in WAL mode with foreign keys on and a busy timeout, and the embedded
//! migrations in `migrations/` run at start-up. Every change that belongs together (an answer
//! and the step it moves to, a verdict and its decision row) happens in one transaction.
//! Queries bind every value; no text is ever spliced into SQL.

mod audit;
mod error;
mod export;
mod feedback;
mod lookup;
mod maintenance;
mod records;
mod reviews;
mod walkthroughs;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use audit::{ListFilter, MonthCounts, Stats};
pub use error::StoreError;
pub use export::{ExportError, ExportFormat, PAGE_ROWS, defuse_formula};
pub use feedback::DetectionOutcome;
pub use maintenance::{BackupReport, PurgeReport, REDACTED_TEXT, RedactionReport};
pub use records::*;
pub use reviews::{MAX_REVIEW_NOTE_CHARS, ReviewError};
pub use walkthroughs::{AnswerWrite, Recorded};

/// The migrations compiled into the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A handle to the database. Cheap to clone; all clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    /// Serializes this process's write transactions. SQLite allows one writer at a time and
    /// makes the others sleep and retry (in steps up to 100 ms); queueing them here instead
    /// lets each start the moment the previous one commits. Other processes still meet
    /// SQLite's busy timeout.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// How to open the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub url: String,
    pub busy_timeout: Duration,
    pub max_connections: u32,
}

impl StoreOptions {
    pub fn new(url: &str) -> StoreOptions {
        StoreOptions {
            url: url.to_string(),
            busy_timeout: Duration::from_secs(5),
            max_connections: 4,
        }
    }
}

impl Store {
    /// Opens (creating if missing) and migrates the database.
    pub async fn open(options: &StoreOptions) -> Result<Store, StoreError> {
        let url = options.url.as_str();
        let connect = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::CannotOpen {
                url: url.to_string(),
                reason: e.to_string(),
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(options.busy_timeout);
        let pool = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.busy_timeout + Duration::from_secs(5))
            .connect_with(connect)
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::CannotOpen { reason, .. } | StoreError::Other(reason) => {
                    StoreError::CannotOpen {
                        url: url.to_string(),
                        reason,
                    }
                }
                other => other.with_url(url),
            })?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::from_migrate(url, e))?;
        Ok(Store {
            pool,
            writer: Default::default(),
        })
    }

    /// Opens a database for tests and benchmarks with default options.
    pub async fn open_url(url: &str) -> Result<Store, StoreError> {
        Store::open(&StoreOptions::new(url)).await
    }

    /// Waits for this process's turn to write (see the `writer` field).
    pub(crate) async fn write_turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.writer.lock().await
    }

    /// The underlying pool, for health checks and maintenance commands.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(r,)| r).collect())
    }

    /// Proves the database takes a write (for `/healthz`): rewrites one probe row.
    pub async fn probe_write(&self) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO health_probe (id, checked_at) VALUES (1, ?) \
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
        )
        .bind(format_time(chrono::Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Closes every connection, waiting for running queries.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Formats a time the one way the database stores it: `2026-11-29T14:30:00.123Z`.
pub fn format_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a stored time.
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::BadData(format!("time {text:?}: {e}")))
}

/// Discord ids are u64 but SQLite integers are i64; snowflakes stay below 2^63 until 2084.
pub(crate) fn id_to_db(id: Option<u64>) -> Result<Option<i64>, StoreError> {
    id.map(|v| i64::try_from(v).map_err(|_| StoreError::BadData(format!("id {v} is too large"))))
        .transpose()
}

pub(crate) fn id_from_db(id: Option<i64>) -> Option<u64> {
    id.and_then(|v| u64::try_from(v).ok())
}
