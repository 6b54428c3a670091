//! The gentler first touch, end to end against the fake Discord: a message the detector is less
//! sure about gets a quiet reply with two buttons instead of a thread; its author starts the
//! checklist (the thread opens as for a sure detection) or dismisses it; an unanswered reply
//! is removed after `detect.suggest_expires_minutes`; every ending is stored.
//!
//! The messages use a configured phrase ("distill the ranker", `detect.extra_phrases`), which
//! always gives at least a suggestion and never a thread: the tests do not depend on the shipped
//! model's scores.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::bot::*;
use support::fake_discord::*;
use support::walk::{callback_text, is_private_notice};
use tunegate::app::{App, SuggestionState};
use tunegate::checklist::ChecklistContent;
use tunegate::store::{ServerId, Source, SuggestionId};

async fn harness(expires_minutes: u64) -> BotHarness {
    BotHarness::start_with(|s| {
        s.detect.extra_phrases = vec!["distill the ranker".into()];
        s.detect.suggest_expires_minutes = expires_minutes;
    })
    .await
}

/// Says `text` as alice; returns (the chat message, the bot's reply to it).
async fn suggested(h: &BotHarness, text: &str) -> (Value, Value) {
    let mark = h.mark();
    let said = h.chat(&ALICE, text).await;
    let reply = h.posted_in(mark, CHANNEL_ID).await;
    (said, reply)
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

async fn state_of(h: &BotHarness, id: i64) -> SuggestionState {
    h.store
        .suggestion(SuggestionId(id))
        .await
        .unwrap()
        .unwrap()
        .state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_less_sure_message_gets_a_quiet_reply_and_its_author_starts_the_checklist() {
    let h = harness(30).await;
    let (said, reply) = suggested(&h, "we should distill the ranker on our tickets").await;
    assert_eq!(reply["message_reference"]["message_id"], said["id"]);
    assert_eq!(custom_ids(&reply), ["tgq:1:start", "tgq:1:dismiss"]);
    let post = h
        .fake
        .requests_to("POST", &format!("/channels/{CHANNEL_ID}/messages"))
        .pop()
        .unwrap();
    assert_eq!(
        post.body_at("/allowed_mentions/replied_user"),
        Some(&serde_json::json!(false))
    );
    assert_eq!(
        post.body_at("/allowed_mentions/users"),
        Some(&serde_json::json!([]))
    );
    assert!(
        h.fake.requests_to("POST", "/threads").is_empty(),
        "a suggestion opens no thread"
    );
    // The same message delivered again gets no second reply.
    let mark = h.mark();
    h.fake.dispatch("MESSAGE_CREATE", said.clone()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        h.fake
            .requests_since(mark)
            .iter()
            .all(|r| r.method != "POST" || !r.path.ends_with("/messages")),
        "one reply per message"
    );

    // Someone else cannot start it for her.
    let bob = invoker(BOB, vec![], CHANNEL_ID);
    let refused = h.click("tgq:1:start", &reply, &bob).await;
    assert!(is_private_notice(&refused));
    assert_eq!(state_of(&h, 1).await, SuggestionState::Open);

    let alice = invoker(ALICE, vec![], CHANNEL_ID);
    let mark = h.mark();
    let started = h.click("tgq:1:start", &reply, &alice).await;
    assert_eq!(started.callback(), Some(Callback::DeferredUpdate));
    let thread = h
        .expect(mark, "POST", &format!("/messages/{}/threads", id_of(&said)))
        .await;
    let thread_id: u64 = thread.response.unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let first = h.posted_in(mark, thread_id).await;
    assert!(custom_ids(&first).iter().any(|id| id.ends_with(":pick")));
    h.expect(
        mark,
        "DELETE",
        &format!("/channels/{CHANNEL_ID}/messages/{}", id_of(&reply)),
    )
    .await;
    let mut suggestion = h.store.suggestion(SuggestionId(1)).await.unwrap().unwrap();
    for _ in 0..50 {
        if suggestion.walkthrough_id.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        suggestion = h.store.suggestion(SuggestionId(1)).await.unwrap().unwrap();
    }
    assert_eq!(suggestion.state, SuggestionState::Started);
    let walkthrough = h.only_walkthrough().await.walkthrough;
    assert_eq!(Some(walkthrough.id), suggestion.walkthrough_id);
    assert_eq!(walkthrough.source, Source::Chat);
    assert_eq!(walkthrough.requester.id, ALICE.id.to_string());

    // A second click ends nothing more.
    let again = h.click("tgq:1:dismiss", &reply, &alice).await;
    assert!(is_private_notice(&again));
    assert!(
        callback_text(&again).contains("already closed"),
        "{:?}",
        again.body
    );
    assert_eq!(state_of(&h, 1).await, SuggestionState::Started);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_a_proposal_removes_the_reply_and_counts_against_the_suggest_action() {
    let h = harness(30).await;
    let (_, reply) = suggested(&h, "maybe distill the ranker?").await;
    let alice = invoker(ALICE, vec![], CHANNEL_ID);
    let mark = h.mark();
    let dismissed = h.click("tgq:1:dismiss", &reply, &alice).await;
    assert_eq!(dismissed.callback(), Some(Callback::DeferredUpdate));
    h.expect(
        mark,
        "DELETE",
        &format!("/channels/{CHANNEL_ID}/messages/{}", id_of(&reply)),
    )
    .await;
    assert_eq!(state_of(&h, 1).await, SuggestionState::Dismissed);
    assert!(h.fake.requests_to("POST", "/threads").is_empty());

    let app = App::new(h.store.clone(), ChecklistContent::built_in());
    let feedback = app.detection_feedback().await.unwrap();
    assert_eq!(feedback.len(), 1);
    assert_eq!(feedback[0].origin, "suggestion 1");
    assert!(!feedback[0].started);
    let precision = app.detection_precision(None).await.unwrap();
    assert_eq!(precision.suggest.dismissed, 1);
    assert_eq!(precision.suggest.precision, Some(0.0));
    assert_eq!(precision.thread.precision, None);
    // `decisions stats` and `/finetune-audit stats` carry the same figures.
    let filter = tunegate::app::ListFilter {
        guild_id: Some(ServerId(GUILD_ID)),
        ..Default::default()
    };
    let stats = app.stats(&filter).await.unwrap();
    assert_eq!(stats.detection, precision);
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["detection"]["suggest"]["dismissed"], 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unanswered_suggestion_expires_and_its_reply_is_removed() {
    let h = harness(0).await;
    let mark = h.mark();
    let (_, reply) = suggested(&h, "we could distill the ranker on the support logs").await;
    h.expect(
        mark,
        "DELETE",
        &format!("/channels/{CHANNEL_ID}/messages/{}", id_of(&reply)),
    )
    .await;
    assert_eq!(state_of(&h, 1).await, SuggestionState::Expired);
    // A click after expiry starts nothing.
    let alice = invoker(ALICE, vec![], CHANNEL_ID);
    let late = h.click("tgq:1:start", &reply, &alice).await;
    assert!(is_private_notice(&late));
    assert!(h.fake.requests_to("POST", "/threads").is_empty());
}
