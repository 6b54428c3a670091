//! Slash commands and the message context menu against the fake Discord.

mod support;

use serde_json::json;
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use tunegate::store::{Source, Status};

fn in_channel(channel: u64) -> Invoker {
    invoker(ALICE, vec![], channel)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_check_command_opens_a_thread_and_says_where_privately() {
    let h = BotHarness::start().await;
    let command = payloads::with_invoker(
        payloads::slash_command(
            "finetune",
            json!([{ "type": 1, "name": "check", "options": [
                { "type": 3, "name": "topic", "value": "LoRA for support replies" }
            ] }]),
        ),
        &in_channel(CHANNEL_ID),
    );
    let mark = h.mark();
    let callback = h.interact(command).await;
    assert_eq!(
        callback.body_at("/type"),
        Some(&json!(5)),
        "deferred within 3 seconds"
    );
    assert_eq!(
        callback.body_at("/data/flags"),
        Some(&json!(64)),
        "privately"
    );
    let thread_req = h
        .expect(mark, "POST", &format!("/channels/{CHANNEL_ID}/threads"))
        .await;
    assert_eq!(
        thread_req.body_at("/name"),
        Some(&json!("Fine-tune check: LoRA for support replies"))
    );
    let thread: u64 = thread_req.response.as_ref().unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let first = h.posted_in(mark, thread).await;
    assert!(custom_ids(&first).iter().any(|id| id.ends_with(":pick")));
    let told = h.expect(mark, "POST", "/webhooks/").await;
    let text = told.body_at("/content").unwrap().as_str().unwrap();
    assert!(text.contains(&format!("<#{thread}>")), "{text}");
    let only = h.only_walkthrough().await;
    assert_eq!(only.walkthrough.source, Source::Slash);
    assert_eq!(only.walkthrough.trigger_text, "LoRA for support replies");
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_message_menu_runs_the_checklist_for_the_messages_author() {
    let h = BotHarness::start().await;
    // Not a proposal the detector catches, so only the menu starts anything.
    let target = h.chat(&BOB, "our eval scores dropped again, ideas?").await;
    let command = payloads::with_invoker(
        payloads::message_command("Run fine-tune checklist", &target),
        &in_channel(CHANNEL_ID),
    );
    let mark = h.mark();
    let callback = h.interact(command).await;
    assert_eq!(callback.body_at("/type"), Some(&json!(5)));
    let message_id = target["id"].as_str().unwrap();
    h.expect(mark, "POST", &format!("/messages/{message_id}/threads"))
        .await;
    h.expect(mark, "POST", "/webhooks/").await;
    let only = h.only_walkthrough().await;
    assert_eq!(only.walkthrough.source, Source::ContextMenu);
    assert_eq!(
        only.walkthrough.requester.id,
        BOB.id.to_string(),
        "the author proposed it"
    );
    assert_eq!(
        only.walkthrough.trigger_text,
        "our eval scores dropped again, ideas?"
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_closes_the_threads_walkthrough_and_only_for_allowed_people() {
    let h = BotHarness::start().await;
    let (thread, _) = h.propose("we should fine-tune the model").await;
    let cancel = |who: Invoker| payloads::with_invoker(payloads::finetune("cancel"), &who);
    let refused = h.interact(cancel(invoker(BOB, vec![], thread))).await;
    assert!(
        refused
            .body_at("/data/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("Only the person")
    );
    assert_eq!(h.only_walkthrough().await.walkthrough.status, Status::Open);
    let mark = h.mark();
    let done = h.interact(cancel(invoker(ALICE, vec![], thread))).await;
    assert_eq!(done.body_at("/data/flags"), Some(&json!(64)));
    let notice = h.posted_in(mark, thread).await;
    assert!(notice["content"].as_str().unwrap().contains("cancelled"));
    assert_eq!(
        h.only_walkthrough().await.walkthrough.status,
        Status::Cancelled
    );
    // Nothing left to cancel.
    let none = h.interact(cancel(invoker(ALICE, vec![], thread))).await;
    assert!(
        none.body_at("/data/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("no open checklist")
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_explains_the_commands_privately() {
    let h = BotHarness::start().await;
    let help = payloads::with_invoker(payloads::finetune("help"), &in_channel(CHANNEL_ID));
    let callback = h.interact(help).await;
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    let text = callback.body_at("/data/content").unwrap().as_str().unwrap();
    for command in [
        "/finetune check",
        "/finetune cancel",
        "/finetune resume",
        "/finetune history",
        "/finetune show id:",
        "/finetune review id: outcome:",
        "/finetune outcome id: result:",
        "/finetune stats",
        "/finetune export",
    ] {
        assert!(text.contains(command), "{command} missing: {text}");
    }
    assert!(text.chars().count() <= 2000, "one message: {text}");
    h.assert_clean();
}
