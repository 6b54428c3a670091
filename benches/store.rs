//! Store benchmark on both backends: audit queries over a million decisions, export time and
//! memory, and answers recorded a second by one and by two bot processes.
//!
//! Run with `cargo bench --bench store` (release build). For each backend of
//! `TUNEGATE_BENCH_BACKENDS` (default `sqlite,postgres`) it generates its own data,
//! `TUNEGATE_BENCH_ROWS` decisions (default 1,000,000) across 100 guilds: in a temporary
//! SQLite file, and in a fresh database on a throwaway PostgreSQL server started by the tests'
//! support code (`tests/support/postgres.rs`) with fsync and synchronous commits ON, since a
//! write rate without them would not be PostgreSQL's. Without PostgreSQL installed that part
//! says SKIPPED (`TUNEGATE_TEST_POSTGRES=required` makes it fail instead).
//! `TUNEGATE_BENCH_POSTGRES_URL` names an empty database on a server of your own instead.
//!
//! The answer rates come from real OS processes: this binary runs itself again as workers
//! (`TUNEGATE_BENCH_WORKER`), each with its own store on the same database, its own
//! walkthroughs and `TUNEGATE_BENCH_CLICKERS` people clicking at once (default 8), recording
//! `TUNEGATE_BENCH_ANSWERS` answers (default 10,000) through `App::answer`, the bot's path.
//! The parent starts them together and divides all their answers by the wall time.
//!
//! It prints one line per measurement, then one table of both backends with the targets. It
//! never fails on a slow figure; it reports.

#[path = "../tests/support/postgres.rs"]
mod postgres;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use tunegate::app::{Actor, App, Click, Here, Start};
use tunegate::checklist::{
    Answer, ChecklistContent, Gate, GateAnswer, Goal, GoalChoice, Input, Step, VerdictKind,
};
use tunegate::store::{
    BackendKind, ListFilter, Person, Place, RoomId, ServerId, Source, Store, WalkthroughId,
};

/// A worker process's settings, passed in its environment.
const WORKER: &str = "TUNEGATE_BENCH_WORKER";
const WORKER_URL: &str = "TUNEGATE_BENCH_WORKER_URL";

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

fn rows() -> u64 {
    env_number("TUNEGATE_BENCH_ROWS", 1_000_000)
}

fn answers_per_process() -> u64 {
    env_number("TUNEGATE_BENCH_ANSWERS", 10_000)
}

fn clickers() -> usize {
    env_number("TUNEGATE_BENCH_CLICKERS", 8).max(1) as usize
}

