//! The bot speaks the team's language, end to end against the fake Discord: a French, a German
//! and a Spanish proposal in chat each get their walkthrough (questions, buttons, the verdict)
//! in that language, the language is stored with the walkthrough, each clicker is answered
//! privately in their own Discord locale, a locale tunegate lacks gets English, and the
//! registered commands, their options and choices carry Discord's localisations.

mod support;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use tunegate::checklist::VerdictKind;
use tunegate::store::WalkthroughId;

/// The words a test expects at each step of a walkthrough in one language.
struct Expected {
    /// The Discord locale its people click with.
    locale: &'static str,
    /// The proposal, said in chat.
    proposal: &'static str,
    code: &'static str,
    first_question: &'static str,
    dismiss: &'static str,
    goal_label: &'static str,
    answered_by: &'static str,
    gate_question: &'static str,
    yes: &'static str,
    no: &'static str,
    not_sure: &'static str,
    back: &'static str,
    drivers_question: &'static str,
    none: &'static str,
    verdict_message: &'static str,
    headline: &'static str,
    title: &'static str,
    why: &'static str,
    next_steps: &'static str,
    not_yet: &'static str,
    refusal: &'static str,
}

const FRENCH: Expected = Expected {
    locale: "fr",
    proposal: "Je pense qu'on devrait fine-tuner le modèle sur nos tickets",
    code: "fr",
    first_question: "**Question 1 sur 6** : Qu'est-ce que tu veux changer",
    dismiss: "Ce n'est pas une demande de fine-tuning",
    goal_label: "Format de sortie",
    answered_by: "(réponse de <@",
    gate_question: "**Question 2 sur 6** : As-tu au moins 1\u{a0}000 exemples",
    yes: "Oui",
    no: "Non",
    not_sure: "Pas sûr",
    back: "Retour",
    drivers_question: "Lesquels de ces points s'appliquent ?",
    none: "Aucun de ceux-là",
    verdict_message: "Verdict de la checklist #",
    headline: "PRÉMATURÉ",
    title: "Prématuré : d'abord les bases",
    why: "Pourquoi",
    next_steps: "Prochaines étapes",
    not_yet: "Pas encore : une équipe pour maintenir le pipeline.",
    refusal: "Seule la personne qui a fait la proposition",
};

const GERMAN: Expected = Expected {
    locale: "de",
    proposal: "Wir sollten das Modell auf unseren Tickets fine-tunen",
    code: "de",
    first_question: "**Frage 1 von 6**: Was möchtest du am Verhalten des Modells ändern?",
    dismiss: "Keine Fine-Tuning-Anfrage",
    goal_label: "Ausgabeformat",
    answered_by: "(beantwortet von <@",
    gate_question: "**Frage 2 von 6**: Habt ihr mindestens 1.000 hochwertige",
    yes: "Ja",
    no: "Nein",
    not_sure: "Nicht sicher",
    back: "Zurück",
    drivers_question: "Was davon trifft zu?",
    none: "Nichts davon",
    verdict_message: "Urteil für Checkliste #",
    headline: "VERFRÜHT",
    title: "Verfrüht: erst die Grundlagen",
    why: "Warum",
    next_steps: "Nächste Schritte",
    not_yet: "Noch nicht: ein Team, das die Pipeline pflegt.",
    refusal: "Nur die Person, die das vorgeschlagen hat",
};

const SPANISH: Expected = Expected {
    locale: "es-ES",
    proposal: "Creo que deberíamos hacer fine-tuning del modelo con nuestros tickets",
    code: "es",
    first_question: "**Pregunta 1 de 6**: ¿Qué quieres cambiar en el comportamiento del modelo?",
    dismiss: "No es una petición de fine-tuning",
    goal_label: "Formato de salida",
    answered_by: "(respondido por <@",
    gate_question: "**Pregunta 2 de 6**: ¿Tenéis al menos 1.000 ejemplos",
    yes: "Sí",
    no: "No",
    not_sure: "No estoy seguro",
    back: "Atrás",
    drivers_question: "¿Cuáles de estos aplican?",
    none: "Ninguno de estos",
    verdict_message: "Veredicto de la checklist #",
    headline: "PREMATURO",
    title: "Prematuro: primero lo básico",
    why: "Por qué",
    next_steps: "Próximos pasos",
    not_yet: "Todavía no: un equipo que mantenga el pipeline.",
    refusal: "Solo la persona que hizo la propuesta",
};

