//! Keeping the database in production, on real SQLite files: backups taken while the bot
//! writes and restored, backups that cannot be written, retention redaction, purging a guild.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
#[path = "support/db.rs"]
mod db;

use db::{alice, app_on, temp_db};
use tunegate::app::{App, Start};
use tunegate::checklist::cost::{CostInputs, FineTunedPrice};
use tunegate::checklist::outcome::OutcomeResult;
use tunegate::checklist::{
    Answer, Driver, DriverSet, Gate, GateAnswer, Goal, GoalChoice, Input, Step,
};
use tunegate::store::{
    ExportFormat, GUILD_TABLES, IMPERSONAL_TEXT_COLUMNS, ListFilter, NewOutcome, NewReview,
    NewSuggestion, PERSONAL_TEXT_COLUMNS, Person, Place, PostId, PurgeReport, REDACTED_TEXT,
    ReviewOutcome, RoomId, ServerId, Source, Status, Store, StoreError, TABLES_WITHOUT_GUILD_DATA,
    WalkthroughId,
};

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap()
}

fn start_in(guild: u64, text: &str, revisit_of: Option<WalkthroughId>) -> Start {
    Start {
        source: Source::Command,
        place: Place {
            server: Some(ServerId(guild)),
            channel: Some(RoomId(10)),
            thread: None,
            message: None,
        },
        requester: alice(),
        trigger_text: text.to_string(),
        revisit_of,
    }
}

/// A finished walkthrough (six answers, one decision) plus one note; returns its id.
async fn decided(flow: &App, s: Start, now: DateTime<Utc>) -> WalkthroughId {
    let (rec, _) = flow.start(s, now).await.unwrap();
    let mut inputs = vec![(
        Step::Goal,
        Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::Other,
            detail: Some("a goal in the requester's words".to_string()),
        })),
    )];
    for g in Gate::ALL {
        inputs.push((
            Step::Gate(*g),
            Input::Answer(Answer::Gate(*g, GateAnswer::Yes)),
        ));
    }
    inputs.push((
        Step::Drivers,
        Input::Answer(Answer::Drivers(
            [Driver::Volume].into_iter().collect::<DriverSet>(),
        )),
    ));
    for (step, input) in inputs {
        flow.advance(rec.id, step, input, &alice(), None, now)
            .await
            .unwrap();
    }
    flow.store()
        .add_note(rec.id, &alice(), &format!("note on #{}", rec.id), now)
        .await
        .unwrap();
    rec.id
}

/// An abandoned walkthrough with one answer and no decision; returns its id.
async fn abandoned(flow: &App, s: Start, now: DateTime<Utc>) -> WalkthroughId {
    let (rec, _) = flow.start(s, now).await.unwrap();
    flow.advance(
        rec.id,
        Step::Goal,
        Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::ToneStyle,
            detail: None,
        })),
        &alice(),
        None,
        now,
    )
    .await
    .unwrap();
    flow.store()
        .close_walkthrough(rec.id, Status::Abandoned, now)
        .await
        .unwrap();
    rec.id
}

/// Every row of every tunegate table, each as SQLite's own quoted text, in rowid order.
async fn dump(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for table in GUILD_TABLES {
        let columns: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(store.sqlite_pool().expect("a SQLite store"))
                .await
                .unwrap();
        let quoted: Vec<String> = columns
            .iter()
            .map(|(c,)| format!("quote(\"{c}\")"))
            .collect();
        let sql = format!(
            "SELECT '{table}|' || {} FROM {table} ORDER BY rowid",
            quoted.join(" || '|' || ")
        );
        let rows: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(store.sqlite_pool().expect("a SQLite store"))
            .await
            .unwrap();
        out.extend(rows.into_iter().map(|(r,)| r));
    }
    out
}

async fn export_json(store: &Store, guild: Option<u64>) -> serde_json::Value {
    let mut out = Vec::new();
    let filter = ListFilter {
        guild_id: guild.map(ServerId),
        ..ListFilter::default()
    };
    store
        .export(&filter, ExportFormat::Json, &mut out)
        .await
        .unwrap();
    serde_json::from_slice(&out).unwrap()
}

async fn assert_sound(store: &Store) {
    assert_eq!(store.integrity_check().await.unwrap(), vec!["ok"]);
    assert_eq!(
        store.foreign_key_problems().await.unwrap(),
        Vec::<String>::new()
    );
}

