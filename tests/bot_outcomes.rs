//! How decisions turned out, end to end against the fake Discord: the follow-up a verdict gets
//! (posted once, in its thread, mentioning only the requester), answering it through its form,
//! asking once more after "not tried yet", falling back to the channel and giving up when both
//! are gone, and "Estimate the savings" on a verdict carried by volume.
//!
//! `outcomes.follow_up_after` is one second here (the sweep then looks every two seconds), so a
//! verdict's follow-up is due almost at once and JUSTIFIED's, at twice the delay, soon after.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use support::walk::{callback_text, click_to_verdict, is_private_notice};
use tunegate::checklist::outcome::OutcomeResult;
use tunegate::store::WalkthroughId;

async fn harness() -> BotHarness {
    BotHarness::start_with(|s| s.outcomes.follow_up_after = "1s".into()).await
}

const PREMATURE: ([&str; 4], &[&str]) = (["yes", "no", "yes", "yes"], &["d1"]);

/// Proposes, clicks through to a verdict, and returns (walkthrough id, thread, verdict).
async fn decided(h: &BotHarness, gates: [&str; 4], drivers: &[&str]) -> (i64, u64, Value) {
    let (thread, first) = h
        .propose("we should fine-tune the model on our tickets")
        .await;
    let verdict = click_to_verdict(h, thread, &first, gates, drivers).await;
    let footer = verdict["embeds"][0]["footer"]["text"].as_str().unwrap();
    let id = footer
        .trim_start_matches("Decision #")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    (id, thread, verdict)
}

/// The next message posted in `channel` after `mark` whose text contains `needle`.
async fn posted_containing(h: &BotHarness, mut mark: usize, channel: u64, needle: &str) -> Value {
    loop {
        let message = h.posted_in(mark, channel).await;
        if message["content"].as_str().unwrap_or("").contains(needle) {
            return message;
        }
        mark = h.mark();
    }
}

/// The follow-ups the bot posted in `channel` (as sent: answering one edits its text).
fn follow_ups_in(h: &BotHarness, channel: u64) -> Vec<Value> {
    h.fake
        .requests_to("POST", &format!("/channels/{channel}/messages"))
        .into_iter()
        .filter(|r| r.status < 300)
        .filter_map(|r| r.body)
        .filter(|m| {
            m["content"]
                .as_str()
                .is_some_and(|c| c.contains("Did the prompt work") || c.contains("Did you fine"))
        })
        .collect()
}

