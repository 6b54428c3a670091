//! The store on real SQLite files: walkthroughs through the shared flow, races, replays,
//! append-only records, audit queries, exports, and every way the database file can be bad.

use std::time::Duration;

#[path = "support/answers.rs"]
mod answers;
#[path = "support/db.rs"]
#[macro_use]
mod db;

use chrono::{DateTime, TimeZone, Utc};
use db::{alice, app_on, temp_db};
use tunegate::app::{Advanced, App, AppError, Start};
use tunegate::checklist::{
    Answer, ChecklistContent, Driver, Gate, GateAnswer, Goal, GoalChoice, Input, Step, VerdictKind,
};
use tunegate::store::{
    BackendKind, ExportFormat, ListFilter, Person, Place, PostId, RoomId, ServerId, Source, Status,
    Store, StoreError, StoreOptions, WalkthroughId,
};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn start(source: Source, guild: u64, message: u64, who: Person, text: &str) -> Start {
    Start {
        source,
        place: Place {
            server: Some(ServerId(guild)),
            channel: Some(RoomId(10)),
            thread: None,
            message: Some(PostId(message)),
        },
        requester: who,
        trigger_text: text.to_string(),
        revisit_of: None,
    }
}

fn goal(g: Goal) -> Input {
    Input::Answer(Answer::Goal(GoalChoice {
        goal: g,
        detail: None,
    }))
}

fn gate(g: Gate, a: GateAnswer) -> Input {
    Input::Answer(Answer::Gate(g, a))
}

/// Runs a whole walkthrough and returns its id.
async fn decide(
    flow: &App,
    s: Start,
    gates: [GateAnswer; 4],
    d: &[Driver],
    now: DateTime<Utc>,
) -> WalkthroughId {
    let who = s.requester.clone();
    let (rec, _) = flow.start(s, now).await.unwrap();
    answers::answer_all(flow, rec.id, &who, gates, d, now).await;
    rec.id
}

const ALL_YES: [GateAnswer; 4] = [GateAnswer::Yes; 4];