async fn file_bytes(path: &Path) -> Vec<u8> {
    tokio::fs::read(path).await.unwrap()
}

#[tokio::test]
async fn a_restored_backup_matches_the_original_row_for_row() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let first = decided(&flow, start_in(1, "fine-tune for JSON", None), day(2)).await;
    decided(&flow, start_in(1, "revisit", Some(first)), day(3)).await;
    abandoned(&flow, start_in(2, "half done", None), day(4)).await;
    let backup = db.dir.path().join("backup.db");

    let report = flow.store().backup_to(&backup).await.unwrap();

    assert_eq!(report.walkthroughs, 3);
    assert_eq!(report.decisions, 2);
    assert_eq!(report.path, backup);
    assert_eq!(report.bytes, std::fs::metadata(&backup).unwrap().len());
    let restored = Store::open_url(&format!("sqlite://{}", backup.display()))
        .await
        .unwrap();
    assert_sound(&restored).await;
    let original_rows = dump(flow.store()).await;
    // 3 walkthroughs, 13 answers, 2 notes, 2 decisions and their 2 follow-ups.
    assert_eq!(
        original_rows.len(),
        3 + 13 + 2 + 2 + 2,
        "{original_rows:#?}"
    );
    assert_eq!(dump(&restored).await, original_rows);
    assert_eq!(
        export_json(&restored, None).await,
        export_json(flow.store(), None).await
    );
    let detail = serde_json::to_value(restored.detail(first, None).await.unwrap()).unwrap();
    assert_eq!(
        detail,
        serde_json::to_value(flow.store().detail(first, None).await.unwrap()).unwrap()
    );
    assert_sound(flow.store()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_another_connection_writes_is_a_consistent_snapshot() {
    let db = temp_db();
    let reader = app_on(&db.url).await;
    for n in 0..20 {
        decided(&reader, start_in(1, &format!("seed {n}"), None), day(2)).await;
    }
    // A second pool on the same file, as the running bot would be.
    let writer = app_on(&db.url).await;
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let writing = {
        let (stop, written) = (stop.clone(), written.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                let n = written.load(Ordering::SeqCst);
                decided(&writer, start_in(2, &format!("live {n}"), None), day(3)).await;
                written.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    let mut reports = Vec::new();
    for n in 0..3 {
        // Each backup starts once the writer has made progress since the last one.
        let seen = written.load(Ordering::SeqCst);
        while written.load(Ordering::SeqCst) == seen {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let path = db.dir.path().join(format!("backup-{n}.db"));
        reports.push((path.clone(), reader.store().backup_to(&path).await.unwrap()));
    }
    stop.store(true, Ordering::SeqCst);
    writing.await.unwrap();
    let written = written.load(Ordering::SeqCst);

    let total = reader
        .store()
        .list(&ListFilter::default(), 1000, 0)
        .await
        .unwrap();
    assert_eq!(total.len(), 20 + written);
    let counts: Vec<u64> = reports.iter().map(|(_, r)| r.walkthroughs).collect();
    assert!(counts.windows(2).all(|w| w[0] < w[1]), "{counts:?}");
    let original = dump(reader.store()).await;
    for (path, report) in reports {
        let copy = Store::open_url(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        assert_sound(&copy).await;
        let rows = copy.list(&ListFilter::default(), 1000, 0).await.unwrap();
        assert_eq!(rows.len() as u64, report.walkthroughs);
        assert!(report.walkthroughs > 20);
        // A snapshot: every walkthrough in it is whole (transactions are never half copied),
        // and every row it holds is exactly a row of the original, except the state of
        // walkthroughs that were still in progress.
        for row in &rows {
            let detail = copy.detail(row.id, None).await.unwrap();
            if detail.walkthrough.status == Status::Decided {
                assert_eq!(detail.answers.len(), 6, "#{}", row.id);
                assert!(detail.decision.is_some(), "#{}", row.id);
            }
        }
        let in_progress = |r: &String| r.starts_with("walkthroughs|") && !r.contains("|'decided'|");
        let copied = dump(&copy).await;
        assert!(copied.len() > 20 * (1 + 6 + 1 + 1));
        for row in copied.iter().filter(|r| !in_progress(r)) {
            assert!(original.contains(row), "not in the original: {row}");
        }
    }
    assert_sound(reader.store()).await;
}

#[tokio::test]
async fn a_backup_into_a_missing_folder_fails_clearly_and_changes_nothing() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    decided(&flow, start_in(1, "x", None), day(2)).await;
    let before = dump(flow.store()).await;
    let target = db.dir.path().join("no-such-folder").join("backup.db");

    let err = flow.store().backup_to(&target).await.unwrap_err();

    assert!(matches!(err, StoreError::BackupFailed { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("no-such-folder/backup.db"), "{text}");
    assert!(text.contains("Check that its folder exists"), "{text}");
    assert!(text.contains("database itself was not changed"), "{text}");
    assert!(!target.exists());
    assert_eq!(dump(flow.store()).await, before);
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_backup_where_nothing_can_be_written_fails_clearly_and_changes_nothing() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    decided(&flow, start_in(1, "x", None), day(2)).await;
    let before = dump(flow.store()).await;
    // A regular file where the folder should be: not writable even for root.
    let not_a_folder = db.dir.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").unwrap();
    let mut targets = vec![not_a_folder.join("backup.db")];
    // A read-only folder stops everyone but root.
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        use std::os::unix::fs::PermissionsExt;
        let locked = db.dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        targets.push(locked.join("backup.db"));
    }

    for target in targets {
        let err = flow.store().backup_to(&target).await.unwrap_err();
        assert!(matches!(err, StoreError::BackupFailed { .. }), "{err:?}");
        assert!(err.to_string().contains("may write there"), "{err}");
        assert!(!target.exists());
    }
    assert_eq!(dump(flow.store()).await, before);
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_backup_never_overwrites_an_existing_file() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    decided(&flow, start_in(1, "x", None), day(2)).await;
    let earlier = db.dir.path().join("earlier.db");
    flow.store().backup_to(&earlier).await.unwrap();
    let earlier_bytes = file_bytes(&earlier).await;
    let precious = db.dir.path().join("precious.txt");
    std::fs::write(&precious, "not a database").unwrap();

    for target in [&earlier, &precious, &db.path] {
        let err = flow.store().backup_to(target).await.unwrap_err();
        assert!(matches!(err, StoreError::BackupExists { .. }), "{err:?}");
        assert!(err.to_string().contains("never overwrites"), "{err}");
    }
    assert_eq!(file_bytes(&earlier).await, earlier_bytes);
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "not a database"
    );
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn retention_redacts_only_old_personal_text_and_keeps_verdicts_and_answers() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let old = decided(&flow, start_in(1, "old proposal", None), day(1)).await;
    let old_open = flow
        .start(start_in(2, "old, never answered", None), day(2))
        .await
        .unwrap()
        .0
        .id;
    let recent = decided(&flow, start_in(1, "recent proposal", None), day(20)).await;
    let before_old = flow.store().detail(old, None).await.unwrap();
    let before_recent =
        serde_json::to_value(flow.store().detail(recent, None).await.unwrap()).unwrap();

    let report = flow
        .store()
        .redact_older_than(day(10), day(25))
        .await
        .unwrap();

    assert_eq!((report.proposals, report.notes), (2, 1));
    // The "something else" goal's words: in its answer and in its decision.
    assert_eq!(report.goal_details, 2);
    // alice's name: two walkthroughs, six answers, one note.
    assert_eq!(report.names, 2 + 6 + 1);
    assert_eq!(report.cutoff, day(10));
    let after_old = flow.store().detail(old, None).await.unwrap();
    assert_eq!(after_old.walkthrough.trigger_text, REDACTED_TEXT);
    assert_eq!(after_old.walkthrough.requester.name, REDACTED_TEXT);
    assert_eq!(after_old.walkthrough.requester.id, "111");
    assert_eq!(after_old.notes.len(), 1);
    assert_eq!(after_old.notes[0].body, REDACTED_TEXT);
    assert_eq!(after_old.notes[0].author.name, REDACTED_TEXT);
    assert_eq!(
        after_old.notes[0].created_at,
        before_old.notes[0].created_at
    );
    let (decision, was) = (
        after_old.decision.clone().unwrap(),
        before_old.decision.clone().unwrap(),
    );
    assert_eq!(decision.goal_detail.as_deref(), Some(REDACTED_TEXT));
    assert_eq!(
        was.goal_detail.as_deref(),
        Some("a goal in the requester's words")
    );
    assert_eq!(
        (
            decision.verdict,
            decision.gates,
            decision.drivers,
            decision.decided_at
        ),
        (was.verdict, was.gates, was.drivers, was.decided_at)
    );
    assert_eq!(after_old.answers.len(), before_old.answers.len());
    for (after, before) in after_old.answers.iter().zip(&before_old.answers) {
        assert_eq!(
            (
                &after.step,
                &after.value,
                &after.answered_by.id,
                after.answered_at
            ),
            (
                &before.step,
                &before.value,
                &before.answered_by.id,
                before.answered_at
            )
        );
        assert_eq!(after.answered_by.name, REDACTED_TEXT);
        assert_eq!(
            after.detail.as_deref(),
            before.detail.as_ref().map(|_| REDACTED_TEXT)
        );
    }
    assert_eq!(after_old.walkthrough.status, Status::Decided);
    assert_eq!(
        after_old.walkthrough.updated_at,
        before_old.walkthrough.updated_at
    );
    let open = flow.store().walkthrough(old_open).await.unwrap();
    assert_eq!(open.trigger_text, REDACTED_TEXT);
    assert_eq!(
        serde_json::to_value(flow.store().detail(recent, None).await.unwrap()).unwrap(),
        before_recent
    );
    let again = flow
        .store()
        .redact_older_than(day(10), day(25))
        .await
        .unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_cutoff_after_now_redacts_nothing_started_after_now() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let id = decided(&flow, start_in(1, "started on day 5", None), day(5)).await;

    let report = flow
        .store()
        .redact_older_than(day(30), day(4))
        .await
        .unwrap();

    assert_eq!((report.proposals, report.notes), (0, 0));
    assert_eq!(report.cutoff, day(4));
    let w = flow.store().walkthrough(id).await.unwrap();
    assert_eq!(w.trigger_text, "started on day 5");
}

#[tokio::test]
async fn redacted_text_is_gone_from_the_database_files() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let secret = "PROJECT-NIGHTJAR-SECRET";
    let id = decided(
        &flow,
        start_in(1, &format!("tune on {secret}"), None),
        day(1),
    )
    .await;
    flow.store()
        .add_note(id, &alice(), &format!("data from {secret}"), day(1))
        .await
        .unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.path.display()));
    let holds_secret = |bytes: &[u8]| bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
    let mut before = file_bytes(&db.path).await;
    before.extend(file_bytes(&wal).await);
    assert!(holds_secret(&before), "the test must see the text before");

    flow.store()
        .redact_older_than(day(10), day(20))
        .await
        .unwrap();

    let mut after = file_bytes(&db.path).await;
    if wal.exists() {
        after.extend(file_bytes(&wal).await);
    }
    assert!(!holds_secret(&after), "redacted text is still in the files");
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn purging_a_guild_removes_exactly_its_rows_and_reports_them() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let first = decided(&flow, start_in(7, "guild 7, first", None), day(2)).await;
    decided(&flow, start_in(7, "guild 7, revisit", Some(first)), day(3)).await;
    abandoned(&flow, start_in(7, "guild 7, abandoned", None), day(4)).await;
    let kept = decided(&flow, start_in(8, "guild 8", None), day(2)).await;
    // Revisits stay within a guild in practice; the purge must not be blocked if one does not.
    let elsewhere = decided(
        &flow,
        start_in(8, "guild 8 revisits 7", Some(first)),
        day(5),
    )
    .await;
    let other_guild_before = export_json(flow.store(), Some(8)).await;
    let kept_before = serde_json::to_value(flow.store().detail(kept, None).await.unwrap()).unwrap();
    let expected = PurgeReport {
        walkthroughs: 3,
        answers: 6 + 6 + 1,
        notes: 2,
        decisions: 2,
        reviews: 0,
        review_reminders: 0,
        outcomes: 0,
        follow_ups: 2,
        cost_estimates: 0,
        suggestions: 0,
        revisits_unlinked: 1,
        setting_changes: 0,
        log_posts: 0,
    };
    assert_eq!(
        flow.store().guild_rows(ServerId(7)).await.unwrap(),
        expected
    );

    purge_leaves_nothing(&flow, ServerId(7), &expected).await;
    assert_eq!(
        export_json(flow.store(), Some(7)).await,
        serde_json::json!([])
    );
    assert_eq!(export_json(flow.store(), Some(8)).await, other_guild_before);
    assert_eq!(
        serde_json::to_value(flow.store().detail(kept, None).await.unwrap()).unwrap(),
        kept_before
    );
    let unlinked = flow.store().walkthrough(elsewhere).await.unwrap();
    assert_eq!(unlinked.revisit_of, None);
    assert_eq!(unlinked.trigger_text, "guild 8 revisits 7");
    let rows = dump(flow.store()).await;
    assert_eq!(
        rows.iter()
            .filter(|r| r.starts_with("walkthroughs|"))
            .count(),
        2
    );
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("answers|")).count(),
        12
    );
    assert_eq!(rows.iter().filter(|r| r.starts_with("notes|")).count(), 2);
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("decisions|")).count(),
        2
    );
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn purging_an_unknown_guild_deletes_nothing_and_reports_zero() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    decided(&flow, start_in(7, "guild 7", None), day(2)).await;
    let before = dump(flow.store()).await;

    let report = flow.store().purge_guild(ServerId(999)).await.unwrap();

    assert!(report.is_empty(), "{report:?}");
    assert_eq!(report, PurgeReport::default());
    assert_eq!(dump(flow.store()).await, before);
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_dangling_reference_is_reported_by_the_foreign_key_check() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    decided(&flow, start_in(7, "x", None), day(2)).await;
    let mut conn = flow
        .store()
        .sqlite_pool()
        .expect("a SQLite store")
        .acquire()
        .await
        .unwrap();
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO notes (walkthrough_id, author_id, author_name, body, created_at) \
         VALUES (4242, 'a', 'a', 'orphan', '2026-11-02T09:00:00.000Z')",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);

    let problems = flow.store().foreign_key_problems().await.unwrap();

    assert_eq!(
        problems,
        vec!["notes row 2 refers to a missing row of walkthroughs"]
    );
}

