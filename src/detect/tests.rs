//! Behaviour of the detector, one test per promise made in the issues.
//!
//! Most tests check the hand-written rules through [`Detector::detect_rules`]: since the learned
//! model arrived (issue 12) the rules no longer decide alone, their conclusions are features of
//! the model, and these tests keep those conclusions right. The tests at the end check what the
//! model-backed [`Detector::detect`] promises: actions, thresholds, configured phrases. The
//! corpora in `tests/data/` measure both at scale.

use super::*;

fn settings(languages: &[&str], phrases: &[&str], exclusions: &[&str]) -> DetectSettings {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    DetectSettings {
        enabled: true,
        languages: owned(languages),
        extra_phrases: owned(phrases),
        extra_exclusions: owned(exclusions),
        thread_threshold: DEFAULT_THREAD_THRESHOLD,
        suggest_threshold: DEFAULT_SUGGEST_THRESHOLD,
        suggest_expires_minutes: DEFAULT_SUGGEST_EXPIRES_MINUTES,
        model_file: String::new(),
    }
}

fn detector() -> Detector {
    Detector::new(&settings(&["en", "fr", "de", "es"], &[], &[])).unwrap()
}

#[track_caller]
fn assert_triggers(texts: &[&str]) {
    let d = detector();
    for text in texts {
        let got = d.detect_rules(text);
        assert!(
            got.triggered,
            "should trigger: {text:?}\n  got: {}",
            got.reason
        );
        assert!(got.reason.starts_with("proposal: "), "{}", got.reason);
        assert!(got.matched.is_some());
    }
}

#[track_caller]
fn assert_quiet(texts: &[&str], reason_contains: &str) {
    let d = detector();
    for text in texts {
        let got = d.detect_rules(text);
        assert!(
            !got.triggered,
            "should stay quiet: {text:?}\n  got: {}",
            got.reason
        );
        assert!(
            got.reason.contains(reason_contains),
            "{text:?}: expected a reason with {reason_contains:?}, got {:?}",
            got.reason
        );
    }
}

// --- 2. Proposals and questions, in many phrasings

#[test]
fn the_phrasings_named_in_the_issue_trigger() {
    assert_triggers(&[
        "we should fine-tune",
        "let's finetune llama on our data",
        "maybe fine tuning would help",
        "should we fine-tune?",
        "why don't we train our own model",
        "can we FT a smaller model",
        "a LoRA on our tickets would fix this",
        "an adapter on our tickets would fix this",
        "retrain the model on our data",
    ]);
}

#[test]
fn typos_and_spacing_variants_trigger() {
    assert_triggers(&[
        "we should fine tune",
        "we should finetune",
        "we should fine-tunning the model",
        "we should fien-tune it",
        "we should FINE-TUNE",
        "we should fine - tune the model",
        "we should fine–tune the model",
        "lets fintune a model",
        "maybe   fine    tuning   would help",
        "why dont we train our own model",
    ]);
}

#[test]
fn a_proposal_inside_a_longer_message_triggers() {
    assert_triggers(&[
        "Back from lunch. The router keeps sending billing questions to sales, and the prompt \
         is 8k tokens already. I think we should fine-tune a small classifier on last \
         quarter's tickets. Thoughts?",
    ]);
}

#[test]
fn mentions_links_emoji_and_markdown_around_a_proposal_do_not_hide_it() {
    assert_triggers(&[
        "<@123456789> we should fine-tune 🚀",
        "see https://example.com/a-post — we should **fine-tune** llama",
        "**Proposal:** _fine-tune_ a model on our tickets <:thinking:987654321>",
        "||spoiler|| maybe fine-tuning would help? :eyes:",
    ]);
}

#[test]
fn the_matched_phrase_and_language_are_reported_for_quoting() {
    let got = detector().detect_rules("honestly, we should fine-tune the model on our tickets");
    assert_eq!(got.matched.as_deref(), Some("we should fine-tune"));
    assert_eq!(got.reason, "proposal: \"we should fine-tune\" (en)");
    assert_eq!(got.language, Some("en"));
}

// --- 3. Staying quiet

