//! Per-server settings from Discord, against the fake: `/finetune-audit settings` shows and
//! changes them, a change takes effect without a restart and survives one, a thread follows
//! its parent channel's rule, answer roles set in Discord let their members answer, only
//! Manage Server changes settings, and the decision-log channel gets each verdict once.

mod support;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use support::walk;
use tunegate::store::ServerId;

/// Discord's Manage Server permission bit.
const MANAGE_GUILD: u64 = 1 << 5;

fn admin() -> Invoker {
    Invoker {
        user: BOB,
        roles: vec![],
        permissions: payloads::DEFAULT_PERMISSIONS | MANAGE_GUILD,
        guild_id: GUILD_ID,
        channel_id: CHANNEL_ID,
    }
}

/// `/finetune-audit settings` with `options` (Discord's option objects) and the `resolved`
/// channels and roles they name.
fn settings(options: Value, resolved: Value, who: &Invoker) -> Value {
    let mut interaction = payloads::with_invoker(
        payloads::slash_command(
            "finetune-audit",
            json!([{ "type": 1, "name": "settings", "options": options }]),
        ),
        who,
    );
    interaction["data"]["resolved"] = resolved;
    interaction
}

/// A channel as Discord resolves it in a command's options.
fn resolved_channel(id: u64) -> Value {
    json!({ "channels": { id.to_string(): {
        "id": id.to_string(), "name": "general", "type": 0, "permissions": "0"
    } } })
}

fn resolved_role(id: u64) -> Value {
    json!({ "roles": { id.to_string(): payloads::role(id, "helpers") } })
}

/// Runs the command and returns what the bot answered: its follow-up after deferring, or the
/// message of its callback when it answered at once.
async fn run(h: &BotHarness, interaction: Value) -> Value {
    let token = payloads::id_and_token(&interaction).1;
    let callback = h.interact(interaction).await;
    assert!(callback.status < 300, "callback refused: {callback:?}");
    if callback.callback() == Some(Callback::Message) {
        return callback.body_at("/data").cloned().expect("a message");
    }
    let path = format!("/webhooks/{APP_ID}/{token}");
    let answered = h
        .fake
        .wait_until(WAIT, |f| f.requests().iter().any(|r| r.is("POST", &path)))
        .await;
    assert!(answered, "no answer to the settings command");
    h.fake.requests_to("POST", &path)[0]
        .body
        .clone()
        .expect("a JSON body")
}

/// Waits until a proposal in the second guild (which no setting here touches) opened its
/// thread: by then the messages dispatched before it were handled too.
async fn barrier(h: &BotHarness) {
    let message = payloads::guild_message_in(
        SECOND_GUILD_ID,
        SECOND_CHANNEL_ID,
        &BOB,
        &[],
        "let's fine-tune a small model",
    );
    let mark = h.mark();
    h.fake.dispatch("MESSAGE_CREATE", message).await;
    h.expect(
        mark,
        "POST",
        &format!("/channels/{SECOND_CHANNEL_ID}/messages/"),
    )
    .await;
}

