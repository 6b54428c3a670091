//! Proves the fake Discord (tests/support/fake_discord) works with the REAL serenity 0.12.5
//! client, built as the bot builds it: handshake, messages, interactions, faults, RESUME with
//! replay, spec validation, clean shutdown. No tunegate code is involved.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use serenity::all::{
    ButtonStyle, ChannelId, Client, ClientBuilder, Command, ComponentInteractionDataKind, Context,
    CreateActionRow, CreateAttachment, CreateButton, CreateCommand, CreateEmbed,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage, CreateSelectMenu,
    CreateSelectMenuKind, CreateSelectMenuOption, CreateThread, EditMessage, EditThread,
    EventHandler, GatewayIntents, GuildChannel, GuildId, Http, HttpBuilder, Interaction,
    InteractionId, Message, MessageId, Ready, RoleId, ShardManager, UserId,
};
use serenity::{Error as SerenityError, http::HttpError};
use support::fake_discord::payloads;
use support::fake_discord::*;
use tokio::sync::mpsc;

/// Generous bound for things that take milliseconds; only reached when something is broken.
const WAIT: Duration = Duration::from_secs(10);

/// What the test handler saw.
#[derive(Debug)]
enum Seen {
    Ready { application_id: u64, guilds: usize },
    Message(String),
    Thread(String),
}

/// Answers "ping" with "pong" plus a button, and a button click with an update.
struct Handler {
    seen: mpsc::UnboundedSender<Seen>,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        let application_id = ready.application.id.get();
        let _ = self.seen.send(Seen::Ready {
            application_id,
            guilds: ready.guilds.len(),
        });
    }

    async fn message(&self, ctx: Context, msg: Message) {
        let _ = self.seen.send(Seen::Message(msg.content.clone()));
        if msg.author.bot || !msg.content.contains("ping") {
            return;
        }
        let button = CreateButton::new("approve")
            .label("Approve")
            .style(ButtonStyle::Success);
        let reply = CreateMessage::new()
            .content("pong")
            .components(vec![CreateActionRow::Buttons(vec![button])]);
        msg.channel_id
            .send_message(&ctx.http, reply)
            .await
            .expect("the fake accepts the reply");
    }

    async fn thread_create(&self, _ctx: Context, thread: GuildChannel) {
        let _ = self.seen.send(Seen::Thread(thread.name));
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Component(click) = interaction else {
            return;
        };
        if matches!(click.data.kind, ComponentInteractionDataKind::Button) {
            let update = CreateInteractionResponseMessage::new()
                .content("approved")
                .components(vec![]);
            let response = CreateInteractionResponse::UpdateMessage(update);
            click
                .create_response(&ctx.http, response)
                .await
                .expect("the fake accepts the callback");
        }
    }
}

/// A serenity client connected to the fake, built exactly as the bot builds its client.
struct Bot {
    seen: mpsc::UnboundedReceiver<Seen>,
    shards: std::sync::Arc<ShardManager>,
    task: tokio::task::JoinHandle<Result<(), SerenityError>>,
}

fn http_for(fake: &FakeDiscord) -> Http {
    HttpBuilder::new(TOKEN)
        .proxy(fake.api_base())
        .ratelimiter_disabled(true)
        .build()
}

fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::MESSAGE_CONTENT
}

impl Bot {
    async fn start(fake: &FakeDiscord) -> Self {
        let (tx, seen) = mpsc::unbounded_channel();
        let mut client: Client = ClientBuilder::new_with_http(http_for(fake), intents())
            .event_handler(Handler { seen: tx })
            .await
            .expect("client builds");
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move { client.start().await });
        Self { seen, shards, task }
    }

    /// Starts the bot and waits for its Ready event.
    async fn ready(fake: &FakeDiscord) -> Self {
        let mut bot = Self::start(fake).await;
        assert!(fake.wait_until_ready(WAIT).await, "no READY handshake");
        match bot.next().await {
            Seen::Ready { .. } => bot,
            other => panic!("expected Ready first, got {other:?}"),
        }
    }

    async fn next(&mut self) -> Seen {
        tokio::time::timeout(WAIT, self.seen.recv())
            .await
            .expect("handler event in time")
            .expect("handler alive")
    }

    /// Message contents the handler saw, up to and including `last`.
    async fn messages_until(&mut self, last: &str) -> Vec<String> {
        let mut contents = Vec::new();
        loop {
            if let Seen::Message(content) = self.next().await {
                contents.push(content.clone());
                if content == last {
                    return contents;
                }
            }
        }
    }

    async fn stop(self) {
        self.shards.shutdown_all().await;
        let result = tokio::time::timeout(WAIT, self.task)
            .await
            .expect("client stops in time");
        result
            .expect("client task")
            .expect("client ends without error");
    }
}