/// Every (table, column, declared type) of the live schema, SQLite's own tables aside.
async fn schema_columns(store: &Store) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT m.name, p.name, upper(p.type) FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    )
    .fetch_all(store.sqlite_pool().expect("a SQLite store"))
    .await
    .unwrap()
}

/// SQLite's rule for text affinity: a declared type with CHAR, CLOB or TEXT in it, or none.
fn holds_text(declared: &str) -> bool {
    declared.is_empty()
        || ["CHAR", "CLOB", "TEXT"]
            .iter()
            .any(|t| declared.contains(t))
}

#[tokio::test]
async fn every_text_column_is_either_redacted_or_listed_as_impersonal_with_a_reason() {
    let db = temp_db();
    let store = Store::open_url(&db.url).await.unwrap();
    let mut unlisted = Vec::new();
    let mut seen = Vec::new();
    for (table, column, declared) in schema_columns(&store).await {
        if !holds_text(&declared) {
            continue;
        }
        let personal = PERSONAL_TEXT_COLUMNS.contains(&(table.as_str(), column.as_str()));
        let impersonal = IMPERSONAL_TEXT_COLUMNS
            .iter()
            .any(|(t, c, why)| *t == table && *c == column && !why.trim().is_empty());
        assert!(
            !(personal && impersonal),
            "{table}.{column} is in both lists"
        );
        if !personal && !impersonal {
            unlisted.push(format!("{table}.{column}"));
        }
        seen.push((table, column));
    }
    assert!(
        unlisted.is_empty(),
        "text columns that retention neither redacts nor lists as impersonal \
         (src/store/erasure.rs): {unlisted:?}"
    );
    // And no stale entries: every listed column exists.
    let listed = PERSONAL_TEXT_COLUMNS
        .iter()
        .copied()
        .chain(IMPERSONAL_TEXT_COLUMNS.iter().map(|(t, c, _)| (*t, *c)));
    for (t, c) in listed {
        assert!(
            seen.iter().any(|(table, column)| table == t && column == c),
            "{t}.{c} is listed but is not a text column of the schema"
        );
    }
}