/// Median and 99th percentile of `runs` timings of `f`.
async fn measure<F, Fut>(runs: usize, mut f: F) -> (Duration, Duration)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f().await;
        times.push(start.elapsed());
    }
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (p(0.5), p(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The figures of one backend, for the table at the end.
#[derive(Default)]
struct Figures {
    name: &'static str,
    list_p50: Duration,
    list_p99: Duration,
    show_p50: Duration,
    show_p99: Duration,
    stats_all: Duration,
    stats_guild: Duration,
    export: Option<(Duration, f64)>,
    /// `sqlite3 -csv` writing the same rows, in the same run (SQLite only).
    export_reference: Option<Duration>,
    sequential: f64,
    raw: f64,
    one_process: Option<Throughput>,
    two_processes: Option<Throughput>,
}

/// Answers recorded by worker processes started together.
#[derive(Clone, Copy)]
struct Throughput {
    answers: u64,
    errors: u64,
    wall: Duration,
    /// CPU time of the workers while they clicked.
    worker_cpu: Duration,
    /// CPU time of the PostgreSQL server meanwhile (when it runs on this machine).
    server_cpu: Option<Duration>,
}

impl Throughput {
    fn rate(&self) -> f64 {
        self.answers as f64 / self.wall.as_secs_f64()
    }

    /// CPU per answer, in microseconds: the workers', and the server's when known.
    fn cpu_per_answer(&self) -> (f64, Option<f64>) {
        let per = |d: Duration| d.as_secs_f64() * 1e6 / self.answers.max(1) as f64;
        (per(self.worker_cpu), self.server_cpu.map(per))
    }
}

// -- Data -------------------------------------------------------------------------------------

/// One decision per generated walkthrough, in SQL both engines accept: 70% premature, 20% not
/// justified yet, 10% justified, with gates and drivers to match.
macro_rules! insert_decisions_from_walkthroughs {
    () => {
        "INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, goal_detail, g1, \
         g2, g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, \
         decided_month) \
         SELECT id, guild_id, \
           CASE WHEN id % 10 < 7 THEN 'premature' WHEN id % 10 < 9 THEN 'not_justified_yet' \
                ELSE 'justified' END, \
           'output_format', NULL, \
           CASE WHEN id % 10 < 3 THEN 'no' ELSE 'yes' END, 'yes', \
           CASE WHEN id % 10 < 7 AND id % 10 >= 3 THEN 'not_sure' ELSE 'yes' END, 'yes', \
           CASE WHEN id % 10 = 9 THEN 'd1,d3' ELSE '' END, 'summary', \
           '[\"a reason\"]', '[\"a step\",\"another step\"]', 'bench', created_at, \
           substr(created_at, 1, 7) \
         FROM walkthroughs"
    };
}

/// The five answers behind each generated decision (the goal, then each gate), in walkthrough
/// order, each carrying an interaction id as Discord's clicks do; SQL both engines accept.
macro_rules! insert_answers_from_decisions {
    () => {
        "INSERT INTO answers (walkthrough_id, step, value, detail, answered_by_id, \
         answered_by_name, answered_at, interaction_id) \
         SELECT d.walkthrough_id, s.step, \
           CASE s.step WHEN 'goal' THEN d.goal WHEN 'g1' THEN d.g1 WHEN 'g2' THEN d.g2 \
                WHEN 'g3' THEN d.g3 ELSE d.g4 END, \
           NULL, 'u' || (d.walkthrough_id % 5000), 'user ' || (d.walkthrough_id % 5000), \
           d.decided_at, 'gen-' || d.walkthrough_id || '-' || s.step \
         FROM decisions d CROSS JOIN (SELECT 0 AS k, 'goal' AS step UNION ALL SELECT 1, 'g1' \
           UNION ALL SELECT 2, 'g2' UNION ALL SELECT 3, 'g3' UNION ALL SELECT 4, 'g4') AS s \
         ORDER BY d.walkthrough_id, s.k"
    };
}

/// Fills a SQLite database with `n` decided walkthroughs in one SQL statement per table.
async fn generate_sqlite(pool: &sqlx::SqlitePool, n: u64) {
    sqlx::query(
        "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq LIMIT ?) \
         INSERT INTO walkthroughs (id, source, status, current_step, guild_id, channel_id, \
           thread_id, message_id, requester_id, requester_name, trigger_text, checklist_version, \
           created_at, updated_at, closed_at) \
         SELECT n, CASE n % 3 WHEN 0 THEN 'chat' WHEN 1 THEN 'slash' ELSE 'cli' END, 'decided', \
           'done', n % 100 + 1, 1000 + n % 7, 2000000 + n, 3000000 + n, 'u' || (n % 5000), \
           'user ' || (n % 5000), 'we should fine-tune the model for case ' || n, 'bench', \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes'), \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes'), \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes') FROM seq",
    )
    .bind(n as i64)
    .execute(pool)
    .await
    .expect("generate walkthroughs");
    sqlx::query(insert_decisions_from_walkthroughs!())
        .execute(pool)
        .await
        .expect("generate decisions");
    sqlx::query(insert_answers_from_decisions!())
        .execute(pool)
        .await
        .expect("generate answers");
    sqlx::query("ANALYZE").execute(pool).await.expect("analyze");
    // As on PostgreSQL: the measurements start from a checkpointed log, not a 2 GB one.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await
        .expect("checkpoint");
}

/// Fills a PostgreSQL database with the same rows as [`generate_sqlite`], from
/// `generate_series`, then moves the id sequence past them and runs `VACUUM ANALYZE` (what
/// autovacuum does by itself after a bulk insert; without it the planner has no statistics
/// and index-only scans read the table).
async fn generate_postgres(pool: &sqlx::PgPool, n: u64) {
    sqlx::query(
        "INSERT INTO walkthroughs (id, source, status, current_step, guild_id, channel_id, \
           thread_id, message_id, requester_id, requester_name, trigger_text, checklist_version, \
           created_at, updated_at, closed_at) \
         SELECT n, CASE n % 3 WHEN 0 THEN 'chat' WHEN 1 THEN 'slash' ELSE 'cli' END, 'decided', \
           'done', n % 100 + 1, 1000 + n % 7, 2000000 + n, 3000000 + n, 'u' || (n % 5000), \
           'user ' || (n % 5000), 'we should fine-tune the model for case ' || n, 'bench', \
           at, at, at \
         FROM generate_series(1, $1) AS n, LATERAL (SELECT to_char(TIMESTAMP '2025-01-01' + \
           n * INTERVAL '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS at) AS t",
    )
    .bind(n as i64)
    .execute(pool)
    .await
    .expect("generate walkthroughs");
    sqlx::query(insert_decisions_from_walkthroughs!())
        .execute(pool)
        .await
        .expect("generate decisions");
    sqlx::query(insert_answers_from_decisions!())
        .execute(pool)
        .await
        .expect("generate answers");
    // The walkthroughs came with their ids; the answers took theirs from the sequence.
    sqlx::query(
        "SELECT setval(pg_get_serial_sequence('walkthroughs', 'id'), max(id)) FROM walkthroughs",
    )
    .execute(pool)
    .await
    .expect("move the id sequence");
    sqlx::raw_sql("VACUUM ANALYZE")
        .execute(pool)
        .await
        .expect("vacuum analyze");
    // The bulk load wrote gigabytes of write-ahead log; without a checkpoint here the server
    // spreads one over the next minutes, right over the measurements, and every page a click
    // touches first goes into the log whole (what pgbench's own runs avoid the same way).
    if let Err(e) = sqlx::raw_sql("CHECKPOINT").execute(pool).await {
        println!("no CHECKPOINT before the measurements ({e}): figures include one in progress");
    }
}

/// The engine's settings that decide its write rate, as it reports them.
async fn settings_of(store: &Store) -> String {
    if let Some(pool) = store.sqlite_pool() {
        let (journal,): (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(pool)
            .await
            .expect("journal_mode");
        let (synchronous,): (i64,) = sqlx::query_as("PRAGMA synchronous")
            .fetch_one(pool)
            .await
            .expect("synchronous");
        let synchronous = ["OFF", "NORMAL", "FULL", "EXTRA"]
            .get(synchronous as usize)
            .copied()
            .unwrap_or("?");
        let (version,): (String,) = sqlx::query_as("SELECT sqlite_version()")
            .fetch_one(pool)
            .await
            .expect("sqlite_version");
        return format!("SQLite {version}, journal_mode={journal}, synchronous={synchronous}");
    }
    let pool = store.postgres_pool().expect("a PostgreSQL store");
    let mut shown = Vec::new();
    for setting in [
        "server_version",
        "fsync",
        "synchronous_commit",
        "full_page_writes",
        "wal_sync_method",
        "shared_buffers",
        "max_connections",
    ] {
        let (value,): (String,) = sqlx::query_as("SELECT current_setting($1)")
            .bind(setting)
            .fetch_one(pool)
            .await
            .expect("read a setting");
        shown.push(format!("{setting}={value}"));
    }
    format!("PostgreSQL {}", shown.join(", "))
}

// -- Measurements on one backend ----------------------------------------------------------------

/// Every measurement on the database at `url` (created and migrated, still empty).
async fn bench_backend(name: &'static str, url: &str, n: u64) -> Figures {
    let mut figures = Figures {
        name,
        ..Figures::default()
    };
    let store = Store::open_url(url).await.expect("open");
    println!("\n== {name}: {}", settings_of(&store).await);

    let start = Instant::now();
    match store.kind() {
        BackendKind::Sqlite => generate_sqlite(store.sqlite_pool().expect("SQLite"), n).await,
        BackendKind::Postgres => {
            generate_postgres(store.postgres_pool().expect("PostgreSQL"), n).await
        }
    }
    println!(
        "generated {n} decisions (and 5 answers each) in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    let runs = 200;
    for (label, filter) in list_filters() {
        let (p50, p99) = measure(runs, || async {
            let rows = store.list(&filter, 50, 0).await.expect("list");
            std::hint::black_box(rows);
        })
        .await;
        println!(
            "{label:<32} 50 rows: p50 {}  p99 {}  (target < 20 ms)",
            ms(p50),
            ms(p99)
        );
        figures.list_p50 = figures.list_p50.max(p50);
        figures.list_p99 = figures.list_p99.max(p99);
    }

    // `show`: one decision of its own guild, as the audit command reads it.
    let mut next = 0x2545_f491_u64;
    let (p50, p99) = measure(runs, || {
        next = next
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let id = (next >> 33) % n.max(1) + 1;
        let store = &store;
        async move {
            let guild = Some(id % 100 + 1);
            let shown = store
                .detail(WalkthroughId(id as i64), guild.map(ServerId))
                .await
                .expect("detail");
            std::hint::black_box(shown);
        }
    })
    .await;
    println!(
        "show, one decision of its guild:         p50 {}  p99 {}",
        ms(p50),
        ms(p99)
    );
    (figures.show_p50, figures.show_p99) = (p50, p99);

    let (p50, max) = measure(5, || async {
        std::hint::black_box(store.stats(&ListFilter::default()).await.expect("stats"));
    })
    .await;
    println!(
        "stats, all {n} decisions:         p50 {}  max {}  (target < 500 ms)",
        ms(p50),
        ms(max)
    );
    figures.stats_all = p50;
    let (p50, _) = measure(5, || async {
        let guild = ListFilter {
            guild_id: Some(ServerId(3)),
            ..Default::default()
        };
        std::hint::black_box(store.stats(&guild).await.expect("stats"));
    })
    .await;
    println!("stats, one guild:                 p50 {}", ms(p50));
    figures.stats_guild = p50;

    figures.export = export_through_binary(url, n);
    if store.kind() == BackendKind::Sqlite {
        figures.export_reference = export_with_sqlite3(url);
        if let (Some((ours, _)), Some(reference)) = (figures.export, figures.export_reference) {
            println!(
                "CSV export / sqlite3 -csv of the same rows: {:.2}x (target <= 1.5x)",
                ours.as_secs_f64() / reference.as_secs_f64()
            );
        }
    }

    figures.sequential = sequential_answers(&store).await;
    figures.raw = raw_transaction_rate(&store, 5_000).await;
    println!(
        "recording answers one at a time (load + decide + one transaction each): {:.0} per \
         second\nplain single-row transactions on the same pool (BEGIN, one INSERT, COMMIT, \
         through sqlx): {:.0} per second; ratio {:.2}",
        figures.sequential,
        figures.raw,
        figures.sequential / figures.raw
    );
    let server = server_pid(&store).await;
    store.close().await;

    for processes in [1, 2] {
        let done = answers_in_processes(url, processes, server);
        if let Some(t) = done {
            let (worker_cpu, server_cpu) = t.cpu_per_answer();
            println!(
                "answers from {processes} process(es), {} clickers each: {:.0} per second \
                 ({} answers in {:.2} s, {} errors); CPU per answer: workers {worker_cpu:.0} µs{}",
                clickers(),
                t.rate(),
                t.answers,
                t.wall.as_secs_f64(),
                t.errors,
                server_cpu.map_or(String::new(), |s| format!(", server {s:.0} µs")),
            );
        }
        match processes {
            1 => figures.one_process = done,
            _ => figures.two_processes = done,
        }
    }
    figures
}

/// The list filters the audit uses, each over the whole history.
fn list_filters() -> Vec<(&'static str, ListFilter)> {
    vec![
        ("list, no filter", ListFilter::default()),
        (
            "list, guild + verdict",
            ListFilter {
                guild_id: Some(ServerId(42)),
                verdict: Some(VerdictKind::Premature),
                ..Default::default()
            },
        ),
        (
            "list, guild + verdict, no match",
            ListFilter {
                guild_id: Some(ServerId(42)),
                verdict: Some(VerdictKind::Justified),
                ..Default::default()
            },
        ),
        (
            "list, requester",
            ListFilter {
                requester: Some("u123".into()),
                ..Default::default()
            },
        ),
        (
            "list, since/until window",
            ListFilter {
                since: Some(Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap()),
                until: Some(Utc.with_ymd_and_hms(2025, 6, 2, 0, 0, 0).unwrap()),
                ..Default::default()
            },
        ),
        (
            "list, guild + status + since",
            ListFilter {
                guild_id: Some(ServerId(7)),
                status: Some(tunegate::store::Status::Decided),
                since: Some(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
                ..Default::default()
            },
        ),
    ]
}

/// Exports every row as CSV through the real binary, so its peak memory is measured on its
/// own: (time, peak RSS in MB), `None` when the export failed.
fn export_through_binary(url: &str, n: u64) -> Option<(Duration, f64)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("export.csv");
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_tunegate"))
        .args(["decisions", "export", "--format", "csv", "--out"])
        .arg(&out)
        .env("DATABASE_URL", url)
        .spawn()
        .expect("run tunegate export");
    let (ok, rss_kib) = wait_with_peak_rss(child);
    let took = start.elapsed();
    if !ok {
        println!("CSV export FAILED");
        return None;
    }
    let csv_size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let rss_mb = rss_kib as f64 / 1024.0;
    println!(
        "CSV export of all {n} rows:        {:.2} s, {:.0} MB written, peak RSS {rss_mb:.1} MB  \
         (targets < 5 s, < 50 MB)",
        took.as_secs_f64(),
        csv_size as f64 / 1e6,
    );
    Some((took, rss_mb))
}

/// The reference for the export: SQLite's own shell writing every walkthrough joined to its
/// decision (all their columns, oldest first) as CSV, with no formatting of ours. `None` when
/// `sqlite3` is not installed (Debian package `sqlite3`) or fails.
fn export_with_sqlite3(url: &str) -> Option<Duration> {
    let path = url.strip_prefix("sqlite://")?.split('?').next()?;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::fs::File::create(dir.path().join("reference.csv")).expect("create the file");
    let start = Instant::now();
    let status = Command::new("sqlite3")
        .args(["-readonly", "-csv", "-header", path])
        .arg(
            "SELECT w.*, d.* FROM walkthroughs w \
             LEFT JOIN decisions d ON d.walkthrough_id = w.id ORDER BY w.id",
        )
        .stdout(out)
        .status();
    let took = start.elapsed();
    match status {
        Ok(status) if status.success() => {
            let size = std::fs::metadata(dir.path().join("reference.csv")).map_or(0, |m| m.len());
            println!(
                "sqlite3 -csv of the same rows (reference): {:.2} s, {:.0} MB written",
                took.as_secs_f64(),
                size as f64 / 1e6
            );
            Some(took)
        }
        other => {
            println!(
                "sqlite3 -csv reference not measured ({other:?}); install the sqlite3 package"
            );
            None
        }
    }
}

/// Waits for `child` and returns whether it succeeded and its own peak RSS (KiB).
fn wait_with_peak_rss(child: std::process::Child) -> (bool, i64) {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `pid` is our child, not yet waited for; `status` and `usage` are valid for
    // writes. Once reaped here, `child` is dropped without being waited for again.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
    drop(child);
    if reaped != pid {
        return (false, -1);
    }
    // SAFETY: initialised by the successful call above.
    let usage = unsafe { usage.assume_init() };
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss)
}

// -- Answers ----------------------------------------------------------------------------------

fn bench_person() -> Person {
    Person::new("bench", "bench")
}

/// Starts `count` walkthroughs in channel `channel` of guild 1, `parallel` at a time.
async fn start_walkthroughs(
    app: &App,
    count: usize,
    channel: u64,
    parallel: usize,
) -> Vec<WalkthroughId> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..parallel {
        let (app, next) = (app.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            while next.fetch_add(1, Ordering::SeqCst) < count {
                let (rec, _) = app
                    .start(
                        Start {
                            source: Source::Command,
                            place: Place {
                                server: Some(ServerId(1)),
                                channel: Some(RoomId(channel)),
                                ..Place::default()
                            },
                            requester: bench_person(),
                            trigger_text: format!("bench in channel {channel}"),
                            revisit_of: None,
                        },
                        Utc::now(),
                    )
                    .await
                    .expect("start");
                ids.push(rec.id);
            }
            ids
        }));
    }
    let mut ids = Vec::with_capacity(count);
    for task in tasks {
        ids.extend(task.await.expect("start task"));
    }
    ids
}