/// `who` in `channel`, clicking with Discord locale `locale`.
fn speaking(user: FakeUser, channel: u64) -> Invoker {
    invoker(user, vec![], channel)
}

fn in_locale(mut interaction: Value, locale: &str) -> Value {
    interaction["locale"] = json!(locale);
    interaction
}

async fn click_in(
    h: &BotHarness,
    locale: &str,
    suffix: &str,
    message: &Value,
    who: &Invoker,
) -> RecordedRequest {
    let click = payloads::button_click(&id_ending(message, suffix), message);
    h.interact(in_locale(payloads::with_invoker(click, who), locale))
        .await
}

async fn choose_in(
    h: &BotHarness,
    locale: &str,
    suffix: &str,
    values: &[&str],
    message: &Value,
    who: &Invoker,
) -> RecordedRequest {
    let choice = payloads::select_choice(&id_ending(message, suffix), values, message);
    h.interact(in_locale(payloads::with_invoker(choice, who), locale))
        .await
}

/// The labels of a message's buttons, in order.
fn button_labels(message: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for row in message["components"].as_array().into_iter().flatten() {
        for c in row["components"].as_array().into_iter().flatten() {
            if let Some(label) = c["label"].as_str() {
                out.push(label.to_string());
            }
        }
    }
    out
}

fn text(message: &Value) -> &str {
    message["content"].as_str().unwrap_or_default()
}

/// Runs a whole walkthrough in `lang`'s words and checks each step.
async fn walkthrough_in(h: &BotHarness, lang: &Expected) {
    let (thread, first) = h.propose(lang.proposal).await;
    let question = text(&first);
    assert!(question.contains(lang.first_question), "{question}");
    assert!(question.contains(&format!("<@{}>", ALICE.id)), "{question}");
    assert!(
        button_labels(&first).iter().any(|l| l == lang.dismiss),
        "{:?}",
        button_labels(&first)
    );
    let alice = speaking(ALICE, thread);

    // Someone else's click is refused in that person's language, and nothing is recorded.
    let refused = click_in(h, lang.locale, "dismiss", &first, &speaking(BOB, thread)).await;
    let said = refused.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(said.contains(lang.refusal), "{said}");

    let mark = h.mark();
    let picked = choose_in(h, lang.locale, "pick", &["output_format"], &first, &alice).await;
    let edited = picked.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(edited.contains(lang.goal_label), "{edited}");
    assert!(edited.contains(lang.answered_by), "{edited}");
    let mut question = h.posted_in(mark, thread).await;
    assert!(
        text(&question).contains(lang.gate_question),
        "{}",
        text(&question)
    );
    assert_eq!(
        button_labels(&question)[..4],
        [lang.yes, lang.no, lang.not_sure, lang.back]
    );
    for answer in ["yes", "no", "yes", "yes"] {
        let mark = h.mark();
        click_in(h, lang.locale, answer, &question, &alice).await;
        question = h.posted_in(mark, thread).await;
    }
    assert!(
        text(&question).contains(lang.drivers_question),
        "{}",
        text(&question)
    );
    assert!(button_labels(&question).iter().any(|l| l == lang.none));
    let mark = h.mark();
    click_in(h, lang.locale, "none", &question, &alice).await;
    let verdict = h.posted_in(mark, thread).await;
    assert!(
        text(&verdict).starts_with(lang.verdict_message),
        "{verdict}"
    );
    let embed = &verdict["embeds"][0];
    assert_eq!(
        embed["title"].as_str().unwrap(),
        format!(
            "{}{}{}",
            lang.headline,
            if lang.code == "fr" { " : " } else { ": " },
            lang.title
        )
    );
    assert_eq!(embed["fields"][0]["name"], json!(lang.why));
    assert_eq!(embed["fields"][1]["name"], json!(lang.next_steps));
    let reasons = embed["fields"][0]["value"].as_str().unwrap();
    assert!(reasons.contains(lang.not_yet), "{reasons}");

    let only = h
        .store
        .detail(walkthrough_of(&first), None)
        .await
        .expect("recorded");
    assert_eq!(
        only.walkthrough.lang, lang.code,
        "stored with the walkthrough"
    );
    let decision = only.decision.expect("decided");
    assert_eq!(decision.verdict, VerdictKind::Premature);
    assert!(
        decision.reasons.iter().any(|r| r.contains(lang.not_yet)),
        "the reasons are recorded as the team read them: {:?}",
        decision.reasons
    );
}