fn assert_clean(fake: &FakeDiscord) {
    assert_eq!(
        fake.unhandled_routes(),
        Vec::<String>::new(),
        "unhandled routes"
    );
    assert_eq!(
        fake.spec_violations(),
        Vec::<String>::new(),
        "spec violations"
    );
}

fn status_of(error: &SerenityError) -> Option<(u16, isize)> {
    match error {
        SerenityError::Http(HttpError::UnsuccessfulRequest(e)) => {
            Some((e.status_code.as_u16(), e.error.code))
        }
        _ => None,
    }
}

#[tokio::test]
async fn handshake_reaches_ready_with_the_application_id() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::start(&fake).await;

    match bot.next().await {
        Seen::Ready {
            application_id,
            guilds,
        } => {
            assert_eq!(application_id, APP_ID);
            assert_eq!(guilds, 2);
        }
        other => panic!("expected Ready, got {other:?}"),
    }
    assert!(fake.wait_until_ready(WAIT).await);
    assert_eq!(
        fake.identifies(),
        vec![Identify {
            token: TOKEN.to_owned(),
            intents: intents().bits(),
            shard: Some([0, 1]),
        }]
    );
    assert_eq!(fake.requests_to("GET", "/gateway").len(), 1);
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn a_ping_message_reaches_the_handler_and_its_reply_is_recorded() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;

    fake.dispatch(
        "MESSAGE_CREATE",
        payloads::guild_message(&ALICE, "ping please"),
    )
    .await;

    let reply = fake
        .wait_for_request(
            |r| r.is("POST", &format!("/channels/{CHANNEL_ID}/messages")),
            WAIT,
        )
        .await
        .expect("the bot replies");
    assert_eq!(reply.body_at("/content"), Some(&json!("pong")));
    assert_eq!(
        reply.body_at("/components/0/components/0/custom_id"),
        Some(&json!("approve"))
    );
    assert_eq!(
        reply.header("authorization"),
        Some(format!("Bot {TOKEN}").as_str())
    );
    assert_eq!(reply.status, 200);
    assert_eq!(bot.messages_until("ping please").await, vec!["ping please"]);
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn with_echo_the_bot_sees_its_own_messages_and_threads() {
    let config = FakeConfig {
        echo_bot_events: true,
        ..FakeConfig::default()
    };
    let fake = FakeDiscord::start_with(config).await;
    let mut bot = Bot::ready(&fake).await;

    fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&ALICE, "ping"))
        .await;
    assert_eq!(bot.messages_until("pong").await, vec!["ping", "pong"]);
    let http = http_for(&fake);
    let message = ChannelId::new(CHANNEL_ID)
        .say(&http, "thread here")
        .await
        .unwrap();
    ChannelId::new(CHANNEL_ID)
        .create_thread_from_message(&http, message.id, CreateThread::new("walkthrough"))
        .await
        .unwrap();

    assert!(matches!(bot.next().await, Seen::Message(m) if m == "thread here"));
    assert!(matches!(bot.next().await, Seen::Thread(name) if name == "walkthrough"));
    let posts = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/messages"));
    assert_eq!(posts.count(), 2, "no reply to its own pong");
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn a_button_click_gets_an_update_callback() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::ready(&fake).await;
    fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&ALICE, "ping"))
        .await;
    let posted = fake
        .wait_for_request(|r| r.is("POST", "/messages"), WAIT)
        .await
        .expect("the bot replies");
    let message = posted.response.expect("the fake answered with the message");

    let click = payloads::button_click("approve", &message);
    let (id, token) = payloads::id_and_token(&click);
    fake.dispatch("INTERACTION_CREATE", click).await;

    let callback = fake
        .wait_for_request(
            |r| r.is("POST", &format!("/interactions/{id}/{token}/callback")),
            WAIT,
        )
        .await
        .expect("the bot answers the click");
    assert_eq!(callback.status, 204);
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    assert_eq!(callback.body_at("/data/content"), Some(&json!("approved")));
    let message_id: u64 = message["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(fake.message(message_id).unwrap()["content"], "approved");
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn an_injected_429_reaches_the_caller_as_an_http_429_error() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    fake.fail_next("POST", "/channels/*/messages$", Fault::rate_limited(), 1);

    let error = ChannelId::new(CHANNEL_ID)
        .say(&http, "hello")
        .await
        .expect_err("rate limited");

    assert_eq!(status_of(&error), Some((429, -1)), "{error:?}");
    let recorded = fake.requests_to("POST", "/messages");
    assert_eq!(recorded[0].status, 429);
    assert_eq!(recorded[0].fault, Some(Fault::rate_limited()));
    assert_eq!(recorded[0].body_at("/content"), Some(&json!("hello")));
    ChannelId::new(CHANNEL_ID)
        .say(&http, "hello again")
        .await
        .expect("only the first request fails");
    assert_clean(&fake);
}

