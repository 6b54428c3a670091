//! Audit benchmark: what the Discord audit commands do, over a million decisions.
//!
//! Run with `cargo bench --bench audit` (release build). It generates its own data in a
//! temporary SQLite file: `TUNEGATE_BENCH_ROWS` decisions (default 1,000,000) across 100
//! guilds (10,000 each), the first thousand with six answers, a note and a review. Then it
//! times each command's work from the store to what is sent (query plus rendering, the chart
//! drawn and encoded, the export written and fitted into attachments) and prints one line per
//! measurement with its target. It never fails on a slow figure; it reports.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use tunegate::checklist::{ChecklistContent, VerdictKind};
use tunegate::discord::audit::history_filter;
use tunegate::discord::audit_id::HistoryQuery;
use tunegate::discord::audit_render::{PAGE_SIZE, detail_embeds, history_page, stats_embed};
use tunegate::discord::export_files;
use tunegate::store::{ExportFormat, ListFilter, ServerId, Store, WalkthroughId};

fn rows() -> u64 {
    std::env::var("TUNEGATE_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// Median and 99th percentile (the maximum for few runs) of `runs` timings of `f`.
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

/// Fills the database with `n` decided walkthroughs (the approach of `benches/store.rs`),
/// plus answers, a note and a review for the first thousand.
async fn generate(store: &Store, n: u64) {
    let start = Instant::now();
    let statements = [
        "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq LIMIT ?) \
         INSERT INTO walkthroughs (id, source, status, current_step, guild_id, channel_id, \
           thread_id, message_id, requester_id, requester_name, trigger_text, checklist_version, \
           created_at, updated_at, closed_at) \
         SELECT n, CASE n % 3 WHEN 0 THEN 'chat' WHEN 1 THEN 'slash' ELSE 'cli' END, 'decided', \
           'done', n % 100 + 1, 1000 + n % 7, 2000000 + n, 3000000 + n, \
           CAST(100000 + n % 5000 AS TEXT), 'user ' || (n % 5000), \
           'we should fine-tune the model for case ' || n, 'bench', \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes'), \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes'), \
           strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || n || ' minutes') FROM seq",
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
        "INSERT INTO answers (walkthrough_id, step, value, detail, answered_by_id, \
           answered_by_name, answered_at) \
         SELECT w.id, s.step, s.value, NULL, w.requester_id, w.requester_name, w.created_at \
         FROM walkthroughs w, (SELECT 'goal' AS step, 'output_format' AS value \
           UNION ALL SELECT 'g1', 'yes' UNION ALL SELECT 'g2', 'yes' \
           UNION ALL SELECT 'g3', 'not_sure' UNION ALL SELECT 'g4', 'yes' \
           UNION ALL SELECT 'drivers', 'd1') s WHERE w.id <= 1000",
        "INSERT INTO notes (walkthrough_id, author_id, author_name, body, created_at) \
         SELECT id, requester_id, requester_name, 'evals: https://example.com/run/' || id, \
           created_at FROM walkthroughs WHERE id <= 1000",
        "INSERT INTO reviews (walkthrough_id, guild_id, reviewer_id, reviewer_name, outcome, \
           note, revisit_on, created_at) \
         SELECT walkthrough_id, guild_id, '42', 'lead', 'revisit_later', 'after Q1', \
           '2030-01-01', decided_at FROM decisions WHERE walkthrough_id <= 1000",
        "ANALYZE",
    ];
    for (i, sql) in statements.into_iter().enumerate() {
        let q = sqlx::query(sql);
        let q = if i == 0 { q.bind(n as i64) } else { q };
        q.execute(store.sqlite_pool().expect("a SQLite store"))
            .await
            .expect("generate");
    }
    println!(
        "generated {n} decisions across 100 guilds in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

#[tokio::main]
async fn main() {
    let n = rows();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::open_url(&url).await.expect("open");
    generate(&store, n).await;
    let content = ChecklistContent::built_in();
    let guild = 42u64;
    println!(
        "database file: {:.0} MB",
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );

    // /finetune-audit history: one page (11 rows read, 10 rendered with buttons).
    let queries = [
        ("history, first page", HistoryQuery::default()),
        (
            "history, page 50",
            HistoryQuery {
                page: 49,
                ..HistoryQuery::default()
            },
        ),
        (
            "history, verdict",
            HistoryQuery {
                verdict: Some(VerdictKind::Justified),
                ..HistoryQuery::default()
            },
        ),
        (
            "history, requester",
            HistoryQuery {
                requester: Some(100_141), // user 141 asks in guild 42
                ..HistoryQuery::default()
            },
        ),
        (
            "history, since/until",
            HistoryQuery {
                since: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
                until: chrono::NaiveDate::from_ymd_opt(2025, 6, 30),
                ..HistoryQuery::default()
            },
        ),
        (
            "history, text",
            HistoryQuery {
                text: Some("case 4242".into()),
                ..HistoryQuery::default()
            },
        ),
    ];
    for (name, query) in &queries {
        let (p50, p99) = measure(200, || async {
            let filter = history_filter(ServerId(guild), query);
            let mut rows = store
                .list(&filter, PAGE_SIZE + 1, query.page * PAGE_SIZE)
                .await
                .expect("list");
            let has_next = rows.len() > PAGE_SIZE as usize;
            rows.truncate(PAGE_SIZE as usize);
            let _ = std::hint::black_box(history_page(
                tunegate::app::Lang::En,
                ServerId(guild),
                query,
                &rows,
                has_next,
            ));
        })
        .await;
        println!(
            "{name:<28} p50 {}  p99 {}  (target < 20 ms)",
            ms(p50),
            ms(p99)
        );
    }

    // /finetune-audit show: one decision with answers, a note and a review, rendered as embeds.
    let target = 941; // in guild 42 (941 % 100 + 1), with answers
    let (p50, p99) = measure(500, || async {
        let detail = store
            .detail(WalkthroughId(target), Some(ServerId(guild)))
            .await
            .expect("detail");
        std::hint::black_box(detail_embeds(tunegate::app::Lang::En, &content, &detail));
    })
    .await;
    println!(
        "{:<28} p50 {}  p99 {}  (target < 5 ms)",
        "show",
        ms(p50),
        ms(p99)
    );
    let (p50, p99) = measure(200, || async {
        let found = store
            .suggest_walkthroughs(ServerId(guild), "94", false, 25)
            .await
            .expect("suggest");
        std::hint::black_box(found);
    })
    .await;
    println!("{:<28} p50 {}  p99 {}", "autocomplete", ms(p50), ms(p99));

    // /finetune-audit stats: the statistics and the chart, drawn and encoded.
    for (name, filter) in [
        (
            "stats + chart, one guild",
            ListFilter {
                guild_id: Some(ServerId(guild)),
                ..ListFilter::default()
            },
        ),
        (
            "stats + chart, 365 days",
            ListFilter {
                guild_id: Some(ServerId(guild)),
                since: Some(Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap()),
                ..ListFilter::default()
            },
        ),
        ("stats + chart, all guilds", ListFilter::default()),
    ] {
        let stats = store.stats(&filter).await.expect("stats");
        let png_size = tunegate::chart::stats_png(&stats, "bench")
            .expect("chart")
            .len();
        let (p50, max) = measure(5, || async {
            let stats = store.stats(&filter).await.expect("stats");
            let png = tunegate::chart::stats_png(&stats, "bench").expect("chart");
            std::hint::black_box(png);
            let _ = std::hint::black_box(stats_embed(
                tunegate::app::Lang::En,
                &content,
                &stats,
                "bench",
                Some("c.png"),
            ));
        })
        .await;
        println!(
            "{name:<28} p50 {}  max {}  chart {} KB  (target < 1 s)",
            ms(p50),
            ms(max),
            png_size / 1000
        );
    }
    let stats = store.stats(&ListFilter::default()).await.expect("stats");
    let (p50, _) = measure(5, || async {
        std::hint::black_box(tunegate::chart::stats_png(&stats, "bench").expect("chart"));
    })
    .await;
    println!("{:<28} p50 {}", "  of which the chart alone", ms(p50));

    // /finetune-audit export: one guild's 10,000 decisions into memory, fitted into attachments.
    for (name, format, ext) in [
        ("export CSV, one guild", ExportFormat::Csv, "csv"),
        ("export JSON, one guild", ExportFormat::Json, "json"),
    ] {
        let filter = ListFilter {
            guild_id: Some(ServerId(guild)),
            ..ListFilter::default()
        };
        let run = || async {
            let rows = store.count(&filter).await.expect("count");
            let mut bytes = Vec::new();
            let written = store
                .export(&filter, format, &mut bytes)
                .await
                .expect("export");
            let size = bytes.len();
            let package = export_files::package(
                tunegate::app::Lang::En,
                bytes,
                &format!("d.{ext}"),
                10 * 1024 * 1024,
            )
            .expect("package");
            format!(
                "{written} of {rows} rows, {}, {} file(s)",
                export_files::human_size(tunegate::app::Lang::En, size),
                package.files.len()
            )
        };
        let summary = run().await;
        let (p50, max) = measure(5, || async {
            std::hint::black_box(run().await);
        })
        .await;
        println!(
            "{name:<28} p50 {}  max {}  ({summary})  (target < 1 s)",
            ms(p50),
            ms(max)
        );
    }
    let filter = ListFilter {
        guild_id: Some(ServerId(guild)),
        ..ListFilter::default()
    };
    let (p50, _) = measure(3, || async {
        let mut bytes = Vec::new();
        store
            .export(&filter, ExportFormat::Csv, &mut bytes)
            .await
            .expect("export");
        let package = export_files::package(tunegate::app::Lang::En, bytes, "d.csv", 200_000)
            .expect("package");
        std::hint::black_box(package);
    })
    .await;
    println!(
        "{:<28} p50 {}  (a 200 KB limit: gzip, split)",
        "export CSV, compressed",
        ms(p50)
    );
}
