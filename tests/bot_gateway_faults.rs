//! The gateway connection failing in the middle of walkthroughs: dropped without a close
//! frame, closed with 4000, RECONNECT (op 7), INVALID SESSION (op 9) resumable or not. The bot
//! reconnects, events Discord replays after a RESUME are handled once, and the walkthrough
//! goes on.

mod support;

use serde_json::Value;
use support::bot::*;
use support::fake_discord::*;
use support::walk::*;
use tunegate::store::Status;

/// How long serenity may take to come back: a non-resumable session waits up to 5 s first.
const RECONNECT_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// The interaction that answers the question in `message` (what [`answer`] would send).
fn answer_payload(message: &Value, thread: u64) -> Value {
    let alice = invoker(ALICE, vec![], thread);
    let ids = custom_ids(message);
    let interaction = if ids.iter().any(|id| id.ends_with(":pick")) {
        payloads::select_choice(&id_ending(message, "pick"), &["tone_style"], message)
    } else if ids.iter().any(|id| id.ends_with(":drivers")) {
        payloads::select_choice(&id_ending(message, "drivers"), &["d2"], message)
    } else {
        payloads::button_click(&id_ending(message, "yes"), message)
    };
    payloads::with_invoker(interaction, &alice)
}

/// The callbacks the bot sent for interaction `id` (accepted or not).
fn callbacks_for(h: &BotHarness, id: &str) -> Vec<RecordedRequest> {
    h.fake.requests_to("POST", &format!("/interactions/{id}/"))
}

/// Starts a walkthrough, answers its first question, breaks the connection with `fault`, and
/// clicks the next answer while the bot is away. A resumable fault must end in a RESUME that
/// replays the click; then the walkthrough is finished and checked.
async fn survives_mid_walkthrough(fault: impl FnOnce(&FakeDiscord)) {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let id = walkthrough_of(&first);
    let g1 = answer_and_next(&h, thread, &first, &alice).await;
    let (identifies, resumes) = (h.fake.identify_count(), h.fake.resume_count());

    fault(&h.fake);
    let mark = h.mark();
    let away = answer_payload(&g1, thread);
    let (away_id, _) = payloads::id_and_token(&away);
    h.fake.dispatch("INTERACTION_CREATE", away).await;

    let back = h
        .fake
        .wait_until(RECONNECT_WAIT, |f| {
            f.resume_count() > resumes && f.is_connected()
        })
        .await;
    assert!(back, "the bot resumed its session");
    assert_eq!(
        h.fake.identify_count(),
        identifies,
        "resumed, not identified again"
    );
    let mut question = h.posted_in(mark, thread).await;
    assert_eq!(
        callbacks_for(&h, &away_id).len(),
        1,
        "the replayed click is handled once"
    );
    while !custom_ids(&question).is_empty() {
        question = answer_and_next(&h, thread, &question, &alice).await;
    }
    let detail = recorded(&h, id).await;
    assert_eq!(detail.walkthrough.status, Status::Decided);
    assert_eq!(detail.answers.len(), 6, "each answer recorded once");
    assert_eq!(h.fake.requests_to("POST", "/threads").len(), 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_dropped_without_a_close_frame_is_resumed_and_the_walkthrough_continues() {
    survives_mid_walkthrough(FakeDiscord::drop_connection).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_close_with_4000_is_resumed_and_the_walkthrough_continues() {
    survives_mid_walkthrough(|f| f.close_with(4000)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnect_request_is_resumed_and_the_walkthrough_continues() {
    survives_mid_walkthrough(FakeDiscord::send_reconnect).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resumable_invalid_session_is_resumed_and_the_walkthrough_continues() {
    survives_mid_walkthrough(|f| f.send_invalid_session(true)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_non_resumable_invalid_session_the_bot_identifies_again_and_old_buttons_work() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let id = walkthrough_of(&first);
    let g1 = answer_and_next(&h, thread, &first, &alice).await;
    let identifies = h.fake.identify_count();

    h.fake.send_invalid_session(false);
    let back = h
        .fake
        .wait_until(RECONNECT_WAIT, |f| {
            f.identify_count() > identifies && f.is_connected()
        })
        .await;
    assert!(back, "the bot identified again");
    // The button posted before the new session still answers.
    let mut question = answer_and_next(&h, thread, &g1, &alice).await;
    while !custom_ids(&question).is_empty() {
        question = answer_and_next(&h, thread, &question, &alice).await;
    }
    let detail = recorded(&h, id).await;
    assert_eq!(detail.walkthrough.status, Status::Decided);
    assert_eq!(detail.answers.len(), 6);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_delivered_again_after_a_resume_are_processed_once() {
    let h = BotHarness::start().await;
    let mark = h.mark();
    let proposal = h.chat(&ALICE, "we should fine-tune the model").await;
    let proposal_id = proposal["id"].as_str().unwrap().to_string();
    let thread_req = h.expect(mark, "POST", "/threads").await;
    let thread: u64 = thread_req.response.as_ref().unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let first = h.posted_in(mark, thread).await;
    let id = walkthrough_of(&first);
    let goal = answer_payload(&first, thread);
    let (goal_id, _) = payloads::id_and_token(&goal);
    let mark = h.mark();
    h.interact(goal.clone()).await;
    let g1 = h.posted_in(mark, thread).await;
    let resumes = h.fake.resume_count();

    // The connection drops; Discord then replays the chat message and the click (as it does
    // when it is unsure the client saw them) together with a new click.
    h.fake.drop_connection();
    h.fake.dispatch("MESSAGE_CREATE", proposal).await;
    h.fake.dispatch("INTERACTION_CREATE", goal).await;
    let next = answer_payload(&g1, thread);
    let (next_id, _) = payloads::id_and_token(&next);
    h.fake.dispatch("INTERACTION_CREATE", next).await;

    let back = h
        .fake
        .wait_until(RECONNECT_WAIT, |f| {
            f.resume_count() > resumes && f.is_connected()
        })
        .await;
    assert!(back, "the bot resumed");
    // The repeated click is acknowledged again (Discord refuses a second callback) and the
    // new one is answered.
    let handled = h
        .fake
        .wait_until(WAIT, |f| {
            f.requests_to("POST", &format!("/interactions/{goal_id}/"))
                .len()
                == 2
                && !f
                    .requests_to("POST", &format!("/interactions/{next_id}/"))
                    .is_empty()
        })
        .await;
    assert!(handled, "both replayed clicks reached the bot");
    let repeat = &callbacks_for(&h, &goal_id)[1];
    assert_eq!(
        repeat.callback(),
        Some(Callback::DeferredUpdate),
        "the repeat is only acknowledged"
    );
    // A later proposal: once its thread exists, the replayed message was handled too.
    let mark = h.mark();
    h.chat(&BOB, "should we fine-tune another model?").await;
    h.expect(mark, "POST", "/threads").await;

    assert_eq!(
        h.fake
            .requests_to("POST", &format!("/messages/{proposal_id}/threads"))
            .len(),
        1,
        "one thread for the message delivered twice"
    );
    let detail = recorded(&h, id).await;
    assert_eq!(detail.answers.len(), 2, "goal once, g1 once");
    assert_eq!(detail.walkthrough.step.key(), "g2");
    let all = h.store.list(&Default::default(), 10, 0).await.unwrap();
    assert_eq!(
        all.len(),
        2,
        "the replayed message opened no second walkthrough"
    );
    h.assert_clean();
}
