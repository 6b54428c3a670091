//! Hostile interactions sent through the fake Discord to the running bot, as a property test:
//! any custom id, any select values, any modal text, from the right or a wrong channel or
//! guild. Every interaction gets exactly one answer, the bot never sends Discord a request it
//! would refuse, and afterwards it still answers an ordinary click.
//!
//! `PROPTEST_CASES` sets the number of cases (default 256).

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use support::bot::*;
use support::fake_discord::payloads::Invoker;
use support::fake_discord::*;
use support::walk::*;
use tunegate::checklist::Step;
use tunegate::store::Status;

/// One hostile interaction, before it is given its walkthrough and thread.
#[derive(Debug, Clone)]
struct Hostile {
    kind: Kind,
    custom_id: CustomId,
    values: Vec<String>,
    text: String,
    place: Place,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Button,
    Select,
    Modal,
}

#[derive(Debug, Clone)]
enum CustomId {
    /// Any text at all.
    Any(String),
    /// `tg1:<the walkthrough>:<step>:<action>` with real or made-up step and action keys.
    Ours { step: String, action: String },
    /// `tg1:<the walkthrough>:<its current step>:<action>`: what its buttons carry.
    Current { action: String },
    /// A well-formed id naming another walkthrough number.
    Other {
        id: i64,
        step: String,
        action: String,
    },
}

/// Where the interaction comes from.
#[derive(Debug, Clone, Copy)]
enum Place {
    Thread,
    Channel,
    OtherGuildSameThread,
    OtherGuild,
}

fn hostile() -> impl Strategy<Value = Hostile> {
    let kind = prop_oneof![Just(Kind::Button), Just(Kind::Select), Just(Kind::Modal)];
    let step = prop_oneof!["goal|g1|g2|g3|g4|drivers|done", ".{0,6}"];
    let action = prop_oneof![
        "pick|describe|yes|no|not_sure|drivers|none|back|note|notesubmit|dismiss",
        ".{0,10}"
    ];
    let custom_id = prop_oneof![
        3 => "pick|describe|yes|no|not_sure|drivers|none|back|note|notesubmit|dismiss"
            .prop_map(|action| CustomId::Current { action }),
        1 => ".{0,120}".prop_map(CustomId::Any),
        1 => (step.clone(), action.clone()).prop_map(|(step, action)| CustomId::Ours { step, action }),
        1 => (any::<i64>(), step, action).prop_map(|(id, step, action)| CustomId::Other {
            id,
            step,
            action
        }),
    ];
    let value = prop_oneof![
        4 => "tone_style|output_format|business_rules|edge_cases|other|d1|d2|d3|d4|d5|none",
        1 => ".{0,100}",
    ];
    let values = prop::collection::vec(value, 0..4);
    let text = prop_oneof![
        ".{0,200}",
        "(@everyone|@here|<@&[0-9]{1,20}>|<@[0-9]{1,20}>|\\*\\*|```|\u{202e}|[^a-z]){0,60}",
        "[\u{1F9EA}é]{3990,4010}",
    ];
    let place = prop_oneof![
        3 => Just(Place::Thread),
        1 => Just(Place::Channel),
        1 => Just(Place::OtherGuildSameThread),
        1 => Just(Place::OtherGuild),
    ];
    (kind, custom_id, values, text, place).prop_map(|(kind, custom_id, values, text, place)| {
        Hostile {
            kind,
            custom_id,
            values,
            text,
            place,
        }
    })
}

