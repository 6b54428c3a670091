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
        callback.callback(),
        Some(Callback::DeferredMessage),
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
    assert_eq!(only.walkthrough.source, Source::Command);
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
    assert_eq!(callback.callback(), Some(Callback::DeferredMessage));
    let message_id = target["id"].as_str().unwrap();
    h.expect(mark, "POST", &format!("/messages/{message_id}/threads"))
        .await;
    h.expect(mark, "POST", "/webhooks/").await;
    let only = h.only_walkthrough().await;
    assert_eq!(only.walkthrough.source, Source::MessageAction);
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
        "/finetune-audit history",
        "/finetune-audit show id:",
        "/finetune-audit review id: outcome:",
        "/finetune-audit outcome id: result:",
        "/finetune-audit stats",
        "/finetune-audit export",
        "Server Settings",
    ] {
        assert!(text.contains(command), "{command} missing: {text}");
    }
    assert!(text.chars().count() <= 2000, "one message: {text}");
    h.assert_clean();
}

/// Discord's Manage Server permission bit, as the registered command carries it.
const MANAGE_GUILD: u64 = 1 << 5;

/// The commands the bot registered (the body of its `PUT .../commands`).
async fn registered_commands(h: &BotHarness) -> Vec<serde_json::Value> {
    let put = h
        .fake
        .wait_for_request(|r| r.is("PUT", "/commands"), WAIT)
        .await
        .expect("the commands are registered");
    put.body.unwrap().as_array().unwrap().clone()
}

fn subcommands(command: &serde_json::Value) -> Vec<String> {
    command["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_commands_are_their_own_command_for_manage_server_and_the_rest_stay_open() {
    let h = BotHarness::start().await;
    let commands = registered_commands(&h).await;
    let named = |name: &str| {
        commands
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} is registered: {commands:?}"))
            .clone()
    };
    let audit = named("finetune-audit");
    assert_eq!(
        audit["default_member_permissions"],
        json!(MANAGE_GUILD.to_string()),
        "Manage Server by default, grantable in Server Settings"
    );
    assert_eq!(audit["contexts"], json!([0]), "servers only");
    assert_eq!(
        subcommands(&audit),
        [
            "history", "show", "review", "outcome", "stats", "export", "settings", "help"
        ]
    );
    let open = named("finetune");
    assert!(
        open.get("default_member_permissions")
            .is_none_or(|p| p.is_null()),
        "/finetune stays open to everyone: {open}"
    );
    assert_eq!(subcommands(&open), ["check", "cancel", "resume", "help"]);
    // What Discord keeps (and would answer GET with) says the same.
    let kept = h.fake.requests_to("PUT", "/commands");
    let stored = kept[0]
        .response
        .as_ref()
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let audit = stored
        .iter()
        .find(|c| c["name"] == "finetune-audit")
        .unwrap();
    assert_eq!(audit["default_member_permissions"], json!("32"));
    let open = stored.iter().find(|c| c["name"] == "finetune").unwrap();
    assert_eq!(open["default_member_permissions"], json!(null));
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_the_server_opened_the_audit_command_to_is_still_refused_by_the_bot() {
    let h = BotHarness::start().await;
    // A server admin opened /finetune-audit to @everyone in Server Settings, so Discord
    // delivers it from a member without Manage Server and without an audit role.
    let member = invoker(BOB, vec![], CHANNEL_ID);
    let history = payloads::with_invoker(
        payloads::slash_command(
            "finetune-audit",
            json!([{ "type": 1, "name": "history", "options": [] }]),
        ),
        &member,
    );
    let callback = h.interact(history).await;
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    let said = callback.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(said.contains("Manage Server"), "{said}");
    assert!(
        callback.body_at("/data/embeds/0").is_none(),
        "no history shown"
    );
    // Autocomplete offers them nothing either.
    let mut typing =
        payloads::with_invoker(payloads::autocomplete("finetune-audit", "id", ""), &member);
    typing["data"]["options"] = json!([{
        "type": 1, "name": "show",
        "options": [{ "name": "id", "type": 4, "value": "", "focused": true }],
    }]);
    h.propose("we should fine-tune the model").await;
    let offered = h.interact(typing).await;
    assert_eq!(offered.callback(), Some(Callback::Autocomplete));
    assert_eq!(offered.body_at("/data/choices"), Some(&json!([])));
    // The audit help is open to whoever the server lets use the command, and says who may.
    let help = payloads::with_invoker(
        payloads::slash_command(
            "finetune-audit",
            json!([{ "type": 1, "name": "help", "options": [] }]),
        ),
        &member,
    );
    let callback = h.interact(help).await;
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    let text = callback.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(text.contains("/finetune-audit history"), "{text}");
    assert!(text.contains("Server Settings"), "{text}");
    h.assert_clean();
}
