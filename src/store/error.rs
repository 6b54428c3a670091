//! What can go wrong with the database, in words that tell the reader what to do.
//!
//! SQLite's result codes and PostgreSQL's SQLSTATEs are mapped to the few situations an
//! operator can act on: a read-only or full disk, a file that cannot be written, a lock held
//! too long, a damaged file, a schema from a newer tunegate.

use sqlx::migrate::MigrateError;

use super::{ReviewId, WalkthroughId};

/// SQLite primary result codes we explain (the low byte of an extended code).
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_READONLY: i64 = 8;
const SQLITE_IOERR: i64 = 10;
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_FULL: i64 = 13;
const SQLITE_CANTOPEN: i64 = 14;
const SQLITE_NOTADB: i64 = 26;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "could not open the database {url}: {reason}. Check that its folder exists and that \
         tunegate may write there, or set DATABASE_URL to another file"
    )]
    CannotOpen { url: String, reason: String },
    #[error(
        "could not connect to the PostgreSQL database {url}: {reason}. Check that the server \
         runs and accepts connections from here, that the database exists (`createdb`) and the \
         user name and password, or set DATABASE_URL to another database"
    )]
    CannotConnect { url: String, reason: String },
    #[error(
        "the database URL {url} names no database tunegate knows: use sqlite://FILE (one \
         process) or postgres://USER:PASSWORD@HOST/DATABASE (several processes)"
    )]
    UnknownScheme { url: String },
    #[error(
        "the database {url} is damaged or is not a tunegate database: move it away or restore \
         it from a backup"
    )]
    Corrupt { url: String },
    #[error(
        "no database at {} (set DATABASE_URL or run from the folder that holds it)",
        .path.display()
    )]
    NoDatabase { path: std::path::PathBuf },
    #[error(
        "the database {url} was written by a newer version of tunegate (it has schema \
         migration {version}, which this binary does not know; this binary knows up to \
         {known}); upgrade tunegate, or point DATABASE_URL at another file. Nothing was changed"
    )]
    NewerSchema {
        url: String,
        version: i64,
        known: i64,
    },
    #[error(
        "the database {url} has an older schema (migration {have}; this tunegate needs \
         {want}): back it up with `tunegate db backup FILE`, then run `tunegate db migrate`. \
         Nothing was changed"
    )]
    OlderSchema { url: String, have: i64, want: i64 },
    #[error("could not update the database schema of {url}: {reason}")]
    Migration { url: String, reason: String },
    #[error(
        "the database is read-only, so nothing could be recorded; fix its file permissions and try again"
    )]
    ReadOnly,
    #[error(
        "the disk holding the database is full, so nothing could be recorded; free some space and try again"
    )]
    DiskFull,
    #[error(
        "the database file could not be written (a disk error, or its file system turned \
         read-only), so nothing could be recorded; check the disk and try again"
    )]
    WriteFailed,
    #[error(
        "the database is busy (another process holds a lock); nothing was recorded, try again in a moment"
    )]
    Busy,
    #[error(
        "{} already exists, and a backup never overwrites a file: choose a new file name or \
         move the old file away",
        .path.display()
    )]
    BackupExists { path: std::path::PathBuf },
    #[error(
        "could not write the backup {}: {reason}. Check that its folder exists and that \
         tunegate may write there; the database itself was not changed",
        .path.display()
    )]
    BackupFailed {
        path: std::path::PathBuf,
        reason: String,
    },
    #[error(
        "the target database {url} is not empty ({table} holds {rows} rows); a copy only goes \
         into an empty database: create a new one (SQLite: a new file name; PostgreSQL: \
         `createdb`) and try again. Nothing was copied"
    )]
    CopyTargetNotEmpty {
        url: String,
        table: String,
        rows: u64,
    },
    #[error(
        "the copy does not match: {table} has {in_source} rows in the source and {in_target} in the \
         target (was a bot still writing to the source?); drop the target, stop the bots and \
         copy again"
    )]
    CopyMismatch {
        table: String,
        in_source: u64,
        in_target: u64,
    },
    #[error("walkthrough #{0} does not exist")]
    NotFound(WalkthroughId),
    #[error("review #{0} does not exist")]
    ReviewNotFound(ReviewId),
    #[error("the database returned a value tunegate cannot read ({0}); was it edited by hand?")]
    BadData(String),
    #[error("database error: {0}")]
    Other(String),
}