async fn walkthroughs_in(h: &BotHarness, guild: u64) -> usize {
    let rows = h.store.list(&Default::default(), 100, 0).await.unwrap();
    rows.iter()
        .filter(|r| r.guild_id == Some(ServerId(guild)))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn detection_switched_off_in_discord_holds_at_once_and_after_a_restart() {
    let mut h = BotHarness::start().await;
    let shown = run(&h, settings(json!([]), json!({}), &admin())).await;
    let text = shown.to_string();
    assert!(text.contains("Reading chat for proposals"), "{text}");
    assert!(text.contains("host configuration"), "{text}");

    let changed = run(
        &h,
        settings(
            json!([{ "name": "detection", "type": 5, "value": false }]),
            json!({}),
            &admin(),
        ),
    )
    .await;
    let text = changed.to_string();
    assert!(text.contains("Settings changed"), "{text}");
    assert!(text.contains(&format!("set by <@{}>", BOB.id)), "{text}");
    assert_eq!(
        changed["flags"].as_u64().unwrap_or_default() & 64,
        64,
        "only the admin sees it"
    );

    h.chat(&ALICE, "we should fine-tune the model").await;
    barrier(&h).await;
    assert_eq!(
        walkthroughs_in(&h, GUILD_ID).await,
        0,
        "detection is off here"
    );

    h.restart().await;
    h.chat(&ALICE, "we should fine-tune the model").await;
    barrier(&h).await;
    assert_eq!(
        walkthroughs_in(&h, GUILD_ID).await,
        0,
        "the setting survives a restart"
    );

    run(
        &h,
        settings(
            // Choices travel as their index: "detection" is the first.
            json!([{ "name": "reset", "type": 4, "value": 0 }]),
            json!({}),
            &admin(),
        ),
    )
    .await;
    h.propose("we should fine-tune the model").await;
    assert_eq!(walkthroughs_in(&h, GUILD_ID).await, 1);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thread_inside_an_ignored_channel_is_ignored_too() {
    let h = BotHarness::start().await;
    run(
        &h,
        settings(
            json!([{ "name": "ignore", "type": 7, "value": CHANNEL_ID.to_string() }]),
            resolved_channel(CHANNEL_ID),
            &admin(),
        ),
    )
    .await;
    // A thread people opened in the ignored channel (Discord announces it with THREAD_CREATE).
    let thread = payloads::fresh_id();
    h.fake
        .dispatch(
            "THREAD_CREATE",
            payloads::thread_create(GUILD_ID, CHANNEL_ID, thread, "ideas"),
        )
        .await;
    let in_thread = payloads::guild_message_in(
        GUILD_ID,
        thread,
        &ALICE,
        &[],
        "we should fine-tune the model",
    );
    h.fake.dispatch("MESSAGE_CREATE", in_thread).await;
    h.chat(&ALICE, "we should fine-tune the model").await;
    barrier(&h).await;
    assert_eq!(walkthroughs_in(&h, GUILD_ID).await, 0);

    // Taken off the list, the channel is read again at once.
    run(
        &h,
        settings(
            json!([{ "name": "unlist", "type": 7, "value": CHANNEL_ID.to_string() }]),
            resolved_channel(CHANNEL_ID),
            &admin(),
        ),
    )
    .await;
    h.propose("we should fine-tune the model").await;
    assert_eq!(walkthroughs_in(&h, GUILD_ID).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_role_added_in_discord_lets_its_members_answer_anyones_checklist() {
    const HELPERS: u64 = 1_100_000_000_000_000_150;
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let bob_with_role = invoker(BOB, vec![HELPERS], thread);
    let refused = walk::answer(&h, &first, &bob_with_role).await;
    assert!(walk::is_private_notice(&refused), "{refused:?}");
    assert!(
        walk::callback_text(&refused).contains("Only the person who proposed this"),
        "{}",
        walk::callback_text(&refused)
    );

    run(
        &h,
        settings(
            json!([{ "name": "add_answer_role", "type": 8, "value": HELPERS.to_string() }]),
            resolved_role(HELPERS),
            &admin(),
        ),
    )
    .await;
    let accepted = walk::answer(&h, &first, &bob_with_role).await;
    assert!(!walk::is_private_notice(&accepted), "{accepted:?}");
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.answers.len(), 1, "bob's answer is recorded");
    assert_eq!(detail.answers[0].answered_by.id, BOB.id.to_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_auditor_without_manage_server_sees_the_settings_but_cannot_change_them() {
    let h = BotHarness::start_with(|s| s.discord.audit_roles = vec![ROLE_ID]).await;
    let auditor = Invoker {
        user: ALICE,
        roles: vec![ROLE_ID],
        ..Invoker::default()
    };
    let shown = run(&h, settings(json!([]), json!({}), &auditor)).await;
    assert!(shown.to_string().contains("Reading chat for proposals"));
    let refused = run(
        &h,
        settings(
            json!([{ "name": "detection", "type": 5, "value": false }]),
            json!({}),
            &auditor,
        ),
    )
    .await;
    let text = refused.to_string();
    assert!(text.contains("Manage Server"), "{text}");
    assert!(text.contains("Nothing was changed"), "{text}");
    // A member who may not audit does not even see them.
    let member = Invoker {
        user: BOB,
        roles: vec![],
        ..Invoker::default()
    };
    let refused = run(&h, settings(json!([]), json!({}), &member)).await;
    assert!(!refused.to_string().contains("Reading chat for proposals"));
    // Nothing was recorded by either refusal: the proposal opens a walkthrough.
    h.propose("we should fine-tune the model").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_decision_log_channel_gets_each_verdict_once_with_a_link_to_its_thread() {
    let mut h = BotHarness::start().await;
    run(
        &h,
        settings(
            json!([{ "name": "log_channel", "type": 7, "value": CHANNEL_ID.to_string() }]),
            resolved_channel(CHANNEL_ID),
            &admin(),
        ),
    )
    .await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let mark = h.mark();
    let id = walk::walkthrough_of(&first);
    walk::click_to_verdict(&h, thread, &first, ["yes", "yes", "yes", "yes"], &["d2"]).await;
    let logged = h
        .fake
        .wait_for_request(
            |r| {
                r.index >= mark
                    && r.is("POST", &format!("/channels/{CHANNEL_ID}/messages"))
                    && r.body
                        .as_ref()
                        .is_some_and(|b| b.to_string().contains(&format!("Decision #{id}")))
            },
            WAIT,
        )
        .await
        .expect("the verdict is posted in the log channel");
    let body = logged.body.clone().expect("a JSON body");
    let embed = &body["embeds"][0];
    assert!(
        embed["url"]
            .as_str()
            .unwrap_or_default()
            .ends_with(&format!("/{GUILD_ID}/{thread}")),
        "{embed}"
    );
    assert_eq!(
        body["allowed_mentions"]["parse"],
        json!([]),
        "the log mentions nobody"
    );
    // Restarted, the bot does not post it again.
    h.restart().await;
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let posts = h
        .fake
        .requests_to("POST", &format!("/channels/{CHANNEL_ID}/messages"))
        .into_iter()
        .filter(|r| {
            r.body
                .as_ref()
                .is_some_and(|b| b.to_string().contains(&format!("Decision #{id}:")))
        })
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_settings_speak_the_admins_language_and_the_log_the_servers() {
    let h = BotHarness::start().await;
    // A French admin sees the settings in French.
    let mut french = settings(json!([]), json!({}), &admin());
    french["locale"] = json!("fr");
    let shown = run(&h, french).await.to_string();
    assert!(shown.contains("Réglages de tunegate"), "{shown}");
    assert!(shown.contains("configuration de l'hébergeur"), "{shown}");
    // The server's language is German (choice 3: auto, English, French, German, Spanish) and
    // its log channel the main one: the English walkthrough's verdict is logged in German.
    run(
        &h,
        settings(
            json!([
                { "name": "language", "type": 4, "value": 3 },
                { "name": "log_channel", "type": 7, "value": CHANNEL_ID.to_string() }
            ]),
            resolved_channel(CHANNEL_ID),
            &admin(),
        ),
    )
    .await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let id = walk::walkthrough_of(&first);
    walk::click_to_verdict(&h, thread, &first, ["yes", "yes", "yes", "yes"], &["d2"]).await;
    let logged = h
        .fake
        .wait_for_request(
            |r| {
                r.is("POST", &format!("/channels/{CHANNEL_ID}/messages"))
                    && r.body
                        .as_ref()
                        .is_some_and(|b| b.to_string().contains(&format!("Entscheidung #{id}")))
            },
            WAIT,
        )
        .await;
    assert!(logged.is_some(), "the verdict is logged in German");
}
