//! The two store backends: an existing SQLite database keeps working after the migrations
//! moved to `migrations/sqlite/`; the guarantees between processes (one answer per step, one
//! walkthrough per chat message) hold on both backends with two separate pools, as two bot
//! processes have; PostgreSQL migrates once when several processes start together; health,
//! checks and backups work on PostgreSQL; a URL names its backend and never shows a password.

#[path = "support/answers.rs"]
mod answers;
#[path = "support/db.rs"]
#[macro_use]
mod db;

use chrono::{DateTime, TimeZone, Utc};
use db::{alice, app_on, temp_db};
use tunegate::app::{Actor, Advanced, App, AppError, Click, Here, Start};
use tunegate::checklist::{Answer, ChecklistContent, Goal, GoalChoice, Input, Step};
use tunegate::store::{
    BackendKind, ListFilter, OpenMode, PostId, RoomId, SchemaState, ServerId, Source, Store,
    StoreOptions, WalkthroughId, redact_url,
};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).unwrap()
}

fn chat(message: u64) -> Start {
    Start {
        source: Source::Chat,
        place: tunegate::store::Place {
            server: Some(ServerId(1)),
            channel: Some(RoomId(10)),
            thread: None,
            message: Some(PostId(message)),
        },
        requester: alice(),
        trigger_text: "we should fine-tune".into(),
        revisit_of: None,
    }
}

fn goal(g: Goal) -> Input {
    Input::Answer(Answer::Goal(GoalChoice {
        goal: g,
        detail: None,
    }))
}

/// A second "process": its own pool on the same database.
async fn second_process(url: &str) -> App {
    App::new(
        Store::open_url(url).await.expect("open"),
        ChecklistContent::built_in(),
    )
}

/// The migrations of the last release before PostgreSQL (2026-12-02, commit 56f4865): the
/// first seven of `migrations/sqlite/`, unchanged since (sqlx checks their checksums).
const MIGRATIONS_OF_THE_RELEASE_BEFORE: usize = 7;

#[tokio::test]
async fn a_database_made_by_the_release_before_postgres_is_migrated_and_keeps_its_data() {
    let db = temp_db();
    // That release's database: its migrations applied as it applied them, and a walkthrough
    // written with its schema (no language column yet).
    {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&db.path)
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        let old = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(
                tunegate::store::MIGRATOR.migrations[..MIGRATIONS_OF_THE_RELEASE_BEFORE].to_vec(),
            ),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        old.run(&pool).await.unwrap();
        sqlx::query(
            "INSERT INTO walkthroughs (source, status, current_step, guild_id, channel_id, \
             requester_id, requester_name, trigger_text, checklist_version, created_at, \
             updated_at) VALUES ('slash', 'open', 'goal', 7, 70, '111', 'alice', \
             'made by the release before PostgreSQL', '2026.11', \
             '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    // Commands other than `run`/`check`/`db migrate` say it needs migrating, changing nothing.
    let err = Store::open(&StoreOptions::new(&db.url).with_mode(OpenMode::Existing))
        .await
        .expect_err("an older schema is reported");
    assert!(err.to_string().contains("db migrate"), "{err}");
    // The bot migrates it; the walkthrough is kept and speaks English.
    let store = Store::open_url(&db.url).await.expect("migrates");
    assert_eq!(
        store.schema_state(&db.url).await.unwrap(),
        SchemaState::Current
    );
    let listed = store.list(&ListFilter::default(), 10, 0).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].trigger_text,
        "made by the release before PostgreSQL"
    );
    assert_eq!(store.walkthrough(listed[0].id).await.unwrap().lang, "en");
    assert_eq!(store.integrity_check().await.unwrap(), vec!["ok"]);
}

on_both_backends! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_processes_racing_on_one_question_record_one_answer(db) {
        let one = app_on(&db.url).await;
        let two = second_process(&db.url).await;
        for round in 0..10u64 {
            let (rec, _) = one.start(chat(100 + round), at(9)).await.unwrap();
            let (a, b) = (one.clone(), two.clone());
            let first = tokio::spawn(async move {
                a.advance(rec.id, Step::Goal, goal(Goal::OutputFormat), &alice(), Some(&format!("a{round}")), at(9))
                    .await
            });
            let second = tokio::spawn(async move {
                b.advance(rec.id, Step::Goal, goal(Goal::EdgeCases), &alice(), Some(&format!("b{round}")), at(9))
                    .await
            });
            let (first, second) = (first.await.unwrap(), second.await.unwrap());
            let oks = [&first, &second].iter().filter(|r| r.is_ok()).count();
            assert_eq!(oks, 1, "round {round}: {first:?} / {second:?}");
            let loser = if first.is_ok() { second } else { first };
            assert!(matches!(loser, Err(AppError::StaleStep { .. })), "{loser:?}");
            assert_eq!(one.store().detail(rec.id, None).await.unwrap().answers.len(), 1);
        }
    }
}