/// Answers every question of walkthrough `id` through `App::answer` (the bot's path: checked,
/// decided and written in one transaction, with an interaction id like Discord's): the goal,
/// then each gate. Returns (recorded, failed).
async fn click_through(app: &App, id: WalkthroughId, channel: u64, tag: &str) -> (u64, u64) {
    let click = |at: Step, input: Input| Click {
        walkthrough_id: id,
        at,
        input,
        actor: Actor {
            person: bench_person(),
            roles: Vec::new(),
        },
        here: Here {
            server: Some(ServerId(1)),
            room: RoomId(channel),
        },
        interaction_id: format!("bench-{tag}-{id}-{}", at.key()),
    };
    let mut clicks = vec![click(
        Step::Goal,
        Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::ToneStyle,
            detail: None,
        })),
    )];
    for gate in Gate::ALL {
        clicks.push(click(
            Step::Gate(*gate),
            Input::Answer(Answer::Gate(*gate, GateAnswer::Yes)),
        ));
    }
    let (mut recorded, mut failed) = (0, 0);
    for click in clicks {
        match app.answer(click, Utc::now()).await {
            Ok(_) => recorded += 1,
            Err(e) => {
                if failed == 0 {
                    eprintln!("answer failed: {e:?}");
                }
                failed += 1;
            }
        }
    }
    (recorded, failed)
}

