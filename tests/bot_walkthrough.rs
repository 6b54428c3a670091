//! The bot end to end against the fake Discord: a proposal in chat opens a thread, the
//! requester clicks through the questions, the verdict is posted and recorded.

mod support;

use serde_json::Value;
use support::bot::*;
use support::fake_discord::*;
use tunegate::checklist::VerdictKind;
use tunegate::store::{Source, Status};

/// Clicks through a whole walkthrough whose first question is `first` in `thread`, answering
/// the goal, the four gates and the drivers; returns the verdict message.
async fn answer_all(h: &BotHarness, thread: u64, first: &Value, gates: [&str; 4], drivers: &[&str]) -> Value {
    let alice = invoker(ALICE, vec![], thread);
    let mark = h.mark();
    let callback = h.choose(&id_ending(first, "pick"), &["output_format"], first, &alice).await;
    assert_eq!(callback.body_at("/type"), Some(&serde_json::json!(7)), "the question is updated");
    assert!(callback.body_at("/data/content").unwrap().as_str().unwrap().contains("Output format"));
    let mut question = h.posted_in(mark, thread).await;
    for answer in gates {
        let mark = h.mark();
        h.click(&id_ending(&question, answer), &question, &alice).await;
        question = h.posted_in(mark, thread).await;
    }
    let mark = h.mark();
    if drivers.is_empty() {
        h.click(&id_ending(&question, "none"), &question, &alice).await;
    } else {
        h.choose(&id_ending(&question, "drivers"), drivers, &question, &alice).await;
    }
    h.posted_in(mark, thread).await
}

/// Says a proposal in chat and returns (thread id, first question message).
async fn propose(h: &BotHarness, text: &str) -> (u64, Value) {
    let mark = h.mark();
    let said = h.chat(&ALICE, text).await;
    let thread_req = h.expect(mark, "POST", "/threads").await;
    assert!(thread_req.path.contains(said["id"].as_str().unwrap()), "thread opened on the message");
    let thread: u64 = thread_req.response.as_ref().unwrap()["id"].as_str().unwrap().parse().unwrap();
    let first = h.posted_in(mark, thread).await;
    (thread, first)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_in_chat_opens_a_thread_and_reaches_each_verdict() {
    let h = BotHarness::start().await;
    let cases: [([&str; 4], &[&str], VerdictKind); 3] = [
        (["yes", "no", "not_sure", "yes"], &["d1"], VerdictKind::Premature),
        (["yes", "yes", "yes", "yes"], &[], VerdictKind::NotJustifiedYet),
        (["yes", "yes", "yes", "yes"], &["d1", "d4"], VerdictKind::Justified),
    ];
    for (gates, drivers, expected) in cases {
        let (thread, first) = propose(&h, "I think we should fine-tune the model on our tickets").await;
        let first_text = first["content"].as_str().unwrap();
        assert!(first_text.contains(&format!("<@{}>", ALICE.id)), "the requester is mentioned once");
        assert_eq!(first_text.matches("<@").count(), 1);
        let verdict = answer_all(&h, thread, &first, gates, drivers).await;
        let embed = &verdict["embeds"][0];
        assert!(embed["title"].as_str().unwrap().starts_with(expected.headline()), "{embed}");
        let footer = embed["footer"]["text"].as_str().unwrap().to_string();
        let id: i64 = footer.trim_start_matches("Decision #").split(' ').next().unwrap().parse().unwrap();
        let detail = h.store.detail(id, None).await.unwrap();
        assert_eq!(detail.walkthrough.source, Source::Chat);
        assert_eq!(detail.walkthrough.status, Status::Decided);
        assert_eq!(detail.walkthrough.place.thread_id, Some(thread));
        assert_eq!(detail.answers.len(), 6);
        assert!(detail.answers.iter().all(|a| a.answered_by.id == ALICE.id.to_string()));
        assert_eq!(detail.decision.unwrap().verdict, expected);
    }
    h.assert_clean();
}
