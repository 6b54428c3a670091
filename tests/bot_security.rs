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
use tunegate::store::{Status, WalkthroughId};

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
    let detail = recorded(h, WalkthroughId(id)).await;
    assert_eq!(detail.walkthrough.status, Status::Open);
    assert_eq!(detail.walkthrough.step.key(), "goal");
    assert!(detail.answers.is_empty(), "{:?}", detail.answers);
    assert!(detail.notes.is_empty(), "{:?}", detail.notes);
}

fn slash(name: &str, who: &Invoker) -> Value {
    payloads::with_invoker(payloads::finetune(name), who)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_control_of_a_walkthrough_works_from_another_guild() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let id = walkthrough_of(&first);
    // The requester herself, from the second guild: its channel, or naming the thread's id.
    for channel in [SECOND_CHANNEL_ID, thread] {
        let elsewhere = someone(ALICE, vec![], SECOND_GUILD_ID, channel);
        all_refused(&h, every_control(id.0, &first, &elsewhere), "another guild").await;
        let cancel = h.interact(slash("cancel", &elsewhere)).await;
        assert!(is_private_notice(&cancel), "{:?}", cancel.body);
    }
    untouched(&h, id.0).await;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_control_of_a_walkthrough_works_from_outside_its_thread() {
    let h = BotHarness::start().await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let (other_thread, _) = propose(&h, "can we fine-tune a smaller model?").await;
    let id = walkthrough_of(&first);
    for channel in [CHANNEL_ID, other_thread] {
        let elsewhere = someone(ALICE, vec![], GUILD_ID, channel);
        all_refused(
            &h,
            every_control(id.0, &first, &elsewhere),
            "outside its thread",
        )
        .await;
    }
    untouched(&h, id.0).await;
    let _ = thread;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_requester_and_reviewer_roles_can_answer_or_close_a_walkthrough() {
    let h = BotHarness::start_with(|s| s.discord.answer_roles = vec![ROLE_ID]).await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let id = walkthrough_of(&first);
    // Bob without a role, and bob with a role that is not a reviewer role (his own guild's
    // @everyone id): every control and /finetune cancel are refused.
    for roles in [vec![], vec![GUILD_ID]] {
        let bob = someone(BOB, roles, GUILD_ID, thread);
        all_refused(&h, every_control(id.0, &first, &bob), "not allowed").await;
        let cancel = h.interact(slash("cancel", &bob)).await;
        assert!(
            callback_text(&cancel).contains("Only the person"),
            "{:?}",
            cancel.body
        );
    }
    untouched(&h, id.0).await;
    // A reviewer may answer for the requester.
    let reviewer = someone(BOB, vec![ROLE_ID], GUILD_ID, thread);
    let g1 = answer_and_next(&h, thread, &first, &reviewer).await;
    assert!(id_ending(&g1, "yes").contains(":g1:"));
    let answers = recorded(&h, id).await.answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].answered_by.id, BOB.id.to_string());
    h.assert_clean();
}

