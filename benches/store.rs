//! Store benchmark: audit queries over a million decisions, export memory, answer throughput.
//!
//! Run with `cargo bench --bench store` (release build). It generates its own data in a
//! temporary SQLite file: `TUNEGATE_BENCH_ROWS` decisions (default 1,000,000) across 100
//! guilds, then prints one line per measurement with the target next to it. It never fails on
//! a slow figure; it reports.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use tunegate::app::{Actor, App, Click, Here, Start};
use tunegate::checklist::VerdictKind;
use tunegate::checklist::{
    Answer, ChecklistContent, Gate, GateAnswer, Goal, GoalChoice, Input, Step,
};
use tunegate::store::{ListFilter, Person, Place, Source, Store};

fn rows() -> u64 {
    std::env::var("TUNEGATE_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
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

/// The rate of the simplest durable write on this database: `n` transactions of one INSERT
/// each, on the store's own pool (same WAL mode, synchronous level and busy timeout).
async fn raw_transaction_rate(store: &Store, n: u32) -> f64 {
    let pool = store.sqlite_pool().expect("a SQLite store");
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
        sqlx::query("INSERT INTO bench_raw (v) VALUES (?)")
            .bind(i.to_string())
            .execute(&mut *tx)
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Fills the database with `n` decided walkthroughs in one SQL statement per table.
async fn generate(store: &Store, n: u64) {
    let start = Instant::now();
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
    .execute(store.sqlite_pool().expect("a SQLite store"))
    .await
    .expect("generate walkthroughs");
    sqlx::query(
        "INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, goal_detail, g1, g2, \
           g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, \
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
         FROM walkthroughs",
    )
    .execute(store.sqlite_pool().expect("a SQLite store"))
    .await
    .expect("generate decisions");
    sqlx::query("ANALYZE")
        .execute(store.sqlite_pool().expect("a SQLite store"))
        .await
        .expect("analyze");
    println!(
        "generated {n} decisions in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

/// Peak RSS (KiB) of the largest child process waited for so far.
fn children_peak_rss_kib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes into the provided, properly sized struct.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) };
    if ok != 0 {
        return -1;
    }
    // SAFETY: initialised by the successful call above.
    unsafe { usage.assume_init() }.ru_maxrss
}

#[tokio::main]
async fn main() {
    let n = rows();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::open_url(&url).await.expect("open");
    generate(&store, n).await;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database file: {:.0} MB", size as f64 / 1e6);

    let runs = 200;
    let filters: Vec<(&str, ListFilter)> = vec![
        ("list, no filter", ListFilter::default()),
        (
            "list, guild + verdict",
            ListFilter {
                guild_id: Some(42),
                verdict: Some(VerdictKind::Premature),
                ..Default::default()
            },
        ),
        (
            "list, guild + verdict, no match",
            ListFilter {
                guild_id: Some(42),
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
                guild_id: Some(7),
                status: Some(tunegate::store::Status::Decided),
                since: Some(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
                ..Default::default()
            },
        ),
    ];
    for (name, filter) in &filters {
        let (p50, p99) = measure(runs, || async {
            let rows = store.list(filter, 50, 0).await.expect("list");
            std::hint::black_box(rows);
        })
        .await;
        println!(
            "{name:<32} 50 rows: p50 {}  p99 {}  (target < 20 ms)",
            ms(p50),
            ms(p99)
        );
    }

    let (p50, p99) = measure(5, || async {
        std::hint::black_box(store.stats(&ListFilter::default()).await.expect("stats"));
    })
    .await;
    println!(
        "stats, all {n} decisions:         p50 {}  max {}  (target < 500 ms)",
        ms(p50),
        ms(p99)
    );
    let (p50, _) = measure(5, || async {
        let guild = ListFilter {
            guild_id: Some(3),
            ..Default::default()
        };
        std::hint::black_box(store.stats(&guild).await.expect("stats"));
    })
    .await;
    println!("stats, one guild:                 p50 {}", ms(p50));

    // Export through the real binary, so its peak memory is measured on its own.
    let out = dir.path().join("export.csv");
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_tunegate"))
        .args(["decisions", "export", "--format", "csv", "--out"])
        .arg(&out)
        .env("DATABASE_URL", &url)
        .status()
        .expect("run tunegate export");
    let took = start.elapsed();
    assert!(status.success(), "export failed");
    let csv_size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "CSV export of all {n} rows:        {:.2} s, {:.0} MB written, peak RSS {:.1} MB  \
         (targets < 5 s, < 50 MB)",
        took.as_secs_f64(),
        csv_size as f64 / 1e6,
        children_peak_rss_kib() as f64 / 1024.0
    );

    // Recording answers: each one a click through `App::answer`, the bot's path (checked,
    // decided and written in one transaction, with an interaction id like Discord's).
    let flow = App::new(store.clone(), ChecklistContent::built_in());
    let me = Person::new("bench", "bench");
    let walkthroughs = 1000;
    let mut ids = Vec::with_capacity(walkthroughs);
    for i in 0..walkthroughs {
        let (rec, _) = flow
            .start(
                Start {
                    source: Source::Slash,
                    place: Place {
                        guild_id: Some(1),
                        channel_id: Some(10),
                        ..Place::default()
                    },
                    requester: me.clone(),
                    trigger_text: format!("bench {i}"),
                    revisit_of: None,
                },
                Utc::now(),
            )
            .await
            .expect("start");
        ids.push(rec.id);
    }
    let start = Instant::now();
    let mut answers = 0u64;
    let click = |id: i64, at: Step, input: Input, n: u64| Click {
        walkthrough_id: id,
        at,
        input,
        actor: Actor {
            person: me.clone(),
            roles: Vec::new(),
        },
        here: Here {
            guild: Some(1),
            channel: 10,
        },
        interaction_id: format!("bench-{n}"),
    };
    for id in &ids {
        let goal = Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::ToneStyle,
            detail: None,
        }));
        flow.answer(click(*id, Step::Goal, goal, answers), Utc::now())
            .await
            .expect("answer");
        answers += 1;
        for gate in Gate::ALL {
            let input = Input::Answer(Answer::Gate(*gate, GateAnswer::Yes));
            flow.answer(click(*id, Step::Gate(*gate), input, answers), Utc::now())
                .await
                .expect("answer");
            answers += 1;
        }
    }
    let rate = answers as f64 / start.elapsed().as_secs_f64();
    let raw = raw_transaction_rate(&store, 5_000).await;
    println!(
        "recording answers (load + decide + one transaction each): {rate:.0} per second \
         over {answers} answers  (target > 5,000/s)\n\
         plain single-row transactions on the same pool and pragmas (BEGIN IMMEDIATE, one \
         INSERT, COMMIT, through sqlx): {raw:.0} per second; ratio {:.2}",
        rate / raw
    );
}
