//! Short verbs for driving a walkthrough through the running bot: propose in chat, answer the
//! question on screen, read what is recorded. Shared by the reliability and security tests.

use serde_json::Value;
use tunegate::store::{DecisionDetail, WalkthroughId};

use super::bot::*;
use super::fake_discord::payloads::Invoker;
use super::fake_discord::*;

/// Says `text` in the main channel as alice; returns (thread id, first question message).
pub async fn propose(h: &BotHarness, text: &str) -> (u64, Value) {
    h.propose(text).await
}

/// The answer a test gives to the question in `message`: the goal select, a gate button or
/// the drivers select, chosen by the question's custom ids.
pub async fn answer(h: &impl Drive, message: &Value, who: &Invoker) -> RecordedRequest {
    let ids = custom_ids(message);
    if ids.iter().any(|id| id.ends_with(":pick")) {
        h.choose(&id_ending(message, "pick"), &["tone_style"], message, who)
            .await
    } else if ids.iter().any(|id| id.ends_with(":drivers")) {
        h.choose(&id_ending(message, "drivers"), &["d2"], message, who)
            .await
    } else {
        h.click(&id_ending(message, "yes"), message, who).await
    }
}

/// Answers the question in `message` and returns the next message the bot posts in `thread`.
pub async fn answer_and_next(h: &impl Drive, thread: u64, message: &Value, who: &Invoker) -> Value {
    let mark = h.mark();
    let callback = answer(h, message, who).await;
    assert_eq!(
        callback.callback(),
        Some(Callback::UpdateMessage),
        "the answer is taken: {:?}",
        callback.body
    );
    h.posted_in(mark, thread).await
}

/// The walkthrough `id` as recorded.
pub async fn recorded(h: &BotHarness, id: WalkthroughId) -> DecisionDetail {
    h.store.detail(id, None).await.expect("walkthrough detail")
}

/// The walkthrough id a question message belongs to (from its custom ids).
pub fn walkthrough_of(message: &Value) -> WalkthroughId {
    let id = custom_ids(message).into_iter().next().expect("a component");
    id.split(':')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .map(WalkthroughId)
        .expect("tg1:<id>:...")
}

/// Whether an interaction callback is a private (ephemeral) message.
pub fn is_private_notice(callback: &RecordedRequest) -> bool {
    callback.callback() == Some(Callback::Message)
        && callback
            .body_at("/data/flags")
            .and_then(Value::as_u64)
            .is_some_and(|f| f & 64 != 0)
}

/// The text of an interaction callback's message.
pub fn callback_text(callback: &RecordedRequest) -> String {
    callback
        .body_at("/data/content")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Clicks through a whole walkthrough whose first question is `first` in `thread`, answering
/// the goal, the four gates and the drivers; returns the verdict message.
pub async fn click_to_verdict(
    h: &impl Drive,
    thread: u64,
    first: &Value,
    gates: [&str; 4],
    drivers: &[&str],
) -> Value {
    let alice = invoker(ALICE, vec![], thread);
    click_to_verdict_as(h, &alice, thread, first, gates, drivers).await
}

/// [`click_to_verdict`], clicking as `alice` (an invoker in another guild, say).
pub async fn click_to_verdict_as(
    h: &impl Drive,
    alice: &Invoker,
    thread: u64,
    first: &Value,
    gates: [&str; 4],
    drivers: &[&str],
) -> Value {
    let alice = alice.clone();
    let mark = h.mark();
    let callback = h
        .choose(&id_ending(first, "pick"), &["output_format"], first, &alice)
        .await;
    assert_eq!(
        callback.callback(),
        Some(Callback::UpdateMessage),
        "the question is updated"
    );
    assert!(
        callback
            .body_at("/data/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("Output format")
    );
    let mut question = h.posted_in(mark, thread).await;
    for answer in gates {
        let mark = h.mark();
        h.click(&id_ending(&question, answer), &question, &alice)
            .await;
        question = h.posted_in(mark, thread).await;
    }
    let mark = h.mark();
    if drivers.is_empty() {
        h.click(&id_ending(&question, "none"), &question, &alice)
            .await;
    } else {
        h.choose(&id_ending(&question, "drivers"), drivers, &question, &alice)
            .await;
    }
    h.posted_in(mark, thread).await
}
