//! Reviews in the store: recorded append-only, shown with their decision, scoped to a guild;
//! revisit reminders due on their day and claimed exactly once; audit look-ups per guild.

#[path = "support/answers.rs"]
mod answers;
#[path = "support/db.rs"]
#[macro_use]
mod db;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use tunegate::app::{App, Start};
use tunegate::checklist::{ChecklistContent, Driver, GateAnswer};
use tunegate::store::{
    ListFilter, NewReview, Person, Place, ReviewError, ReviewOutcome, RoomId, ServerId, Source,
    Status, Store, WalkthroughId,
};

/// The app over a fresh database of the test's backend (kept with it).
async fn flow(db: db::TestDb) -> (db::TestDb, App) {
    let store = Store::open_url(&db.url).await.unwrap();
    (db, App::new(store, ChecklistContent::built_in()))
}

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn start(guild: u64, text: &str) -> Start {
    Start {
        source: Source::Command,
        place: Place {
            server: Some(ServerId(guild)),
            channel: Some(RoomId(10)),
            thread: Some(RoomId(20)),
            message: None,
        },
        requester: Person::new("111", "alice"),
        trigger_text: text.to_string(),
        revisit_of: None,
    }
}

/// A decided walkthrough in `guild` (all gates Yes, one driver: JUSTIFIED).
async fn decided(flow: &App, guild: u64, text: &str, now: DateTime<Utc>) -> WalkthroughId {
    let who = Person::new("111", "alice");
    let (rec, _) = flow.start(start(guild, text), now).await.unwrap();
    answers::answer_all(
        flow,
        rec.id,
        &who,
        [GateAnswer::Yes; 4],
        &[Driver::Volume],
        now,
    )
    .await;
    rec.id
}

