//! A fresh SQLite file per test and the app over it, plus the people the store-level tests
//! act as. Included with `#[path = "support/db.rs"] mod db;` by tests that don't need the
//! fake Discord.
#![allow(dead_code)]

use std::path::PathBuf;

use tunegate::app::{App, Person};
use tunegate::checklist::ChecklistContent;
use tunegate::store::Store;

/// A temporary database file; removed with its folder when dropped.
pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub url: String,
    pub path: PathBuf,
}

/// A new, not yet created, database file in its own temporary folder.
pub fn temp_db() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tunegate.db");
    TestDb {
        url: format!("sqlite://{}", path.display()),
        path,
        dir,
    }
}

/// The app over the database at `url` (created and migrated), with the built-in checklist.
pub async fn app_on(url: &str) -> App {
    App::new(
        Store::open_url(url).await.expect("open the database"),
        ChecklistContent::built_in(),
    )
}

/// The requester most tests use.
pub fn alice() -> Person {
    Person::new("111", "alice")
}

#[path = "postgres.rs"]
pub mod postgres;

impl TestDb {
    /// A new, empty database on this process's PostgreSQL test server (see `postgres.rs`);
    /// `None`, after saying SKIPPED, when PostgreSQL is not available and not required.
    pub async fn postgres(test: &str) -> Option<TestDb> {
        let url = postgres::fresh_database(test).await?;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("unused");
        Some(TestDb { dir, url, path })
    }
}

/// Runs one statement (with `$1` bound to `value` when given) under the store, on whichever
/// backend it has: for tests that prove what the schema itself refuses.
pub async fn execute_raw(
    store: &Store,
    sql: &'static str,
    value: Option<i64>,
) -> Result<u64, String> {
    let query = sqlx::query(sql);
    if let Some(pool) = store.sqlite_pool() {
        let query = match value {
            Some(v) => query.bind(v),
            None => query,
        };
        return query
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
            .map_err(|e| e.to_string());
    }
    let pool = store.postgres_pool().expect("a PostgreSQL store");
    let query = sqlx::query(sql);
    let query = match value {
        Some(v) => query.bind(v),
        None => query,
    };
    query
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        .map_err(|e| e.to_string())
}

/// A store test run on both backends: `async fn NAME(db) { ... }` (with its `#[tokio::test]`
/// attribute) becomes the tests `NAME::sqlite` (a fresh file) and `NAME::postgres` (a fresh
/// database on the test server; SKIPPED without PostgreSQL, see `postgres.rs`).
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($(#[$attr:meta])* async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($db: crate::db::TestDb) $body

            $(#[$attr])*
            async fn sqlite() {
                run(crate::db::temp_db()).await
            }

            $(#[$attr])*
            async fn postgres() {
                if let Some(db) = crate::db::TestDb::postgres(stringify!($name)).await {
                    run(db).await
                }
            }
        }
    };
}