on_both_backends! {
    #[tokio::test]
    async fn a_finished_walkthrough_records_every_answer_and_one_decision(db) {
        let flow = app_on(&db.url).await;
        let id = decide(
            &flow,
            start(Source::Chat, 1, 500, alice(), "we should fine-tune"),
            ALL_YES,
            &[Driver::Volume, Driver::Privacy],
            at(2, 9),
        )
        .await;
        let detail = flow.store().detail(id, Some(ServerId(1))).await.unwrap();
        assert_eq!(detail.walkthrough.status, Status::Decided);
        assert_eq!(detail.walkthrough.step, Step::Done);
        assert_eq!(detail.answers.len(), 6);
        let decision = detail.decision.unwrap();
        assert_eq!(decision.verdict, VerdictKind::Justified);
        assert_eq!(decision.drivers, [Driver::Volume, Driver::Privacy].into());
        assert_eq!(decision.checklist_version, flow.checklist_version());
        assert_eq!(decision.reasons.len(), 2);
        assert_eq!(flow.store().integrity_check().await.unwrap(), vec!["ok"]);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_changed_answer_keeps_the_old_one_in_the_history(db) {
        let flow = app_on(&db.url).await;
        let (rec, _) = flow
            .start(start(Source::Command, 1, 1, alice(), "x"), at(2, 9))
            .await
            .unwrap();
        let me = alice();
        let g1 = Step::Gate(Gate::Examples);
        flow.advance(
            rec.id,
            Step::Goal,
            goal(Goal::ToneStyle),
            &me,
            None,
            at(2, 9),
        )
        .await
        .unwrap();
        flow.advance(
            rec.id,
            g1,
            gate(Gate::Examples, GateAnswer::No),
            &me,
            None,
            at(2, 9),
        )
        .await
        .unwrap();
        flow.advance(
            rec.id,
            Step::Gate(Gate::Team),
            Input::Back,
            &me,
            None,
            at(2, 9),
        )
        .await
        .unwrap();
        flow.advance(
            rec.id,
            g1,
            gate(Gate::Examples, GateAnswer::Yes),
            &me,
            None,
            at(2, 10),
        )
        .await
        .unwrap();
        let detail = flow.store().detail(rec.id, None).await.unwrap();
        let g1_answers: Vec<&str> = detail
            .answers
            .iter()
            .filter(|a| a.step == "g1")
            .map(|a| a.value.as_str())
            .collect();
        assert_eq!(g1_answers, ["no", "yes"]);
        let loaded = flow.store().walkthrough(rec.id).await.unwrap();
        assert_eq!(loaded.answers.gate(Gate::Examples), Some(GateAnswer::Yes));
        assert_eq!(loaded.step, Step::Gate(Gate::Team));
    }
}

on_both_backends! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_clicks_racing_on_one_question_record_exactly_one_answer(db) {
        let flow = app_on(&db.url).await;
        for round in 0..20 {
            let (rec, _) = flow
                .start(start(Source::Command, 1, round, alice(), "race"), at(2, 9))
                .await
                .unwrap();
            let (me, first_id, second_id) = (alice(), format!("a{round}"), format!("b{round}"));
            // Two tasks on a multi-threaded runtime: both load the walkthrough at the same step.
            let (f1, f2) = (flow.clone(), flow.clone());
            let (me1, me2) = (me.clone(), me);
            let one = tokio::spawn(async move {
                f1.advance(
                    rec.id,
                    Step::Goal,
                    goal(Goal::OutputFormat),
                    &me1,
                    Some(&first_id),
                    at(2, 9),
                )
                .await
            });
            let two = tokio::spawn(async move {
                f2.advance(
                    rec.id,
                    Step::Goal,
                    goal(Goal::EdgeCases),
                    &me2,
                    Some(&second_id),
                    at(2, 9),
                )
                .await
            });
            let (a, b) = (one.await.unwrap(), two.await.unwrap());
            let oks = [&a, &b].iter().filter(|r| r.is_ok()).count();
            assert_eq!(oks, 1, "round {round}: {a:?} / {b:?}");
            let loser = if a.is_ok() { b } else { a };
            assert!(
                matches!(loser, Err(AppError::StaleStep { .. })),
                "{loser:?}"
            );
            let detail = flow.store().detail(rec.id, None).await.unwrap();
            assert_eq!(detail.answers.len(), 1);
        }
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_replayed_interaction_records_nothing_twice(db) {
        let flow = app_on(&db.url).await;
        let (rec, _) = flow
            .start(start(Source::Command, 1, 1, alice(), "x"), at(2, 9))
            .await
            .unwrap();
        let first = flow
            .advance(
                rec.id,
                Step::Goal,
                goal(Goal::OutputFormat),
                &alice(),
                Some("int-1"),
                at(2, 9),
            )
            .await
            .unwrap();
        assert!(matches!(first, Advanced::Moved { .. }));
        let again = flow
            .advance(
                rec.id,
                Step::Goal,
                goal(Goal::OutputFormat),
                &alice(),
                Some("int-1"),
                at(2, 9),
            )
            .await
            .unwrap();
        assert!(matches!(again, Advanced::Duplicate { .. }));
        assert_eq!(
            flow.store()
                .detail(rec.id, None)
                .await
                .unwrap()
                .answers
                .len(),
            1
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn the_same_chat_message_opens_one_walkthrough(db) {
        let flow = app_on(&db.url).await;
        let s = start(Source::Chat, 1, 42, alice(), "fine-tune?");
        let (first, created) = flow.start(s.clone(), at(2, 9)).await.unwrap();
        assert!(created);
        let (second, created_again) = flow.start(s, at(2, 9)).await.unwrap();
        assert!(!created_again);
        assert_eq!(first.id, second.id);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn recorded_decisions_and_answers_cannot_be_rewritten(db) {
        let flow = app_on(&db.url).await;
        let id = decide(
            &flow,
            start(Source::Cli, 1, 1, alice(), "x"),
            ALL_YES,
            &[],
            at(2, 9),
        )
        .await;
        let err = db::execute_raw(
            flow.store(),
            "UPDATE decisions SET verdict = 'justified' WHERE walkthrough_id = $1",
            Some(id.0),
        )
        .await
        .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
        let err = db::execute_raw(flow.store(), "UPDATE answers SET value = 'no'", None)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_closed_walkthrough_takes_no_more_answers(db) {
        let flow = app_on(&db.url).await;
        let (rec, _) = flow
            .start(start(Source::Chat, 1, 7, alice(), "x"), at(2, 9))
            .await
            .unwrap();
        assert!(
            flow.store()
                .close_walkthrough(rec.id, Status::Dismissed, at(2, 9))
                .await
                .unwrap()
        );
        assert!(
            !flow
                .store()
                .close_walkthrough(rec.id, Status::Abandoned, at(2, 9))
                .await
                .unwrap()
        );
        let err = flow
            .advance(
                rec.id,
                Step::Goal,
                goal(Goal::OutputFormat),
                &alice(),
                None,
                at(2, 9),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, AppError::Closed(Status::Dismissed)),
            "{err:?}"
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn hostile_text_is_stored_exactly_as_given(db) {
        let flow = app_on(&db.url).await;
        // PostgreSQL's text cannot hold U+0000 (the bot would report a database error);
        // SQLite keeps it.
        let nul = match flow.store().kind() {
            BackendKind::Sqlite => "\0",
            BackendKind::Postgres => "",
        };
        let hostile = format!(
            "@everyone <@&123> **x** \u{200b}\u{202e}\u{1b}[2J{nul} {}",
            "long ".repeat(2000)
        );
        let (rec, _) = flow
            .start(start(Source::Chat, 1, 8, alice(), &hostile), at(2, 9))
            .await
            .unwrap();
        flow.store()
            .add_note(rec.id, &alice(), &hostile, at(2, 9))
            .await
            .unwrap();
        let detail = flow.store().detail(rec.id, None).await.unwrap();
        assert_eq!(detail.walkthrough.trigger_text, hostile);
        assert_eq!(detail.notes[0].body, hostile);
        assert!(hostile.chars().count() > 10_000);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn listing_filters_by_verdict_status_requester_dates_text_and_guild(db) {
        let flow = app_on(&db.url).await;
        let bob = Person::new("222", "Bob");
        let no = [
            GateAnswer::No,
            GateAnswer::Yes,
            GateAnswer::Yes,
            GateAnswer::Yes,
        ];
        let p1 = decide(
            &flow,
            start(Source::Chat, 1, 1, alice(), "tune for JSON"),
            no,
            &[],
            at(1, 9),
        )
        .await;
        let j1 = decide(
            &flow,
            start(Source::Command, 1, 2, bob.clone(), "LoRA for latency"),
            ALL_YES,
            &[Driver::Latency],
            at(5, 9),
        )
        .await;
        let n2 = decide(
            &flow,
            start(Source::Command, 2, 3, bob.clone(), "other guild"),
            ALL_YES,
            &[],
            at(10, 9),
        )
        .await;
        let (open, _) = flow
            .start(start(Source::Chat, 1, 4, alice(), "still open"), at(12, 9))
            .await
            .unwrap();

        let ids =
            |rows: Vec<tunegate::store::DecisionSummary>| rows.iter().map(|r| r.id).collect::<Vec<_>>();
        let all = flow
            .store()
            .list(&ListFilter::default(), 50, 0)
            .await
            .unwrap();
        assert_eq!(ids(all), vec![open.id, n2, j1, p1], "newest first");

        let f = |f: ListFilter| f;
        let by_verdict = flow
            .store()
            .list(
                &f(ListFilter {
                    verdict: Some(VerdictKind::Premature),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(by_verdict), vec![p1]);
        let by_status = flow
            .store()
            .list(
                &f(ListFilter {
                    status: Some(Status::Open),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(by_status), vec![open.id]);
        let by_name = flow
            .store()
            .list(
                &f(ListFilter {
                    requester: Some("bob".into()),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(by_name), vec![n2, j1]);
        let by_id = flow
            .store()
            .list(
                &f(ListFilter {
                    requester: Some("111".into()),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(by_id), vec![open.id, p1]);
        let window = flow
            .store()
            .list(
                &f(ListFilter {
                    since: Some(at(2, 0)),
                    until: Some(at(11, 0)),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(window), vec![n2, j1]);
        let text = flow
            .store()
            .list(
                &f(ListFilter {
                    text: Some("lora".into()),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(text), vec![j1]);
        let guild2 = flow
            .store()
            .list(
                &f(ListFilter {
                    guild_id: Some(ServerId(2)),
                    ..Default::default()
                }),
                50,
                0,
            )
            .await
            .unwrap();
        assert_eq!(ids(guild2), vec![n2]);
        let page2 = flow
            .store()
            .list(&ListFilter::default(), 2, 2)
            .await
            .unwrap();
        assert_eq!(ids(page2), vec![j1, p1]);

        // A guild-scoped detail does not reveal another guild's walkthrough.
        assert!(matches!(
            flow.store().detail(n2, Some(ServerId(1))).await,
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            flow.store().detail(WalkthroughId(999), None).await,
            Err(StoreError::NotFound(WalkthroughId(999)))
        ));
    }
}

on_both_backends! {
    #[tokio::test]
    async fn stats_count_verdicts_gates_drivers_dismissals_and_months(db) {
        let flow = app_on(&db.url).await;
        let g3_fails = [
            GateAnswer::Yes,
            GateAnswer::Yes,
            GateAnswer::NotSure,
            GateAnswer::Yes,
        ];
        let g1_g3_fail = [
            GateAnswer::No,
            GateAnswer::Yes,
            GateAnswer::No,
            GateAnswer::Yes,
        ];
        decide(
            &flow,
            start(Source::Chat, 1, 1, alice(), "a"),
            g3_fails,
            &[Driver::Volume],
            Utc.with_ymd_and_hms(2026, 10, 3, 0, 0, 0).unwrap(),
        )
        .await;
        decide(
            &flow,
            start(Source::Chat, 1, 2, alice(), "b"),
            g1_g3_fail,
            &[],
            at(3, 0),
        )
        .await;
        decide(
            &flow,
            start(Source::Command, 1, 3, alice(), "c"),
            ALL_YES,
            &[Driver::Volume, Driver::Latency],
            at(4, 0),
        )
        .await;
        let (dismissed, _) = flow
            .start(start(Source::Chat, 1, 4, alice(), "d"), at(5, 0))
            .await
            .unwrap();
        flow.store()
            .close_walkthrough(dismissed.id, Status::Dismissed, at(5, 0))
            .await
            .unwrap();

        let s = flow.store().stats(&ListFilter::default()).await.unwrap();
        assert_eq!(s.walkthroughs, 4);
        assert_eq!(s.decisions, 3);
        assert_eq!(s.by_verdict["premature"], 2);
        assert_eq!(s.by_verdict["justified"], 1);
        assert_eq!(s.by_verdict["not_justified_yet"], 0);
        assert!((s.premature_share.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.most_failing_gate(), Some("g3"));
        assert_eq!(s.failing_gates[0], ("g3".to_string(), 2));
        assert_eq!(s.drivers[0], ("d1".to_string(), 2));
        assert_eq!(s.detections, 3);
        assert_eq!(s.dismissed_detections, 1);
        let months: Vec<(&str, u64, u64)> = s
            .by_month
            .iter()
            .map(|m| (m.month.as_str(), m.premature, m.justified))
            .collect();
        assert_eq!(months, vec![("2026-10", 1, 0), ("2026-11", 1, 1)]);

        let other_guild = flow
            .store()
            .stats(&ListFilter {
                guild_id: Some(ServerId(9)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(other_guild.walkthroughs, 0);
        assert_eq!(other_guild.premature_share, None);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn exports_stream_every_row_in_three_formats_and_defuse_formulas(db) {
        let flow = app_on(&db.url).await;
        decide(
            &flow,
            start(Source::Chat, 1, 1, alice(), "=HYPERLINK(\"http://x\")"),
            ALL_YES,
            &[Driver::Privacy],
            at(1, 0),
        )
        .await;
        flow.start(
            start(Source::Chat, 1, 2, alice(), "line\nbreak, \"quoted\""),
            at(2, 0),
        )
        .await
        .unwrap();

        let mut csv_out = Vec::new();
        let n = flow
            .store()
            .export(&ListFilter::default(), ExportFormat::Csv, &mut csv_out)
            .await
            .unwrap();
        assert_eq!(n, 2);
        let mut reader = csv::Reader::from_reader(csv_out.as_slice());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let text_col = headers.iter().position(|h| h == "trigger_text").unwrap();
        assert_eq!(&rows[0][text_col], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&rows[1][text_col], "line\nbreak, \"quoted\"");
        let verdict_col = headers.iter().position(|h| h == "verdict").unwrap();
        assert_eq!(&rows[0][verdict_col], "justified");
        assert_eq!(&rows[1][verdict_col], "");

        let mut json_out = Vec::new();
        flow.store()
            .export(&ListFilter::default(), ExportFormat::Json, &mut json_out)
            .await
            .unwrap();
        let parsed: Vec<serde_json::Value> = serde_json::from_slice(&json_out).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(
            parsed[0]["trigger_text"], "=HYPERLINK(\"http://x\")",
            "JSON keeps text as stored"
        );
        assert_eq!(parsed[0]["reasons"].as_array().unwrap().len(), 1);

        let mut lines_out = Vec::new();
        flow.store()
            .export(
                &ListFilter {
                    status: Some(Status::Open),
                    ..Default::default()
                },
                ExportFormat::JsonLines,
                &mut lines_out,
            )
            .await
            .unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(lines_out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["status"], "open");

        let mut empty = Vec::new();
        flow.store()
            .export(
                &ListFilter {
                    guild_id: Some(ServerId(77)),
                    ..Default::default()
                },
                ExportFormat::Json,
                &mut empty,
            )
            .await
            .unwrap();
        assert_eq!(
            serde_json::from_slice::<Vec<serde_json::Value>>(&empty)
                .unwrap()
                .len(),
            0
        );
    }
}

#[tokio::test]
async fn a_database_from_a_newer_tunegate_is_refused_with_directions() {
    let db = temp_db();
    let store = Store::open_url(&db.url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (29991231000000, 'from the future', 1, x'00', 0)",
    )
    .execute(store.sqlite_pool().expect("a SQLite store"))
    .await
    .unwrap();
    store.close().await;
    let err = Store::open_url(&db.url).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NewerSchema {
                version: 29991231000000,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("upgrade tunegate"), "{err}");
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_reported_as_damaged() {
    let db = temp_db();
    std::fs::write(&db.path, vec![b'x'; 8192]).unwrap();
    let err = Store::open_url(&db.url).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("backup"), "{err}");
}

#[tokio::test]
async fn a_database_in_a_missing_folder_says_where_and_what_to_do() {
    let err = Store::open_url("sqlite:///nonexistent-folder/sub/tunegate.db")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("/nonexistent-folder/sub/tunegate.db"),
        "{text}"
    );
    assert!(text.contains("DATABASE_URL"), "{text}");
}

#[tokio::test]
async fn a_read_only_database_refuses_writes_with_a_clear_error() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let (rec, _) = flow
        .start(start(Source::Command, 1, 1, alice(), "x"), at(2, 9))
        .await
        .unwrap();
    flow.store().close().await;
    let read_only = App::new(
        Store::open_url(&format!("{}?mode=ro", db.url))
            .await
            .unwrap(),
        ChecklistContent::built_in(),
    );
    let err = read_only
        .advance(
            rec.id,
            Step::Goal,
            goal(Goal::OutputFormat),
            &alice(),
            None,
            at(2, 9),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Unavailable(StoreError::ReadOnly)),
        "{err:?}"
    );
    // The operator's log says why; the person is only told to try again.
    let cause = err.operator_cause().expect("an operator cause").to_string();
    assert!(cause.contains("read-only"), "{cause}");
    assert!(err.to_string().contains("try again"), "{err}");
    // Nothing was half-written: the walkthrough still waits for its first answer.
    let detail = read_only.store().detail(rec.id, None).await.unwrap();
    assert_eq!(detail.walkthrough.step, Step::Goal);
    assert!(detail.answers.is_empty());
}

#[tokio::test]
async fn a_lock_held_too_long_is_reported_as_busy_and_nothing_is_written() {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    let (rec, _) = flow
        .start(start(Source::Command, 1, 1, alice(), "x"), at(2, 9))
        .await
        .unwrap();
    let impatient = App::new(
        Store::open(&StoreOptions {
            busy_timeout: Duration::from_millis(100),
            ..StoreOptions::new(&db.url)
        })
        .await
        .unwrap(),
        ChecklistContent::built_in(),
    );
    let mut holder = flow
        .store()
        .sqlite_pool()
        .expect("a SQLite store")
        .acquire()
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let err = impatient
        .advance(
            rec.id,
            Step::Goal,
            goal(Goal::OutputFormat),
            &alice(),
            None,
            at(2, 9),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Unavailable(StoreError::Busy)),
        "{err:?}"
    );
    sqlx::query("ROLLBACK").execute(&mut *holder).await.unwrap();
    drop(holder);
    // Once the lock is gone the same answer goes through.
    impatient
        .advance(
            rec.id,
            Step::Goal,
            goal(Goal::OutputFormat),
            &alice(),
            None,
            at(2, 9),
        )
        .await
        .unwrap();
}

on_both_backends! {
    #[tokio::test]
    async fn an_export_larger_than_one_page_keeps_every_row_once_and_in_order(db) {
        let flow = app_on(&db.url).await;
        let rows = i64::from(tunegate::store::PAGE_ROWS) * 2 + 17;
        db::execute_raw(
            flow.store(),
            "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1) \
             INSERT INTO walkthroughs (source, status, current_step, guild_id, requester_id, \
             requester_name, trigger_text, checklist_version, created_at, updated_at) \
             SELECT 'slash', 'open', 'goal', n % 3, 'u', 'u', 'row ' || n, 'v', \
             '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z' FROM seq",
            Some(rows),
        )
        .await
        .unwrap();
        let mut out = Vec::new();
        let n = flow
            .store()
            .export(&ListFilter::default(), ExportFormat::JsonLines, &mut out)
            .await
            .unwrap();
        assert_eq!(n as i64, rows);
        let ids: Vec<i64> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_i64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, (1..=rows).collect::<Vec<_>>());

        // A filter that matches one row in three pages through the same way.
        let mut out = Vec::new();
        let n = flow
            .store()
            .export(
                &ListFilter {
                    guild_id: Some(ServerId(1)),
                    ..Default::default()
                },
                ExportFormat::Csv,
                &mut out,
            )
            .await
            .unwrap();
        assert_eq!(n as i64, (1..=rows).filter(|i| i % 3 == 1).count() as i64);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn an_export_past_its_first_page_keeps_each_rows_decision(db) {
        let flow = app_on(&db.url).await;
        let rows = i64::from(tunegate::store::PAGE_ROWS) * 2 + 17;
        db::execute_raw(
            flow.store(),
            "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $1) \
             INSERT INTO walkthroughs (source, status, current_step, guild_id, requester_id, \
             requester_name, trigger_text, checklist_version, created_at, updated_at) \
             SELECT 'slash', 'decided', 'done', 1, 'u', 'u', 'row ' || n, 'v', \
             '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z' FROM seq",
            Some(rows),
        )
        .await
        .unwrap();
        // Every other walkthrough has a decision, on every page.
        db::execute_raw(
            flow.store(),
            "INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, goal_detail, g1, g2, \
             g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, \
             decided_month) SELECT id, guild_id, 'premature', 'output_format', NULL, 'no', \
             'yes', 'yes', 'yes', '', 'summary', '[]', '[]', 'v', created_at, '2026-11' \
             FROM walkthroughs WHERE id % 2 = 0",
            None,
        )
        .await
        .unwrap();
        let mut out = Vec::new();
        let n = flow
            .store()
            .export(&ListFilter::default(), ExportFormat::JsonLines, &mut out)
            .await
            .unwrap();
        assert_eq!(n as i64, rows);
        for line in String::from_utf8(out).unwrap().lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = row["id"].as_i64().unwrap();
            let verdict = row["verdict"].as_str();
            assert_eq!(verdict, (id % 2 == 0).then_some("premature"), "row {id}");
        }
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_verdict_filtered_listing_is_newest_decision_first(db) {
        let flow = app_on(&db.url).await;
        let no = [
            GateAnswer::No,
            GateAnswer::Yes,
            GateAnswer::Yes,
            GateAnswer::Yes,
        ];
        let older = decide(
            &flow,
            start(Source::Command, 1, 1, alice(), "a"),
            no,
            &[],
            at(1, 0),
        )
        .await;
        let newer = decide(
            &flow,
            start(Source::Command, 1, 2, alice(), "b"),
            no,
            &[],
            at(3, 0),
        )
        .await;
        decide(
            &flow,
            start(Source::Command, 1, 3, alice(), "c"),
            ALL_YES,
            &[],
            at(4, 0),
        )
        .await;
        let rows = flow
            .store()
            .list(
                &ListFilter {
                    guild_id: Some(ServerId(1)),
                    verdict: Some(VerdictKind::Premature),
                    ..Default::default()
                },
                10,
                0,
            )
            .await
            .unwrap();
        assert_eq!(
            rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![newer, older]
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn the_text_filter_ignores_ascii_case_and_takes_wildcards_literally(db) {
        let flow = app_on(&db.url).await;
        let a = flow
            .start(
                start(Source::Command, 1, 1, alice(), "Fine-tune 100% of TICKETS"),
                at(1, 0),
            )
            .await
            .unwrap()
            .0
            .id;
        let b = flow
            .start(start(Source::Command, 1, 2, alice(), "fine_tune_x"), at(2, 0))
            .await
            .unwrap()
            .0
            .id;
        flow.start(
            start(Source::Command, 1, 3, alice(), "something else"),
            at(3, 0),
        )
        .await
        .unwrap();
        let find = |text: &str| {
            let filter = ListFilter {
                text: Some(text.to_string()),
                ..Default::default()
            };
            let store = flow.store().clone();
            async move {
                store
                    .list(&filter, 10, 0)
                    .await
                    .unwrap()
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(find("tickets").await, vec![a]);
        assert_eq!(find("100%").await, vec![a]);
        assert_eq!(find("0% of").await, vec![a]);
        assert_eq!(
            find("_tune_").await,
            vec![b],
            "an underscore is not a wildcard"
        );
        assert_eq!(find("%").await, vec![a], "a percent sign is not a wildcard");
    }
}

on_both_backends! {
    #[tokio::test]
    async fn detection_outcomes_label_started_and_dismissed_chat_detections_only(db) {
        let flow = app_on(&db.url).await;
        let no = [
            GateAnswer::No,
            GateAnswer::Yes,
            GateAnswer::Yes,
            GateAnswer::Yes,
        ];
        decide(
            &flow,
            start(Source::Chat, 1, 1, alice(), "we should fine-tune for JSON"),
            no,
            &[],
            at(1, 9),
        )
        .await;
        let (dismissed, _) = flow
            .start(
                start(Source::Chat, 1, 2, alice(), "the fine-tuned model is live"),
                at(1, 10),
            )
            .await
            .unwrap();
        flow.store()
            .close_walkthrough(dismissed.id, Status::Dismissed, at(1, 10))
            .await
            .unwrap();
        flow.start(start(Source::Chat, 1, 3, alice(), "still open"), at(1, 11))
            .await
            .unwrap();
        decide(
            &flow,
            start(Source::Command, 1, 4, alice(), "slash, not chat"),
            no,
            &[],
            at(1, 12),
        )
        .await;
        let outcomes = flow.store().detection_outcomes().await.unwrap();
        let got: Vec<(bool, &str)> = outcomes
            .iter()
            .map(|o| (o.started, o.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (true, "we should fine-tune for JSON"),
                (false, "the fine-tuned model is live")
            ]
        );
    }
}