#[test]
fn negations_and_rejections_stay_quiet() {
    assert_quiet(
        &[
            "we should not fine-tune",
            "we shouldn't fine-tune yet",
            "no need to fine-tune",
            "let's not fine-tune",
            "I don't think we should fine-tune",
        ],
        "negated",
    );
    assert_quiet(
        &[
            "fine-tuning is premature",
            "fine-tuning would be overkill here",
            "fine-tuning won't fix this",
        ],
        "rejected",
    );
}

#[test]
fn a_rhetorical_negated_question_is_still_a_proposal() {
    assert_triggers(&[
        "shouldn't we fine-tune at this point?",
        "can't we just fine-tune a small model?",
        "pourquoi ne pas fine-tuner le modèle ?",
        "sollten wir nicht das Modell feintunen?",
        "¿por qué no reentrenamos el modelo?",
    ]);
}

#[test]
fn reports_of_past_work_stay_quiet() {
    assert_quiet(
        &[
            "the fine-tuned model is live",
            "I fine-tuned it last week",
            "we already retrained the model on the new data",
            "finished fine-tuning the reranker yesterday",
        ],
        "past work",
    );
}

#[test]
fn how_to_questions_about_a_fine_tuning_error_stay_quiet() {
    assert_quiet(
        &[
            "getting CUDA out of memory when fine-tuning llama, any ideas?",
            "fine-tuning crashes with KeyError 'labels'",
            "how do I fix the NaN loss in my fine-tuning run?",
        ],
        "problem",
    );
}

#[test]
fn other_senses_of_the_words_stay_quiet() {
    assert_quiet(
        &[
            "let's fine-tune the CSS",
            "we should fine-tune the alert thresholds",
        ],
        "sense",
    );
    assert_quiet(&["we should train the new hires on the runbook"], "sense");
    assert_quiet(
        &["tune the cron job", "fine, tune in at 3"],
        "no trigger vocabulary",
    );
    assert_quiet(
        &["we need fine-grained permissions"],
        "no trigger vocabulary",
    );
    assert_quiet(&["the HDMI adapter is broken, we should buy one"], "sense");
}

#[test]
fn text_inside_code_blocks_inline_code_and_quotes_is_ignored() {
    assert_quiet(
        &[
            "```\n# we should fine-tune here\nfinetune(model)\n```",
            "`we should fine-tune` is the phrase the bot listens for",
            "> we should fine-tune the model\nthat was the old plan",
            ">>> should we fine-tune?\nno",
        ],
        "outside code",
    );
}

#[test]
fn a_proposal_next_to_code_still_triggers() {
    assert_triggers(&["```\nloss = 2.3\n```\nwe should fine-tune the model, the loss is flat"]);
}

#[test]
fn ordinary_chat_has_no_trigger_vocabulary() {
    assert_quiet(
        &["lunch at 12?", "that's fine by me", "", "🎉🎉🎉"],
        "no trigger vocabulary",
    );
}

// --- 4. Languages and configuration

#[test]
fn french_german_and_spanish_proposals_trigger() {
    assert_triggers(&[
        "on devrait fine-tuner le modèle",
        "wir sollten das Modell feintunen",
        "deberíamos hacer fine-tuning",
        "et si on entraînait notre propre modèle sur nos tickets ?",
        "lass uns ein eigenes Modell trainieren",
        "¿y si afinamos el modelo con nuestros datos?",
    ]);
    let got = detector().detect("wir sollten das Modell feintunen");
    assert_eq!(got.language, Some("de"));
}

#[test]
fn french_german_and_spanish_negations_stay_quiet() {
    assert_quiet(
        &[
            "on ne devrait pas fine-tuner",
            "wir sollten das Modell nicht feintunen",
            "no deberíamos hacer fine-tuning",
        ],
        "negated",
    );
}

#[test]
fn only_configured_languages_are_recognised() {
    let english_only = Detector::new(&settings(&["en"], &[], &[])).unwrap();
    assert!(
        !english_only
            .detect_rules("wir sollten das Modell feintunen")
            .triggered
    );
    assert!(
        !english_only
            .detect_rules("deberíamos hacer fine-tuning")
            .triggered
    );
    assert!(english_only.detect_rules("we should fine-tune").triggered);
}