#[tokio::test]
async fn every_table_is_either_purged_per_guild_or_listed_as_holding_no_guild_data() {
    let db = temp_db();
    let store = Store::open_url(&db.url).await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(store.sqlite_pool().expect("a SQLite store"))
    .await
    .unwrap();
    for (table,) in &tables {
        let purged = GUILD_TABLES.contains(&table.as_str());
        let exempt = TABLES_WITHOUT_GUILD_DATA.iter().any(|(t, _)| t == table);
        assert!(
            purged ^ exempt,
            "table {table} must be in exactly one of GUILD_TABLES and TABLES_WITHOUT_GUILD_DATA \
             (src/store/erasure.rs)"
        );
    }
}

/// A guild with a row of every kind: a decided walkthrough with a described goal, a note, an
/// agreed review and a revisit review whose reminder was claimed; a chat walkthrough that was
/// dismissed (the cooldown reads those); an abandoned one. Every text a person gave contains
/// `marker`. Returns the decided walkthrough's id.
async fn every_kind_of_row(
    flow: &App,
    guild: u64,
    marker: &str,
    now: DateTime<Utc>,
) -> WalkthroughId {
    let person = Person::new(format!("{guild}1"), format!("{marker} person"));
    let start = |source, text: String, message_id| Start {
        source,
        place: Place {
            server: Some(ServerId(guild)),
            channel: Some(RoomId(guild * 10)),
            thread: Some(RoomId(guild * 100 + message_id)),
            message: Some(PostId(guild * 1000 + message_id)),
        },
        requester: person.clone(),
        trigger_text: text,
        revisit_of: None,
    };
    let (rec, _) = flow
        .start(start(Source::Chat, format!("{marker} proposal"), 1), now)
        .await
        .unwrap();
    let mut inputs = vec![(
        Step::Goal,
        Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::Other,
            detail: Some(format!("{marker} goal")),
        })),
    )];
    for g in Gate::ALL {
        inputs.push((
            Step::Gate(*g),
            Input::Answer(Answer::Gate(*g, GateAnswer::Yes)),
        ));
    }
    inputs.push((
        Step::Drivers,
        Input::Answer(Answer::Drivers(
            [Driver::Privacy].into_iter().collect::<DriverSet>(),
        )),
    ));
    for (n, (step, input)) in inputs.into_iter().enumerate() {
        let interaction = format!("{guild}-{n}");
        flow.advance(rec.id, step, input, &person, Some(&interaction), now)
            .await
            .unwrap();
    }
    flow.store()
        .add_note(rec.id, &person, &format!("{marker} note"), now)
        .await
        .unwrap();
    for (outcome, revisit_on) in [
        (ReviewOutcome::Agreed, None),
        (
            ReviewOutcome::RevisitLater,
            Some(now.date_naive() + chrono::Days::new(30)),
        ),
    ] {
        let review = flow
            .store()
            .add_review(&NewReview {
                walkthrough_id: rec.id,
                guild_id: Some(ServerId(guild)),
                reviewer: Person::new(format!("{guild}2"), format!("{marker} reviewer")),
                outcome,
                note: Some(format!("{marker} review note")),
                revisit_on,
                now,
            })
            .await
            .unwrap();
        if revisit_on.is_some() {
            assert!(
                flow.store()
                    .claim_revisit_reminder(review.id, now)
                    .await
                    .unwrap()
            );
        }
    }
    let recorder = Person::new(format!("{guild}3"), format!("{marker} recorder"));
    flow.store()
        .record_outcome(&NewOutcome {
            walkthrough_id: rec.id,
            guild_id: Some(ServerId(guild)),
            result: OutcomeResult::PaidOff,
            recorder: &recorder,
            note: Some(&format!("{marker} outcome note")),
            follow_up_round: None,
            interaction_id: None,
            now,
        })
        .await
        .unwrap();
    let inputs = CostInputs {
        requests_per_month: 10_000_000.0,
        input_tokens: 1000.0,
        output_tokens: 200.0,
        price_in: 2.5,
        price_out: 10.0,
        fine_tuned: FineTunedPrice::Ratio(10.0),
        training_cost: 20_000.0,
        upkeep_per_month: 5_000.0,
    };
    flow.store()
        .record_cost_estimate(
            rec.id,
            Some(ServerId(guild)),
            &inputs,
            &inputs.estimate().unwrap(),
            &Person::new(format!("{guild}4"), format!("{marker} estimator")),
            None,
            now,
        )
        .await
        .unwrap();
    flow.store()
        .record_suggestion(&NewSuggestion {
            guild_id: ServerId(guild),
            channel_id: RoomId(guild * 10),
            message_id: PostId(guild * 1000 + 9),
            author: &Person::new(format!("{guild}5"), format!("{marker} suggested author")),
            text: &format!("{marker} suggested text"),
            score: 0.5,
            now,
        })
        .await
        .unwrap()
        .unwrap();
    // A per-server setting (the decision log channel) and the log posts it made: the verdict
    // and the outcome.
    flow.store()
        .record_setting_changes(
            ServerId(guild),
            &[("log_channel", Some(format!("{}", guild * 10)))],
            &Person::new(format!("{guild}6"), format!("{marker} settings changer")),
            now - chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    let posts = flow
        .store()
        .claim_log_items(
            ServerId(guild),
            RoomId(guild * 10),
            now - chrono::Duration::hours(1),
            now,
            chrono::Duration::minutes(5),
            10,
        )
        .await
        .unwrap();
    assert_eq!(posts.len(), 2, "the verdict and the outcome: {posts:?}");
    let (dismissed, _) = flow
        .start(start(Source::Chat, format!("{marker} dismissed"), 2), now)
        .await
        .unwrap();
    flow.store()
        .close_walkthrough(dismissed.id, Status::Dismissed, now)
        .await
        .unwrap();
    abandoned(
        flow,
        start(Source::Command, format!("{marker} abandoned"), 3),
        now,
    )
    .await;
    rec.id
}

