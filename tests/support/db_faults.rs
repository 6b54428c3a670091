//! Faults of the database under a running bot, real where this machine allows it and emulated
//! inside SQLite where it does not.
//!
//! - Read-only: `chattr +i` on the database and its WAL (root, on ext4/xfs/btrfs): writes
//!   through the bot's open file handles fail with EPERM, as after an emergency read-only
//!   remount. (`mount -o remount,ro` itself is refused while the bot has files open for
//!   writing, so it cannot be used on a running bot.)
//! - Disk full: the database on a small tmpfs (`mount -t tmpfs -o size=...`, root), filled to
//!   the last byte by a filler file; freeing it clears the fault.
//! - Emulated busy: another connection holds an EXCLUSIVE transaction (what a backup tool or a
//!   long `sqlite3` session does); the bot's writes time out with SQLITE_BUSY.
//! - Emulated full: the database is packed (VACUUM) and every connection of the bot's pool
//!   gets `PRAGMA max_page_count` = its current size, so any write that needs a new page fails
//!   with SQLITE_FULL.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use sqlx::{Connection, SqliteConnection, SqlitePool};

/// Runs a command; `Err` with what it said when it fails or cannot run.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Files made immutable (`chattr +i`) until cleared or dropped.
pub struct Immutable {
    files: Vec<PathBuf>,
}

impl Immutable {
    /// Checks in `dir` that an immutable file refuses writes through an already open handle.
    pub fn supported_in(dir: &Path) -> Result<(), String> {
        let probe = dir.join("chattr-probe");
        let mut file = std::fs::File::create(&probe).map_err(|e| e.to_string())?;
        run("chattr", &["+i", &probe.to_string_lossy()])?;
        let refused = file.write_all(b"x").and_then(|()| file.sync_all()).is_err();
        run("chattr", &["-i", &probe.to_string_lossy()])?;
        let _ = std::fs::remove_file(&probe);
        if refused {
            Ok(())
        } else {
            Err("an immutable file still took a write through an open handle".into())
        }
    }

    /// Makes `files` immutable.
    pub fn set(files: &[PathBuf]) -> Result<Immutable, String> {
        let mut set = Immutable { files: Vec::new() };
        for file in files {
            run("chattr", &["+i", &file.to_string_lossy()])?;
            set.files.push(file.clone());
        }
        Ok(set)
    }

    pub fn clear(mut self) {
        self.release();
    }

    fn release(&mut self) {
        for file in self.files.drain(..) {
            let _ = run("chattr", &["-i", &file.to_string_lossy()]);
        }
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        self.release();
    }
}

/// A small tmpfs mounted on a temporary folder, unmounted when dropped.
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. "4m"); `Err` says why it could not.
    pub fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().to_string_lossy().into_owned();
        run(
            "mount",
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", &path],
        )?;
        Ok(Tmpfs { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system to the last byte with a filler file, and returns its path.
    pub fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).expect("create the filler");
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        // Top up the last partial block, byte by byte.
        while file.write_all(&[0]).is_ok() {}
        let _ = file.sync_all();
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = run("umount", &["-l", &self.dir.path().to_string_lossy()]);
    }
}

/// Another connection holding an EXCLUSIVE transaction on the database.
pub struct ExclusiveLock {
    connection: SqliteConnection,
}

impl ExclusiveLock {
    pub async fn take(db_url: &str) -> ExclusiveLock {
        let mut connection = SqliteConnection::connect(db_url)
            .await
            .expect("a second connection");
        sqlx::query("BEGIN EXCLUSIVE")
            .execute(&mut connection)
            .await
            .expect("take the exclusive lock");
        ExclusiveLock { connection }
    }

    pub async fn release(mut self) {
        sqlx::query("ROLLBACK")
            .execute(&mut self.connection)
            .await
            .expect("release the lock");
        let _ = self.connection.close().await;
    }
}

/// Packs the database and caps every connection of `bot_pool` (which has `connections`
/// connections at most) at its current size; `lift_page_limit` undoes it.
pub async fn cap_pages(test_pool: &SqlitePool, bot_pool: &SqlitePool, connections: u32) {
    sqlx::query("VACUUM")
        .execute(test_pool)
        .await
        .expect("pack the database");
    let (pages,): (i64,) = sqlx::query_as("PRAGMA page_count")
        .fetch_one(test_pool)
        .await
        .expect("page count");
    set_page_limit(bot_pool, connections, pages).await;
}

/// Gives every connection of `bot_pool` SQLite's default page limit again.
pub async fn lift_page_limit(bot_pool: &SqlitePool, connections: u32) {
    set_page_limit(bot_pool, connections, 0xffff_fffe).await;
}

async fn set_page_limit(pool: &SqlitePool, connections: u32, pages: i64) {
    // Hold every connection at once, so that each one of the pool gets the pragma.
    let mut held = Vec::new();
    for _ in 0..connections {
        held.push(pool.acquire().await.expect("a pool connection"));
    }
    for connection in &mut held {
        // PRAGMA takes no bound parameters; `pages` is a number we computed.
        let pragma = format!("PRAGMA max_page_count = {pages}");
        sqlx::query(sqlx::AssertSqlSafe(pragma))
            .execute(&mut **connection)
            .await
            .expect("set max_page_count");
    }
}