/// Answers a second in this process, one click at a time (no concurrency).
async fn sequential_answers(store: &Store) -> f64 {
    let app = App::new(store.clone(), ChecklistContent::built_in());
    let ids = start_walkthroughs(&app, 1000, 10, 1).await;
    let start = Instant::now();
    let mut answers = 0;
    for id in ids {
        answers += click_through(&app, id, 10, "seq").await.0;
    }
    answers as f64 / start.elapsed().as_secs_f64()
}

/// The rate of the simplest durable write on this database: `n` transactions of one INSERT
/// each, on the store's own pool (same settings as the store's writes).
async fn raw_transaction_rate(store: &Store, n: u32) -> f64 {
    if let Some(pool) = store.sqlite_pool() {
        sqlx::query("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, v TEXT)")
            .execute(pool)
            .await
            .expect("create bench table");
        let mut connection = pool.acquire().await.expect("connection");
        let start = Instant::now();
        for i in 0..n {
            let mut tx = sqlx::Connection::begin_with(&mut *connection, "BEGIN IMMEDIATE")
                .await
                .expect("begin");
            sqlx::query("INSERT INTO bench_raw (v) VALUES ($1)")
                .bind(i.to_string())
                .execute(&mut *tx)
                .await
                .expect("insert");
            tx.commit().await.expect("commit");
        }
        return n as f64 / start.elapsed().as_secs_f64();
    }
    let pool = store.postgres_pool().expect("a PostgreSQL store");
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS bench_raw \
         (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v TEXT)",
    )
    .execute(pool)
    .await
    .expect("create bench table");
    let mut connection = pool.acquire().await.expect("connection");
    let start = Instant::now();
    for i in 0..n {
        let mut tx = sqlx::Connection::begin(&mut *connection)
            .await
            .expect("begin");
        sqlx::query("INSERT INTO bench_raw (v) VALUES ($1)")
            .bind(i.to_string())
            .execute(&mut *tx)
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
    }
    n as f64 / start.elapsed().as_secs_f64()
}

