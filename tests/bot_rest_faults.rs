//! The bot when Discord's REST API misbehaves: bursts of rate limits, runs of server errors,
//! requests that hang. Every recorded answer stays recorded, the clicker is told privately when
//! the next question could not be posted, and the walkthrough goes on once Discord recovers.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::bot::*;
use support::fake_discord::*;
use support::walk::*;
use tunegate::store::Status;

/// The private notice the bot sends after recording an answer it could not follow up.
const LOST_POST_HINT: &str = "/finetune resume";

/// A bot whose requests to Discord time out after one second.
async fn impatient_bot() -> BotHarness {
    BotHarness::start_with(|s| s.discord.request_timeout_secs = 1).await
}

/// The statuses the fake answered to the bot's posts in `thread` since `mark`.
fn post_statuses(h: &BotHarness, mark: usize, thread: u64) -> Vec<u16> {
    let path = format!("/channels/{thread}/messages");
    h.fake
        .requests()
        .iter()
        .skip(mark)
        .filter(|r| r.method == "POST" && r.path == path)
        .map(|r| r.status)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_rate_limits_is_waited_out_and_nothing_is_lost() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let path = format!("/channels/{thread}/messages");
    // Three 429s in a row, one of them global, then Discord lets the post through.
    for global in [false, true, false] {
        h.fake.fail_next(
            "POST",
            &path,
            Fault::RateLimited {
                retry_after: 0.1,
                global,
            },
            1,
        );
    }
    let mark = h.mark();
    let started = Instant::now();
    let g1 = answer_and_next(&h, thread, &first, &alice).await;
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "waited 3 x 100 ms"
    );
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    assert_eq!(post_statuses(&h, mark, thread), vec![429, 429, 429, 200]);
    let id = walkthrough_of(&first);
    assert_eq!(recorded(&h, id).await.answers.len(), 1);
    h.assert_clean();
}

