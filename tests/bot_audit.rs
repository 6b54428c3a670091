//! Auditing past decisions from Discord, against the fake: history pages and their buttons,
//! autocomplete, reviews and the full view of a decision, revisit reminders across restarts,
//! the statistics chart, exports within the attachment limit, and who may see what.

mod support;

use std::io::Read;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use tunegate::app::{App, Start};
use tunegate::checklist::{ChecklistContent, Driver, GateAnswer};
use tunegate::store::{Person, Place, RoomId, ServerId, Source, WalkthroughId};

/// Discord's Manage Server permission bit.
const MANAGE_GUILD: u64 = 1 << 5;
/// Choice indexes of the slash options, in the order the bot registers them.
const OVERRULED: u64 = 1;
const REVISIT_LATER: u64 = 2;
const PERIOD_ALL: u64 = 3;

/// Bob with Manage Server in `guild`'s `channel`.
fn admin_in(guild: u64, channel: u64) -> Invoker {
    Invoker {
        user: BOB,
        roles: vec![],
        permissions: payloads::DEFAULT_PERMISSIONS | MANAGE_GUILD,
        guild_id: guild,
        channel_id: channel,
    }
}

fn admin() -> Invoker {
    admin_in(GUILD_ID, CHANNEL_ID)
}

/// `/finetune-audit <sub>` with `options`, from `who`.
fn command(sub: &str, options: Value, who: &Invoker) -> Value {
    payloads::with_invoker(
        payloads::slash_command(
            "finetune-audit",
            json!([{ "type": 1, "name": sub, "options": options }]),
        ),
        who,
    )
}

fn token(interaction: &Value) -> String {
    payloads::id_and_token(interaction).1
}

/// The token of the interaction a callback answered (`/interactions/{id}/{token}/callback`).
fn callback_token(callback: &RecordedRequest) -> String {
    callback
        .path
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_string()
}

/// Waits for `n` follow-ups of an interaction and returns them in order.
async fn followups(h: &BotHarness, interaction: &Value, n: usize) -> Vec<RecordedRequest> {
    let path = format!("/webhooks/{APP_ID}/{}", token(interaction));
    let enough = h
        .fake
        .wait_until(WAIT, |f| {
            f.requests().iter().filter(|r| r.is("POST", &path)).count() >= n
        })
        .await;
    assert!(enough, "expected {n} follow-ups on {path}");
    h.fake.requests_to("POST", &path)
}

fn text_of(v: &Value) -> String {
    v.to_string()
}

/// Seeds a decided walkthrough straight into the store (gates all Yes, one driver).
async fn seed(
    h: &BotHarness,
    guild: u64,
    thread: u64,
    text: &str,
    when: DateTime<Utc>,
) -> WalkthroughId {
    let flow = App::new(h.store.clone(), ChecklistContent::built_in());
    let who = Person::new(ALICE.id.to_string(), ALICE.name);
    let channel = if guild == GUILD_ID {
        CHANNEL_ID
    } else {
        SECOND_CHANNEL_ID
    };
    let (rec, _) = flow
        .start(
            Start {
                source: Source::Command,
                place: Place {
                    server: Some(ServerId(guild)),
                    channel: Some(RoomId(channel)),
                    thread: Some(RoomId(thread)),
                    message: None,
                },
                requester: who.clone(),
                trigger_text: text.to_string(),
                revisit_of: None,
            },
            when,
        )
        .await
        .unwrap();
    support::answers::answer_all(
        &flow,
        rec.id,
        &who,
        [GateAnswer::Yes; 4],
        &[Driver::Volume],
        when,
    )
    .await;
    rec.id
}

async fn seed_many(h: &BotHarness, guild: u64, n: i64) -> Vec<WalkthroughId> {
    // Recent, so the bot's idle sweep never takes a half-seeded walkthrough for abandoned.
    let start = Utc::now() - Duration::hours(3);
    let mut ids = Vec::new();
    for i in 0..n {
        let when = start + Duration::minutes(i);
        ids.push(
            seed(
                h,
                guild,
                7_000 + i as u64,
                &format!("fine-tune plan {i}"),
                when,
            )
            .await,
        );
    }
    ids
}

