//! Outcomes and follow-ups in the store: the first follow-up is scheduled with the decision,
//! claimed once however many processes sweep, "not yet" asks once more and then stops, a
//! second or replayed click records nothing, and the team's own rate is counted per verdict.

#[path = "support/answers.rs"]
mod answers;
#[path = "support/db.rs"]
#[macro_use]
mod db;

use chrono::{DateTime, Duration, TimeZone, Utc};
use db::alice;
use tunegate::app::{App, Start};
use tunegate::checklist::outcome::{FollowUpQuestion, OutcomeResult};
use tunegate::checklist::{ChecklistContent, Driver, GateAnswer, VerdictKind};
use tunegate::store::{
    DueFollowUp, FollowUpClock, MIGRATOR, NewOutcome, OutcomeError, OutcomeRecorded, Person, Place,
    PostId, RoomId, ServerId, Source, Store, WalkthroughId,
};

struct Db {
    _db: db::TestDb,
    url: String,
    flow: App,
}

/// The app over a fresh database of the test's backend.
async fn open(test_db: db::TestDb) -> Db {
    let url = test_db.url.clone();
    let flow = App::new(
        Store::open_url(&url).await.unwrap(),
        ChecklistContent::built_in(),
    );
    Db {
        _db: test_db,
        url,
        flow,
    }
}

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

/// A decision in `guild` (or in the terminal) with the given verdict, decided on `now`.
async fn decided(
    flow: &App,
    guild: Option<u64>,
    verdict: VerdictKind,
    now: DateTime<Utc>,
) -> WalkthroughId {
    let start = Start {
        source: if guild.is_some() {
            Source::Command
        } else {
            Source::Cli
        },
        place: Place {
            server: guild.map(ServerId),
            channel: guild.map(|g| RoomId(g * 10)),
            thread: guild.map(|g| RoomId(g * 100)),
            message: None,
        },
        requester: alice(),
        trigger_text: "we should fine-tune".to_string(),
        revisit_of: None,
    };
    let (rec, _) = flow.start(start, now).await.unwrap();
    let (gates, drivers) = match verdict {
        VerdictKind::Premature => ([GateAnswer::No; 4], vec![]),
        VerdictKind::NotJustifiedYet => ([GateAnswer::Yes; 4], vec![]),
        VerdictKind::Justified => ([GateAnswer::Yes; 4], vec![Driver::Volume]),
    };
    answers::answer_all(flow, rec.id, &alice(), gates, &drivers, now).await;
    rec.id
}

fn clock(now: DateTime<Utc>) -> FollowUpClock {
    FollowUpClock {
        now,
        delay: Duration::days(14),
        lease: Duration::minutes(5),
        guild: None,
    }
}

fn outcome(
    id: WalkthroughId,
    result: OutcomeResult,
    round: Option<u32>,
    interaction: Option<&'static str>,
    now: DateTime<Utc>,
) -> NewOutcome<'static> {
    static BOB: std::sync::LazyLock<Person> =
        std::sync::LazyLock::new(|| Person::new("222", "bob"));
    NewOutcome {
        walkthrough_id: id,
        guild_id: Some(ServerId(7)),
        result,
        recorder: &BOB,
        note: None,
        follow_up_round: round,
        interaction_id: interaction,
        now,
    }
}

/// Claims up to `limit` follow-ups due at `when`.
async fn claim(store: &Store, when: DateTime<Utc>, limit: u32) -> Vec<DueFollowUp> {
    store
        .claim_due_follow_ups(&clock(when), limit)
        .await
        .unwrap()
}

/// Records an outcome that must be accepted (new or already recorded).
async fn record(
    store: &Store,
    id: WalkthroughId,
    result: OutcomeResult,
    round: Option<u32>,
    interaction: Option<&'static str>,
    when: DateTime<Utc>,
) -> OutcomeRecorded {
    store
        .record_outcome(&outcome(id, result, round, interaction, when))
        .await
        .unwrap()
}

fn day(d: i64) -> DateTime<Utc> {
    at(1) + Duration::days(d)
}