/// Every value of every text column, as (table.column, value).
async fn all_text(store: &Store) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (table, column, declared) in schema_columns(store).await {
        if !holds_text(&declared) {
            continue;
        }
        let sql = format!("SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\"");
        let values: Vec<(Option<String>,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(store.sqlite_pool().expect("a SQLite store"))
            .await
            .unwrap();
        out.extend(
            values
                .into_iter()
                .flat_map(|(v,)| v)
                .map(|v| (format!("{table}.{column}"), v)),
        );
    }
    out
}

#[tokio::test]
async fn retention_leaves_no_personal_text_in_any_column_of_an_old_walkthrough() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let old = every_kind_of_row(&flow, 7, "OLD-SECRET", day(1)).await;
    every_kind_of_row(&flow, 8, "RECENT", day(20)).await;
    let verdict_before = flow
        .store()
        .detail(old, None)
        .await
        .unwrap()
        .decision
        .unwrap();
    assert!(
        all_text(flow.store())
            .await
            .iter()
            .any(|(_, v)| v.contains("OLD-SECRET"))
    );

    let report = flow
        .store()
        .redact_older_than(day(10), day(25))
        .await
        .unwrap();

    let left: Vec<_> = all_text(flow.store())
        .await
        .into_iter()
        .filter(|(_, v)| v.contains("OLD-SECRET"))
        .collect();
    assert!(
        left.is_empty(),
        "personal text left after retention: {left:?}"
    );
    // Two review notes and one outcome note.
    assert_eq!(report.review_notes, 3);
    let recent = all_text(flow.store()).await;
    for column in PERSONAL_TEXT_COLUMNS {
        let name = format!("{}.{}", column.0, column.1);
        assert!(
            recent
                .iter()
                .any(|(c, v)| *c == name && v.contains("RECENT")),
            "the recent walkthrough keeps {name}"
        );
    }
    let verdict_after = flow
        .store()
        .detail(old, None)
        .await
        .unwrap()
        .decision
        .unwrap();
    assert_eq!(
        (
            verdict_after.verdict,
            verdict_after.gates,
            verdict_after.reasons
        ),
        (
            verdict_before.verdict,
            verdict_before.gates,
            verdict_before.reasons
        )
    );
    let reviews = flow.store().reviews_of(old).await.unwrap();
    assert_eq!(reviews.len(), 2);
    assert!(
        reviews
            .iter()
            .all(|r| r.note.as_deref() == Some(REDACTED_TEXT))
    );
    assert_eq!(reviews[1].outcome, ReviewOutcome::RevisitLater);
    assert!(reviews[1].revisit_on.is_some());
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn append_only_tables_refuse_changes_outside_a_sanctioned_erasure() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let id = every_kind_of_row(&flow, 7, "X", day(1)).await;
    for sql in [
        "UPDATE answers SET detail = 'changed'",
        "UPDATE answers SET answered_by_name = 'changed'",
        "DELETE FROM answers",
        "UPDATE decisions SET goal_detail = 'changed'",
        "DELETE FROM decisions",
        "UPDATE reviews SET note = 'changed'",
        "DELETE FROM reviews",
        "UPDATE outcomes SET note = 'changed'",
        "DELETE FROM outcomes",
        "UPDATE guild_setting_changes SET value = 'false'",
        "UPDATE guild_setting_changes SET changed_by_name = 'changed'",
        "DELETE FROM guild_setting_changes",
    ] {
        let err = sqlx::query(sql)
            .execute(flow.store().sqlite_pool().expect("a SQLite store"))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    // Even inside an erasure, only the personal columns may change.
    let mut tx = flow
        .store()
        .sqlite_pool()
        .expect("a SQLite store")
        .begin()
        .await
        .unwrap();
    sqlx::query("INSERT INTO erasure_in_progress (id) VALUES (1)")
        .execute(&mut *tx)
        .await
        .unwrap();
    for sql in [
        "UPDATE answers SET value = 'no'",
        "UPDATE decisions SET verdict = 'premature'",
        "UPDATE reviews SET outcome = 'overruled'",
        "UPDATE outcomes SET result = 'dropped'",
        "UPDATE guild_setting_changes SET value = 'false'",
    ] {
        let err = sqlx::query(sql).execute(&mut *tx).await.unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    tx.rollback().await.unwrap();
    let detail = flow.store().detail(id, None).await.unwrap();
    assert_eq!(detail.answers.len(), 6);
    assert_eq!(
        detail.decision.unwrap().goal_detail.as_deref(),
        Some("X goal")
    );
    assert_eq!(detail.reviews.len(), 2);
}

#[tokio::test]
async fn purging_a_guild_with_reviews_and_reminders_removes_every_row_of_it_from_every_table() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    every_kind_of_row(&flow, 7, "GUILD-SEVEN-SECRET", day(1)).await;
    let kept = every_kind_of_row(&flow, 8, "guild eight", day(2)).await;
    let kept_before = serde_json::to_value(flow.store().detail(kept, None).await.unwrap()).unwrap();
    let expected = PurgeReport {
        walkthroughs: 3,
        answers: 6 + 1,
        notes: 1,
        decisions: 1,
        reviews: 2,
        review_reminders: 1,
        outcomes: 1,
        follow_ups: 1,
        cost_estimates: 1,
        suggestions: 1,
        revisits_unlinked: 0,
        setting_changes: 1,
        log_posts: 2,
    };
    assert_eq!(
        flow.store().guild_rows(ServerId(7)).await.unwrap(),
        expected
    );

    purge_leaves_nothing(&flow, ServerId(7), &expected).await;
    for table in GUILD_TABLES {
        let sql = format!("SELECT count(*) FROM \"{table}\"");
        let (rows,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_one(flow.store().sqlite_pool().expect("a SQLite store"))
            .await
            .unwrap();
        assert!(rows > 0, "guild 8 still has rows in {table}");
    }
    let left: Vec<_> = all_text(flow.store())
        .await
        .into_iter()
        .filter(|(_, v)| v.contains("GUILD-SEVEN-SECRET"))
        .collect();
    assert!(left.is_empty(), "guild 7's text is left: {left:?}");
    let (seven,): (i64,) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM walkthroughs WHERE guild_id = 7) \
         + (SELECT count(*) FROM reviews WHERE guild_id = 7) \
         + (SELECT count(*) FROM decisions WHERE guild_id = 7)",
    )
    .fetch_one(flow.store().sqlite_pool().expect("a SQLite store"))
    .await
    .unwrap();
    assert_eq!(seven, 0);
    assert_eq!(
        serde_json::to_value(flow.store().detail(kept, None).await.unwrap()).unwrap(),
        kept_before
    );
    // Guild 8's review reminder is still claimed.
    assert!(
        flow.store().reviews_of(kept).await.unwrap()[1]
            .reminded_at
            .is_some()
    );
    // The text is gone from the files too, not only from the tables.
    flow.store().close().await;
    let mut bytes = file_bytes(&db.path).await;
    let wal = PathBuf::from(format!("{}-wal", db.path.display()));
    if wal.exists() {
        bytes.extend(file_bytes(&wal).await);
    }
    let secret = b"GUILD-SEVEN-SECRET";
    assert!(!bytes.windows(secret.len()).any(|w| w == secret));
}

/// Purges `guild`, checks the report is `expected`, and that nothing of it is left.
async fn purge_leaves_nothing(flow: &App, guild: ServerId, expected: &PurgeReport) {
    let report = flow.store().purge_guild(guild).await.unwrap();
    assert_eq!(&report, expected);
    assert!(flow.store().guild_rows(guild).await.unwrap().is_empty());
}