/// Runs `processes` workers on the database at `url`, started together, and returns their
/// answers over the wall time; `None` when a worker could not run.
fn answers_in_processes(
    url: &str,
    processes: usize,
    server: Option<libc::pid_t>,
) -> Option<Throughput> {
    let exe = std::env::current_exe().expect("this benchmark's path");
    let mut workers = Vec::new();
    for index in 0..processes {
        let child = Command::new(&exe)
            .env(WORKER, format!("{processes}p{index}"))
            .env(WORKER_URL, url)
            .env("TUNEGATE_BENCH_ANSWERS", answers_per_process().to_string())
            .env("TUNEGATE_BENCH_CLICKERS", clickers().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start a worker");
        workers.push(child);
    }
    // Each worker opens its store and starts its walkthroughs, then says "ready" and waits.
    let mut lines = Vec::new();
    for worker in &mut workers {
        let mut out = BufReader::new(worker.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        out.read_line(&mut line).expect("read a worker");
        if line.trim() != "ready" {
            println!("a worker did not start: {line:?}");
            for worker in &mut workers {
                let _ = worker.kill();
                let _ = worker.wait();
            }
            return None;
        }
        lines.push(out);
    }
    let server_cpu_before = server.and_then(server_cpu);
    let start = Instant::now();
    for worker in &mut workers {
        let mut stdin = worker.stdin.take().expect("piped stdin");
        stdin.write_all(b"go\n").expect("start a worker");
    }
    let (mut answers, mut errors, mut cpu_micros) = (0, 0, 0);
    for out in &mut lines {
        let mut line = String::new();
        out.read_line(&mut line).expect("read a worker");
        let mut fields = line.split_whitespace();
        if fields.next() != Some("done") {
            println!("a worker failed: {line:?}");
            return None;
        }
        let mut number = || {
            fields
                .next()
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        answers += number();
        errors += number();
        cpu_micros += number();
    }
    let wall = start.elapsed();
    for worker in &mut workers {
        let _ = worker.wait();
    }
    // The workers' server processes end when they disconnect; the server then counts their
    // time as its children's.
    std::thread::sleep(Duration::from_millis(500));
    let server_cpu = match (server_cpu_before, server.and_then(server_cpu)) {
        (Some(before), Some(after)) => Some(after.saturating_sub(before)),
        _ => None,
    };
    Some(Throughput {
        answers,
        errors,
        wall,
        worker_cpu: Duration::from_micros(cpu_micros),
        server_cpu,
    })
}

/// The worker: its own store on the parent's database, its own walkthroughs, clickers
/// answering them concurrently once the parent says "go"; prints "done ANSWERS ERRORS".
async fn worker(tag: String) {
    let url = std::env::var(WORKER_URL).expect("the worker's database URL");
    let store = Store::open_url(&url).await.expect("open the database");
    let app = App::new(store.clone(), ChecklistContent::built_in());
    let per_walkthrough = 1 + Gate::ALL.len() as u64;
    let walkthroughs = answers_per_process().div_ceil(per_walkthrough) as usize;
    // A channel per worker: the clicks of one process never name another's walkthroughs.
    let channel = 100 + std::process::id() as u64;
    let ids = Arc::new(start_walkthroughs(&app, walkthroughs, channel, clickers()).await);
    println!("ready");
    std::io::stdout().flush().expect("stdout");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).expect("wait for go");
    let cpu_before = cpu_time_of_this_process();

    let next = Arc::new(AtomicUsize::new(0));
    let recorded = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..clickers() {
        let (app, ids, next, tag) = (app.clone(), ids.clone(), next.clone(), tag.clone());
        let (recorded, failed) = (recorded.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(id) = ids.get(i) else { break };
                let (ok, bad) = click_through(&app, *id, channel, &tag).await;
                recorded.fetch_add(ok, Ordering::SeqCst);
                failed.fetch_add(bad, Ordering::SeqCst);
            }
        }));
    }
    for task in tasks {
        task.await.expect("clicker");
    }
    println!(
        "done {} {} {}",
        recorded.load(Ordering::SeqCst),
        failed.load(Ordering::SeqCst),
        (cpu_time_of_this_process() - cpu_before).as_micros()
    );
    std::io::stdout().flush().expect("stdout");
    store.close().await;
}