on_both_backends! {
    #[tokio::test]
    async fn a_discord_decision_is_followed_up_after_the_delay_and_once_only(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let premature = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        let justified = decided(&db.flow, Some(7), VerdictKind::Justified, day(0)).await;
        let terminal = decided(&db.flow, None, VerdictKind::Premature, day(0)).await;

        assert!(claim(store, day(13), 10).await.is_empty());
        let due = claim(store, day(14), 10).await;
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(
            (due[0].walkthrough_id, due[0].round, due[0].question),
            (premature, 1, FollowUpQuestion::PromptWork)
        );
        assert_eq!(due[0].place.thread, Some(RoomId(700)));
        assert_eq!(due[0].requester_id, "111");
        // Claimed: a second sweep (or another process) does not get it again, and once posted
        // it is never due again.
        let soon = clock(day(14) + Duration::seconds(30));
        assert!(
            store
                .claim_due_follow_ups(&soon, 10)
                .await
                .unwrap()
                .is_empty()
        );
        store
            .follow_up_posted(premature, 1, RoomId(700), PostId(9001), soon.now)
            .await
            .unwrap();
        assert!(claim(store, day(15), 10).await.is_empty());
        // A JUSTIFIED verdict is asked about at twice the delay.
        let due = claim(store, day(28), 10).await;
        assert_eq!(due.len(), 1);
        assert_eq!(
            (due[0].walkthrough_id, due[0].question),
            (justified, FollowUpQuestion::FineTune)
        );
        // A decision made in the terminal has no thread to ask in.
        assert_eq!(store.follow_up_state(terminal, 1).await.unwrap(), None);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn two_processes_sweeping_at_once_claim_each_follow_up_once(db) {
        let db = open(db).await;
        for _ in 0..20 {
            decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        }
        let other = Store::open_url(&db.url).await.unwrap();
        let when = clock(day(20));
        let (a, b) = tokio::join!(
            db.flow.store().claim_due_follow_ups(&when, 7),
            other.claim_due_follow_ups(&when, 7)
        );
        let mut claimed: Vec<WalkthroughId> = a
            .unwrap()
            .into_iter()
            .chain(b.unwrap())
            .map(|d| d.walkthrough_id)
            .collect();
        let rest = claim(db.flow.store(), day(20), 100).await;
        claimed.extend(rest.into_iter().map(|d| d.walkthrough_id));
        let count = claimed.len();
        claimed.sort();
        claimed.dedup();
        assert_eq!(
            (count, claimed.len()),
            (20, 20),
            "each claimed exactly once"
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_claim_whose_process_died_is_taken_over_after_the_lease(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let id = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        let first = claim(store, day(14), 10).await;
        assert_eq!(first.len(), 1);
        // Within the lease nobody else takes it; after it, the next sweep does.
        let soon = clock(day(14) + Duration::minutes(4));
        assert!(
            store
                .claim_due_follow_ups(&soon, 10)
                .await
                .unwrap()
                .is_empty()
        );
        let later = clock(day(14) + Duration::minutes(6));
        let again = store.claim_due_follow_ups(&later, 10).await.unwrap();
        assert_eq!(again.len(), 1);
        store
            .follow_up_posted(id, 1, RoomId(700), PostId(9001), later.now)
            .await
            .unwrap();
        assert_eq!(
            store.follow_up_state(id, 1).await.unwrap().as_deref(),
            Some("posted")
        );
        let much_later = clock(day(30));
        assert!(
            store
                .claim_due_follow_ups(&much_later, 10)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_follow_up_that_cannot_be_delivered_is_not_retried_and_a_passing_failure_is(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let gone = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        let flaky = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        assert_eq!(claim(store, day(14), 10).await.len(), 2);
        store.follow_up_failed(gone, 1, true).await.unwrap();
        store.follow_up_failed(flaky, 1, false).await.unwrap();
        let retried = claim(store, day(15), 10).await;
        assert_eq!(
            retried.iter().map(|d| d.walkthrough_id).collect::<Vec<_>>(),
            vec![flaky]
        );
        assert_eq!(
            store.follow_up_state(gone, 1).await.unwrap().as_deref(),
            Some("undeliverable")
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn not_tried_yet_asks_once_more_after_the_same_delay_then_stops(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let id = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        claim(store, day(14), 10).await;
        let recorded = record(
            store,
            id,
            OutcomeResult::NotTried,
            Some(1),
            Some("i-1"),
            day(15),
        )
        .await;
        assert!(
            matches!(
                recorded,
                OutcomeRecorded::New {
                    next_round: Some(2),
                    ..
                }
            ),
            "{recorded:?}"
        );
        assert!(claim(store, day(28), 10).await.is_empty());
        let due = claim(store, day(29), 10).await;
        assert_eq!((due.len(), due[0].round), (1, 2));
        let recorded = record(
            store,
            id,
            OutcomeResult::NotTried,
            Some(2),
            Some("i-2"),
            day(30),
        )
        .await;
        assert!(
            matches!(
                recorded,
                OutcomeRecorded::New {
                    next_round: None,
                    ..
                }
            ),
            "{recorded:?}"
        );
        assert!(claim(store, day(400), 10).await.is_empty());
        assert_eq!(store.outcomes_of(id).await.unwrap().len(), 2);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_second_or_replayed_click_records_nothing_and_says_what_was_recorded(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let id = decided(&db.flow, Some(7), VerdictKind::Justified, day(0)).await;
        claim(store, day(28), 10).await;
        let first = record(
            store,
            id,
            OutcomeResult::PaidOff,
            Some(1),
            Some("i-1"),
            day(29),
        )
        .await;
        let OutcomeRecorded::New { outcome: first, .. } = first else {
            panic!("{first:?}")
        };
        let replay = record(
            store,
            id,
            OutcomeResult::PaidOff,
            Some(1),
            Some("i-1"),
            day(29),
        )
        .await;
        let second_click = record(
            store,
            id,
            OutcomeResult::Dropped,
            Some(1),
            Some("i-2"),
            day(29),
        )
        .await;
        assert_eq!(replay, OutcomeRecorded::Already(first.clone()));
        assert_eq!(second_click, OutcomeRecorded::Already(first));
        assert_eq!(store.outcomes_of(id).await.unwrap().len(), 1);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn outcomes_are_refused_when_they_do_not_fit_the_decision(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let premature = decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await;
        let elsewhere = decided(&db.flow, Some(8), VerdictKind::Premature, day(0)).await;
        let err = store
            .record_outcome(&outcome(
                premature,
                OutcomeResult::PaidOff,
                None,
                None,
                day(1),
            ))
            .await
            .unwrap_err();
        assert!(matches!(err, OutcomeError::WrongQuestion { .. }), "{err:?}");
        assert!(
            err.to_string()
                .contains("solved, partly, still_needed, not_tried"),
            "{err}"
        );
        let err = store
            .record_outcome(&outcome(
                elsewhere,
                OutcomeResult::Solved,
                None,
                None,
                day(1),
            ))
            .await
            .unwrap_err();
        assert!(matches!(err, OutcomeError::NotFound(_)), "{err:?}");
        let (open, _) = db
            .flow
            .start(
                Start {
                    source: Source::Command,
                    place: Place {
                        server: Some(ServerId(7)),
                        ..Place::default()
                    },
                    requester: alice(),
                    trigger_text: "open".into(),
                    revisit_of: None,
                },
                day(1),
            )
            .await
            .unwrap();
        let err = store
            .record_outcome(&outcome(open.id, OutcomeResult::Solved, None, None, day(1)))
            .await
            .unwrap_err();
        assert!(matches!(err, OutcomeError::NotDecided(_)), "{err:?}");
        let long = "x".repeat(1001);
        let mut too_long = outcome(premature, OutcomeResult::Solved, None, None, day(1));
        too_long.note = Some(&long);
        let err = store.record_outcome(&too_long).await.unwrap_err();
        assert!(matches!(err, OutcomeError::NoteTooLong), "{err:?}");
        assert!(store.outcomes_of(premature).await.unwrap().is_empty());
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_final_outcome_recorded_by_hand_cancels_the_follow_up_to_come(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let id = decided(&db.flow, Some(7), VerdictKind::NotJustifiedYet, day(0)).await;
        let mut by_hand = outcome(id, OutcomeResult::Solved, None, None, day(3));
        by_hand.note = Some("  a better system prompt did it  ");
        store.record_outcome(&by_hand).await.unwrap();
        assert!(claim(store, day(30), 10).await.is_empty());
        let recorded = store.outcomes_of(id).await.unwrap();
        assert_eq!(
            recorded[0].note.as_deref(),
            Some("a better system prompt did it")
        );
        assert_eq!(recorded[0].follow_up_round, None);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn the_teams_rate_counts_each_decisions_latest_final_outcome_per_verdict(db) {
        let db = open(db).await;
        let store = db.flow.store();
        let mut premature = Vec::new();
        for _ in 0..5 {
            premature.push(decided(&db.flow, Some(7), VerdictKind::Premature, day(0)).await);
        }
        let justified = decided(&db.flow, Some(7), VerdictKind::Justified, day(0)).await;
        decided(&db.flow, Some(7), VerdictKind::Justified, day(0)).await;
        decided(&db.flow, Some(8), VerdictKind::Premature, day(0)).await;
        for (id, result) in [
            (premature[0], OutcomeResult::Solved),
            (premature[1], OutcomeResult::Solved),
            (premature[2], OutcomeResult::StillNeeded),
            // Changed its mind: the latest final outcome counts.
            (premature[2], OutcomeResult::Partly),
            (premature[3], OutcomeResult::NotTried),
            (justified, OutcomeResult::PaidOff),
        ] {
            record(store, id, result, None, None, day(20)).await;
        }

        let stats = store.outcome_stats(Some(ServerId(7))).await.unwrap();

        assert_eq!(stats.premature_with_outcome, 3);
        assert_eq!((stats.solved, stats.partly, stats.still_needed), (2, 1, 0));
        assert_eq!(stats.solved_share, Some(2.0 / 3.0));
        assert_eq!(stats.assumed_solved_share, 0.8);
        assert_eq!((stats.justified_with_outcome, stats.paid_off), (1, 1));
        assert_eq!(stats.paid_off_share, Some(1.0));
        // Two premature without a final outcome ("not tried yet" is none), one justified.
        assert_eq!(stats.awaiting, 3);
        assert_eq!(store.outcome_stats(None).await.unwrap().awaiting, 4);
    }
}

#[tokio::test]
async fn decisions_from_before_the_upgrade_are_not_followed_up() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let before_outcomes = MIGRATOR
        .iter()
        .map(|m| m.version)
        .filter(|v| *v < 20261202000002)
        .max()
        .unwrap();
    MIGRATOR.run_to(before_outcomes, &pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO walkthroughs (id, source, status, current_step, guild_id, channel_id, \
         thread_id, requester_id, requester_name, trigger_text, checklist_version, created_at, \
         updated_at) VALUES (1, 'slash', 'decided', 'done', 7, 70, 700, '111', 'alice', 'old', \
         'v', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z'); \
         INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, g1, g2, g3, g4, drivers, \
         summary, reasons, next_steps, checklist_version, decided_at, decided_month) VALUES \
         (1, 7, 'premature', 'tone_style', 'no', 'no', 'no', 'no', '', 's', '[]', '[]', 'v', \
         '2026-01-01T09:00:00.000Z', '2026-01');",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let store = Store::open_url(&url).await.unwrap();

    assert_eq!(
        store
            .follow_up_state(WalkthroughId(1), 1)
            .await
            .unwrap()
            .as_deref(),
        Some("skipped")
    );
    assert!(claim(&store, day(100), 10).await.is_empty());
    // It can still get an outcome by hand.
    let bob = Person::new("222", "bob");
    let recorded = store
        .record_outcome(&NewOutcome {
            walkthrough_id: WalkthroughId(1),
            guild_id: Some(ServerId(7)),
            result: OutcomeResult::Solved,
            recorder: &bob,
            note: None,
            follow_up_round: None,
            interaction_id: None,
            now: day(100),
        })
        .await
        .unwrap();
    assert!(matches!(recorded, OutcomeRecorded::New { .. }));
}

on_both_backends! {
    #[tokio::test]
    async fn a_server_with_its_own_follow_up_delay_is_asked_on_its_own_schedule(db) {
    let db = open(db).await;
    let quick = decided(&db.flow, Some(7), VerdictKind::Premature, at(1)).await;
    let usual = decided(&db.flow, Some(8), VerdictKind::Premature, at(1)).await;
    // Server 7 chose three days in Discord; server 8 keeps the host's fourteen.
    db.flow
        .change_settings(
            ServerId(7),
            &alice(),
            true,
            &[tunegate::app::settings::Change::FollowUpAfterSecs(
                3 * 86_400,
            )],
            at(1),
        )
        .await
        .unwrap();
    let claimed =
        |due: Vec<DueFollowUp>| -> Vec<WalkthroughId> { due.into_iter().map(|d| d.walkthrough_id).collect() };
    assert!(
        claimed(db.flow.claim_due_follow_ups(at(3)).await.unwrap()).is_empty(),
        "two days after: nobody"
    );
    assert_eq!(
        claimed(db.flow.claim_due_follow_ups(at(5)).await.unwrap()),
        vec![quick],
        "four days after: only the server with three days"
    );
    db.flow
        .store()
        .follow_up_posted(quick, 1, RoomId(70), PostId(700), at(5))
        .await
        .unwrap();
    // Under the host's delay alone, server 7's follow-up is not the default sweep's to take.
    let mut host = clock(at(20));
    host.delay = Duration::days(1);
    let default_sweep = claimed(
        db.flow
            .store()
            .claim_due_follow_ups(&host, 10)
            .await
            .unwrap(),
    );
    assert_eq!(default_sweep, vec![usual]);
}
}