#[test]
fn a_configured_phrase_suggests_case_and_accent_insensitively() {
    let d = Detector::new(&settings(&["en"], &["distill a student model"], &[])).unwrap();
    let got = d.detect("OK so we DISTILL A STUDENT MODEL from gpt-4?");
    assert_eq!(got.action, Action::Suggest, "{}", got.reason);
    assert_eq!(
        got.reason,
        "suggest: configured phrase \"distill a student model\""
    );
    let d = Detector::new(&settings(&["en"], &["modèle maison"], &[])).unwrap();
    assert_eq!(
        d.detect("un MODELE MAISON peut-être").action,
        Action::Suggest
    );
    assert_eq!(d.detect("un modèle   maison").action, Action::Suggest);
}

#[test]
fn a_configured_phrase_inside_code_does_not_trigger() {
    let d = Detector::new(&settings(&["en"], &["distill"], &[])).unwrap();
    assert_eq!(d.detect("`distill()` is slow").action, Action::None);
}

#[test]
fn a_configured_exclusion_silences_a_message() {
    let d = Detector::new(&settings(&["en"], &[], &["#fine-tune-club"])).unwrap();
    let got = d.detect("we should fine-tune, see #fine-tune-club");
    assert!(!got.triggered);
    assert_eq!(got.action, Action::None);
    assert_eq!(
        got.reason,
        "ignored: matches the configured exclusion \"#fine-tune-club\""
    );
    assert!(d.detect("we should fine-tune").triggered);
}

#[test]
fn disabled_settings_do_not_change_the_verdict() {
    let mut s = settings(&["en"], &[], &[]);
    s.enabled = false;
    assert!(
        Detector::new(&s)
            .unwrap()
            .detect("we should fine-tune")
            .triggered
    );
}

#[test]
fn an_unknown_language_or_a_short_phrase_is_a_named_setting_error() {
    let (key, problem) = settings(&["en", "pt"], &[], &[]).validate().unwrap_err();
    assert_eq!(key, "languages");
    assert!(
        problem.contains("\"pt\"") && problem.contains("en, fr, de, es"),
        "{problem}"
    );
    let (key, problem) = settings(&[], &[], &[]).validate().unwrap_err();
    assert_eq!(key, "languages");
    assert!(problem.contains("at least one"), "{problem}");
    let (key, problem) = settings(&["en"], &["ok", " "], &[]).validate().unwrap_err();
    assert_eq!(key, "extra_phrases");
    assert!(problem.contains("entry 1"), "{problem}");
    let (key, _) = settings(&["en"], &[], &[""]).validate().unwrap_err();
    assert_eq!(key, "extra_exclusions");
    let err = Detector::new(&settings(&["xx"], &[], &[])).unwrap_err();
    assert!(err.to_string().contains("languages"), "{err}");
}

#[test]
fn the_shipped_defaults_are_valid() {
    #[derive(serde::Deserialize)]
    struct Defaults {
        detect: DetectSettings,
    }
    let defaults: Defaults = toml::from_str(crate::config::DEFAULT_TOML).unwrap();
    assert_eq!(defaults.detect.validate(), Ok(()));
    Detector::new(&defaults.detect).unwrap();
}

#[test]
fn the_prefilter_never_changes_a_verdict_on_the_corpus() {
    let d = detector();
    for file in [
        include_str!("../../tests/data/detect_corpus.tsv"),
        include_str!("../../tests/data/detect_heldout.tsv"),
    ] {
        for line in file
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let text = line
                .splitn(3, '\t')
                .nth(2)
                .unwrap_or("")
                .replace("\\n", "\n");
            let unfiltered = d.analyze(&text, &mask_markup(&text)).0;
            if unfiltered.triggered || unfiltered.reason.starts_with("ignored") {
                assert!(d.prefilter.may_match(&text), "the prefilter drops {text:?}");
            }
        }
    }
}

#[test]
fn a_huge_message_is_judged_on_its_first_four_thousand_characters() {
    let detector = detector();
    let proposal = "we should fine-tune the model. ";
    // Padding dilutes the model's score (a thread becomes a suggestion), but the proposal is
    // still seen when it comes first, and never when it comes after the limit.
    let early = format!("{proposal}{}", "x ".repeat(100_000));
    assert_ne!(detector.detect(&early).action, Action::None);
    let late = format!("{}{proposal}", "x ".repeat(100_000));
    let got = detector.detect(&late);
    assert_eq!(
        (got.action, got.triggered),
        (Action::None, false),
        "beyond the limit is not read"
    );
}