// -- The run ----------------------------------------------------------------------------------

#[tokio::main]
async fn main() {
    if let Ok(tag) = std::env::var(WORKER) {
        return worker(tag).await;
    }
    let n = rows();
    let backends =
        std::env::var("TUNEGATE_BENCH_BACKENDS").unwrap_or_else(|_| "sqlite,postgres".to_string());
    println!(
        "machine: {} cores, {}; load average at start {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model(),
        load_average()
    );
    let mut all = Vec::new();
    for backend in backends.split(',').map(str::trim) {
        match backend {
            "sqlite" => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("bench.db");
                let url = format!("sqlite://{}", path.display());
                all.push(bench_backend("SQLite", &url, n).await);
                let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                println!("database file: {:.0} MB", size as f64 / 1e6);
            }
            "postgres" => {
                let url = match std::env::var("TUNEGATE_BENCH_POSTGRES_URL") {
                    Ok(url) => {
                        println!("\nPostgreSQL: the empty database of TUNEGATE_BENCH_POSTGRES_URL");
                        url
                    }
                    Err(_) => {
                        let settings = postgres::Settings::Durable;
                        let Some(url) =
                            postgres::fresh_database_with("bench store", settings).await
                        else {
                            continue;
                        };
                        println!(
                            "\nPostgreSQL server started by tests/support/postgres.rs with: {}",
                            settings.options()
                        );
                        url
                    }
                };
                all.push(bench_backend("PostgreSQL", &url, n).await);
            }
            other => panic!("TUNEGATE_BENCH_BACKENDS: unknown backend {other:?}"),
        }
    }
    println!("\nload average at the end {}", load_average());
    print_table(&all, n);
}