impl Hostile {
    /// The interaction payload, aimed at walkthrough `id` in `thread`, clicked on `message`.
    fn payload(&self, id: i64, step: Step, thread: u64, message: &Value) -> Value {
        let custom_id = match &self.custom_id {
            CustomId::Any(text) => text.clone(),
            CustomId::Current { action } => format!("tg1:{id}:{}:{action}", step.key()),
            CustomId::Ours { step, action } => format!("tg1:{id}:{step}:{action}"),
            CustomId::Other {
                id: other,
                step,
                action,
            } => format!("tg1:{other}:{step}:{action}"),
        };
        let values: Vec<&str> = self.values.iter().map(String::as_str).collect();
        let interaction = match self.kind {
            Kind::Button => payloads::button_click(&custom_id, message),
            Kind::Select => payloads::select_choice(&custom_id, &values, message),
            Kind::Modal => payloads::modal_submit(&custom_id, &[("text", &self.text)]),
        };
        let (guild_id, channel_id) = match self.place {
            Place::Thread => (GUILD_ID, thread),
            Place::Channel => (GUILD_ID, CHANNEL_ID),
            Place::OtherGuildSameThread => (SECOND_GUILD_ID, thread),
            Place::OtherGuild => (SECOND_GUILD_ID, SECOND_CHANNEL_ID),
        };
        let invoker = Invoker {
            user: ALICE,
            roles: vec![],
            guild_id,
            channel_id,
            ..Invoker::default()
        };
        payloads::with_invoker(interaction, &invoker)
    }
}

#[test]
fn hostile_interactions_get_one_answer_each_and_the_bot_keeps_working() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let h = runtime.block_on(BotHarness::start());
    let target =
        std::cell::RefCell::new(runtime.block_on(propose(&h, "we should fine-tune the model")));
    let answers = std::cell::RefCell::new(std::collections::BTreeMap::<u64, usize>::new());

    let mut runner = TestRunner::new(Config::default());
    let outcome = runner.run(&hostile(), |case| {
        runtime.block_on(async {
            // Aim at an open walkthrough: once a case closes one (dismissed, decided), the
            // next case gets a new one.
            let (thread, first) = target.borrow().clone();
            let id = walkthrough_of(&first);
            let mut now = recorded(&h, id).await.walkthrough;
            let (thread, first) = if now.status == Status::Open {
                (thread, first)
            } else {
                let fresh = propose(&h, "we should fine-tune the model").await;
                *target.borrow_mut() = fresh.clone();
                now = recorded(&h, walkthrough_of(&fresh.1)).await.walkthrough;
                fresh
            };
            let interaction = case.payload(now.id.0, now.step, thread, &first);
            let (interaction_id, _) = payloads::id_and_token(&interaction);
            let callback = h.interact(interaction).await;
            prop_assert!(
                callback.status < 300,
                "Discord accepted the answer: {callback:?}"
            );
            let kind = callback.callback();
            prop_assert!(
                matches!(
                    kind,
                    Some(
                        Callback::Message
                            | Callback::DeferredUpdate
                            | Callback::UpdateMessage
                            | Callback::Modal
                    )
                ),
                "an answer Discord knows: {:?}",
                callback.body
            );
            *answers
                .borrow_mut()
                .entry(kind.map_or(0, |k| k as u64))
                .or_default() += 1;
            if kind == Some(Callback::Message) {
                prop_assert!(is_private_notice(&callback), "refusals are private");
            }
            let path = format!("/interactions/{interaction_id}/");
            prop_assert_eq!(
                h.fake.requests_to("POST", &path).len(),
                1,
                "exactly one answer"
            );
            if !matches!(case.place, Place::Thread) {
                prop_assert!(
                    kind != Some(Callback::UpdateMessage),
                    "nothing changes from another place: {case:?}"
                );
            }
            Ok(())
        })
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    eprintln!("answers by callback type: {:?}", answers.borrow());

    // The bot is still there, and still records an ordinary walkthrough.
    runtime.block_on(async {
        h.assert_clean();
        let (thread, question) = propose(&h, "can we fine-tune a smaller model?").await;
        let alice = invoker(ALICE, vec![], thread);
        let next = answer_and_next(&h, thread, &question, &alice).await;
        assert!(id_ending(&next, "yes").contains(":g1:"));
        assert_eq!(
            recorded(&h, walkthrough_of(&question)).await.answers.len(),
            1
        );
        assert_eq!(h.store.integrity_check().await.unwrap(), vec!["ok"]);
        h.assert_clean();
    });
}
