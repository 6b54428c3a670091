//! SQLite through sqlx: the only place that writes SQL, and the source of truth for every
//! walkthrough.
//!
//! The database is opened in WAL mode with foreign keys on and a busy timeout. Whether opening
//! may create the file and run the embedded migrations of `migrations/` is the caller's choice
//! ([`OpenMode`]): the bot and `check` create and migrate, `db migrate` migrates an existing
//! file ([`Store::migrate`]), and every other command needs an existing file with this binary's
//! schema, so a mistyped path or an older database is reported instead of silently created or
//! upgraded. Every change that belongs together (an answer and the step it moves to, a verdict
//! and its decision row) happens in one transaction. Queries bind every value; no text is ever
//! spliced into SQL.

mod audit;
mod cost_estimates;
mod erasure;
mod error;
mod export;
mod feedback;
mod guild_settings;
mod lookup;
mod maintenance;
mod outcomes;
mod records;
mod reviews;
mod suggestions;
mod walkthroughs;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use audit::{ListFilter, MonthCounts, Stats};
pub use cost_estimates::{CostEstimateError, CostEstimateRecord};
pub use erasure::{
    GUILD_TABLES, IMPERSONAL_TEXT_COLUMNS, PERSONAL_TEXT_COLUMNS, PurgeReport, REDACTED_TEXT,
    RedactionReport, TABLES_WITHOUT_GUILD_DATA,
};
pub use error::StoreError;
pub use export::{ExportError, ExportFormat, PAGE_ROWS, defuse_formula};
pub use feedback::{ActionPrecision, DetectionOutcome, DetectionPrecision};
pub use guild_settings::{LogItem, LogPostState, SettingChangeRecord};
pub use maintenance::BackupReport;
pub use outcomes::{
    ASSUMED_SOLVED_SHARE, DueFollowUp, FollowUpClock, MAX_OUTCOME_NOTE_CHARS, NewOutcome,
    OutcomeError, OutcomeRecord, OutcomeRecorded, OutcomeStats,
};
pub use records::*;
pub use reviews::{MAX_REVIEW_NOTE_CHARS, ReviewError};
pub use suggestions::{NewSuggestion, SuggestionRecord, SuggestionState};
pub use walkthroughs::{AnswerWrite, Folded, Planned, Recorded};

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
    pub mode: OpenMode,
}

/// What opening the database may do to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file when it is missing and bring its schema up to date (the bot, `check`).
    CreateAndMigrate,
    /// The file must exist with exactly this binary's schema; nothing is created or migrated
    /// (the audit and maintenance commands).
    Existing,
    /// The file must exist with this binary's schema or an older one; nothing is created or
    /// migrated (`db check`, `db backup`: worth running before a migration).
    ExistingAnySchema,
}

impl StoreOptions {
    pub fn new(url: &str) -> StoreOptions {
        StoreOptions {
            url: url.to_string(),
            busy_timeout: Duration::from_secs(5),
            max_connections: 4,
            mode: OpenMode::CreateAndMigrate,
        }
    }

    /// The same options with another [`OpenMode`].
    pub fn with_mode(mut self, mode: OpenMode) -> StoreOptions {
        self.mode = mode;
        self
    }
}

/// How the schema of an opened database compares with the migrations of this binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaState {
    /// Every migration this binary knows has been applied, and no other.
    Current,
    /// Some migrations of this binary are still to run (`have` is the newest applied one, 0
    /// for none).
    Older { have: i64, want: i64 },
}

impl Store {
    /// Opens the database as `options.mode` allows (see [`OpenMode`]).
    pub async fn open(options: &StoreOptions) -> Result<Store, StoreError> {
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
        let store = Store {
            pool,
            writer: Default::default(),
        };
        match options.mode {
            OpenMode::CreateAndMigrate => store.migrate(url).await?,
            OpenMode::Existing => match store.schema_state(url).await? {
                SchemaState::Current => {}
                SchemaState::Older { have, want } => {
                    store.close().await;
                    return Err(StoreError::OlderSchema {
                        url: url.to_string(),
                        have,
                        want,
                    });
                }
            },
            OpenMode::ExistingAnySchema => {
                store.schema_state(url).await?;
            }
        }
        Ok(store)
    }

    /// Runs the migrations this binary carries that the database lacks; refuses a database
    /// from a newer tunegate without changing it.
    pub async fn migrate(&self, url: &str) -> Result<(), StoreError> {
        // sqlx refuses a newer schema too, but only after it has looked; checking first keeps
        // the refusal's wording in one place.
        self.schema_state(url).await?;
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::from_migrate(url, e))
    }

    /// Compares the applied migrations with this binary's; a newer schema is an error.
    pub async fn schema_state(&self, url: &str) -> Result<SchemaState, StoreError> {
        let (tracked,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| StoreError::from(e).with_url(url))?;
        let applied: Vec<(i64,)> = if tracked == 0 {
            Vec::new()
        } else {
            sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&self.pool)
                .await
                .map_err(|e| StoreError::from(e).with_url(url))?
        };
        let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
        let want = known.iter().copied().max().unwrap_or_default();
        let have = applied.iter().map(|(v,)| *v).max().unwrap_or_default();
        if let Some((unknown,)) = applied.iter().find(|(v,)| !known.contains(v)) {
            return Err(StoreError::NewerSchema {
                url: url.to_string(),
                version: *unknown,
                known: want,
            });
        }
        if known.iter().all(|v| applied.iter().any(|(a,)| a == v)) {
            Ok(SchemaState::Current)
        } else {
            Ok(SchemaState::Older { have, want })
        }
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

/// Whether a database URL names an in-memory database (which never "exists" beforehand).
fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
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
