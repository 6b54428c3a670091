//! The SQL both backends share, written once and compiled once per backend.
//!
//! `sqlite.rs` and `postgres.rs` each include this folder as their own module (`#[path]`), after
//! naming their sqlx database (`Db`, `DbRow`, `DbConnection`) and defining the few dialect macros
//! the queries splice in as literals (`begin_write!`, `for_update!`, `like_ignoring_case!`, ...).
//! So every query here is fixed text with numbered parameters (`$1`; sqlx's SQLite driver binds
//! `$N` by number too) that both SQLite and PostgreSQL accept, and each backend gets its own
//! [`Backend`] type with the same methods, which [`crate::store::Store`] dispatches to. SQL that
//! only one backend speaks (PRAGMAs, backups, schema checks) lives in that backend's file.

mod audit;
mod copy;
mod cost_estimates;
mod erasure;
mod export;
mod feedback;
mod guild_settings;
mod lookup;
mod outcomes;
mod reviews;
mod suggestions;
mod walkthroughs;

// What every file here works with: the store's types and helpers, the checklist, and this
// backend's sqlx types.
pub(super) use super::{Db, DbConnection, DbRow, with_secure_delete};
#[allow(unused_imports)]
use crate::checklist::{
    Answer, Answers, Gate, GateAnswer, Goal, GoalChoice, Step, VerdictKind, Walkthrough, model,
};
#[allow(unused_imports)]
use crate::store::*;
#[allow(unused_imports)]
use chrono::{DateTime, NaiveDate, Utc};
#[allow(unused_imports)]
use sqlx::{Connection, Executor, QueryBuilder, Row, Transaction};

use audit::FilterSql;

/// One backend's handle: its pool and, for SQLite, this process's writer queue.
#[derive(Debug, Clone)]
pub struct Backend {
    pub(crate) pool: sqlx::Pool<Db>,
    /// Serializes this process's write transactions on SQLite, which allows one writer at a
    /// time and makes the others sleep and retry (in steps up to 100 ms); queueing them here
    /// instead lets each start the moment the previous one commits. Other processes still meet
    /// SQLite's busy timeout. `None` on PostgreSQL, whose row locks let writers run side by
    /// side.
    pub(super) writer: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
}

impl Backend {
    /// Waits for this process's turn to write (see the `writer` field).
    pub(crate) async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        }
    }
}

impl Backend {
    /// Proves the database takes a write (for `/healthz`): rewrites one probe row.
    pub(crate) async fn probe_write(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO health_probe (id, checked_at) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
        )
        .bind(format_time(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