/// Both backends side by side, as a Markdown table for the README.
fn print_table(all: &[Figures], n: u64) {
    let header: Vec<&str> = all.iter().map(|f| f.name).collect();
    println!(
        "\nStore on both backends ({n} decisions, {} clickers per process):\n",
        clickers()
    );
    println!("| measurement | {} | target |", header.join(" | "));
    println!("| --- |{} --- |", " --- |".repeat(all.len()));
    let rate = |t: &Option<Throughput>| match t {
        Some(t) if t.errors > 0 => format!("{:.0}/s ({} errors)", t.rate(), t.errors),
        Some(t) => format!("{:.0}/s", t.rate()),
        None => "failed".to_string(),
    };
    let row = |label: &str, cell: &dyn Fn(&Figures) -> String, target: &str| {
        let cells: Vec<String> = all.iter().map(cell).collect();
        println!("| {label} | {} | {target} |", cells.join(" | "));
    };
    row("answers/s, one process", &|f| rate(&f.one_process), "");
    row(
        "answers/s, two processes",
        &|f| rate(&f.two_processes),
        ">= 2,000/s (PostgreSQL)",
    );
    row(
        "CPU per answer, two processes: workers + server",
        &|f| match f.two_processes.map(|t| t.cpu_per_answer()) {
            Some((worker, Some(server))) => format!("{worker:.0} + {server:.0} µs"),
            Some((worker, None)) => format!("{worker:.0} µs (in-process)"),
            None => "failed".to_string(),
        },
        "",
    );
    row(
        "answers/s, one at a time (plain 1-row transactions/s)",
        &|f| format!("{:.0}/s ({:.0}/s)", f.sequential, f.raw),
        "",
    );
    row(
        "list page p50 / p99 (worst of 6 filters, 50 rows)",
        &|f| format!("{} / {}", ms(f.list_p50), ms(f.list_p99)),
        "<= 20 ms",
    );
    row(
        "show p50 / p99",
        &|f| format!("{} / {}", ms(f.show_p50), ms(f.show_p99)),
        "",
    );
    row("stats, all (p50)", &|f| ms(f.stats_all), "<= 500 ms");
    row("stats, one guild (p50)", &|f| ms(f.stats_guild), "");
    row(
        "CSV export of all rows, peak RSS",
        &|f| match f.export {
            Some((took, rss)) => format!("{:.1} s, {rss:.1} MB", took.as_secs_f64()),
            None => "failed".to_string(),
        },
        "",
    );
    row(
        "CSV export / sqlite3 -csv of the same rows",
        &|f| match (f.export, f.export_reference) {
            (Some((ours, _)), Some(reference)) => format!(
                "{:.1} s / {:.1} s = {:.2}x",
                ours.as_secs_f64(),
                reference.as_secs_f64(),
                ours.as_secs_f64() / reference.as_secs_f64()
            ),
            _ => "-".to_string(),
        },
        "<= 1.5x",
    );
}