#[tokio::test]
async fn injected_errors_carry_discord_codes_and_delays_slow_the_answer() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    let channel = ChannelId::new(CHANNEL_ID);
    fake.fail_next("POST", "/channels/{id}/messages", Fault::Status(403), 1);
    fake.fail_next("GET", "/channels", Fault::Status(404), 1);
    fake.fail_next("*", "/channels", Fault::Status(502), 1);
    fake.fail_next(
        "POST",
        "/channels/*/messages",
        Fault::Delay(Duration::from_millis(200)),
        1,
    );

    assert_eq!(
        status_of(&channel.say(&http, "a").await.unwrap_err()),
        Some((403, 50013))
    );
    assert_eq!(
        status_of(&channel.to_channel(&http).await.unwrap_err()),
        Some((404, 10003))
    );
    assert_eq!(
        status_of(&channel.say(&http, "b").await.unwrap_err()),
        Some((502, 0))
    );
    let started = Instant::now();
    channel
        .say(&http, "c")
        .await
        .expect("a delay still answers");
    assert!(started.elapsed() >= Duration::from_millis(200));
    channel.say(&http, "d").await.expect("all faults used up");
    assert_clean(&fake);
}

#[tokio::test]
async fn an_enforced_nonce_answers_a_repeat_with_the_first_message_as_discord_does() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    let channel = ChannelId::new(CHANNEL_ID);
    let post = |text: &str, nonce: &str, enforce: bool| {
        CreateMessage::new()
            .content(text)
            .nonce(serenity::all::Nonce::String(nonce.to_string()))
            .enforce_nonce(enforce)
    };

    let first = channel
        .send_message(&http, post("a", "n-1", true))
        .await
        .unwrap();
    let repeat = channel
        .send_message(&http, post("a again", "n-1", true))
        .await
        .unwrap();
    let other = channel
        .send_message(&http, post("b", "n-2", true))
        .await
        .unwrap();
    let unenforced = channel
        .send_message(&http, post("c", "n-1", false))
        .await
        .unwrap();

    assert_eq!(
        repeat.id, first.id,
        "the same nonce answers with the first message"
    );
    assert_eq!(repeat.content, "a");
    assert_ne!(other.id, first.id);
    assert_ne!(
        unenforced.id, first.id,
        "without enforce_nonce Discord makes a new one"
    );
    assert_eq!(fake.messages_in(CHANNEL_ID).len(), 3);
    assert_clean(&fake);
}