fn review(
    id: WalkthroughId,
    guild: Option<u64>,
    outcome: ReviewOutcome,
    note: Option<&str>,
) -> NewReview {
    NewReview {
        walkthrough_id: id,
        guild_id: guild.map(ServerId),
        reviewer: Person::new("222", "bob"),
        outcome,
        note: note.map(str::to_string),
        revisit_on: None,
        now: at(20),
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_review_is_recorded_and_shown_with_its_decision(db) {
        let (_db, flow) = flow(db).await;
        let id = decided(&flow, 1, "we should fine-tune", at(2)).await;
        let first = flow
            .store()
            .add_review(&review(id, Some(1), ReviewOutcome::Agreed, None))
            .await
            .unwrap();
        let mut later = review(
            id,
            Some(1),
            ReviewOutcome::Overruled,
            Some("  evals showed prompting is enough  "),
        );
        later.revisit_on = Some(date(2026, 12, 24));
        let second = flow.store().add_review(&later).await.unwrap();
        assert_eq!(first.outcome, ReviewOutcome::Agreed);
        assert_eq!(
            second.note.as_deref(),
            Some("evals showed prompting is enough")
        );
        assert_eq!(second.guild_id, Some(ServerId(1)));
        let detail = flow.store().detail(id, Some(ServerId(1))).await.unwrap();
        assert_eq!(detail.reviews, vec![first, second]);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn reviews_can_never_be_changed_or_removed(db) {
        let (_db, flow) = flow(db).await;
        let id = decided(&flow, 1, "we should fine-tune", at(2)).await;
        flow.store()
            .add_review(&review(id, Some(1), ReviewOutcome::Agreed, Some("fine")))
            .await
            .unwrap();
        for sql in [
            "UPDATE reviews SET outcome = 'overruled'",
            "UPDATE reviews SET note = 'rewritten'",
            "DELETE FROM reviews",
        ] {
            let err = db::execute_raw(flow.store(), sql, None).await.unwrap_err();
            assert!(err.to_string().contains("append-only"), "{sql}: {err}");
        }
        assert_eq!(flow.store().reviews_of(id).await.unwrap().len(), 1);
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_review_that_makes_no_sense_is_refused_with_a_reason(db) {
        let (_db, flow) = flow(db).await;
        let id = decided(&flow, 1, "we should fine-tune", at(2)).await;
        let store = flow.store();
        let overruled = review(id, Some(1), ReviewOutcome::Overruled, Some("   "));
        assert!(matches!(
            store.add_review(&overruled).await,
            Err(ReviewError::NoteRequired)
        ));
        let mut past = review(id, Some(1), ReviewOutcome::RevisitLater, None);
        past.revisit_on = Some(date(2026, 11, 19));
        assert!(matches!(
            store.add_review(&past).await,
            Err(ReviewError::RevisitInPast(_))
        ));
        // Another guild's decision does not exist for this guild.
        assert!(matches!(
            store
                .add_review(&review(id, Some(2), ReviewOutcome::Agreed, None))
                .await,
            Err(ReviewError::NotFound(_))
        ));
        let (open, _) = flow.start(start(1, "still open"), at(3)).await.unwrap();
        let err = store
            .add_review(&review(open.id, Some(1), ReviewOutcome::Agreed, None))
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                ReviewError::NotDecided {
                    status: Status::Open,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("no verdict yet"));
        assert!(store.reviews_of(id).await.unwrap().is_empty());
        // The terminal (no guild) may review any guild's decision.
        assert!(
            store
                .add_review(&review(id, None, ReviewOutcome::Agreed, None))
                .await
                .is_ok()
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn a_revisit_reminder_is_due_on_its_day_and_claimed_exactly_once(db) {
        let (_db, flow) = flow(db).await;
        let store = flow.store();
        let id = decided(&flow, 1, "we should fine-tune", at(2)).await;
        let mut r = review(id, Some(1), ReviewOutcome::RevisitLater, Some("after Q1"));
        r.revisit_on = Some(date(2027, 1, 15));
        let recorded = store.add_review(&r).await.unwrap();
        assert!(
            store
                .due_revisits(date(2027, 1, 14), 10)
                .await
                .unwrap()
                .is_empty()
        );
        let due = store.due_revisits(date(2027, 1, 15), 10).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].review.id, recorded.id);
        assert_eq!(due[0].place.thread, Some(RoomId(20)));
        assert_eq!(due[0].trigger_text, "we should fine-tune");
        let now = Utc.with_ymd_and_hms(2027, 1, 15, 8, 0, 0).unwrap();
        assert!(
            store
                .claim_revisit_reminder(recorded.id, now)
                .await
                .unwrap()
        );
        assert!(
            !store
                .claim_revisit_reminder(recorded.id, now)
                .await
                .unwrap()
        );
        assert!(
            store
                .due_revisits(date(2027, 2, 1), 10)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            store.review(recorded.id).await.unwrap().reminded_at,
            Some(now)
        );
        // A claim given back after a passing Discord failure is due again.
        store.release_revisit_reminder(recorded.id).await.unwrap();
        assert_eq!(
            store
                .due_revisits(date(2027, 2, 1), 10)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

on_both_backends! {
    #[tokio::test]
    async fn suggestions_and_counts_stay_within_one_guild(db) {
        let (_db, flow) = flow(db).await;
        let store = flow.store();
        let mut ours = Vec::new();
        for i in 0..3 {
            ours.push(decided(&flow, 1, &format!("llama plan {i}"), at(2 + i)).await);
        }
        let theirs = decided(&flow, 2, "llama plan elsewhere", at(9)).await;
        let (open, _) = flow.start(start(1, "open llama"), at(10)).await.unwrap();

        let all = store.suggest_walkthroughs(ServerId(1), "", false, 25).await.unwrap();
        let ids: Vec<WalkthroughId> = all.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            vec![open.id, ours[2], ours[1], ours[0]],
            "newest first"
        );
        assert!(!ids.contains(&theirs));
        let decided_only = store.suggest_walkthroughs(ServerId(1), "", true, 25).await.unwrap();
        assert!(decided_only.iter().all(|r| r.verdict.is_some()));
        let by_id = store
            .suggest_walkthroughs(ServerId(1), &format!("#{}", ours[1]), false, 25)
            .await
            .unwrap();
        assert_eq!(by_id[0].id, ours[1]);
        let by_text = store
            .suggest_walkthroughs(ServerId(1), "PLAN 2", false, 25)
            .await
            .unwrap();
        assert_eq!(
            by_text.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![ours[2]]
        );
        assert!(
            store
                .suggest_walkthroughs(ServerId(1), &theirs.to_string(), false, 25)
                .await
                .unwrap()
                .is_empty()
        );
        let guild = |g| ListFilter {
            guild_id: Some(g),
            ..ListFilter::default()
        };
        assert_eq!(store.count(&guild(ServerId(1))).await.unwrap(), 4);
        assert_eq!(store.count(&guild(ServerId(2))).await.unwrap(), 1);
        assert_eq!(store.count(&ListFilter::default()).await.unwrap(), 5);
    }
}