/// The ids listed on a history page, in order.
fn listed(data: &Value) -> Vec<WalkthroughId> {
    let description = data["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    description
        .lines()
        .filter_map(|l| l.strip_prefix("**#"))
        .filter_map(|l| l.split("**").next()?.parse().ok())
        .map(WalkthroughId)
        .collect()
}

/// (custom id, disabled) of each button of a message or response `data`.
fn buttons(data: &Value) -> Vec<(String, bool)> {
    data["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| {
            (
                b["custom_id"].as_str().unwrap_or_default().to_string(),
                b["disabled"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_pages_forward_and_back_with_next_and_previous() {
    let h = BotHarness::start().await;
    let ids = seed_many(&h, GUILD_ID, 23).await;
    seed_many(&h, SECOND_GUILD_ID, 2).await;
    let newest_first: Vec<WalkthroughId> = ids.iter().rev().copied().collect();

    let ask = command("history", json!([]), &admin());
    let callback = h.interact(ask.clone()).await;
    assert_eq!(callback.callback(), Some(Callback::Message));
    assert_eq!(
        callback.body_at("/data/flags"),
        Some(&json!(64)),
        "ephemeral"
    );
    let data = callback.body_at("/data").unwrap();
    assert_eq!(listed(data), newest_first[..10]);
    let description = data["embeds"][0]["description"].as_str().unwrap();
    assert!(description.contains(&format!(
        "https://discord.com/channels/{GUILD_ID}/{}",
        7_022
    )));
    assert!(description.contains(&format!("<@{}>", ALICE.id)));
    assert!(description.contains("**JUSTIFIED**"));
    let page = buttons(data);
    assert_eq!(page.len(), 2);
    assert!(page[0].1, "Previous is disabled on the first page");
    assert!(!page[1].1, "Next is enabled");
    assert!(
        page.iter()
            .all(|(id, _)| id.len() <= 100 && id.starts_with("tga:"))
    );

    // Next, Next: entries 11-20, then the last 3 with Next disabled.
    let mut message = h.fake.original_response(&token(&ask)).unwrap();
    let mut seen = Vec::new();
    for (expected, next_enabled) in [(&newest_first[10..20], true), (&newest_first[20..], false)] {
        let next = buttons(&message)[1].0.clone();
        let callback = h.click(&next, &message, &admin()).await;
        assert_eq!(
            callback.callback(),
            Some(Callback::UpdateMessage),
            "the page is replaced"
        );
        let data = callback.body_at("/data").unwrap();
        assert_eq!(listed(data), expected);
        assert_eq!(buttons(data)[1].1, !next_enabled);
        assert!(!buttons(data)[0].1, "Previous is enabled");
        seen.extend(listed(data));
        message = h
            .fake
            .original_response(&callback_token(&callback))
            .unwrap();
    }
    let previous = buttons(&message)[0].0.clone();
    let callback = h.click(&previous, &message, &admin()).await;
    assert_eq!(
        listed(callback.body_at("/data").unwrap()),
        newest_first[10..20]
    );
    assert_eq!(seen.len(), 13);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_this_servers_recent_ids_to_auditors_only() {
    let h = BotHarness::start().await;
    let ours = seed_many(&h, GUILD_ID, 3).await;
    let theirs = seed_many(&h, SECOND_GUILD_ID, 1).await;
    let typing = |sub: &str, partial: &str, who: &Invoker| {
        let mut i =
            payloads::with_invoker(payloads::autocomplete("finetune-audit", "id", partial), who);
        i["data"]["options"] = json!([{
            "type": 1, "name": sub,
            "options": [{ "name": "id", "type": 4, "value": partial, "focused": true }],
        }]);
        i
    };
    let callback = h.interact(typing("show", "", &admin())).await;
    assert_eq!(callback.callback(), Some(Callback::Autocomplete));
    let choices = callback
        .body_at("/data/choices")
        .unwrap()
        .as_array()
        .unwrap();
    let values: Vec<WalkthroughId> = choices
        .iter()
        .map(|c| WalkthroughId(c["value"].as_i64().unwrap()))
        .collect();
    assert_eq!(values, ours.iter().rev().copied().collect::<Vec<_>>());
    assert!(!values.contains(&theirs[0]));
    assert!(
        choices[0]["name"]
            .as_str()
            .unwrap()
            .starts_with(&format!("#{} · ", ours[2]))
    );
    assert!(
        choices
            .iter()
            .all(|c| c["name"].as_str().unwrap().chars().count() <= 100)
    );

    let callback = h
        .interact(typing("review", &ours[1].to_string(), &admin()))
        .await;
    let choices = callback
        .body_at("/data/choices")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(choices[0]["value"], json!(ours[1]));
    // Another server's id typed in full finds nothing.
    let callback = h
        .interact(typing("show", &theirs[0].to_string(), &admin()))
        .await;
    assert_eq!(callback.body_at("/data/choices"), Some(&json!([])));
    // A member who may not audit is offered nothing.
    let member = Invoker {
        user: BOB,
        roles: vec![],
        ..Invoker::default()
    };
    let callback = h.interact(typing("show", "", &member)).await;
    assert_eq!(callback.body_at("/data/choices"), Some(&json!([])));
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_is_recorded_and_shown_with_the_whole_decision() {
    let h = BotHarness::start().await;
    let id = seed(
        &h,
        GUILD_ID,
        7_100,
        "we should **fine-tune** @everyone",
        Utc::now(),
    )
    .await;
    let alice = Person::new(ALICE.id.to_string(), ALICE.name);
    h.store
        .add_note(
            id,
            &alice,
            "baseline evals: https://example.com/evals_v2?run=3",
            Utc::now(),
        )
        .await
        .unwrap();

    // Overruling needs a reason.
    let refused = h
        .interact(command(
            "review",
            json!([{ "name": "id", "type": 4, "value": id },
                   { "name": "outcome", "type": 4, "value": OVERRULED }]),
            &admin(),
        ))
        .await;
    assert_eq!(refused.body_at("/data/flags"), Some(&json!(64)));
    assert!(text_of(refused.body_at("/data/content").unwrap()).contains("needs a note"));
    assert!(h.store.reviews_of(id).await.unwrap().is_empty());

    let recorded = h
        .interact(command(
            "review",
            json!([{ "name": "id", "type": 4, "value": id },
                   { "name": "outcome", "type": 4, "value": OVERRULED },
                   { "name": "note", "type": 3, "value": "prompting reached 94% on the evals" }]),
            &admin(),
        ))
        .await;
    let said = text_of(recorded.body_at("/data/content").unwrap());
    assert!(said.contains("recorded for decision"), "{said}");
    assert!(said.contains("OVERRULED"), "{said}");
    let reviews = h.store.reviews_of(id).await.unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].reviewer.id, BOB.id.to_string());

    let ask = command(
        "show",
        json!([{ "name": "id", "type": 4, "value": id }]),
        &admin(),
    );
    let callback = h.interact(ask).await;
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    let embed = callback.body_at("/data/embeds/0").unwrap();
    let shown = text_of(embed);
    assert!(shown.contains("Proposal"), "{shown}");
    assert!(
        shown.contains("\\\\*\\\\*fine\\\\-tune\\\\*\\\\*"),
        "markdown escaped: {shown}"
    );
    assert!(!shown.contains("@everyone"), "no mention can form: {shown}");
    assert!(shown.contains("Q2 · G1"), "{shown}");
    assert!(shown.contains("Verdict: JUSTIFIED"), "{shown}");
    assert!(
        shown.contains("Why") && shown.contains("Next steps"),
        "{shown}"
    );
    assert!(
        shown.contains("<https://example.com/evals_v2?run=3>"),
        "{shown}"
    );
    assert!(
        shown.contains("Review #") && shown.contains("OVERRULED"),
        "{shown}"
    );
    assert!(shown.contains("prompting reached 94%"), "{shown}");
    assert!(shown.contains("checklist version"), "{shown}");
    assert_eq!(
        callback.body_at("/data/allowed_mentions/parse"),
        Some(&json!([]))
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn times_are_discord_timestamps_each_reader_sees_in_their_own_time_zone() {
    let h = BotHarness::start().await;
    let started = Utc::now() - Duration::hours(5);
    let id = seed(
        &h,
        GUILD_ID,
        7_200,
        "we should fine-tune the model",
        started,
    )
    .await;
    let decided = h.store.detail(id, None).await.unwrap().decision.unwrap();
    let unix = decided.decided_at.timestamp();

    let shown = h
        .interact(command(
            "show",
            json!([{ "name": "id", "type": 4, "value": id }]),
            &admin(),
        ))
        .await;
    let embed = shown.body_at("/data/embeds/0").unwrap();
    let text = text_of(embed);
    assert!(text.contains(&format!("_decided <t:{unix}:f>_")), "{text}");
    assert!(
        text.contains(&format!("started <t:{}:f>", started.timestamp())),
        "{text}"
    );
    assert!(!text.contains(" UTC"), "no UTC strings: {text}");
    let stamp: DateTime<Utc> = embed["timestamp"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        stamp.timestamp(),
        unix,
        "the embed carries the decision's time"
    );

    let page = h.interact(command("history", json!([]), &admin())).await;
    let listed = text_of(page.body_at("/data/embeds/0").unwrap());
    assert!(listed.contains(&format!("<t:{unix}:d>")), "{listed}");
    h.assert_clean();
}

/// Proposes in chat and clicks through every question (all Yes, one driver); returns the
/// thread and the decision id.
async fn decide_in_chat(h: &BotHarness) -> (u64, WalkthroughId) {
    let mark = h.mark();
    h.chat(&ALICE, "we should fine-tune the model").await;
    let thread_req = h.expect(mark, "POST", "/threads").await;
    let thread: u64 = thread_req.response.as_ref().unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let alice = invoker(ALICE, vec![], thread);
    let mut question = h.posted_in(mark, thread).await;
    let mark = h.mark();
    h.choose(
        &id_ending(&question, "pick"),
        &["output_format"],
        &question,
        &alice,
    )
    .await;
    question = h.posted_in(mark, thread).await;
    for _ in 0..4 {
        let mark = h.mark();
        h.click(&id_ending(&question, "yes"), &question, &alice)
            .await;
        question = h.posted_in(mark, thread).await;
    }
    let mark = h.mark();
    h.choose(&id_ending(&question, "drivers"), &["d1"], &question, &alice)
        .await;
    h.posted_in(mark, thread).await;
    let id = h.store.list(&Default::default(), 1, 0).await.unwrap()[0].id;
    (thread, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revisit_reminder_fires_once_after_a_restart_and_runs_the_checklist_again() {
    let mut h = BotHarness::start().await;
    let (thread, decision) = decide_in_chat(&h).await;
    let day = (Utc::now() + Duration::days(3)).date_naive();
    let recorded = h
        .interact(command(
            "review",
            json!([{ "name": "id", "type": 4, "value": decision },
                   { "name": "outcome", "type": 4, "value": REVISIT_LATER },
                   { "name": "revisit", "type": 3, "value": day.to_string() }]),
            &admin(),
        ))
        .await;
    let said = text_of(recorded.body_at("/data/content").unwrap());
    assert!(said.contains(&format!("<#{thread}>")), "{said}");
    let starts = day.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
    assert!(
        said.contains(&format!("<t:{starts}:f>")) && said.contains(&format!("<t:{starts}:R>")),
        "the revisit day in each reader's own time: {said}"
    );

    h.restart().await;
    let bot = h.running.as_ref().unwrap().bot().clone();
    let sweep = tunegate::discord::revisits::sweep;
    assert_eq!(sweep(&bot, Utc::now()).await.unwrap(), 0, "not due yet");
    let due = Utc::now() + Duration::days(3);
    let mark = h.mark();
    assert_eq!(sweep(&bot, due).await.unwrap(), 1);
    let reminder = h.posted_in(mark, thread).await;
    let content = reminder["content"].as_str().unwrap();
    assert!(
        content.contains(&format!("decision #{decision}")),
        "{content}"
    );
    assert!(
        content.contains(&format!("<@{}>", BOB.id)),
        "the reviewer is reminded"
    );
    let button = custom_ids(&reminder)[0].clone();
    assert!(button.starts_with("tga:rv:"), "{button}");
    // Never twice: not by a second sweep, not after another restart.
    assert_eq!(sweep(&bot, due).await.unwrap(), 0);
    h.restart().await;
    let bot = h.running.as_ref().unwrap().bot().clone();
    assert_eq!(sweep(&bot, due + Duration::days(1)).await.unwrap(), 0);
    let reminders = h
        .fake
        .requests_to("POST", &format!("/channels/{thread}/messages"))
        .into_iter()
        .filter(|r| text_of(r.body.as_ref().unwrap()).contains("tga:rv:"))
        .count();
    assert_eq!(reminders, 1);

    // The button starts a new checklist in the same thread, linked to the old decision.
    let alice = invoker(ALICE, vec![], thread);
    let mark = h.mark();
    let clicked = h.click(&button, &reminder, &alice).await;
    assert_eq!(clicked.callback(), Some(Callback::DeferredUpdate));
    let question = h.posted_in(mark, thread).await;
    assert!(id_ending(&question, "pick").starts_with("tg1:"));
    let newest = h.store.list(&Default::default(), 1, 0).await.unwrap()[0].id;
    assert_ne!(newest, decision);
    let revisit = h.store.walkthrough(newest).await.unwrap();
    assert_eq!(revisit.revisit_of, Some(decision));
    assert_eq!(revisit.place.thread, Some(RoomId(thread)));
    let told = h.expect(mark, "POST", "/webhooks/").await;
    assert!(text_of(told.body.as_ref().unwrap()).contains(&format!("#{newest}")));
    // A second click does not start a second one.
    let again = h.click(&button, &reminder, &alice).await;
    assert!(text_of(again.body.as_ref().unwrap()).contains("already revisits"));
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_come_with_a_png_chart_of_sensible_size() {
    let h = BotHarness::start().await;
    seed_many(&h, GUILD_ID, 12).await;
    let ask = command(
        "stats",
        json!([{ "name": "period", "type": 4, "value": PERIOD_ALL }]),
        &admin(),
    );
    let callback = h.interact(ask.clone()).await;
    assert_eq!(
        callback.callback(),
        Some(Callback::DeferredMessage),
        "deferred"
    );
    assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)));
    let sent = followups(&h, &ask, 1).await;
    let message = &sent[0];
    let files: Vec<&Part> = message.files().collect();
    assert_eq!(files.len(), 1);
    let png = &files[0].bytes;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!((be(16), be(20)), (1000, 640));
    assert!(
        png.len() > 10_000 && png.len() < 1_000_000,
        "{} bytes",
        png.len()
    );
    let embed = text_of(message.body_at("/embeds/0").unwrap());
    assert!(embed.contains("attachment://tunegate-stats.png"), "{embed}");
    assert!(embed.contains("12 in all"), "{embed}");
    assert!(embed.contains("Share premature"), "{embed}");
    assert!(embed.contains("Gate that fails most"), "{embed}");
    h.assert_clean();
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_fits_the_attachment_limit_compressed_or_split() {
    let h = BotHarness::start().await;
    let ours = seed_many(&h, GUILD_ID, 40).await;
    seed_many(&h, SECOND_GUILD_ID, 3).await;
    let ask = command("export", json!([]), &admin());
    h.interact(ask.clone()).await;
    let sent = followups(&h, &ask, 1).await;
    let file = sent[0].files().next().unwrap().clone();
    assert_eq!(
        file.filename.as_deref(),
        Some(format!("tunegate-decisions-{GUILD_ID}.csv").as_str())
    );
    let csv = String::from_utf8(file.bytes.clone()).unwrap();
    assert_eq!(
        csv.lines().count(),
        41,
        "a header and this server's 40 rows"
    );
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.contains(&GUILD_ID.to_string()))
    );
    assert!(text_of(sent[0].body.as_ref().unwrap()).contains(&format!("Export of {}", ours.len())));

    // With a small attachment limit the same export is compressed, and split if needed.
    let limit = 1_500;
    let mut small = command("export", json!([]), &admin());
    small["attachment_size_limit"] = json!(limit);
    h.interact(small.clone()).await;
    let first = followups(&h, &small, 1).await;
    let said = text_of(first[0].body.as_ref().unwrap());
    assert!(said.contains("gzip"), "{said}");
    let parts = said
        .split("split into ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(1);
    let sent = followups(&h, &small, parts).await;
    let mut joined = Vec::new();
    for message in &sent {
        for part in message.files() {
            assert!(part.bytes.len() <= limit, "{} bytes", part.bytes.len());
            assert!(part.filename.as_ref().unwrap().contains(".csv.gz"));
            joined.extend_from_slice(&part.bytes);
        }
    }
    assert_eq!(String::from_utf8(gunzip(&joined)).unwrap(), csv);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_servers_decisions_are_never_shown_reviewed_or_exported() {
    let h = BotHarness::start().await;
    let first_guild = seed_many(&h, GUILD_ID, 3).await;
    let second_guild = seed_many(&h, SECOND_GUILD_ID, 2).await;
    let elsewhere = admin_in(SECOND_GUILD_ID, SECOND_CHANNEL_ID);

    let callback = h.interact(command("history", json!([]), &elsewhere)).await;
    let listed_ids = listed(callback.body_at("/data").unwrap());
    assert_eq!(
        listed_ids,
        second_guild.iter().rev().copied().collect::<Vec<_>>()
    );

    let foreign = first_guild[0];
    let shown = h
        .interact(command(
            "show",
            json!([{ "name": "id", "type": 4, "value": foreign }]),
            &elsewhere,
        ))
        .await;
    let said = text_of(shown.body.as_ref().unwrap());
    assert!(
        said.contains(&format!("no checklist #{foreign} in this server")),
        "{said}"
    );
    assert!(!said.contains("fine-tune plan"), "{said}");

    let reviewed = h
        .interact(command(
            "review",
            json!([{ "name": "id", "type": 4, "value": foreign },
                   { "name": "outcome", "type": 4, "value": 0 }]),
            &elsewhere,
        ))
        .await;
    assert!(text_of(reviewed.body.as_ref().unwrap()).contains("no decision"));
    assert!(h.store.reviews_of(foreign).await.unwrap().is_empty());

    // A page button is answered from the guild it is clicked in, whatever it carries.
    let message = h
        .fake
        .original_response(&callback_token(&callback))
        .unwrap();
    let page = h.click("tga:h:0:--::::", &message, &elsewhere).await;
    assert_eq!(listed(page.body_at("/data").unwrap()).len(), 2);

    let ask = command(
        "export",
        json!([{ "name": "format", "type": 4, "value": 1 }]),
        &elsewhere,
    );
    h.interact(ask.clone()).await;
    let sent = followups(&h, &ask, 1).await;
    let json: Value = serde_json::from_slice(&sent[0].files().next().unwrap().bytes).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r["guild_id"] == json!(SECOND_GUILD_ID.to_string()))
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_without_manage_server_or_an_audit_role_are_refused() {
    let h = BotHarness::start_with(|s| s.discord.audit_roles = vec![ROLE_ID]).await;
    let ids = seed_many(&h, GUILD_ID, 2).await;
    let member = Invoker {
        user: BOB,
        roles: vec![],
        ..Invoker::default()
    };
    for (sub, options) in [
        ("history", json!([])),
        (
            "show",
            json!([{ "name": "id", "type": 4, "value": ids[0] }]),
        ),
        ("stats", json!([])),
        ("export", json!([])),
        (
            "review",
            json!([{ "name": "id", "type": 4, "value": ids[0] },
                   { "name": "outcome", "type": 4, "value": 0 }]),
        ),
    ] {
        let callback = h.interact(command(sub, options, &member)).await;
        assert_eq!(callback.body_at("/data/flags"), Some(&json!(64)), "{sub}");
        let said = text_of(callback.body_at("/data/content").unwrap());
        assert!(said.contains("Manage Server"), "{sub}: {said}");
        assert!(said.contains(&format!("<@&{ROLE_ID}>")), "{sub}: {said}");
        assert!(!said.contains("fine-tune plan"), "{sub}: {said}");
    }
    assert!(h.store.reviews_of(ids[0]).await.unwrap().is_empty());
    // A page button forwarded to a member is refused too.
    let first = h.interact(command("history", json!([]), &admin())).await;
    let message = h.fake.original_response(&callback_token(&first)).unwrap();
    let click = h.click("tga:h:0:--::::", &message, &member).await;
    assert!(text_of(click.body.as_ref().unwrap()).contains("Manage Server"));
    // A member of an audit role may audit without Manage Server.
    let reviewer = Invoker::default(); // alice, with ROLE_ID
    let callback = h.interact(command("history", json!([]), &reviewer)).await;
    assert_eq!(listed(callback.body_at("/data").unwrap()).len(), 2);
    h.assert_clean();
}

/// Choice indexes of `/finetune-audit outcome result:`, in the order of the follow-up buttons.
const SOLVED: u64 = 0;
const PAID_OFF: u64 = 4;

/// `/finetune-audit outcome id: result: [note:]` from `who`.
fn outcome(id: WalkthroughId, result: u64, note: Option<&str>, who: &Invoker) -> Value {
    let mut options = vec![
        json!({ "name": "id", "type": 4, "value": id.0 }),
        json!({ "name": "result", "type": 4, "value": result }),
    ];
    if let Some(note) = note {
        options.push(json!({ "name": "note", "type": 3, "value": note }));
    }
    command("outcome", Value::Array(options), who)
}

/// A member of this server with no role and no Manage Server.
fn plain_member(user: FakeUser) -> Invoker {
    Invoker {
        user,
        roles: vec![],
        ..Invoker::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_requester_records_an_outcome_and_show_stats_and_export_carry_it() {
    let h = BotHarness::start().await;
    let id = seed(&h, GUILD_ID, 7_200, "fine-tune for volume", Utc::now()).await;
    let lead = Person::new("cli:lead", "lead");
    let flow = App::new(h.store.clone(), ChecklistContent::built_in());
    flow.estimate_savings(
        id,
        &tunegate::checklist::cost::CostInputs {
            requests_per_month: 10_000_000.0,
            input_tokens: 500.0,
            output_tokens: 200.0,
            price_in: 2.5,
            price_out: 10.0,
            fine_tuned: tunegate::checklist::cost::FineTunedPrice::Ratio(10.0),
            training_cost: 20_000.0,
            upkeep_per_month: 3_000.0,
        },
        tunegate::app::Recorder::Terminal(&lead),
        None,
        Utc::now(),
    )
    .await
    .unwrap();

    // Alice proposed it: she may record without auditing rights.
    let recorded = h
        .interact(outcome(
            id,
            PAID_OFF,
            Some("**30%** cheaper @everyone"),
            &plain_member(ALICE),
        ))
        .await;
    assert_eq!(
        recorded.body_at("/data/flags"),
        Some(&json!(64)),
        "ephemeral"
    );
    let said = text_of(recorded.body_at("/data/content").unwrap());
    assert!(
        said.contains(&format!(
            "recorded for decision #{id}: Yes, and it paid off."
        )),
        "{said}"
    );
    assert!(!said.contains("@everyone"), "{said}");
    let outcomes = h.store.outcomes_of(id).await.unwrap();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].recorded_by.id, ALICE.id.to_string());
    assert_eq!(
        outcomes[0].note.as_deref(),
        Some("**30%** cheaper @everyone")
    );
    assert_eq!(outcomes[0].follow_up_round, None);

    let shown = h
        .interact(command(
            "show",
            json!([{ "name": "id", "type": 4, "value": id }]),
            &admin(),
        ))
        .await;
    let embeds = text_of(shown.body_at("/data/embeds").unwrap());
    assert!(
        embeds.contains("Outcome #") && embeds.contains("Yes, and it paid off"),
        "{embeds}"
    );
    assert!(embeds.contains("by hand"), "{embeds}");
    assert!(embeds.contains(&format!("<@{}>", ALICE.id)), "{embeds}");
    assert!(
        embeds.contains("\\\\*\\\\*30%\\\\*\\\\* cheaper"),
        "escaped: {embeds}"
    );
    assert!(!embeds.contains("@everyone"), "{embeds}");
    assert!(embeds.contains("Savings estimate"), "{embeds}");
    for figure in [
        "Generic model: 32500.00 a month",
        "Fine-tuned model: 3250.00 a month",
        "Saving after upkeep: 26250.00 a month",
        "Break-even: 0.8 months",
        "Net after 12 months: 295000.00",
    ] {
        assert!(embeds.contains(figure), "{figure}: {embeds}");
    }

    let ask = command(
        "stats",
        json!([{ "name": "period", "type": 4, "value": PERIOD_ALL }]),
        &admin(),
    );
    h.interact(ask.clone()).await;
    let sent = followups(&h, &ask, 1).await;
    let embed = text_of(sent[0].body_at("/embeds/0").unwrap());
    assert!(embed.contains("Outcomes"), "{embed}");
    assert!(
        embed.contains("JUSTIFIED decisions with an outcome: 1. Paid off: 1 (100.0%)"),
        "{embed}"
    );
    assert!(
        embed.contains("the checklist assumes 80%, 8 in 10"),
        "{embed}"
    );
    assert!(
        embed.contains("Decisions awaiting an outcome: 0."),
        "{embed}"
    );

    let ask = command(
        "export",
        json!([{ "name": "format", "type": 4, "value": 1 }]),
        &admin(),
    );
    h.interact(ask.clone()).await;
    let sent = followups(&h, &ask, 1).await;
    let rows: Value = serde_json::from_slice(&sent[0].files().next().unwrap().bytes).unwrap();
    assert_eq!(rows[0]["outcome"], "paid_off");
    assert_eq!(rows[0]["outcome_note"], "**30%** cheaper @everyone");
    assert_eq!(rows[0]["monthly_saving"], 26_250.0);
    assert_eq!(rows[0]["net_12_months"], 295_000.0);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outcome_is_refused_to_a_stranger_another_server_and_a_result_that_does_not_fit() {
    let h = BotHarness::start().await;
    let id = seed(&h, GUILD_ID, 7_300, "fine-tune plan", Utc::now()).await;

    // Bob neither proposed it, nor holds an answer role, nor may audit.
    let stranger = h
        .interact(outcome(id, PAID_OFF, None, &plain_member(BOB)))
        .await;
    assert_eq!(stranger.body_at("/data/flags"), Some(&json!(64)));
    let said = text_of(stranger.body_at("/data/content").unwrap());
    assert!(
        said.contains(&format!("Only the person who proposed decision #{id}")),
        "{said}"
    );

    // An admin of another server does not reach it.
    let elsewhere = h
        .interact(outcome(
            id,
            PAID_OFF,
            None,
            &admin_in(SECOND_GUILD_ID, SECOND_CHANNEL_ID),
        ))
        .await;
    let said = text_of(elsewhere.body.as_ref().unwrap());
    assert!(
        said.contains(&format!("no checklist #{id} in this server")),
        "{said}"
    );

    // "Solved without fine-tuning" answers prompt work, not a JUSTIFIED decision.
    let wrong = h
        .interact(outcome(id, SOLVED, None, &plain_member(ALICE)))
        .await;
    let said = text_of(wrong.body_at("/data/content").unwrap());
    assert!(
        said.contains(
            "Solved without fine-tuning\\\" does not fit a JUSTIFIED decision; use one of: Yes, \
             and it paid off (paid-off), Yes, no clear gain (no-gain), Not yet (not-yet), \
             Dropped it (dropped)."
        ),
        "{said}"
    );
    assert!(h.store.outcomes_of(id).await.unwrap().is_empty());

    // An auditor (Manage Server) may record for anyone's decision.
    let audited = h.interact(outcome(id, PAID_OFF, None, &admin())).await;
    let said = text_of(audited.body_at("/data/content").unwrap());
    assert!(said.contains("Yes, and it paid off"), "{said}");
    let outcomes = h.store.outcomes_of(id).await.unwrap();
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].recorded_by.id, BOB.id.to_string());
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outcome_command_offers_the_words_of_the_follow_up_buttons() {
    let h = BotHarness::start().await;
    let registered = h
        .fake
        .wait_for_request(|r| r.is("PUT", "/commands"), WAIT)
        .await
        .expect("the commands are registered");
    let body = registered.body.unwrap();
    let audit = body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "finetune-audit")
        .unwrap();
    let outcome = audit["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "outcome")
        .expect("/finetune-audit outcome is registered");
    let result = outcome["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "result")
        .unwrap();
    assert_eq!(result["required"], json!(true));
    let names: Vec<&str> = result["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Solved without fine-tuning",
            "Partly",
            "Still need fine-tuning",
            "Not tried yet",
            "Yes, and it paid off",
            "Yes, no clear gain",
            "Not yet",
            "Dropped it",
        ]
    );
    let id = outcome["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "id")
        .unwrap();
    assert_eq!(id["autocomplete"], json!(true));
    h.assert_clean();
}