/// The state of round 1 of `id`'s follow-ups once it is `want`, or the last seen after 10 s.
async fn state_becomes(h: &BotHarness, id: i64, want: &str) -> Option<String> {
    let mut state = None;
    for _ in 0..50 {
        state = h.store.follow_up_state(WalkthroughId(id), 1).await.unwrap();
        if state.as_deref() == Some(want) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    state
}

fn form_submit(custom_id: &str, note: &str, message: &Value, who: &Invoker) -> Value {
    let mut submit = payloads::modal_submit(custom_id, &[("note", note)]);
    submit["message"] = message.clone();
    payloads::with_invoker(submit, who)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_is_posted_once_mentioning_only_the_requester_and_its_form_records_the_outcome()
{
    let mut h = harness().await;
    let mark = h.mark();
    let (id, thread, _) = decided(&h, PREMATURE.0, PREMATURE.1).await;

    let follow_up = posted_containing(&h, mark, thread, "Did the prompt work solve it?").await;
    let text = follow_up["content"].as_str().unwrap();
    assert!(text.contains(&format!("<@{}>", ALICE.id)), "{text}");
    assert_eq!(text.matches("<@").count(), 1, "only the requester: {text}");
    let post = h
        .fake
        .requests_to("POST", &format!("/channels/{thread}/messages"))
        .into_iter()
        .rev()
        .find(|r| r.body_at("/content").and_then(Value::as_str) == Some(text))
        .unwrap();
    assert_eq!(
        post.body_at("/allowed_mentions/users"),
        Some(&serde_json::json!([ALICE.id.to_string()]))
    );
    assert_eq!(
        post.body_at("/allowed_mentions/roles"),
        Some(&serde_json::json!([]))
    );
    let unarchived = h.fake.requests_to("PATCH", &format!("/channels/{thread}"));
    assert!(
        unarchived
            .iter()
            .any(|r| r.body_at("/archived") == Some(&serde_json::json!(false))),
        "the thread is opened again before asking"
    );
    let ids = custom_ids(&follow_up);
    assert_eq!(
        ids,
        ["solved", "partly", "still_needed", "not_tried"]
            .map(|r| format!("tgo:{id}:1:{r}"))
            .to_vec()
    );

    // Someone else may not answer for the requester.
    let bob = invoker(BOB, vec![], thread);
    let refused = h.click(&ids[1], &follow_up, &bob).await;
    assert!(is_private_notice(&refused), "{:?}", refused.body);

    // The requester's click opens the note form; submitting it records the outcome.
    let alice = invoker(ALICE, vec![], thread);
    let opened = h.click(&ids[1], &follow_up, &alice).await;
    assert_eq!(opened.callback(), Some(Callback::Modal));
    assert_eq!(
        opened.body_at("/data/custom_id").and_then(Value::as_str),
        Some(format!("tgo:{id}:1:partly:form").as_str())
    );
    let submitted = h
        .interact(form_submit(
            &format!("tgo:{id}:1:partly:form"),
            "few-shot fixed the format; **tone** still off @everyone",
            &follow_up,
            &alice,
        ))
        .await;
    assert_eq!(submitted.callback(), Some(Callback::UpdateMessage));
    let shown = callback_text(&submitted);
    assert!(shown.contains("Partly"), "{shown}");
    assert!(!shown.contains("@everyone"), "{shown}");
    assert_eq!(
        submitted.body_at("/data/components"),
        Some(&serde_json::json!([])),
        "the buttons go once answered"
    );
    let outcomes = h.store.outcomes_of(WalkthroughId(id)).await.unwrap();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].result, OutcomeResult::Partly);
    assert_eq!(outcomes[0].follow_up_round, Some(1));
    assert!(outcomes[0].note.as_deref().unwrap().contains("tone"));

    // A second click, or a second form, records nothing and says what was recorded.
    let again = h.click(&ids[0], &follow_up, &alice).await;
    assert!(is_private_notice(&again));
    assert!(
        callback_text(&again).contains("already answered"),
        "{:?}",
        again.body
    );
    assert!(callback_text(&again).contains("Partly"));
    let second_form = h
        .interact(form_submit(
            &format!("tgo:{id}:1:solved:form"),
            "",
            &follow_up,
            &alice,
        ))
        .await;
    assert!(is_private_notice(&second_form));
    assert!(callback_text(&second_form).contains("Partly"));
    assert_eq!(
        h.store.outcomes_of(WalkthroughId(id)).await.unwrap().len(),
        1
    );

    // After a restart nothing is asked again.
    h.restart().await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(follow_ups_in(&h, thread).len(), 1);
    assert_eq!(
        h.store
            .follow_up_state(WalkthroughId(id), 1)
            .await
            .unwrap()
            .as_deref(),
        Some("answered")
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_tried_yet_asks_once_more_and_then_never_again() {
    let h = harness().await;
    let mark = h.mark();
    let (id, thread, _) = decided(&h, PREMATURE.0, PREMATURE.1).await;
    let alice = invoker(ALICE, vec![], thread);
    let first = posted_containing(&h, mark, thread, "Did the prompt work").await;

    let mark = h.mark();
    let form = format!("tgo:{id}:1:not_tried:form");
    let answered = h.interact(form_submit(&form, "", &first, &alice)).await;
    assert!(
        callback_text(&answered).contains("ask once more"),
        "{:?}",
        answered.body
    );
    let second = posted_containing(&h, mark, thread, "asking once more").await;
    assert_eq!(custom_ids(&second)[3], format!("tgo:{id}:2:not_tried"));

    let form = format!("tgo:{id}:2:not_tried:form");
    let answered = h.interact(form_submit(&form, "", &second, &alice)).await;
    assert!(!callback_text(&answered).contains("ask once more"));
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(follow_ups_in(&h, thread).len(), 2, "no third follow-up");
    let results: Vec<_> = h
        .store
        .outcomes_of(WalkthroughId(id))
        .await
        .unwrap()
        .iter()
        .map(|o| o.result)
        .collect();
    assert_eq!(results, [OutcomeResult::NotTried, OutcomeResult::NotTried]);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_justified_decision_is_asked_whether_it_paid_off_and_answer_roles_may_answer() {
    let h = BotHarness::start_with(|s| {
        s.outcomes.follow_up_after = "1s".into();
        s.discord.answer_roles = vec![ROLE_ID];
    })
    .await;
    let mark = h.mark();
    let (id, thread, _) = decided(&h, ["yes"; 4], &["d2"]).await;
    let follow_up = posted_containing(&h, mark, thread, "Did you fine-tune?").await;
    assert_eq!(
        custom_ids(&follow_up),
        ["paid_off", "no_gain", "not_yet", "dropped"]
            .map(|r| format!("tgo:{id}:1:{r}"))
            .to_vec()
    );
    let lead = invoker(BOB, vec![ROLE_ID], thread);
    let submitted = h
        .interact(form_submit(
            &format!("tgo:{id}:1:paid_off:form"),
            "",
            &follow_up,
            &lead,
        ))
        .await;
    assert_eq!(submitted.callback(), Some(Callback::UpdateMessage));
    let outcomes = h.store.outcomes_of(WalkthroughId(id)).await.unwrap();
    assert_eq!(outcomes[0].result, OutcomeResult::PaidOff);
    assert_eq!(outcomes[0].recorded_by.id, BOB.id.to_string());
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_its_thread_a_follow_up_goes_to_the_channel_and_without_both_it_is_given_up() {
    // Three seconds: time to break the thread (and channel) after the verdict, before asking.
    let h = BotHarness::start_with(|s| s.outcomes.follow_up_after = "3s".into()).await;
    // The thread is gone: asked in the channel instead.
    let mark = h.mark();
    let (id, thread, _) = decided(&h, PREMATURE.0, PREMATURE.1).await;
    h.fake.fail_next(
        "PATCH",
        &format!("/channels/{thread}$"),
        Fault::Status(404),
        1,
    );
    let in_channel = posted_containing(&h, mark, CHANNEL_ID, "Did the prompt work").await;
    assert!(custom_ids(&in_channel)[0].starts_with(&format!("tgo:{id}:1:")));
    assert!(follow_ups_in(&h, thread).is_empty());
    assert_eq!(
        state_becomes(&h, id, "posted").await.as_deref(),
        Some("posted")
    );

    // Thread and channel both gone: marked undeliverable, never retried.
    let (gone, gone_thread, _) = decided(&h, PREMATURE.0, PREMATURE.1).await;
    h.fake.fail_next(
        "PATCH",
        &format!("/channels/{gone_thread}$"),
        Fault::Status(404),
        1,
    );
    h.fake.fail_next(
        "POST",
        &format!("/channels/{CHANNEL_ID}/messages$"),
        Fault::Status(404),
        1,
    );
    assert_eq!(
        state_becomes(&h, gone, "undeliverable").await.as_deref(),
        Some("undeliverable")
    );
    let posts_before = h.fake.requests_to("POST", "/messages").len();
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(
        h.fake.requests_to("POST", "/messages").len(),
        posts_before,
        "an undeliverable follow-up is not retried"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verdict_carried_by_volume_offers_the_savings_estimate_and_quotes_it() {
    let h = BotHarness::start_with(|s| s.outcomes.follow_up_after = "30d".into()).await;
    // JUSTIFIED by the volume driver alone.
    let (id, thread, verdict) = decided(&h, ["yes"; 4], &["d1"]).await;
    let button = format!("tgs:{id}:open");
    assert_eq!(custom_ids(&verdict), vec![button.clone()]);
    let alice = invoker(ALICE, vec![], thread);

    let opened = h.click(&button, &verdict, &alice).await;
    assert_eq!(opened.callback(), Some(Callback::Modal));
    let prices = opened
        .body_at("/data/components/2/components/0/value")
        .and_then(Value::as_str);
    assert_eq!(
        prices,
        Some("2.5 / 10"),
        "the configured prices are pre-filled"
    );

    // A bad figure is named, and what was typed comes back.
    let form = format!("tgs:{id}:form");
    let fields = |requests: &'static str| {
        [
            ("requests", requests),
            ("tokens", "500 / 100"),
            ("prices", "2.5 / 10"),
            ("fine_tuned", "10"),
            ("costs", "50,000 / 3,000"),
        ]
    };
    let mut bad = payloads::modal_submit(&form, &fields("-5"));
    bad["message"] = verdict.clone();
    let refused = h.interact(payloads::with_invoker(bad, &alice)).await;
    assert!(is_private_notice(&refused));
    let said = callback_text(&refused);
    assert!(
        said.contains("requests-per-month cannot be negative"),
        "{said}"
    );
    assert!(
        said.contains("50,000 / 3,000"),
        "what was typed comes back: {said}"
    );
    assert_no_estimate(&h, id).await;

    // 200,000 requests a month never pay back 50,000 of training within a year.
    let mut good = payloads::modal_submit(&form, &fields("200,000"));
    good["message"] = verdict.clone();
    let quoted = h.interact(payloads::with_invoker(good, &alice)).await;
    assert_eq!(quoted.callback(), Some(Callback::UpdateMessage));
    let field = quoted
        .body_at("/data/embeds/0/fields")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Savings estimate")
        .cloned()
        .expect("the verdict quotes the estimate");
    let value = field["value"].as_str().unwrap();
    // generic = 200,000 x (500 x 2.5 + 100 x 10) / 1e6 = 450; fine-tuned 45; saving -2,595.
    assert!(value.contains("Generic model: 450.00 a month"), "{value}");
    assert!(value.contains("Saving after upkeep: -2,595.00"), "{value}");
    assert!(value.contains("Break-even: never"), "{value}");
    assert!(
        value.contains("does not pay back within 12 months"),
        "{value}"
    );
    let stored = h.store.cost_estimates_of(WalkthroughId(id)).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].estimate.break_even_months, None);
    assert_eq!(stored[0].estimate.net_12_months, -2_595.0 * 12.0 - 50_000.0);

    // A stranger cannot open the form.
    let bob = invoker(BOB, vec![], thread);
    assert!(is_private_notice(&h.click(&button, &verdict, &bob).await));
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verdict_without_volume_or_a_cost_goal_has_no_estimate_button_and_forged_ids_are_refused()
{
    let h = BotHarness::start_with(|s| s.outcomes.follow_up_after = "30d".into()).await;
    let (id, thread, verdict) = decided(&h, PREMATURE.0, &["d2"]).await;
    assert!(custom_ids(&verdict).is_empty(), "{verdict}");
    let alice = invoker(ALICE, vec![], thread);
    for forged in [
        format!("tgo:{id}:3:solved"),
        format!("tgo:{id}:1:maybe"),
        format!("tgs:{id}:close"),
    ] {
        let refused = h.click(&forged, &verdict, &alice).await;
        assert!(is_private_notice(&refused), "{forged}");
    }
    // The button of a decision in no guild of the clicker's: not found, nothing recorded.
    let elsewhere = Invoker {
        guild_id: SECOND_GUILD_ID,
        ..invoker(ALICE, vec![], SECOND_CHANNEL_ID)
    };
    let refused = h
        .click(&format!("tgs:{id}:open"), &verdict, &elsewhere)
        .await;
    assert!(is_private_notice(&refused));
    assert_no_estimate(&h, id).await;
}

/// Nothing was recorded as a savings estimate for decision `id`.
async fn assert_no_estimate(h: &BotHarness, id: i64) {
    let stored = h.store.cost_estimates_of(WalkthroughId(id)).await.unwrap();
    assert!(stored.is_empty(), "{stored:?}");
}
