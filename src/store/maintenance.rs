//! What a backup reports. The backups themselves are each backend's own: SQLite's `VACUUM INTO`
//! (`sqlite.rs`), PostgreSQL's `pg_dump` (`postgres.rs`). Retention and purging live in
//! `erasure.rs`.

use std::path::PathBuf;

use serde::Serialize;

/// A finished backup, as read back from the copy itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    /// The copy, as an absolute path.
    pub path: PathBuf,
    pub bytes: u64,
    pub walkthroughs: u64,
    pub decisions: u64,
}