/// The PostgreSQL server's main process (postmaster), when it runs on this machine: the
/// parent of this connection's server process.
async fn server_pid(store: &Store) -> Option<libc::pid_t> {
    let pool = store.postgres_pool()?;
    let (backend,): (i32,) = sqlx::query_as("SELECT pg_backend_pid()")
        .fetch_one(pool)
        .await
        .ok()?;
    let parent = proc_stat(backend)?.parent;
    // Only when the connection really went to a server here (not a pid on another machine).
    proc_stat(parent)?
        .name
        .contains("postgres")
        .then_some(parent)
}

/// What /proc/PID/stat says about one process.
struct ProcStat {
    name: String,
    parent: libc::pid_t,
    /// User and system time, of the process and of its children it has waited for.
    own: Duration,
    children: Duration,
}

fn proc_stat(pid: libc::pid_t) -> Option<ProcStat> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "PID (NAME) STATE PPID ..."; the name may hold spaces and parentheses.
    let (head, rest) = text.rsplit_once(')')?;
    let name = head.split_once('(')?.1.to_string();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let time = |i: usize| -> Option<Duration> {
        let t: f64 = fields.get(i)?.parse().ok()?;
        Some(Duration::from_secs_f64(t / ticks))
    };
    // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    Some(ProcStat {
        name,
        parent: fields.get(1)?.parse().ok()?,
        own: time(11)? + time(12)?,
        children: time(13)? + time(14)?,
    })
}

/// The CPU time of the PostgreSQL server so far: the postmaster, the processes it has reaped
/// (the workers' connections, once closed), and the ones still running.
fn server_cpu(postmaster: libc::pid_t) -> Option<Duration> {
    let main = proc_stat(postmaster)?;
    let mut total = main.own + main.children;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|p| p.parse().ok()) else {
            continue;
        };
        if let Some(child) = proc_stat(pid).filter(|c| c.parent == postmaster) {
            total += child.own;
        }
    }
    Some(total)
}

/// The CPU time this process has used, user and system.
fn cpu_time_of_this_process() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes into the provided, properly sized struct.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } != 0 {
        return Duration::ZERO;
    }
    // SAFETY: initialised by the successful call above.
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The CPU's model name from /proc/cpuinfo.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// The 1, 5 and 15 minute load averages from /proc/loadavg.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}
