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
    assert_eq!(callback.body_at("/type"), Some(&json!(7)));
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