/// Several processes share the token's buckets (through a REST proxy or not): the first post
/// this process sends into a thread meets a bucket another process emptied.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bucket_another_process_spent_is_waited_out_and_the_answer_recorded_once() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let path = format!("/channels/{thread}/messages");
    h.fake.fail_next(
        "POST",
        &path,
        Fault::BucketSpentElsewhere { reset_after: 0.2 },
        2,
    );
    let mark = h.mark();
    let started = Instant::now();
    let g1 = answer_and_next(&h, thread, &first, &alice).await;
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "waited for the bucket to reset twice"
    );
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    assert_eq!(post_statuses(&h, mark, thread), vec![429, 429, 200]);
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limit_longer_than_a_minute_is_not_waited_for_and_the_clicker_is_told() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    h.fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::RateLimited {
            retry_after: 3600.0,
            global: true,
        },
        1,
    );
    let mark = h.mark();
    let started = Instant::now();
    let callback = answer(&h, &first, &alice).await;
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    let told = h.expect(mark, "POST", "/webhooks/").await;
    assert!(started.elapsed() < WAIT, "did not wait an hour");
    let text = told.body_at("/content").and_then(|v| v.as_str()).unwrap();
    assert!(text.contains(LOST_POST_HINT), "{text}");
    assert_eq!(told.body_at("/flags"), Some(&json!(64)), "only the clicker");
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_of_server_errors_lose_no_answer_and_the_walkthrough_recovers_with_discord() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let id = walkthrough_of(&first);
    let path = format!("/channels/{thread}/messages");

    // A run of four 500/502s: the fifth attempt gets through.
    h.fake.fail_next("POST", &path, Fault::Status(500), 2);
    h.fake.fail_next("POST", &path, Fault::Status(502), 2);
    let mark = h.mark();
    let g1 = answer_and_next(&h, thread, &first, &alice).await;
    assert_eq!(
        post_statuses(&h, mark, thread),
        vec![500, 500, 502, 502, 200]
    );

    // Discord is down for longer than the bot retries: two answers in a row are recorded,
    // each clicker is told, and the questions come back with /finetune resume.
    h.fake.fail_next("POST", &path, Fault::Status(502), 10);
    for step in ["g1", "g2"] {
        // The g2 button never reached Discord; a user would get it from /finetune resume.
        let custom_id = format!("tg1:{id}:{step}:yes");
        let mark = h.mark();
        let callback = h.click(&custom_id, &g1, &alice).await;
        assert_eq!(
            callback.callback(),
            Some(Callback::UpdateMessage),
            "{step} taken"
        );
        let told = h.expect(mark, "POST", "/webhooks/").await;
        let text = told.body_at("/content").and_then(|v| v.as_str()).unwrap();
        assert!(text.contains(LOST_POST_HINT), "{text}");
    }
    let detail = recorded(&h, id).await;
    assert_eq!(detail.answers.len(), 3);
    assert_eq!(detail.walkthrough.step.key(), "g3");

    // Discord is back: resume shows g3, and the walkthrough finishes.
    let resume = payloads::with_invoker(payloads::finetune("resume"), &alice);
    let mark = h.mark();
    h.interact(resume).await;
    let mut question = h.posted_in(mark, thread).await;
    assert!(id_ending(&question, "yes").contains(":g3:"));
    while !custom_ids(&question).is_empty() {
        question = answer_and_next(&h, thread, &question, &alice).await;
    }
    let detail = recorded(&h, id).await;
    assert_eq!(detail.walkthrough.status, Status::Decided);
    assert_eq!(detail.answers.len(), 6);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_interaction_callback_still_records_the_answer_and_posts_the_next_question() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    h.fake
        .fail_next("POST", "/interactions/*/*/callback", Fault::Status(500), 1);
    let mark = h.mark();
    let callback = answer(&h, &first, &alice).await;
    assert_eq!(callback.status, 500);
    let g1 = h.posted_in(mark, thread).await;
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hanging_discord_times_out_and_the_post_is_retried() {
    let h = impatient_bot().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    // Discord takes the next two posts and never answers (well, not for 5 minutes).
    h.fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::Delay(Duration::from_secs(300)),
        2,
    );
    let mark = h.mark();
    let started = Instant::now();
    let callback = answer(&h, &first, &alice).await;
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    // Two attempts time out after 1 s each; the third is answered at once.
    let path = format!("/channels/{thread}/messages");
    let answered = h
        .fake
        .wait_until(WAIT, |f| {
            f.requests()
                .iter()
                .skip(mark)
                .filter(|r| r.is("POST", &path))
                .count()
                >= 3
        })
        .await;
    assert!(answered, "the bot retried after its timeouts");
    assert!(started.elapsed() < Duration::from_secs(8));
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 1);
    // The walkthrough goes on from the question Discord eventually showed.
    let g1 = h.fake.messages_in(thread).pop().expect("the question");
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    answer_and_next(&h, thread, &g1, &alice).await;
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 2);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_that_discord_made_but_answered_too_late_is_not_posted_twice() {
    let h = impatient_bot().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let before = h.fake.messages_in(thread).len();
    // Discord creates the next question but answers after the bot's 1 s deadline.
    let path = format!("/channels/{thread}/messages");
    h.fake
        .fail_next("POST", &path, Fault::Delay(Duration::from_secs(300)), 1);
    let mark = h.mark();
    answer(&h, &first, &alice).await;
    let retried = h
        .fake
        .wait_until(WAIT, |f| {
            f.requests()
                .iter()
                .skip(mark)
                .filter(|r| r.is("POST", &path) && r.status == 200)
                .count()
                >= 2
        })
        .await;
    assert!(retried, "the bot retried the post after its timeout");
    let posts: Vec<_> = h
        .fake
        .requests()
        .into_iter()
        .skip(mark)
        .filter(|r| r.is("POST", &path))
        .collect();
    let nonce = |i: usize| posts[i].body_at("/nonce").cloned();
    assert!(
        nonce(0).is_some_and(|n| n.is_string()),
        "{:?}",
        posts[0].body
    );
    assert_eq!(nonce(0), nonce(1), "a retry carries the same nonce");
    assert_eq!(posts[1].body_at("/enforce_nonce"), Some(&json!(true)));
    // Discord answered the retry with the message it had made: one question, not two.
    assert_eq!(h.fake.messages_in(thread).len(), before + 1);
    let g1 = h.fake.messages_in(thread).pop().expect("the question");
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    answer_and_next(&h, thread, &g1, &alice).await;
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 2);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discord_that_never_answers_ends_in_the_private_notice_not_a_stuck_click() {
    let h = impatient_bot().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    h.fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::Delay(Duration::from_secs(300)),
        5,
    );
    let mark = h.mark();
    answer(&h, &first, &alice).await;
    // 5 attempts of 1 s plus backoffs of 0.2 + 0.4 + 0.8 + 1.6 s: about 8 s, not 25 minutes.
    let told = h
        .fake
        .wait_for_request(
            |r| r.index >= mark && r.is("POST", "/webhooks/"),
            Duration::from_secs(20),
        )
        .await
        .expect("the clicker is told");
    let text = told.body_at("/content").and_then(|v| v.as_str()).unwrap();
    assert!(text.contains(LOST_POST_HINT), "{text}");
    assert_eq!(recorded(&h, walkthrough_of(&first)).await.answers.len(), 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_thread_the_resume_the_notice_points_to_works_in_the_channel() {
    let h = BotHarness::start().await;
    // No thread permission: the walkthrough runs in the channel.
    h.fake.fail_next(
        "POST",
        "/channels/*/messages/*/threads",
        Fault::Status(403),
        1,
    );
    let mark = h.mark();
    h.chat(&ALICE, "we should fine-tune the model").await;
    let first = h.posted_in(mark, CHANNEL_ID).await;
    let alice = invoker(ALICE, vec![], CHANNEL_ID);
    // Discord refuses the next question; the clicker is told to use /finetune resume.
    h.fake.fail_next(
        "POST",
        &format!("/channels/{CHANNEL_ID}/messages"),
        Fault::Status(500),
        5,
    );
    let mark = h.mark();
    answer(&h, &first, &alice).await;
    let told = h.expect(mark, "POST", "/webhooks/").await;
    let text = told.body_at("/content").and_then(|v| v.as_str()).unwrap();
    assert!(text.contains(LOST_POST_HINT), "{text}");
    let resume = payloads::with_invoker(payloads::finetune("resume"), &alice);
    let mark = h.mark();
    let reply = h.interact(resume).await;
    assert!(
        !callback_text(&reply).contains("no open checklist"),
        "{:?}",
        reply.body
    );
    let again = h.posted_in(mark, CHANNEL_ID).await;
    assert!(id_ending(&again, "yes").contains(":g1:"), "{again}");
    h.assert_clean();
}
