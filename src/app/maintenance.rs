//! Looking after the database: its schema version and migration, a consistent backup, the
//! integrity check, the retention period on demand, and removing one guild's data.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::{App, AppError, BackupReport, PurgeReport, RedactionReport, SchemaState, ServerId};
use crate::store::{CopyReport, OpenMode, Store, StoreOptions};

/// Copies every table of the database at `from` (with this binary's schema) into the empty
/// database at `to` (created and migrated when needed), ids kept, and verifies the row counts.
/// Either side may be SQLite or PostgreSQL.
pub async fn copy_database(from: &str, to: &str) -> Result<CopyReport, AppError> {
    let source = Store::open(&StoreOptions::new(from).with_mode(OpenMode::Existing)).await?;
    let target = match Store::open(&StoreOptions::new(to)).await {
        Ok(target) => target,
        Err(e) => {
            source.close().await;
            return Err(e.into());
        }
    };
    let copied = source.copy_to(&target).await;
    source.close().await;
    target.close().await;
    Ok(copied?)
}

impl App {
    /// How the database's schema compares with this binary's (`url` names it in errors).
    pub async fn schema_state(&self, url: &str) -> Result<SchemaState, AppError> {
        Ok(self.store.schema_state(url).await?)
    }

    /// Runs the migrations the database lacks; refuses a newer one without changing it.
    pub async fn migrate(&self, url: &str) -> Result<(), AppError> {
        Ok(self.store.migrate(url).await?)
    }

    /// A consistent copy of the database at `path` (never overwriting a file).
    pub async fn backup_to(&self, path: &Path) -> Result<BackupReport, AppError> {
        Ok(self.store.backup_to(path).await?)
    }

    /// Every problem the integrity and foreign-key checks find; empty when the file is sound.
    pub async fn problems(&self) -> Result<Vec<String>, AppError> {
        let mut problems: Vec<String> = self
            .store
            .integrity_check()
            .await?
            .into_iter()
            .filter(|row| row != "ok")
            .collect();
        problems.extend(self.store.foreign_key_problems().await?);
        Ok(problems)
    }

    /// Redacts the texts of walkthroughs started before `cutoff`.
    pub async fn redact_older_than(
        &self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<RedactionReport, AppError> {
        Ok(self.store.redact_older_than(cutoff, now).await?)
    }

    /// What a purge of `guild` would delete.
    pub async fn guild_rows(&self, guild: ServerId) -> Result<PurgeReport, AppError> {
        Ok(self.store.guild_rows(guild).await?)
    }

    /// Deletes everything of `guild`, in one transaction.
    pub async fn purge_guild(&self, guild: ServerId) -> Result<PurgeReport, AppError> {
        Ok(self.store.purge_guild(guild).await?)
    }
}