// --- The learned model (issue 12)

#[test]
fn a_plain_proposal_opens_a_thread_and_chatter_does_nothing() {
    let d = detector();
    let got = d.detect("we should fine-tune the model on our support tickets");
    assert_eq!(got.action, Action::Thread, "{}", got.reason);
    assert!(got.triggered);
    let got = d.detect("lunch at noon?");
    assert_eq!((got.action, got.score), (Action::None, 0.0));
}

#[test]
fn the_action_follows_the_configured_thresholds() {
    let text = "maybe fine-tuning would help with the JSON format";
    let score = detector().detect(text).score;
    assert!((0.0..=1.0).contains(&score));
    let mut s = settings(&["en"], &[], &[]);
    s.thread_threshold = 1.0;
    s.suggest_threshold = (score - 0.01).max(0.01);
    assert_eq!(
        Detector::new(&s).unwrap().detect(text).action,
        Action::Suggest
    );
    s.suggest_threshold = 1.0;
    assert_eq!(Detector::new(&s).unwrap().detect(text).action, Action::None);
}

#[test]
fn thresholds_out_of_range_or_in_the_wrong_order_are_named_setting_errors() {
    let mut s = settings(&["en"], &[], &[]);
    s.thread_threshold = 1.5;
    assert_eq!(s.validate().unwrap_err().0, "thread_threshold");
    let mut s = settings(&["en"], &[], &[]);
    s.suggest_threshold = 0.0;
    assert_eq!(s.validate().unwrap_err().0, "suggest_threshold");
    let mut s = settings(&["en"], &[], &[]);
    s.suggest_threshold = 0.9;
    s.thread_threshold = 0.5;
    let (key, problem) = s.validate().unwrap_err();
    assert_eq!(key, "suggest_threshold");
    assert!(problem.contains("thread_threshold"), "{problem}");
}

#[test]
fn hostile_input_gets_a_score_in_range_without_panicking() {
    let d = detector();
    for text in [
        "fine\u{200b}-tune\u{200d} it?".to_string(),
        "🎉".repeat(10_000),
        format!("we should fine-tune {}", "ß".repeat(50_000)),
        "\u{0}\u{1}lora\u{7f}".to_string(),
    ] {
        let got = d.detect(&text);
        assert!((0.0..=1.0).contains(&got.score), "{}", got.score);
    }
}

#[test]
fn a_model_file_replaces_the_built_in_model() {
    // A model whose weights are all zero scores every message 0.5: clearly not the built-in one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team-model.bin");
    let bytes = LinearModel::zeros().to_bytes();
    std::fs::write(&path, &bytes).unwrap();
    let mut s = settings(&["en"], &[], &[]);
    s.model_file = path.display().to_string();
    let d = Detector::new(&s).unwrap();
    assert_eq!(d.model_id(), model_id_of(&bytes));
    assert_ne!(d.model_id(), embedded_model_id());
    let got = d.detect("we should fine-tune the model");
    assert_eq!(got.score, 0.5);
    // The built-in detector scores the same message otherwise, and says which model it is.
    assert_eq!(detector().model_id(), embedded_model_id());
    assert_ne!(
        detector().detect("we should fine-tune the model").score,
        0.5
    );
}

#[test]
fn a_model_file_that_is_missing_or_not_a_model_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("notes.txt");
    std::fs::write(&garbage, "we should fine-tune").unwrap();
    let missing = dir.path().join("missing.bin");
    for (path, problem) in [
        (&missing, "No such file"),
        (&garbage, "not a detector model file"),
    ] {
        let mut s = settings(&["en"], &[], &[]);
        s.model_file = path.display().to_string();
        let err = Detector::new(&s).unwrap_err().to_string();
        for part in [
            &path.display().to_string(),
            problem,
            "tunegate detect train",
        ] {
            assert!(err.contains(part), "{part:?} not in {err}");
        }
    }
    // Blank means the built-in model.
    let mut s = settings(&["en"], &[], &[]);
    s.model_file = "  ".to_string();
    assert_eq!(Detector::new(&s).unwrap().model_id(), embedded_model_id());
}