impl StoreError {
    /// Whether the same operation may succeed if tried again later (locks, full disk).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            StoreError::Busy
                | StoreError::DiskFull
                | StoreError::ReadOnly
                | StoreError::WriteFailed
        )
    }

    pub(crate) fn from_migrate(
        url: &str,
        migrator: &sqlx::migrate::Migrator,
        error: MigrateError,
    ) -> StoreError {
        match error {
            MigrateError::VersionMissing(version) => StoreError::NewerSchema {
                url: url.to_string(),
                version,
                known: migrator.iter().map(|m| m.version).max().unwrap_or_default(),
            },
            MigrateError::Execute(e) => match StoreError::from(e) {
                StoreError::Other(reason) => StoreError::Migration {
                    url: url.to_string(),
                    reason,
                },
                StoreError::Corrupt { .. } => StoreError::Corrupt {
                    url: url.to_string(),
                },
                other => other,
            },
            other => StoreError::Migration {
                url: url.to_string(),
                reason: other.to_string(),
            },
        }
    }

    /// Gives a `Corrupt` error the database's URL.
    pub(crate) fn with_url(self, url: &str) -> StoreError {
        match self {
            StoreError::Corrupt { .. } => StoreError::Corrupt {
                url: url.to_string(),
            },
            other => other,
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
        {
            return from_sqlstate(pg.code(), pg.message());
        }
        if let sqlx::Error::Database(db) = &error {
            let code = db
                .code()
                .and_then(|c| c.parse::<i64>().ok())
                .unwrap_or_default();
            return match code & 0xff {
                SQLITE_BUSY | SQLITE_LOCKED => StoreError::Busy,
                SQLITE_READONLY => StoreError::ReadOnly,
                SQLITE_FULL => StoreError::DiskFull,
                SQLITE_CORRUPT | SQLITE_NOTADB => StoreError::Corrupt { url: String::new() },
                SQLITE_CANTOPEN => StoreError::CannotOpen {
                    url: String::new(),
                    reason: db.message().to_string(),
                },
                // "disk I/O error" is SQLite's text for every I/O error (EIO, EROFS, EPERM on
                // an immutable file); a full disk is SQLITE_FULL.
                SQLITE_IOERR => StoreError::WriteFailed,
                _ => StoreError::Other(db.message().to_string()),
            };
        }
        match error {
            sqlx::Error::PoolTimedOut => StoreError::Busy,
            sqlx::Error::ColumnDecode { index, source } => {
                StoreError::BadData(format!("column {index}: {source}"))
            }
            other => StoreError::Other(other.to_string()),
        }
    }
}

/// PostgreSQL's SQLSTATE codes we explain (see the appendix "PostgreSQL Error Codes").
fn from_sqlstate(code: &str, message: &str) -> StoreError {
    match code {
        // serialization_failure, deadlock_detected, lock_not_available, too_many_connections,
        // cannot_connect_now, admin_shutdown: passing; the same write may succeed later.
        "40001" | "40P01" | "55P03" | "53300" | "57P03" | "57P01" => StoreError::Busy,
        // read_only_sql_transaction (a standby, or default_transaction_read_only).
        "25006" => StoreError::ReadOnly,
        "53100" => StoreError::DiskFull,
        // io_error and data_corrupted / index_corrupted.
        "58030" => StoreError::WriteFailed,
        "XX001" | "XX002" => StoreError::Corrupt { url: String::new() },
        _ => StoreError::Other(message.to_string()),
    }
}