/// Checks one `allowed_mentions` object: no @everyone/@here, no roles, users only from
/// `users`.
fn check_mentions(where_: &str, mentions: &Value, users: &[String], problems: &mut Vec<String>) {
    let parse: Vec<&str> = mentions["parse"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if parse
        .iter()
        .any(|p| *p == "everyone" || *p == "roles" || *p == "users")
    {
        problems.push(format!("{where_}: parse {parse:?}"));
    }
    if mentions["roles"].as_array().is_some_and(|r| !r.is_empty()) {
        problems.push(format!("{where_}: roles {}", mentions["roles"]));
    }
    for user in mentions["users"].as_array().into_iter().flatten() {
        if !users.iter().any(|u| Some(u.as_str()) == user.as_str()) {
            problems.push(format!("{where_}: pings user {user}"));
        }
    }
}

/// Every message body the bot sent (posts, edits, interaction answers, follow-ups) either
/// cannot ping (ephemeral, or no text) or carries `allowed_mentions` that ping at most the
/// requester.
fn mention_problems(fake: &FakeDiscord, requester: &str) -> (usize, Vec<String>) {
    let users = vec![requester.to_string()];
    let mut problems = Vec::new();
    let mut checked = 0;
    for r in fake.requests() {
        let Some(body) = &r.body else { continue };
        // An interaction callback carries its message in `data`.
        let message = if r.path.ends_with("/callback") {
            &body["data"]
        } else {
            body
        };
        let has_text = message["content"].as_str().is_some_and(|c| !c.is_empty())
            || message["embeds"].as_array().is_some_and(|e| !e.is_empty());
        if !has_text {
            continue;
        }
        checked += 1;
        let where_ = format!("{} {}", r.method, r.path);
        let ephemeral = message["flags"].as_u64().is_some_and(|f| f & 64 != 0);
        match message.get("allowed_mentions") {
            Some(mentions) => check_mentions(&where_, mentions, &users, &mut problems),
            None if ephemeral => {}
            None => problems.push(format!("{where_}: text without allowed_mentions")),
        }
    }
    (checked, problems)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_echoed_from_users_pings_nobody_but_the_requester() {
    let h = BotHarness::start().await;
    let hostile = hostile_text();
    // A proposal, a goal description, a note and a slash topic full of mentions.
    let (thread, first) = propose(&h, &format!("{hostile} we should fine-tune the model")).await;
    let id = walkthrough_of(&first);
    let alice = invoker(ALICE, vec![], thread);
    let modal = h
        .choose(&id_ending(&first, "pick"), &["other"], &first, &alice)
        .await;
    assert_eq!(modal.callback(), Some(Callback::Modal));
    let mark = h.mark();
    let describe = payloads::with_invoker(
        payloads::modal_submit(&format!("tg1:{id}:goal:describe"), &[("detail", &hostile)]),
        &alice,
    );
    assert_eq!(
        h.interact(describe).await.callback(),
        Some(Callback::UpdateMessage)
    );
    let mut question = h.posted_in(mark, thread).await;
    let note = payloads::with_invoker(
        payloads::modal_submit(&format!("tg1:{id}:g1:notesubmit"), &[("note", &hostile)]),
        &alice,
    );
    assert!(is_private_notice(&h.interact(note).await));
    // Questions carry walkthrough controls (`tg1:`); the verdict at most an estimate button.
    while custom_ids(&question).iter().any(|i| i.starts_with("tg1:")) {
        question = answer_and_next(&h, thread, &question, &alice).await;
    }
    let check = payloads::with_invoker(
        payloads::slash_command(
            "finetune",
            json!([{ "type": 1, "name": "check", "options": [
                { "type": 3, "name": "topic", "value": hostile }
            ] }]),
        ),
        &someone(ALICE, vec![], GUILD_ID, CHANNEL_ID),
    );
    let mark = h.mark();
    h.interact(check).await;
    h.expect(mark, "POST", "/webhooks/").await;
    // A refusal that quotes a role mention (reviewer roles) is private.
    let bob = someone(BOB, vec![], GUILD_ID, thread);
    h.interact(payloads::with_invoker(
        payloads::button_click(&format!("tg1:{id}:g1:yes"), &first),
        &bob,
    ))
    .await;

    let (checked, problems) = mention_problems(&h.fake, &ALICE.id.to_string());
    assert!(checked >= 10, "the scenario sent messages ({checked})");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(recorded(&h, id).await.walkthrough.status, Status::Decided);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_reaches_the_logs_even_at_trace_level() {
    // Shaped like a real token: base64 application id, timestamp, secret.
    const SECRET: &str = "tunegate-s3cr3t-N3VER-logged-7f3a9c";
    let token = format!("MTEwMDAwMDAwMDAwMDAwMDAwMQ.GtEsT1.{SECRET}");
    let fake = FakeDiscord::start_with(FakeConfig {
        expected_token: Some(token.clone()),
        ..FakeConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("t.db").display());
    let log = dir.path().join("bot.log");
    let binary = private_binary(dir.path());
    let env = bot_env(&fake, &db_url, &token);
    let bot = BotProcess::start(&binary, &fake, dir.path(), &env, "trace", &log).await;

    // A whole walkthrough, so that every request path is logged at least once.
    let mark = fake.requests().len();
    let said = payloads::guild_message(&ALICE, "we should fine-tune the model");
    let thread: u64 = said["id"].as_str().unwrap().parse().unwrap();
    fake.dispatch("MESSAGE_CREATE", said).await;
    let posted = |since: usize| {
        let fake = &fake;
        async move {
            fake.wait_for_request(
                |r| r.index >= since && r.is("POST", &format!("/channels/{thread}/messages")),
                WAIT,
            )
            .await
            .and_then(|r| r.response)
            .expect("the bot posted in the thread")
        }
    };
    let mut question = posted(mark).await;
    let alice = someone(ALICE, vec![], GUILD_ID, thread);
    // Questions carry walkthrough controls (`tg1:`); the verdict at most an estimate button.
    while custom_ids(&question).iter().any(|i| i.starts_with("tg1:")) {
        let ids = custom_ids(&question);
        let interaction = if ids.iter().any(|i| i.ends_with(":pick")) {
            payloads::select_choice(&id_ending(&question, "pick"), &["tone_style"], &question)
        } else if ids.iter().any(|i| i.ends_with(":drivers")) {
            payloads::select_choice(&id_ending(&question, "drivers"), &["d1"], &question)
        } else {
            payloads::button_click(&id_ending(&question, "yes"), &question)
        };
        let mark = fake.requests().len();
        fake.dispatch(
            "INTERACTION_CREATE",
            payloads::with_invoker(interaction, &alice),
        )
        .await;
        question = posted(mark).await;
    }
    assert!(
        question["embeds"][0]["title"].is_string(),
        "the verdict arrived"
    );
    let status = bot.terminate().await;
    assert!(status.success());

    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.len() > 10_000,
        "trace logging was on ({} bytes)",
        logged.len()
    );
    assert!(
        logged.contains("walkthrough started"),
        "the walkthrough ran"
    );
    for secret in [token.as_str(), SECRET] {
        let at: Vec<usize> = logged.match_indices(secret).map(|(i, _)| i).collect();
        assert!(
            at.is_empty(),
            "the token appears in the log {} times, first: {}",
            at.len(),
            &logged[at[0].saturating_sub(200)..(at[0] + 100).min(logged.len())]
        );
    }
}