fn walkthrough_of(message: &Value) -> WalkthroughId {
    custom_ids(message)[0]
        .split(':')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .map(WalkthroughId)
        .expect("tg1:<id>:...")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_french_proposal_gets_the_whole_walkthrough_in_french() {
    let h = BotHarness::start().await;
    walkthrough_in(&h, &FRENCH).await;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_french_auditor_reads_a_decision_in_french_and_an_english_one_in_english() {
    let h = BotHarness::start().await;
    walkthrough_in(&h, &FRENCH).await;
    let id = h.only_walkthrough().await.walkthrough.id;
    let admin = Invoker {
        user: BOB,
        roles: vec![],
        permissions: payloads::DEFAULT_PERMISSIONS | (1 << 5),
        ..Invoker::default()
    };
    let show = |locale: &str| {
        in_locale(
            payloads::with_invoker(
                payloads::slash_command(
                    "finetune-audit",
                    json!([{ "type": 1, "name": "show", "options": [
                        { "name": "id", "type": 4, "value": id }
                    ] }]),
                ),
                &admin,
            ),
            locale,
        )
    };
    let callback = h.interact(show("fr")).await;
    let embed = callback.body_at("/data/embeds/0").unwrap().to_string();
    for words in [
        "**Proposition**",
        "Verdict : PRÉMATURÉ",
        "Pourquoi",
        "Format de sortie",
    ] {
        assert!(embed.contains(words), "{words}: {embed}");
    }
    let callback = h.interact(show("en-GB")).await;
    let embed = callback.body_at("/data/embeds/0").unwrap().to_string();
    for words in ["**Proposal**", "Verdict: PREMATURE", "Why", "Output format"] {
        assert!(embed.contains(words), "{words}: {embed}");
    }
    // The reasons are recorded as the team read them: in French.
    assert!(embed.contains(FRENCH.not_yet), "{embed}");
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_proposal_gets_the_whole_walkthrough_in_german() {
    let h = BotHarness::start().await;
    walkthrough_in(&h, &GERMAN).await;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spanish_proposal_gets_the_whole_walkthrough_in_spanish() {
    let h = BotHarness::start().await;
    walkthrough_in(&h, &SPANISH).await;
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locale_tunegate_lacks_gets_english_and_a_known_one_its_own_language() {
    let h = BotHarness::start().await;
    let (thread, first) = h
        .propose("I think we should fine-tune the model on our tickets")
        .await;
    assert!(text(&first).contains("**Question 1 of 6**"));
    let bob = speaking(BOB, thread);
    let bogus = payloads::button_click("not-a-tunegate-button", &first);
    let refused = h
        .interact(in_locale(payloads::with_invoker(bogus, &bob), "pt-BR"))
        .await;
    let said = refused.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(
        said.starts_with("This button is not one of tunegate's current buttons"),
        "{said}"
    );
    let refused = click_in(&h, "pt-BR", "dismiss", &first, &bob).await;
    let said = refused.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(
        said.starts_with("Only the person who proposed this"),
        "{said}"
    );
    let refused = click_in(&h, "de", "dismiss", &first, &bob).await;
    let said = refused.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(said.starts_with(GERMAN.refusal), "{said}");
    // The English walkthrough stays English for a French requester's click: the thread's
    // messages speak the walkthrough's language.
    let mark = h.mark();
    let alice = speaking(ALICE, thread);
    let picked = choose_in(&h, "fr", "pick", &["output_format"], &first, &alice).await;
    let edited = picked.body_at("/data/content").unwrap().as_str().unwrap();
    assert!(edited.contains("Output format (answered by"), "{edited}");
    let next = h.posted_in(mark, thread).await;
    assert!(
        text(&next).contains("**Question 2 of 6**"),
        "{}",
        text(&next)
    );
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slash_command_starts_the_walkthrough_in_the_users_locale() {
    let h = BotHarness::start().await;
    let command = payloads::with_invoker(
        payloads::slash_command(
            "finetune",
            json!([{ "type": 1, "name": "check", "options": [
                { "type": 3, "name": "topic", "value": "LoRA pour le support" }
            ] }]),
        ),
        &invoker(ALICE, vec![], CHANNEL_ID),
    );
    let mark = h.mark();
    h.interact(in_locale(command, "fr")).await;
    let thread_req = h
        .expect(mark, "POST", &format!("/channels/{CHANNEL_ID}/threads"))
        .await;
    assert_eq!(
        thread_req.body_at("/name"),
        Some(&json!("Check fine-tuning : LoRA pour le support"))
    );
    let thread: u64 = thread_req.response.as_ref().unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let first = h.posted_in(mark, thread).await;
    assert!(
        text(&first).contains("**Question 1 sur 6**"),
        "{}",
        text(&first)
    );
    let told = h.expect(mark, "POST", "/webhooks/").await;
    let said = told.body_at("/content").unwrap().as_str().unwrap();
    assert!(said.starts_with("Checklist #"), "{said}");
    assert!(said.contains("lancée dans"), "{said}");
    assert_eq!(h.only_walkthrough().await.walkthrough.lang, "fr");
    h.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_registered_commands_their_options_and_choices_carry_discords_localisations() {
    let h = BotHarness::start().await;
    let put = h
        .fake
        .wait_for_request(|r| r.is("PUT", "/commands"), WAIT)
        .await
        .expect("the commands are registered");
    let commands = put.body.unwrap().as_array().unwrap().clone();
    let named = |name: &str| {
        commands
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} is registered: {commands:?}"))
            .clone()
    };
    let finetune = named("finetune");
    for locale in ["fr", "de", "es-ES"] {
        let d = finetune["description_localizations"][locale].as_str();
        assert!(d.is_some_and(|d| !d.is_empty()), "{locale}: {finetune}");
    }
    assert_eq!(
        finetune["description_localizations"]["fr"],
        json!("Checklist fine-tuning : vérifier une proposition avant de se lancer.")
    );
    let check = finetune["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "check")
        .unwrap()
        .clone();
    assert_eq!(
        check["description_localizations"]["de"],
        json!("Die Fine-Tuning-Checkliste starten (in einem neuen Thread oder hier im Thread).")
    );
    assert_eq!(
        check["options"][0]["description_localizations"]["es-ES"],
        json!("Qué se propone, en pocas palabras")
    );
    let audit = named("finetune-audit");
    assert!(
        audit["description_localizations"]["fr"].is_string(),
        "{audit}"
    );
    let option = |command: &Value, name: &str| {
        command["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {command}"))
            .clone()
    };
    // Option names stay English; their descriptions speak each person's language.
    let detection = option(&option(&audit, "settings"), "detection");
    assert_eq!(
        detection["description"],
        json!("Read chat for proposals in this server")
    );
    assert_eq!(
        detection["description_localizations"],
        json!({
            "fr": "Lire le chat de ce serveur pour repérer les propositions",
            "de": "Den Chat dieses Servers nach Vorschlägen lesen",
            "es-ES": "Leer el chat de este servidor en busca de propuestas",
            "es-419": "Leer el chat de este servidor en busca de propuestas",
        })
    );
    // Choices keep their values (their positions) and show their names in each language.
    let verdict = option(&option(&audit, "history"), "verdict");
    assert_eq!(
        verdict["choices"],
        json!([
            {
                "name": "premature",
                "value": 0,
                "name_localizations": {
                    "fr": "prématuré",
                    "de": "verfrüht",
                    "es-ES": "prematuro",
                    "es-419": "prematuro",
                },
            },
            {
                "name": "not justified yet",
                "value": 1,
                "name_localizations": {
                    "fr": "pas encore justifié",
                    "de": "noch nicht gerechtfertigt",
                    "es-ES": "aún no justificado",
                    "es-419": "aún no justificado",
                },
            },
            {
                "name": "justified",
                "value": 2,
                "name_localizations": {
                    "fr": "justifié",
                    "de": "gerechtfertigt",
                    "es-ES": "justificado",
                    "es-419": "justificado",
                },
            },
        ])
    );
    // Every option and choice of every command carries all three languages.
    let mut options: Vec<Value> = commands.clone();
    while let Some(o) = options.pop() {
        if let Some(inner) = o["options"].as_array() {
            for inner in inner {
                for locale in ["fr", "de", "es-ES", "es-419"] {
                    assert!(
                        inner["description_localizations"][locale].is_string(),
                        "{locale}: {inner}"
                    );
                }
                for choice in inner["choices"].as_array().into_iter().flatten() {
                    for locale in ["fr", "de", "es-ES", "es-419"] {
                        assert!(
                            choice["name_localizations"][locale].is_string(),
                            "{locale}: {choice}"
                        );
                    }
                }
            }
            options.extend(inner.iter().cloned());
        }
    }
    let menu = named("Run fine-tune checklist");
    assert_eq!(menu["type"], json!(3));
    assert_eq!(
        menu["name_localizations"]["fr"],
        json!("Lancer la checklist fine-tuning")
    );
    assert_eq!(
        menu["name_localizations"]["de"],
        json!("Fine-Tuning-Checkliste starten")
    );
    h.assert_clean();
}
