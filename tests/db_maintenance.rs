//! Keeping the database in production, on real SQLite files: backups taken while the bot
//! writes and restored, backups that cannot be written, retention redaction, purging a guild.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use tunegate::app::{App, Start};
use tunegate::checklist::{
    Answer, ChecklistContent, Driver, DriverSet, Gate, GateAnswer, Goal, GoalChoice, Input, Step,
};
use tunegate::store::{
    ExportFormat, ListFilter, Person, Place, PurgeReport, REDACTED_TEXT, Source, Status, Store,
    StoreError,
};

struct TestDb {
    dir: tempfile::TempDir,
    url: String,
    path: PathBuf,
}

fn temp_db() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tunegate.db");
    TestDb {
        url: format!("sqlite://{}", path.display()),
        path,
        dir,
    }
}

async fn flow_on(url: &str) -> App {
    App::new(
        Store::open_url(url).await.unwrap(),
        ChecklistContent::built_in(),
    )
}

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap()
}

fn alice() -> Person {
    Person::new("111", "alice")
}

fn start_in(guild: u64, text: &str, revisit_of: Option<i64>) -> Start {
    Start {
        source: Source::Slash,
        place: Place {
            guild_id: Some(guild),
            channel_id: Some(10),
            thread_id: None,
            message_id: None,
        },
        requester: alice(),
        trigger_text: text.to_string(),
        revisit_of,
    }
}

/// A finished walkthrough (six answers, one decision) plus one note; returns its id.
async fn decided(flow: &App, s: Start, now: DateTime<Utc>) -> i64 {
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
async fn abandoned(flow: &App, s: Start, now: DateTime<Utc>) -> i64 {
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
    for table in ["walkthroughs", "answers", "notes", "decisions"] {
        let columns: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(store.pool())
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
            .fetch_all(store.pool())
            .await
            .unwrap();
        out.extend(rows.into_iter().map(|(r,)| r));
    }
    out
}

async fn export_json(store: &Store, guild: Option<u64>) -> serde_json::Value {
    let mut out = Vec::new();
    let filter = ListFilter {
        guild_id: guild,
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
    let flow = flow_on(&db.url).await;
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
    assert_eq!(original_rows.len(), 3 + 13 + 2 + 2, "{original_rows:#?}");
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
    let reader = flow_on(&db.url).await;
    for n in 0..20 {
        decided(&reader, start_in(1, &format!("seed {n}"), None), day(2)).await;
    }
    // A second pool on the same file, as the running bot would be.
    let writer = flow_on(&db.url).await;
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
    let flow = flow_on(&db.url).await;
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
    let flow = flow_on(&db.url).await;
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
    let flow = flow_on(&db.url).await;
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
async fn retention_redacts_only_old_proposals_and_notes_and_keeps_decisions_and_answers() {
    let db = temp_db();
    let flow = flow_on(&db.url).await;
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
    assert_eq!(report.cutoff, day(10));
    let after_old = flow.store().detail(old, None).await.unwrap();
    assert_eq!(after_old.walkthrough.trigger_text, REDACTED_TEXT);
    assert_eq!(after_old.notes.len(), 1);
    assert_eq!(after_old.notes[0].body, REDACTED_TEXT);
    assert_eq!(
        after_old.notes[0].created_at,
        before_old.notes[0].created_at
    );
    assert_eq!(
        serde_json::to_value(&after_old.decision).unwrap(),
        serde_json::to_value(&before_old.decision).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&after_old.answers).unwrap(),
        serde_json::to_value(&before_old.answers).unwrap()
    );
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
    assert_eq!((again.proposals, again.notes), (0, 0));
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_cutoff_after_now_redacts_nothing_started_after_now() {
    let db = temp_db();
    let flow = flow_on(&db.url).await;
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
    let flow = flow_on(&db.url).await;
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
    let flow = flow_on(&db.url).await;
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
        revisits_unlinked: 1,
    };
    assert_eq!(flow.store().guild_rows(7).await.unwrap(), expected);

    let report = flow.store().purge_guild(7).await.unwrap();

    assert_eq!(report, expected);
    assert!(flow.store().guild_rows(7).await.unwrap().is_empty());
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
    let flow = flow_on(&db.url).await;
    decided(&flow, start_in(7, "guild 7", None), day(2)).await;
    let before = dump(flow.store()).await;

    let report = flow.store().purge_guild(999).await.unwrap();

    assert!(report.is_empty(), "{report:?}");
    assert_eq!(report, PurgeReport::default());
    assert_eq!(dump(flow.store()).await, before);
    assert_sound(flow.store()).await;
}

#[tokio::test]
async fn a_dangling_reference_is_reported_by_the_foreign_key_check() {
    let db = temp_db();
    let flow = flow_on(&db.url).await;
    decided(&flow, start_in(7, "x", None), day(2)).await;
    let mut conn = flow.store().pool().acquire().await.unwrap();
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
