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
