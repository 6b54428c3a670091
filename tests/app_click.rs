//! One click through `App::answer`, the path the bot takes: checked, decided and recorded in
//! one write transaction. Racing clicks record one answer, a replayed click records nothing
//! twice, a click from elsewhere or by a stranger records nothing, a closed walkthrough says so.

#[path = "support/db.rs"]
mod db;

use chrono::{TimeZone, Utc};
use db::{alice, app_on, temp_db};
use tunegate::app::{Actor, Advanced, App, AppError, Click, Here, Person, Place, Source, Start};
use tunegate::checklist::{Answer, Goal, GoalChoice, Input, Step};
use tunegate::store::{RoomId, ServerId, WalkthroughId};

const GUILD: u64 = 1;
const CHANNEL: u64 = 10;

async fn open_one(app: &App) -> i64 {
    let (record, _) = app
        .start(
            Start {
                source: Source::Command,
                place: Place {
                    server: Some(ServerId(GUILD)),
                    channel: Some(RoomId(CHANNEL)),
                    thread: None,
                    message: None,
                },
                requester: alice(),
                trigger_text: "we should fine-tune".into(),
                revisit_of: None,
            },
            Utc::now(),
        )
        .await
        .expect("start");
    record.id.0
}

fn click(id: i64, by: Person, interaction: &str, goal: Goal) -> Click {
    Click {
        walkthrough_id: WalkthroughId(id),
        at: Step::Goal,
        input: Input::Answer(Answer::Goal(GoalChoice { goal, detail: None })),
        actor: Actor {
            person: by,
            roles: Vec::new(),
        },
        here: Here {
            server: Some(ServerId(GUILD)),
            room: RoomId(CHANNEL),
        },
        interaction_id: interaction.into(),
    }
}

async fn answers(app: &App, id: i64) -> usize {
    app.detail(WalkthroughId(id), None)
        .await
        .expect("detail")
        .answers
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_racing_clicks_exactly_one_is_recorded() {
    let db = temp_db();
    let app = app_on(&db.url).await;
    for round in 0..10 {
        let id = open_one(&app).await;
        let (a1, a2) = (app.clone(), app.clone());
        let one = tokio::spawn(async move {
            a1.answer(
                click(id, alice(), &format!("a{round}"), Goal::OutputFormat),
                Utc::now(),
            )
            .await
        });
        let two = tokio::spawn(async move {
            a2.answer(
                click(id, alice(), &format!("b{round}"), Goal::EdgeCases),
                Utc::now(),
            )
            .await
        });
        let (a, b) = (one.await.unwrap(), two.await.unwrap());
        assert_eq!(
            [&a, &b].iter().filter(|r| r.is_ok()).count(),
            1,
            "{a:?} / {b:?}"
        );
        let loser = if a.is_ok() { b } else { a };
        assert!(
            matches!(loser, Err(AppError::StaleStep { .. })),
            "{loser:?}"
        );
        assert_eq!(answers(&app, id).await, 1);
    }
}

#[tokio::test]
async fn a_replayed_click_is_recorded_once_even_after_the_walkthrough_closed() {
    let db = temp_db();
    let app = app_on(&db.url).await;
    let id = open_one(&app).await;
    let first = app
        .answer(click(id, alice(), "int-1", Goal::OutputFormat), Utc::now())
        .await
        .unwrap();
    assert!(matches!(first, Advanced::Moved { .. }));
    let again = app
        .answer(click(id, alice(), "int-1", Goal::OutputFormat), Utc::now())
        .await
        .unwrap();
    assert!(matches!(again, Advanced::Duplicate { .. }));
    app.abandon(WalkthroughId(id), Utc::now()).await.unwrap();
    let late = app
        .answer(click(id, alice(), "int-1", Goal::OutputFormat), Utc::now())
        .await
        .unwrap();
    assert!(matches!(late, Advanced::Duplicate { .. }));
    assert_eq!(answers(&app, id).await, 1);
}

#[tokio::test]
async fn a_stranger_or_a_click_from_another_channel_records_nothing() {
    let db = temp_db();
    let app = app_on(&db.url).await;
    let id = open_one(&app).await;
    let stranger = app
        .answer(
            click(id, Person::new("222", "bob"), "int-2", Goal::OutputFormat),
            Utc::now(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(stranger, AppError::MayNotAnswer { .. }),
        "{stranger:?}"
    );
    assert!(
        stranger.to_string().contains("Nothing was recorded"),
        "{stranger}"
    );
    let mut elsewhere = click(id, alice(), "int-3", Goal::OutputFormat);
    elsewhere.here.room = RoomId(CHANNEL + 1);
    let refused = app.answer(elsewhere, Utc::now()).await.unwrap_err();
    assert!(matches!(refused, AppError::WrongPlace), "{refused:?}");
    assert_eq!(answers(&app, id).await, 0);
}

#[tokio::test]
async fn a_closed_walkthrough_or_a_missing_one_says_so() {
    let db = temp_db();
    let app = app_on(&db.url).await;
    let id = open_one(&app).await;
    app.abandon(
        WalkthroughId(id),
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    )
    .await
    .unwrap();
    let closed = app
        .answer(click(id, alice(), "int-4", Goal::OutputFormat), Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(closed, AppError::Closed(_)), "{closed:?}");
    let missing = app
        .answer(
            click(id + 99, alice(), "int-5", Goal::OutputFormat),
            Utc::now(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(missing, AppError::WalkthroughMissing),
        "{missing:?}"
    );
    assert_eq!(answers(&app, id).await, 0);
}
