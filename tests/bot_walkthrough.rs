//! The bot end to end against the fake Discord: a proposal in chat opens a thread, the
//! requester clicks through the questions, the verdict is posted and recorded.

mod support;

use support::bot::*;
use support::fake_discord::*;
use support::walk::click_to_verdict;
use tunegate::checklist::VerdictKind;
use tunegate::store::{RoomId, ServerId, Source, Status, WalkthroughId};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_in_chat_opens_a_thread_and_reaches_each_verdict() {
    let h = BotHarness::start().await;
    let cases: [([&str; 4], &[&str], VerdictKind); 3] = [
        (
            ["yes", "no", "not_sure", "yes"],
            &["d1"],
            VerdictKind::Premature,
        ),
        (
            ["yes", "yes", "yes", "yes"],
            &[],
            VerdictKind::NotJustifiedYet,
        ),
        (
            ["yes", "yes", "yes", "yes"],
            &["d1", "d4"],
            VerdictKind::Justified,
        ),
    ];
    for (gates, drivers, expected) in cases {
        let (thread, first) = h
            .propose("I think we should fine-tune the model on our tickets")
            .await;
        let first_text = first["content"].as_str().unwrap();
        assert!(
            first_text.contains(&format!("<@{}>", ALICE.id)),
            "the requester is mentioned once"
        );
        assert_eq!(first_text.matches("<@").count(), 1);
        let verdict = click_to_verdict(&h, thread, &first, gates, drivers).await;
        let embed = &verdict["embeds"][0];
        assert!(
            embed["title"]
                .as_str()
                .unwrap()
                .starts_with(expected.headline()),
            "{embed}"
        );
        let footer = embed["footer"]["text"].as_str().unwrap().to_string();
        let id: i64 = footer
            .trim_start_matches("Decision #")
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let detail = h.store.detail(WalkthroughId(id), None).await.unwrap();
        assert_eq!(detail.walkthrough.source, Source::Chat);
        assert_eq!(detail.walkthrough.status, Status::Decided);
        assert_eq!(detail.walkthrough.place.thread, Some(RoomId(thread)));
        assert_eq!(detail.answers.len(), 6);
        assert!(
            detail
                .answers
                .iter()
                .all(|a| a.answered_by.id == ALICE.id.to_string())
        );
        let decision = detail.decision.unwrap();
        assert_eq!(decision.verdict, expected);
        let stamp = embed["timestamp"]
            .as_str()
            .expect("the verdict embed is dated");
        let stamp: chrono::DateTime<chrono::Utc> = stamp.parse().unwrap();
        assert_eq!(stamp.timestamp(), decision.decided_at.timestamp());
    }
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ordinary_chat_other_bots_and_code_blocks_open_nothing() {
    let h = BotHarness::start().await;
    h.chat(
        &ALICE,
        "good morning, the CSS needs a fine-tune before the release",
    )
    .await;
    h.chat(&OTHER_BOT, "we should fine-tune the model").await;
    h.chat(&BOB, "```\nwe should fine-tune the model\n```")
        .await;
    // A real proposal last: once its thread exists, the earlier messages were handled too.
    let mark = h.mark();
    h.chat(&BOB, "should we fine-tune a smaller model for this?")
        .await;
    h.expect(mark, "POST", "/threads").await;
    assert_eq!(h.fake.requests_to("POST", "/threads").len(), 1);
    let only = h.only_walkthrough().await;
    assert_eq!(only.walkthrough.requester.id, BOB.id.to_string());
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_a_fine_tune_request_closes_the_thread_and_is_recorded_as_dismissed() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("let's finetune it on our data").await;
    let mark = h.mark();
    let callback = h
        .click(
            &id_ending(&first, "dismiss"),
            &first,
            &invoker(ALICE, vec![], thread),
        )
        .await;
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    assert_eq!(
        callback.body_at("/data/components"),
        Some(&serde_json::json!([]))
    );
    let archive = h
        .expect(mark, "PATCH", &format!("/channels/{thread}"))
        .await;
    assert_eq!(archive.body_at("/archived"), Some(&serde_json::json!(true)));
    let only = h.only_walkthrough().await;
    assert_eq!(only.walkthrough.status, Status::Dismissed);
    assert!(only.decision.is_none());
    let stats = h.store.stats(&Default::default()).await.unwrap();
    assert_eq!((stats.detections, stats.dismissed_detections), (1, 1));
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_click_is_refused_privately_and_records_nothing() {
    let h = BotHarness::start_with(|s| s.discord.answer_roles = vec![ROLE_ID]).await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let callback = h
        .choose(
            &id_ending(&first, "pick"),
            &["tone_style"],
            &first,
            &invoker(BOB, vec![], thread),
        )
        .await;
    assert_eq!(callback.callback(), Some(Callback::Message));
    assert_eq!(
        callback.body_at("/data/flags"),
        Some(&serde_json::json!(64)),
        "ephemeral"
    );
    let text = callback.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(text.contains("Only the person who proposed this"), "{text}");
    assert!(h.only_walkthrough().await.answers.is_empty());

    // A member of a configured reviewer role may answer for the requester.
    let callback = h
        .choose(
            &id_ending(&first, "pick"),
            &["tone_style"],
            &first,
            &invoker(BOB, vec![ROLE_ID], thread),
        )
        .await;
    assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    let answers = h.only_walkthrough().await.answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].answered_by.id, BOB.id.to_string());
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_records_one_answer_and_a_replayed_event_records_nothing() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let mark = h.mark();
    h.choose(&id_ending(&first, "pick"), &["edge_cases"], &first, &alice)
        .await;
    let g1 = h.posted_in(mark, thread).await;
    // Two clicks on the same question, delivered together.
    let yes = support::fake_discord::payloads::with_invoker(
        support::fake_discord::payloads::button_click(&id_ending(&g1, "yes"), &g1),
        &alice,
    );
    let no = support::fake_discord::payloads::with_invoker(
        support::fake_discord::payloads::button_click(&id_ending(&g1, "no"), &g1),
        &alice,
    );
    let (a, b) = tokio::join!(h.interact(yes.clone()), h.interact(no));
    let types: Vec<Option<Callback>> = [&a, &b].iter().map(|r| r.callback()).collect();
    assert!(
        types.contains(&Some(Callback::UpdateMessage)) && types.contains(&Some(Callback::Message)),
        "one update, one private notice: {types:?}"
    );
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.answers.iter().filter(|a| a.step == "g1").count(), 1);

    // The gateway delivers the winning click again (as after a RESUME): nothing new.
    let before = detail.answers.len();
    h.fake.dispatch("INTERACTION_CREATE", yes).await;
    let mark = h.mark();
    h.chat(&BOB, "should we fine-tune another model?").await;
    h.expect(mark, "POST", "/threads").await;
    let again = h.store.detail(detail.walkthrough.id, None).await.unwrap();
    assert_eq!(again.answers.len(), before);
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_and_role_mentions_in_the_proposal_ping_nobody() {
    let h = BotHarness::start().await;
    let text = format!("@everyone @here <@&{ROLE_ID}> **we should fine-tune the model**\u{200b}");
    let mark = h.mark();
    h.chat(&ALICE, &text).await;
    let thread_req = h.expect(mark, "POST", "/threads").await;
    let name = thread_req.body_at("/name").unwrap().as_str().unwrap();
    assert!(name.chars().count() <= 100 && !name.is_empty());
    let first = h.expect(mark, "POST", "/messages").await;
    let first = h
        .fake
        .wait_for_request(
            |r| {
                r.index > first.index - 1
                    && r.is("POST", "/messages")
                    && !r.path.contains("/threads")
            },
            WAIT,
        )
        .await
        .unwrap();
    let mentions = first
        .body_at("/allowed_mentions")
        .expect("allowed_mentions is always sent");
    assert_eq!(mentions["parse"], serde_json::json!([]));
    assert_eq!(mentions["users"], serde_json::json!([ALICE.id.to_string()]));
    assert_eq!(mentions["roles"], serde_json::json!([]));
    let content = first.body_at("/content").unwrap().as_str().unwrap();
    assert!(
        !content.contains("@everyone") && !content.contains("@here"),
        "{content}"
    );
    assert!(!content.contains(&format!("<@&{ROLE_ID}>")), "{content}");
    assert!(
        !content.contains('\u{200b}') || content.contains("@\u{200b}"),
        "only our own breakers"
    );
    let stored = h.only_walkthrough().await;
    assert_eq!(
        stored.walkthrough.trigger_text, text,
        "stored exactly as said"
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_cooldown_keeps_a_second_proposal_from_opening_another_thread() {
    let h = BotHarness::start_with(|s| s.discord.channel_cooldown_secs = 300).await;
    h.propose("we should fine-tune the model").await;
    h.chat(&BOB, "should we fine-tune it instead?").await;
    // A proposal elsewhere is not held back; once it has its thread, BOB's was handled too.
    let elsewhere = support::fake_discord::payloads::guild_message_in(
        SECOND_GUILD_ID,
        SECOND_CHANNEL_ID,
        &BOB,
        &[],
        "let's fine-tune a small model",
    );
    let mark = h.mark();
    h.fake.dispatch("MESSAGE_CREATE", elsewhere).await;
    h.expect(
        mark,
        "POST",
        &format!("/channels/{SECOND_CHANNEL_ID}/messages/"),
    )
    .await;
    assert_eq!(h.fake.requests_to("POST", "/threads").len(), 2);
    let rows = h.store.list(&Default::default(), 10, 0).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| r.requester.id != BOB.id.to_string()
            || r.guild_id == Some(ServerId(SECOND_GUILD_ID)))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_and_a_described_goal_go_through_forms_and_are_stored() {
    let h = BotHarness::start().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    // "Add a note" opens a form; submitting it stores the note with the walkthrough.
    let opened = h.click(&id_ending(&first, "note"), &first, &alice).await;
    assert_eq!(opened.callback(), Some(Callback::Modal), "a modal");
    let form_id = opened
        .body_at("/data/custom_id")
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let note = "evidence: https://example.invalid/eval-report";
    let saved = h
        .interact(support::fake_discord::payloads::with_invoker(
            support::fake_discord::payloads::modal_submit(&form_id, &[("note", note)]),
            &alice,
        ))
        .await;
    assert_eq!(saved.body_at("/data/flags"), Some(&serde_json::json!(64)));
    assert!(
        saved
            .body_at("/data/content")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("note is saved")
    );
    // "Something else" asks for a description, which becomes the goal's answer.
    let asked = h
        .choose(&id_ending(&first, "pick"), &["other"], &first, &alice)
        .await;
    assert_eq!(asked.callback(), Some(Callback::Modal));
    let describe_id = asked
        .body_at("/data/custom_id")
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let mark = h.mark();
    let answered = h
        .interact(support::fake_discord::payloads::with_invoker(
            support::fake_discord::payloads::modal_submit(
                &describe_id,
                &[("detail", "summaries that cite sources")],
            ),
            &alice,
        ))
        .await;
    assert_eq!(answered.callback(), Some(Callback::UpdateMessage));
    let next = h.posted_in(mark, thread).await;
    assert!(id_ending(&next, "yes").contains(":g1:"));
    let detail = h.only_walkthrough().await;
    assert_eq!(detail.notes.len(), 1);
    assert_eq!(detail.notes[0].body, note);
    assert_eq!(detail.answers[0].value, "other");
    assert_eq!(
        detail.answers[0].detail.as_deref(),
        Some("summaries that cite sources")
    );
    h.assert_clean();
}
