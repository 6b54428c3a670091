//! Security properties of the bot, each as a scenario against the fake Discord: a walkthrough
//! is reachable only from its own guild and thread, only its requester and the reviewer roles
//! can answer it, echoed text pings nobody, and the token never reaches the logs.

mod support;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::payloads::Invoker;
use support::fake_discord::*;
use support::process::{BotProcess, bot_env, private_binary};
use support::walk::*;
use tunegate::store::Status;

/// Text that would ping everyone, a role and a stranger if the bot let it.
fn hostile_text() -> String {
    format!(
        "@everyone @here <@&{ROLE_ID}> <@{}> <@!{}> @\u{200b}everyone ＠everyone",
        BOB.id, BOB.id
    )
}

fn someone(user: FakeUser, roles: Vec<u64>, guild_id: u64, channel_id: u64) -> Invoker {
    Invoker {
        user,
        roles,
        guild_id,
        channel_id,
        ..Invoker::default()
    }
}

/// Every control of a walkthrough at its first question and at g1, as interactions from
/// `who`: the goal select, "something else" described, dismiss, note button and note form,
/// a gate button, back, the drivers select and "none".
fn every_control(id: i64, first: &Value, who: &Invoker) -> Vec<Value> {
    let button = |custom: String| payloads::button_click(&custom, first);
    let mut controls = vec![
        payloads::select_choice(&format!("tg1:{id}:goal:pick"), &["tone_style"], first),
        payloads::modal_submit(&format!("tg1:{id}:goal:describe"), &[("detail", "mine")]),
        button(format!("tg1:{id}:goal:dismiss")),
        button(format!("tg1:{id}:goal:note")),
        payloads::modal_submit(&format!("tg1:{id}:goal:notesubmit"), &[("note", "x")]),
        button(format!("tg1:{id}:g1:yes")),
        button(format!("tg1:{id}:g1:back")),
        payloads::select_choice(&format!("tg1:{id}:drivers:drivers"), &["d1"], first),
        button(format!("tg1:{id}:drivers:none")),
    ];
    for c in &mut controls {
        *c = payloads::with_invoker(c.clone(), who);
    }
    controls
}

/// Sends each interaction and checks it is refused privately.
async fn all_refused(h: &BotHarness, interactions: Vec<Value>, why: &str) {
    for interaction in interactions {
        let custom_id = interaction["data"]["custom_id"].clone();
        let callback = h.interact(interaction).await;
        assert!(
            is_private_notice(&callback),
            "{why}: {custom_id} was not refused: {:?}",
            callback.body
        );
    }
}

/// Nothing about walkthrough `id` changed: still open at its first question, no answer, no
/// note.
async fn untouched(h: &BotHarness, id: i64) {
    let detail = recorded(h, id).await;
    assert_eq!(detail.walkthrough.status, Status::Open);
    assert_eq!(detail.walkthrough.step.key(), "goal");
    assert!(detail.answers.is_empty(), "{:?}", detail.answers);
    assert!(detail.notes.is_empty(), "{:?}", detail.notes);
}

fn slash(name: &str, who: &Invoker) -> Value {
    payloads::with_invoker(
        payloads::slash_command(
            "finetune",
            json!([{ "type": 1, "name": name, "options": [] }]),
        ),
        who,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_control_of_a_walkthrough_works_from_another_guild() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let id = walkthrough_of(&first);
    // The requester herself, from the second guild: its channel, or naming the thread's id.
    for channel in [SECOND_CHANNEL_ID, thread] {
        let elsewhere = someone(ALICE, vec![], SECOND_GUILD_ID, channel);
        all_refused(&h, every_control(id, &first, &elsewhere), "another guild").await;
        let cancel = h.interact(slash("cancel", &elsewhere)).await;
        assert!(is_private_notice(&cancel), "{:?}", cancel.body);
    }
    untouched(&h, id).await;
    h.assert_clean();
}