#[tokio::test]
async fn reconnect_makes_serenity_resume_and_a_missed_event_arrives_once() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&BOB, "before"))
        .await;
    assert_eq!(bot.messages_until("before").await, vec!["before"]);

    fake.send_reconnect();
    fake.dispatch(
        "MESSAGE_CREATE",
        payloads::guild_message(&BOB, "while away"),
    )
    .await;
    assert!(
        fake.wait_until(WAIT, |f| f.resume_count() == 1 && f.is_connected())
            .await,
        "no RESUME"
    );
    fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&BOB, "after"))
        .await;

    assert_eq!(
        bot.messages_until("after").await,
        vec!["while away", "after"]
    );
    assert_eq!(fake.identify_count(), 1, "resumed, not re-identified");
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn a_dropped_connection_and_close_4000_are_resumed_too() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;

    fake.drop_connection();
    assert!(
        fake.wait_until(WAIT, |f| f.resume_count() == 1 && f.is_connected())
            .await
    );
    fake.close_with(4000);
    assert!(
        fake.wait_until(WAIT, |f| f.resume_count() == 2 && f.is_connected())
            .await
    );
    fake.send_invalid_session(true);
    assert!(
        fake.wait_until(WAIT, |f| f.resume_count() == 3 && f.is_connected())
            .await
    );
    fake.dispatch(
        "MESSAGE_CREATE",
        payloads::guild_message(&BOB, "still here"),
    )
    .await;

    assert_eq!(bot.messages_until("still here").await, vec!["still here"]);
    assert_eq!(fake.identify_count(), 1);
    assert_eq!(fake.connection_count(), 4);
    bot.stop().await;
}

#[tokio::test]
async fn a_wrong_token_is_closed_with_4004_and_the_client_gives_up() {
    let config = FakeConfig {
        expected_token: Some("another-token".to_owned()),
        ..FakeConfig::default()
    };
    let fake = FakeDiscord::start_with(config).await;
    let bot = Bot::start(&fake).await;

    let result = tokio::time::timeout(WAIT, bot.task)
        .await
        .expect("client ends in time")
        .expect("task");

    assert!(result.is_err(), "client.start() must fail on 4004");
    assert_eq!(fake.identify_count(), 1);
}

#[tokio::test]
async fn heartbeats_are_acknowledged() {
    let config = FakeConfig {
        heartbeat_interval_ms: 50,
        ..FakeConfig::default()
    };
    let fake = FakeDiscord::start_with(config).await;
    let bot = Bot::ready(&fake).await;

    assert!(
        fake.wait_until(WAIT, |f| f.heartbeat_count() >= 2).await,
        "no heartbeats"
    );
    assert_eq!(
        fake.identify_count(),
        1,
        "acknowledged heartbeats keep the session"
    );
    assert_eq!(fake.resume_count(), 0);
    bot.stop().await;
}

#[tokio::test]
async fn malformed_bodies_are_spec_violations() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    let channel = ChannelId::new(CHANNEL_ID);
    let long_id = "x".repeat(101);
    let button = json!({ "type": 1, "components": [{ "type": 2, "style": 1, "label": "ok", "custom_id": long_id }] });

    http.send_message(channel, vec![], &json!({ "content": "a".repeat(2001) }))
        .await
        .unwrap();
    http.send_message(
        channel,
        vec![],
        &json!({ "content": "b", "components": [button] }),
    )
    .await
    .unwrap();
    http.send_message(channel, vec![], &json!({ "content": 5 }))
        .await
        .unwrap();

    let violations = fake.spec_violations();
    let path = format!("POST /channels/{CHANNEL_ID}/messages");
    assert_eq!(violations.len(), 3, "{violations:#?}");
    assert!(
        violations[0].starts_with(&path)
            && violations[0].contains("$.content")
            && violations[0].contains("2000")
    );
    assert!(
        violations[1].contains("$.components[0].components[0].custom_id")
            && violations[1].contains("maxLength 100")
    );
    assert!(violations[2].contains("$.content: expected type"));
}

#[tokio::test]
async fn a_permission_bit_set_may_be_a_decimal_string_as_discord_accepts_but_nothing_else() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    http.set_application_id(APP_ID.into());
    let command = |permissions: serde_json::Value| {
        json!([{ "name": "audit", "description": "d", "type": 1,
                 "default_member_permissions": permissions }])
    };
    // What serenity sends for Manage Server, and the integer the spec names.
    http.create_global_commands(&command(json!("32")))
        .await
        .unwrap();
    http.create_global_commands(&command(json!(32)))
        .await
        .unwrap();
    assert_eq!(fake.spec_violations(), Vec::<String>::new());
    let _ = http
        .create_global_commands(&command(json!("MANAGE_GUILD")))
        .await;
    let _ = http
        .create_global_commands(&command(json!("36028797018963968")))
        .await;
    let violations = fake.spec_violations();
    assert_eq!(violations.len(), 2, "{violations:#?}");
    assert!(violations[0].contains("$[0].default_member_permissions: expected type"));
    assert!(violations[1].contains("$[0].default_member_permissions"));
}

