//! The `tunegate` binary as a test runs it: in its own empty folder, with its own database and
//! none of the caller's settings. Included by the CLI tests with
//! `#[path = "support/cli.rs"] mod cli_support;` (without the fake Discord). Each test file
//! uses part of it.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// A command running in its own empty folder with its own database and no stray settings.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The sandbox's folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database every command of this sandbox uses.
    pub fn db_url(&self) -> String {
        format!("sqlite://{}", self.dir.path().join("t.db").display())
    }

    /// `tunegate` with this sandbox's folder and database, and no token, config or log levels
    /// from the environment the tests run in.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("tunegate").expect("the tunegate binary");
        cmd.current_dir(self.dir.path())
            .env_remove("DISCORD_TOKEN")
            .env_remove("TUNEGATE_CONFIG")
            .env_remove("TUNEGATE_RETENTION__REDACT_AFTER_DAYS")
            .env_remove("RUST_LOG")
            // English output whatever the machine's language (`--lang` tests set their own).
            .env("LANG", "C.UTF-8")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("DATABASE_URL", self.db_url());
        cmd
    }
}
