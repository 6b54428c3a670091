//! The bot when things go wrong: restarts mid-walkthrough, refused threads, rate limits,
//! server errors, deleted threads, idle walkthroughs, forged buttons.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::bot::*;
use support::fake_discord::*;
use tunegate::store::Status;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_restart_an_old_button_continues_the_walkthrough() {
    let mut h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let mark = h.mark();
    h.choose(
        &id_ending(&first, "pick"),
        &["business_rules"],
        &first,
        &alice,
    )
    .await;
    let g1 = h.posted_in(mark, thread).await;

    h.restart().await;

    // The message posted by the previous process still works.
    let mark = h.mark();
    let callback = h.click(&id_ending(&g1, "yes"), &g1, &alice).await;
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    let mut question = h.posted_in(mark, thread).await;
    for answer in ["yes", "yes", "yes"] {
        let mark = h.mark();
        h.click(&id_ending(&question, answer), &question, &alice)
            .await;
        question = h.posted_in(mark, thread).await;
    }
    let mark = h.mark();
    h.choose(&id_ending(&question, "drivers"), &["d3"], &question, &alice)
        .await;
    let verdict = h.posted_in(mark, thread).await;
    assert!(
        verdict["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("JUSTIFIED")
    );
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.walkthrough.status, Status::Decided);
    assert_eq!(detail.answers.len(), 6);
    assert_eq!(h.store.integrity_check().await.unwrap(), vec!["ok"]);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_thread_permission_the_walkthrough_runs_in_the_channel() {
    let h = BotHarness::start().await;
    h.fake.fail_next(
        "POST",
        "/channels/*/messages/*/threads",
        Fault::Status(403),
        1,
    );
    let mark = h.mark();
    let said = h.chat(&ALICE, "can we fine-tune a smaller model?").await;
    let first = h.posted_in(mark, CHANNEL_ID).await;
    let text = first["content"].as_str().unwrap();
    assert!(
        text.contains("Create Public Threads"),
        "says which permission to grant: {text}"
    );
    let channel_post = format!("/channels/{CHANNEL_ID}/messages");
    let reply = h
        .fake
        .wait_for_request(
            |r| r.index >= mark && r.method == "POST" && r.path == channel_post,
            WAIT,
        )
        .await
        .unwrap();
    assert_eq!(
        reply.body_at("/message_reference/message_id"),
        Some(&said["id"])
    );
    // Answering works in the channel itself.
    let callback = h
        .choose(
            &id_ending(&first, "pick"),
            &["other"],
            &first,
            &invoker(ALICE, vec![], CHANNEL_ID),
        )
        .await;
    assert_eq!(
        callback.callback(),
        Some(Callback::Modal),
        "'something else' asks for a description"
    );
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.walkthrough.place.thread, None);
    assert_eq!(detail.walkthrough.status, Status::Open);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_post_is_retried_after_the_wait_discord_asks_for() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    h.fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::RateLimited {
            retry_after: 0.3,
            global: false,
        },
        1,
    );
    let mark = h.mark();
    let started = Instant::now();
    h.choose(
        &id_ending(&first, "pick"),
        &["tone_style"],
        &first,
        &invoker(ALICE, vec![], thread),
    )
    .await;
    let question = h.posted_in(mark, thread).await;
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "waited out Retry-After"
    );
    assert!(id_ending(&question, "yes").contains(":g1:"));
    let posts: Vec<u16> = h
        .fake
        .requests()
        .iter()
        .skip(mark)
        .filter(|r| r.is("POST", &format!("/channels/{thread}/messages")))
        .map(|r| r.status)
        .collect();
    assert_eq!(posts, vec![429, 200]);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_are_retried_and_a_lost_post_keeps_the_recorded_answer() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let path = format!("/channels/{thread}/messages");
    // Two 502s, then success: the question arrives.
    h.fake.fail_next("POST", &path, Fault::Status(502), 2);
    let mark = h.mark();
    h.choose(&id_ending(&first, "pick"), &["tone_style"], &first, &alice)
        .await;
    let g1 = h.posted_in(mark, thread).await;
    // Discord keeps failing for every attempt the bot makes: the answer stays recorded and
    // /finetune resume shows the question once Discord is back.
    h.fake.fail_next("POST", &path, Fault::Status(500), 5);
    let mark = h.mark();
    h.click(&id_ending(&g1, "no"), &g1, &alice).await;
    h.fake
        .wait_until(WAIT, |f| {
            f.requests()
                .iter()
                .skip(mark)
                .filter(|r| r.is("POST", &path))
                .count()
                >= 5
        })
        .await;
    let told = h.expect(mark, "POST", "/webhooks/").await;
    assert!(
        told.body_at("/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("/finetune resume")
    );
    assert_eq!(
        told.body_at("/flags"),
        Some(&json!(64)),
        "only the clicker is told"
    );
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.answers.len(), 2, "both answers are recorded");
    assert_eq!(detail.walkthrough.step.key(), "g2");
    let resume = payloads::with_invoker(payloads::finetune("resume"), &alice);
    let mark = h.mark();
    h.interact(resume).await;
    let again = h.posted_in(mark, thread).await;
    assert!(
        id_ending(&again, "yes").contains(":g2:"),
        "the current question is shown again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_button_naming_another_channels_walkthrough_is_refused() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let forged = id_ending(&first, "pick");
    // The same custom id, clicked from the main channel instead of the walkthrough's thread.
    let callback = h
        .choose(
            &forged,
            &["tone_style"],
            &first,
            &invoker(ALICE, vec![], SECOND_CHANNEL_ID),
        )
        .await;
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    // Unknown and malformed ids get a notice, never a panic.
    for bad in [
        "tg1:999999:g1:yes",
        "tg1:1:g1",
        "something-else",
        "tg1:1:goal:yes",
    ] {
        let callback = h.click(bad, &first, &invoker(ALICE, vec![], thread)).await;
        assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)), "{bad}");
    }
    assert!(h.only_walkthrough().await.answers.is_empty());
    let _ = thread;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_walkthrough_gets_one_reminder_then_is_abandoned() {
    let h = BotHarness::start().await;
    let (thread, _) = h.propose("we should fine-tune the model").await;
    let bot = h.running.as_ref().unwrap().bot().clone();
    let now = chrono::Utc::now();
    let remind_at =
        now + chrono::Duration::minutes(h.settings.discord.reminder_after_minutes as i64 + 1);
    let mark = h.mark();
    let (reminded, abandoned) = tunegate::discord::reminders::sweep(&bot, remind_at)
        .await
        .unwrap();
    assert_eq!((reminded, abandoned), (1, 0));
    let reminder = h.posted_in(mark, thread).await;
    assert!(
        reminder["content"]
            .as_str()
            .unwrap()
            .contains("still waiting")
    );
    // A second sweep (or a restarted bot) does not remind again.
    assert_eq!(
        tunegate::discord::reminders::sweep(&bot, remind_at)
            .await
            .unwrap(),
        (0, 0)
    );
    let abandon_at =
        now + chrono::Duration::minutes(h.settings.discord.abandon_after_minutes as i64 + 1);
    assert_eq!(
        tunegate::discord::reminders::sweep(&bot, abandon_at)
            .await
            .unwrap(),
        (0, 1)
    );
    assert_eq!(
        h.only_walkthrough().await.walkthrough.status,
        Status::Abandoned
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_thread_marks_its_walkthrough_abandoned() {
    let h = BotHarness::start().await;
    let (thread, _) = h.propose("we should fine-tune the model").await;
    h.fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::Status(404),
        1,
    );
    let bot = h.running.as_ref().unwrap().bot().clone();
    let later = chrono::Utc::now()
        + chrono::Duration::minutes(h.settings.discord.reminder_after_minutes as i64 + 1);
    tunegate::discord::reminders::sweep(&bot, later)
        .await
        .unwrap();
    assert_eq!(
        h.only_walkthrough().await.walkthrough.status,
        Status::Abandoned
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_database_gets_the_click_acknowledged_in_time_and_answered_later() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    // Another process holds the write lock for longer than Discord's 3 seconds allow.
    let mut holder = h
        .store
        .sqlite_pool()
        .expect("a SQLite store")
        .acquire()
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(3500)).await;
        sqlx::query("ROLLBACK").execute(&mut *holder).await.unwrap();
    });
    let mark = h.mark();
    let started = Instant::now();
    let callback = h
        .choose(
            &id_ending(&first, "pick"),
            &["tone_style"],
            &first,
            &invoker(ALICE, vec![], thread),
        )
        .await;
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "answered within Discord's 3 seconds"
    );
    assert_eq!(
        callback.callback(),
        Some(Callback::DeferredUpdate),
        "acknowledged, message kept"
    );
    let edit = h.expect(mark, "PATCH", "/messages/@original").await;
    assert!(
        edit.body_at("/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("Tone and style")
    );
    let next = h.posted_in(mark, thread).await;
    assert!(id_ending(&next, "yes").contains(":g1:"));
    release.await.unwrap();
    assert_eq!(h.only_walkthrough().await.answers.len(), 1);
    h.assert_clean();
}