#[tokio::test]
async fn serenity_requests_through_its_builders_pass_the_spec() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);
    http.set_application_id(APP_ID.into());
    let channel = ChannelId::new(CHANNEL_ID);

    let select = CreateSelectMenu::new(
        "verdict",
        CreateSelectMenuKind::String {
            options: vec![CreateSelectMenuOption::new("Go", "go").description("ship it")],
        },
    );
    let rows = vec![
        CreateActionRow::Buttons(vec![
            CreateButton::new("yes").label("Yes"),
            CreateButton::new_link("https://example.com"),
        ]),
        CreateActionRow::SelectMenu(select),
    ];
    let embed = CreateEmbed::new()
        .title("Checklist")
        .description("Step 1")
        .field("Owner", "alice", true);
    let sent = channel
        .send_message(
            &http,
            CreateMessage::new()
                .content("hi")
                .embed(embed)
                .components(rows),
        )
        .await
        .expect("send");
    assert_eq!(sent.embeds[0].title.as_deref(), Some("Checklist"));
    assert_eq!(sent.components.len(), 2);
    let file = CreateAttachment::bytes(b"a,b\n1,2\n".to_vec(), "audit.csv");
    let with_file = channel
        .send_message(&http, CreateMessage::new().content("file").add_file(file))
        .await
        .unwrap();
    assert_eq!(with_file.attachments[0].filename, "audit.csv");
    let edited = channel
        .edit_message(&http, sent.id, EditMessage::new().content("edited"))
        .await
        .unwrap();
    assert_eq!(edited.content, "edited");
    let thread = channel
        .create_thread_from_message(&http, sent.id, CreateThread::new("walkthrough"))
        .await
        .unwrap();
    assert_eq!(
        (thread.id.get(), thread.parent_id),
        (sent.id.get(), Some(channel))
    );
    let archived = thread
        .id
        .edit_thread(&http, EditThread::new().archived(true).locked(true))
        .await
        .unwrap();
    assert!(
        archived
            .thread_metadata
            .is_some_and(|m| m.archived && m.locked)
    );
    channel.broadcast_typing(&http).await.unwrap();
    channel
        .delete_message(&http, MessageId::new(with_file.id.get()))
        .await
        .unwrap();
    let member = GuildId::new(GUILD_ID)
        .member(&http, UserId::new(ALICE.id))
        .await
        .unwrap();
    assert_eq!(member.roles, vec![RoleId::new(ROLE_ID)]);
    let commands = vec![CreateCommand::new("checklist").description("Start a walkthrough")];
    let registered = Command::set_global_commands(&http, commands).await.unwrap();
    assert_eq!(registered[0].name, "checklist");
    GuildId::new(GUILD_ID)
        .set_commands(&http, vec![CreateCommand::new("audit").description("x")])
        .await
        .unwrap();
    http.get_current_user().await.unwrap();
    http.get_current_application_info().await.unwrap();

    let upload = &fake.requests()[1];
    assert_eq!(
        upload.files().map(|f| f.bytes.len()).collect::<Vec<_>>(),
        vec![8]
    );
    assert_eq!(
        upload.body_at("/content"),
        Some(&json!("file")),
        "payload_json is the body"
    );
    assert_clean(&fake);
}

#[tokio::test]
async fn unknown_routes_are_404_and_listed() {
    let fake = FakeDiscord::start().await;
    let http = http_for(&fake);

    let error = http.get_guild(GuildId::new(GUILD_ID)).await.unwrap_err();

    assert_eq!(status_of(&error), Some((404, 0)));
    assert_eq!(
        fake.unhandled_routes(),
        vec![format!("GET /guilds/{GUILD_ID}")]
    );
}