/// A click on the goal question of walkthrough `id`, as the bot hands it to `App::answer`.
fn goal_click(id: WalkthroughId, interaction: &str, g: Goal) -> Click {
    Click {
        walkthrough_id: id,
        at: Step::Goal,
        input: goal(g),
        actor: Actor {
            person: alice(),
            roles: Vec::new(),
        },
        here: Here {
            server: Some(ServerId(1)),
            room: RoomId(10),
        },
        interaction_id: interaction.to_string(),
    }
}

on_both_backends! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_processes_racing_clicks_on_the_bot_path_record_one_answer_and_no_replay(db) {
        let one = app_on(&db.url).await;
        let two = second_process(&db.url).await;
        for round in 0..10u64 {
            let (rec, _) = one.start(chat(700 + round), at(9)).await.unwrap();
            let (a, b) = (one.clone(), two.clone());
            let (first_id, second_id) = (format!("a{round}"), format!("b{round}"));
            let (id_a, id_b) = (first_id.clone(), second_id.clone());
            let first = tokio::spawn(async move {
                a.answer(goal_click(rec.id, &id_a, Goal::OutputFormat), at(9)).await
            });
            let second = tokio::spawn(async move {
                b.answer(goal_click(rec.id, &id_b, Goal::EdgeCases), at(9)).await
            });
            let (first, second) = (first.await.unwrap(), second.await.unwrap());
            let oks = [&first, &second].iter().filter(|r| r.is_ok()).count();
            assert_eq!(oks, 1, "round {round}: {first:?} / {second:?}");
            let (winner, loser) = if first.is_ok() {
                (first_id, second)
            } else {
                (second_id, first)
            };
            assert!(matches!(loser, Err(AppError::StaleStep { .. })), "{loser:?}");
            // Discord delivers the winning click again, to the other process this time.
            let again = two
                .answer(goal_click(rec.id, &winner, Goal::OutputFormat), at(9))
                .await
                .unwrap();
            assert!(matches!(again, Advanced::Duplicate { .. }), "{again:?}");
            assert_eq!(one.store().detail(rec.id, None).await.unwrap().answers.len(), 1);
        }
    }
}

