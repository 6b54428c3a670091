//! A throwaway PostgreSQL server for the tests, from Debian's `postgresql` package: `initdb`
//! into a temporary folder, `pg_ctl start` on a free port of 127.0.0.1 with fsync off, one
//! fresh database per test, and the server stopped and its folder removed when the test
//! process ends (a watchdog process waits for it). The store benchmark asks for a durable
//! server instead ([`Settings::Durable`]: fsync and synchronous commits on), since a
//! throughput figure without them would measure memory, not PostgreSQL.
//!
//! `initdb` refuses to run as root: as root, the server runs as `nobody` (through `setpriv`).
//! Without PostgreSQL installed the tests that need it print SKIPPED loudly and pass, unless
//! `TUNEGATE_TEST_POSTGRES=required` (CI sets it), which makes them fail instead.
//! `TUNEGATE_TEST_POSTGRES=off` skips them on purpose.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

/// How the server trades durability for speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settings {
    /// For tests: nothing is flushed to disk (fsync, synchronous_commit and full_page_writes
    /// off), so a crash of the machine may lose the cluster; the tests throw it away anyway.
    Fast,
    /// For benchmarks: PostgreSQL's defaults for durability (fsync, synchronous_commit and
    /// full_page_writes on), so every commit waits for its write-ahead log to reach the disk.
    Durable,
}

impl Settings {
    /// The server options (`postgres -c ...`) beyond port and address.
    pub fn options(self) -> &'static str {
        match self {
            Settings::Fast => {
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off \
                 -c max_connections=200"
            }
            Settings::Durable => {
                "-c fsync=on -c synchronous_commit=on -c full_page_writes=on \
                 -c max_connections=200"
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            Settings::Fast => "fast",
            Settings::Durable => "durable",
        }
    }
}

/// The server of this test process.
struct Server {
    port: u16,
}

/// This process's servers: one per [`Settings`], started when first asked for.
static FAST_SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
static DURABLE_SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// Whether PostgreSQL tests must run (CI), may be skipped, or are off.
fn mode() -> String {
    std::env::var("TUNEGATE_TEST_POSTGRES").unwrap_or_else(|_| "auto".to_string())
}

/// The URL of a new, empty database on this process's server; `None` (after saying SKIPPED)
/// when PostgreSQL is not available and not required.
pub async fn fresh_database(test: &str) -> Option<String> {
    fresh_database_with(test, Settings::Fast).await
}

/// [`fresh_database`] on a server started with `settings`.
pub async fn fresh_database_with(test: &str, settings: Settings) -> Option<String> {
    if mode() == "off" {
        say(&format!(
            "SKIPPED (TUNEGATE_TEST_POSTGRES=off): {test} on PostgreSQL"
        ));
        return None;
    }
    let server = match settings {
        Settings::Fast => FAST_SERVER.get_or_init(|| start_server(settings)),
        Settings::Durable => DURABLE_SERVER.get_or_init(|| start_server(settings)),
    };
    let server = match server {
        Ok(server) => server,
        Err(why) if mode() == "required" => {
            panic!("TUNEGATE_TEST_POSTGRES=required, but no PostgreSQL server: {why}")
        }
        Err(why) => {
            say(&format!(
                "\n*** SKIPPED: {test} on PostgreSQL: {why}.\n*** Install Debian's `postgresql` \
                 package to run it; set TUNEGATE_TEST_POSTGRES=required to make this a failure.\n"
            ));
            return None;
        }
    };
    let name = format!(
        "t{}_{}",
        std::process::id(),
        NEXT_DB.fetch_add(1, Ordering::SeqCst)
    );
    let admin = format!("postgres://postgres@127.0.0.1:{}/postgres", server.port);
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("connect to the test server");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    conn.close().await.ok();
    Some(format!(
        "postgres://postgres@127.0.0.1:{}/{name}",
        server.port
    ))
}

/// Writes to the process's stderr itself: the test harness captures `eprintln!` of passing
/// tests, and a skip must be seen.
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// The folder holding `initdb` and `pg_ctl`: `TUNEGATE_PG_BIN`, the PATH, or the newest
/// `/usr/lib/postgresql/*/bin` (where Debian puts them).
fn bin_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("TUNEGATE_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    if let Ok(path) = std::env::var("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Some(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// `program args...`, as `nobody` when this process is root.
fn as_server_user(program: &Path) -> Command {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn start_server(settings: Settings) -> Result<Server, String> {
    let bin = bin_dir().ok_or("initdb and pg_ctl were not found (PATH, /usr/lib/postgresql)")?;
    // Not a TempDir: the watchdog below removes it after this process ends.
    let dir = std::env::temp_dir().join(format!(
        "tunegate-pg-{}-{}",
        std::process::id(),
        settings.name()
    ));
    let data = dir.join("data");
    std::fs::create_dir_all(&dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        let path = std::ffi::CString::new(dir.to_str().ok_or("temp dir is not UTF-8")?)
            .map_err(|e| e.to_string())?;
        // SAFETY: `path` is a valid NUL-terminated string that outlives the call.
        if unsafe { libc::chown(path.as_ptr(), 65534, 65534) } != 0 {
            return Err(format!("chown {} to nobody failed", dir.display()));
        }
    }
    let initdb = as_server_user(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ])
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("could not run initdb: {e}"))?;
    if !initdb.status.success() {
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&initdb.stderr).trim()
        ));
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let options = format!(
        "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' {}",
        settings.options()
    );
    let started = as_server_user(&bin.join("pg_ctl"))
        .arg("start")
        .arg("-w")
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(dir.join("server.log"))
        .arg("-o")
        .arg(&options)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("could not run pg_ctl: {e}"))?;
    if !started.status.success() {
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        return Err(format!(
            "pg_ctl start failed: {} {log}",
            String::from_utf8_lossy(&started.stderr).trim()
        ));
    }
    // Tear down after this test process ends, however it ends.
    let stop = as_server_user(&bin.join("pg_ctl"))
        .arg("stop")
        .arg("-m")
        .arg("immediate")
        .arg("-D")
        .arg(&data)
        .get_args()
        .map(|a| format!("'{}'", a.to_string_lossy()))
        .collect::<Vec<_>>()
        .join(" ");
    let stop_program = if unsafe { libc::geteuid() } == 0 {
        "setpriv".to_string()
    } else {
        bin.join("pg_ctl").display().to_string()
    };
    let watchdog = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop_program} {stop} \
         >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        dir = dir.display()
    );
    Command::new("sh")
        .arg("-c")
        .arg(watchdog)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start the watchdog: {e}"))?;
    Ok(Server { port })
}