#[tokio::test]
async fn every_payload_builder_is_readable_by_serenity() {
    let bot_message = payloads::guild_message(&BOT_USER, "a question");
    let events = [
        (
            "MESSAGE_CREATE",
            payloads::guild_message(&OTHER_BOT, "hello"),
        ),
        (
            "MESSAGE_CREATE",
            payloads::reply_to(payloads::guild_message(&ALICE, "re"), 1),
        ),
        (
            "INTERACTION_CREATE",
            payloads::slash_command(
                "checklist",
                json!([{ "name": "topic", "type": 3, "value": "x" }]),
            ),
        ),
        (
            "INTERACTION_CREATE",
            payloads::message_command("Check this", &bot_message),
        ),
        (
            "INTERACTION_CREATE",
            payloads::button_click("b", &bot_message),
        ),
        (
            "INTERACTION_CREATE",
            payloads::select_choice("s", &["a", "b"], &bot_message),
        ),
        (
            "INTERACTION_CREATE",
            payloads::modal_submit("m", &[("why", "because"), ("who", "alice")]),
        ),
        (
            "INTERACTION_CREATE",
            payloads::autocomplete("checklist", "topic", "ll"),
        ),
    ];
    for (name, data) in &events {
        check_dispatch(name, data).unwrap_or_else(|e| panic!("{e}\n{data:#}"));
    }
    let broken: Value = json!({ "id": "1", "content": "no author" });
    assert!(check_dispatch("MESSAGE_CREATE", &broken).is_err());
}

#[tokio::test]
async fn interactions_can_only_be_answered_once() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::ready(&fake).await;
    let command = payloads::slash_command("checklist", json!([]));
    let (id, token) = payloads::id_and_token(&command);
    fake.dispatch("INTERACTION_CREATE", command).await;
    let http = http_for(&fake);
    http.set_application_id(APP_ID.into());
    let interaction = InteractionId::new(id.parse().unwrap());
    let body = json!({ "type": 4, "data": { "content": "first" } });

    http.create_interaction_response(interaction, &token, &body, vec![])
        .await
        .expect("first answer");
    let second = http
        .create_interaction_response(interaction, &token, &body, vec![])
        .await
        .unwrap_err();

    assert_eq!(status_of(&second), Some((400, 40060)));
    let original = http
        .get_original_interaction_response(&token)
        .await
        .unwrap();
    assert_eq!(original.content, "first");
    bot.stop().await;
    assert_clean(&fake);
}

#[tokio::test]
async fn the_fake_stops_when_dropped() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::ready(&fake).await;
    bot.stop().await;
    let addr = fake.addr();

    drop(fake);

    let deadline = Instant::now() + WAIT;
    while tokio::net::TcpStream::connect(addr).await.is_ok() {
        assert!(Instant::now() < deadline, "still listening after drop");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A poise slash command, to prove poise's registration and dispatch work against the fake.
#[poise::command(slash_command)]
async fn checklist(
    ctx: poise::Context<'_, (), SerenityError>,
    #[description = "What to fine-tune"] topic: String,
) -> Result<(), SerenityError> {
    ctx.say(format!("checking {topic}")).await?;
    Ok(())
}

#[tokio::test]
async fn poise_registers_its_commands_and_answers_a_slash_command() {
    let fake = FakeDiscord::start().await;
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![checklist()],
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                poise::builtins::register_in_guild(ctx, commands, GuildId::new(GUILD_ID)).await
            })
        })
        .build();
    let mut client = ClientBuilder::new_with_http(http_for(&fake), intents())
        .framework(framework)
        .await
        .expect("client builds");
    let shards = client.shard_manager.clone();
    let task = tokio::spawn(async move { client.start().await });
    let registration = format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands");
    let put = fake
        .wait_for_request(|r| r.is("PUT", &registration), WAIT)
        .await
        .expect("registration");
    assert_eq!(put.body_at("/0/name"), Some(&json!("checklist")));

    let options = json!([{ "name": "topic", "type": 3, "value": "llama" }]);
    let command = payloads::slash_command("checklist", options);
    let (id, token) = payloads::id_and_token(&command);
    fake.dispatch("INTERACTION_CREATE", command).await;

    let callback = fake
        .wait_for_request(
            |r| r.is("POST", &format!("/interactions/{id}/{token}/callback")),
            WAIT,
        )
        .await
        .expect("poise answers");
    assert_eq!(
        callback.body_at("/data/content"),
        Some(&json!("checking llama"))
    );
    assert_eq!(
        fake.original_response(&token).unwrap()["content"],
        "checking llama"
    );
    shards.shutdown_all().await;
    tokio::time::timeout(WAIT, task)
        .await
        .expect("stops")
        .expect("task")
        .expect("no error");
    assert_clean(&fake);
}