on_both_backends! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_chat_message_seen_by_two_processes_opens_one_walkthrough(db) {
        let one = app_on(&db.url).await;
        let two = second_process(&db.url).await;
        for message in 0..10u64 {
            let (a, b) = (one.clone(), two.clone());
            let first = tokio::spawn(async move { a.start(chat(500 + message), at(9)).await });
            let second = tokio::spawn(async move { b.start(chat(500 + message), at(9)).await });
            let (first, second) = (first.await.unwrap().unwrap(), second.await.unwrap().unwrap());
            assert_eq!(first.0.id, second.0.id);
            assert_eq!([first.1, second.1].iter().filter(|c| **c).count(), 1);
        }
        let all = one.store().list(&ListFilter::default(), 100, 0).await.unwrap();
        assert_eq!(all.len(), 10);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn the_health_probe_and_the_checks_work(db) {
        let flow = app_on(&db.url).await;
        flow.store().probe_write().await.unwrap();
        flow.store().probe_write().await.unwrap();
        assert_eq!(flow.store().integrity_check().await.unwrap(), vec!["ok"]);
        assert!(flow.store().foreign_key_problems().await.unwrap().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_processes_starting_together_migrate_a_new_postgres_database_once() {
    let Some(db) = db::TestDb::postgres("several_processes_starting_together").await else {
        return;
    };
    let opening: Vec<_> = (0..4)
        .map(|_| {
            let url = db.url.clone();
            tokio::spawn(async move { Store::open_url(&url).await })
        })
        .collect();
    for opened in opening {
        let store = opened.await.unwrap().expect("every process starts");
        assert_eq!(
            store.schema_state(&db.url).await.unwrap(),
            SchemaState::Current
        );
        assert_eq!(store.kind(), BackendKind::Postgres);
    }
}

#[tokio::test]
async fn a_postgres_backup_runs_pg_dump_or_explains_it() {
    let Some(db) = db::TestDb::postgres("a_postgres_backup_runs_pg_dump_or_explains_it").await
    else {
        return;
    };
    let store = Store::open_url(&db.url).await.unwrap();
    let target = db.dir.path().join("backup.dump");
    match store.backup_to(&target).await {
        Ok(report) => {
            assert!(report.bytes > 0);
            assert!(target.exists());
            let again = store.backup_to(&target).await.unwrap_err();
            assert!(again.to_string().contains("already exists"), "{again}");
        }
        Err(e) => {
            // pg_dump missing or of another major version: the error says what to run.
            assert!(e.to_string().contains("pg_dump"), "{e}");
            assert!(!target.exists());
        }
    }
}

#[test]
fn a_url_names_its_backend_and_never_shows_a_password() {
    assert_eq!(
        BackendKind::of_url("sqlite://tunegate.db").unwrap(),
        BackendKind::Sqlite
    );
    assert_eq!(
        BackendKind::of_url("postgres://u:p@h/db").unwrap(),
        BackendKind::Postgres
    );
    assert_eq!(
        BackendKind::of_url("postgresql://h/db").unwrap(),
        BackendKind::Postgres
    );
    let refused = BackendKind::of_url("mysql://u:secret@h/db").unwrap_err();
    assert!(!refused.to_string().contains("secret"), "{refused}");
    assert!(refused.to_string().contains("postgres://"), "{refused}");
    assert_eq!(
        redact_url("postgres://bot:s3cret@db.internal:5432/tunegate?sslmode=require"),
        "postgres://bot:[redacted]@db.internal:5432/tunegate?sslmode=require"
    );
    assert_eq!(redact_url("sqlite://tunegate.db"), "sqlite://tunegate.db");
}

#[tokio::test]
async fn an_unreachable_postgres_server_is_reported_without_the_password() {
    let err = Store::open(&StoreOptions {
        busy_timeout: std::time::Duration::from_millis(200),
        ..StoreOptions::new("postgres://bot:s3cret@127.0.0.1:1/tunegate")
    })
    .await
    .unwrap_err();
    let text = err.to_string();
    assert!(!text.contains("s3cret"), "{text}");
    assert!(text.contains("PostgreSQL"), "{text}");
}

/// A database with a bit of everything: decisions (with follow-ups), a note, a review, an
/// outcome, a revisit.
async fn fill(flow: &App) -> WalkthroughId {
    let mut last = WalkthroughId(0);
    for message in 0..3u64 {
        let (rec, _) = flow.start(chat(900 + message), at(9)).await.unwrap();
        answers::answer_all(
            flow,
            rec.id,
            &alice(),
            [tunegate::checklist::GateAnswer::Yes; 4],
            &[tunegate::checklist::Driver::Volume],
            at(9),
        )
        .await;
        flow.store()
            .add_note(rec.id, &alice(), "see the eval set", at(10))
            .await
            .unwrap();
        last = rec.id;
    }
    last
}

#[tokio::test]
async fn db_copy_moves_every_table_from_sqlite_to_postgres_and_back_with_ids_kept() {
    let Some(pg) = db::TestDb::postgres("db_copy_round_trip").await else {
        return;
    };
    let sqlite = temp_db();
    let flow = app_on(&sqlite.url).await;
    let last = fill(&flow).await;
    flow.store().close().await;

    let there = tunegate::app::maintenance::copy_database(&sqlite.url, &pg.url)
        .await
        .expect("copy to PostgreSQL");
    assert!(there.rows() > 10, "{there:?}");
    let back_db = temp_db();
    let back = tunegate::app::maintenance::copy_database(&pg.url, &back_db.url)
        .await
        .expect("copy back to SQLite");
    assert_eq!(back, there);

    let original = Store::open_url(&sqlite.url).await.unwrap();
    let copied = Store::open_url(&back_db.url).await.unwrap();
    for id in (1..=last.0).map(WalkthroughId) {
        let a = original.detail(id, None).await.unwrap();
        let b = copied.detail(id, None).await.unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap()
        );
    }
    // New rows get new ids on PostgreSQL: its sequences moved past the copied ids.
    let on_pg = app_on(&pg.url).await;
    let (fresh, _) = on_pg.start(chat(9999), at(11)).await.unwrap();
    assert!(fresh.id > last, "{} after {last}", fresh.id);

    // A target with rows is refused, and nothing is written to it.
    let refused = tunegate::app::maintenance::copy_database(&sqlite.url, &pg.url)
        .await
        .unwrap_err();
    let AppError::Unavailable(refused) = refused else {
        panic!("{refused:?}")
    };
    assert!(refused.to_string().contains("not empty"), "{refused}");
}

on_both_backends! {
    #[tokio::test]
    async fn retention_redacts_and_a_purge_removes_one_guild_on_every_table(db) {
        use tunegate::checklist::outcome::OutcomeResult;
        use tunegate::store::{NewOutcome, NewReview, NewSuggestion, REDACTED_TEXT, ReviewOutcome};
        let flow = app_on(&db.url).await;
        let last = fill(&flow).await;
        let store = flow.store();
        store
            .add_review(&NewReview {
                walkthrough_id: last,
                guild_id: Some(ServerId(1)),
                reviewer: alice(),
                outcome: ReviewOutcome::Overruled,
                note: Some("we know better".into()),
                revisit_on: None,
                now: at(12),
            })
            .await
            .unwrap();
        store
            .record_outcome(&NewOutcome {
                walkthrough_id: last,
                guild_id: Some(ServerId(1)),
                result: OutcomeResult::PaidOff,
                recorder: &alice(),
                note: Some("worth it"),
                follow_up_round: None,
                interaction_id: Some("o-1"),
                now: at(13),
            })
            .await
            .unwrap();
        store
            .record_suggestion(&NewSuggestion {
                guild_id: ServerId(1),
                channel_id: RoomId(10),
                message_id: PostId(7777),
                author: &alice(),
                text: "maybe fine-tune?",
                score: 0.5,
                now: at(9),
            })
            .await
            .unwrap();
        let mut elsewhere = chat(8888);
        elsewhere.place.server = Some(ServerId(2));
        let (kept, _) = flow.start(elsewhere, at(9)).await.unwrap();

        let redacted = store.redact_older_than(at(14), at(14)).await.unwrap();
        assert_eq!(redacted.proposals, 5, "{redacted:?}");
        assert_eq!(redacted.notes, 3, "{redacted:?}");
        assert_eq!(redacted.review_notes, 2, "{redacted:?}");
        assert!(redacted.names > 0, "{redacted:?}");
        let detail = store.detail(last, None).await.unwrap();
        assert_eq!(detail.walkthrough.trigger_text, REDACTED_TEXT);
        assert_eq!(detail.notes[0].body, REDACTED_TEXT);
        assert_eq!(detail.reviews[0].note.as_deref(), Some(REDACTED_TEXT));
        assert!(detail.decision.is_some());
        assert!(store.redact_older_than(at(14), at(14)).await.unwrap().is_empty());

        let planned = store.guild_rows(ServerId(1)).await.unwrap();
        let purged = store.purge_guild(ServerId(1)).await.unwrap();
        assert_eq!(purged, planned);
        assert_eq!((purged.walkthroughs, purged.decisions, purged.notes), (3, 3, 3));
        assert_eq!((purged.reviews, purged.outcomes, purged.suggestions), (1, 1, 1));
        let left = store.list(&ListFilter::default(), 10, 0).await.unwrap();
        assert_eq!(left.iter().map(|s| s.id).collect::<Vec<_>>(), vec![kept.id]);
        assert!(store.guild_rows(ServerId(1)).await.unwrap().is_empty());
        assert!(store.foreign_key_problems().await.unwrap().is_empty());
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_savings_estimate_is_recorded_once_and_shown_with_its_decision(db) {
        use tunegate::checklist::cost::{CostInputs, FineTunedPrice};
        let flow = app_on(&db.url).await;
        let id = fill(&flow).await;
        let inputs = CostInputs {
            requests_per_month: 1_000_000.0,
            input_tokens: 800.0,
            output_tokens: 200.0,
            price_in: 2.5,
            price_out: 10.0,
            fine_tuned: FineTunedPrice::Ratio(10.0),
            training_cost: 5000.0,
            upkeep_per_month: 1500.0,
        };
        let estimate = inputs.estimate().unwrap();
        let store = flow.store();
        let (first, new) = store
            .record_cost_estimate(id, Some(ServerId(1)), &inputs, &estimate, &alice(), Some("e-1"), at(15))
            .await
            .unwrap();
        assert!(new);
        let (again, new_again) = store
            .record_cost_estimate(id, Some(ServerId(1)), &inputs, &estimate, &alice(), Some("e-1"), at(15))
            .await
            .unwrap();
        assert!(!new_again);
        assert_eq!(again.id, first.id);
        let shown = store.detail(id, Some(ServerId(1))).await.unwrap();
        assert_eq!(shown.cost_estimates.len(), 1);
        assert_eq!(shown.latest_estimate().unwrap().estimate, estimate);
        assert_eq!(shown.latest_estimate().unwrap().inputs, inputs);
    }
}

/// Every SQLite migration has a PostgreSQL twin of the same name, so both backends reach the
/// same schema version; a migration added for one backend only fails here.
#[test]
fn each_migration_exists_for_both_backends() {
    let names = |dir: &str| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("migrations/sqlite"), names("migrations/postgres"));
    let versions = |m: &sqlx::migrate::Migrator| m.iter().map(|m| m.version).collect::<Vec<_>>();
    assert_eq!(
        versions(&tunegate::store::MIGRATOR),
        versions(&tunegate::store::POSTGRES_MIGRATOR)
    );
}
