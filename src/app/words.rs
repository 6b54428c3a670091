//! Every word tunegate shows to people, in every language it speaks, through Fluent.
//!
//! The built-in messages are the files `locales/<lang>/*.ftl`, compiled into the binary. A team
//! may override single messages with its own files (`<lang>.ftl` in the folder named by the
//! setting `checklist.locales`); such a file is checked when tunegate starts: a key tunegate
//! does not know, a placeholder the built-in message does not have, or a syntax error stops the
//! start with the key and the file in a sentence ([`WordsError`]).
//!
//! [`say`] and [`say_in`] look a message up by key with its placeholders filled. A message
//! missing in one language falls back to English (a test makes sure none is missing), a key
//! missing everywhere is logged and shown as the key itself, never a crash.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::lang::Lang;
use crate::checklist::outcome::OutcomeResult;
use crate::store::OutcomeStats;

/// The built-in locale files: language, path in the repository, text.
pub const BUILT_IN: &[(Lang, &str, &str)] = &[
    (
        Lang::En,
        "locales/en/checklist.ftl",
        include_str!("../../locales/en/checklist.ftl"),
    ),
    (
        Lang::En,
        "locales/en/messages.ftl",
        include_str!("../../locales/en/messages.ftl"),
    ),
    (
        Lang::En,
        "locales/en/bot.ftl",
        include_str!("../../locales/en/bot.ftl"),
    ),
    (
        Lang::En,
        "locales/en/commands.ftl",
        include_str!("../../locales/en/commands.ftl"),
    ),
    (
        Lang::En,
        "locales/en/audit.ftl",
        include_str!("../../locales/en/audit.ftl"),
    ),
    (
        Lang::En,
        "locales/en/cli.ftl",
        include_str!("../../locales/en/cli.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/checklist.ftl",
        include_str!("../../locales/fr/checklist.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/messages.ftl",
        include_str!("../../locales/fr/messages.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/bot.ftl",
        include_str!("../../locales/fr/bot.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/commands.ftl",
        include_str!("../../locales/fr/commands.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/audit.ftl",
        include_str!("../../locales/fr/audit.ftl"),
    ),
    (
        Lang::Fr,
        "locales/fr/cli.ftl",
        include_str!("../../locales/fr/cli.ftl"),
    ),
    (
        Lang::De,
        "locales/de/checklist.ftl",
        include_str!("../../locales/de/checklist.ftl"),
    ),
    (
        Lang::De,
        "locales/de/messages.ftl",
        include_str!("../../locales/de/messages.ftl"),
    ),
    (
        Lang::De,
        "locales/de/bot.ftl",
        include_str!("../../locales/de/bot.ftl"),
    ),
    (
        Lang::De,
        "locales/de/commands.ftl",
        include_str!("../../locales/de/commands.ftl"),
    ),
    (
        Lang::De,
        "locales/de/audit.ftl",
        include_str!("../../locales/de/audit.ftl"),
    ),
    (
        Lang::De,
        "locales/de/cli.ftl",
        include_str!("../../locales/de/cli.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/checklist.ftl",
        include_str!("../../locales/es/checklist.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/messages.ftl",
        include_str!("../../locales/es/messages.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/bot.ftl",
        include_str!("../../locales/es/bot.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/commands.ftl",
        include_str!("../../locales/es/commands.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/audit.ftl",
        include_str!("../../locales/es/audit.ftl"),
    ),
    (
        Lang::Es,
        "locales/es/cli.ftl",
        include_str!("../../locales/es/cli.ftl"),
    ),
];

/// Why the locale files cannot be used. Each names the file, and the key where there is one.
#[derive(Debug, thiserror::Error)]
pub enum WordsError {
    #[error("could not read the locale folder or file {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the locale file {path} is not named after a language tunegate speaks; name it en.ftl, \
         fr.ftl, de.ftl or es.ftl"
    )]
    UnknownLanguage { path: String },
    #[error("the locale file {path} has a syntax error near line {line}: {message}")]
    Syntax {
        path: String,
        line: usize,
        message: String,
    },
    #[error(
        "the locale file {path} overrides `{key}`, which is not a message tunegate has; check \
         its spelling against locales/en/ (only existing messages can be overridden)"
    )]
    UnknownKey { path: String, key: String },
    #[error(
        "the locale file {path} uses the placeholder {{ ${placeholder} }} in `{key}`, which \
         tunegate does not fill for that message; it fills {known}"
    )]
    UnknownPlaceholder {
        path: String,
        key: String,
        placeholder: String,
        known: String,
    },
}

/// The messages of every language, with a team's overrides applied.
pub struct Words {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A message key and the placeholders it uses, per language: what the tests compare.
pub type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn new_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeholders: Discord shows them as they are and
    // they would break mentions, markdown and ids copied from a message.
    bundle.set_use_isolating(false);
    bundle
}

/// Parses one locale file; `path` names it in errors.
fn parse(path: &str, text: &str) -> Result<FluentResource, WordsError> {
    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        let first = errors.first();
        let line = first.map_or(1, |e| {
            text[..e.pos.start.min(text.len())].lines().count().max(1)
        });
        WordsError::Syntax {
            path: path.to_string(),
            line,
            message: first.map_or_else(|| "unreadable".into(), |e| e.kind.to_string()),
        }
    })
}

/// The messages of a resource with the placeholders each uses.
pub fn catalogue_of(resource: &FluentResource) -> Catalogue {
    let mut out = Catalogue::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for p in &arguments.positional {
                inline_vars(p, vars);
            }
            for n in &arguments.named {
                inline_vars(&n.value, vars);
            }
        }
        _ => {}
    }
}

/// The built-in messages of each language with their placeholders, read from the files as
/// shipped (for the tests that keep the languages in step).
pub fn built_in_catalogues() -> Result<BTreeMap<Lang, Catalogue>, WordsError> {
    let mut out: BTreeMap<Lang, Catalogue> = BTreeMap::new();
    for (lang, path, text) in BUILT_IN {
        let resource = parse(path, text)?;
        out.entry(*lang)
            .or_default()
            .extend(catalogue_of(&resource));
    }
    Ok(out)
}

impl Words {
    /// The messages as shipped.
    pub fn built_in() -> Result<Words, WordsError> {
        let mut bundles = BTreeMap::new();
        for (lang, path, text) in BUILT_IN {
            let resource = parse(path, text)?;
            let bundle = bundles.entry(*lang).or_insert_with(|| new_bundle(*lang));
            // Two built-in files defining one key is caught by the tests; the first one wins.
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(
                    path,
                    ?errors,
                    "duplicate messages in a built-in locale file"
                );
            }
        }
        Ok(Words { bundles })
    }

    /// The messages as shipped, with the overrides in `dir` (`en.ftl`, `fr.ftl`, `de.ftl`,
    /// `es.ftl`, each optional). An empty `dir` means no overrides.
    pub fn load(dir: &str) -> Result<Words, WordsError> {
        let mut words = Words::built_in()?;
        if dir.trim().is_empty() {
            return Ok(words);
        }
        let unreadable = |source| WordsError::Unreadable {
            path: dir.to_string(),
            source,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(unreadable)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let path = file.display().to_string();
            let lang = file
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| Lang::ALL.into_iter().find(|l| l.code() == s))
                .ok_or_else(|| WordsError::UnknownLanguage { path: path.clone() })?;
            let text = std::fs::read_to_string(&file).map_err(|source| WordsError::Unreadable {
                path: path.clone(),
                source,
            })?;
            words.add_override(lang, &path, &text)?;
        }
        Ok(words)
    }

    /// Checks one override file against the built-in messages and applies it.
    pub fn add_override(&mut self, lang: Lang, path: &str, text: &str) -> Result<(), WordsError> {
        let resource = parse(path, text)?;
        let built_in = built_in_catalogues()?;
        let known = built_in.get(&Lang::En).cloned().unwrap_or_default();
        for entry in resource.entries() {
            let ast::Entry::Term(t) = entry else {
                continue;
            };
            return Err(WordsError::UnknownKey {
                path: path.to_string(),
                key: format!("-{}", t.id.name),
            });
        }
        for (key, vars) in catalogue_of(&resource) {
            let Some(allowed) = known.get(&key) else {
                return Err(WordsError::UnknownKey {
                    path: path.to_string(),
                    key,
                });
            };
            if let Some(extra) = vars.iter().find(|v| !allowed.contains(*v)) {
                let known = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed
                        .iter()
                        .map(|v| format!("{{ ${v} }}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                return Err(WordsError::UnknownPlaceholder {
                    path: path.to_string(),
                    key,
                    placeholder: extra.clone(),
                    known,
                });
            }
        }
        let bundle = self.bundles.entry(lang).or_insert_with(|| new_bundle(lang));
        bundle.add_resource_overriding(resource);
        Ok(())
    }

    /// The message `key` in `lang` with its placeholders filled, if `lang` has it.
    pub fn get(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so a message can choose its plural form
            // (`{ $count -> [one] ... *[other] ... }`); ids and other text stay text.
            let number = value
                .parse::<i64>()
                .ok()
                .filter(|n| n.to_string() == *value && n.unsigned_abs() < (1 << 53));
            match number {
                Some(n) => fluent_args.set(*name, FluentValue::from(n)),
                None => fluent_args.set(*name, FluentValue::from(*value)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                key,
                lang = lang.code(),
                ?errors,
                "a message lacks an argument"
            );
        }
        Some(text.into_owned())
    }

    /// The message `key` in `lang`; in English when `lang` lacks it; the key itself when no
    /// language has it (logged).
    pub fn say(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        if let Some(text) = self.get(lang, key, args) {
            return text;
        }
        if let Some(text) = self.get(Lang::En, key, args) {
            return text;
        }
        tracing::error!(key, "no message for this key in locales/");
        key.to_string()
    }
}

static BUILT_IN_WORDS: LazyLock<Words> = LazyLock::new(|| {
    // The built-in files are parsed by the tests below, so this cannot fail in a released
    // binary; should it anyway, every message shows its key rather than stopping the bot.
    Words::built_in().unwrap_or_else(|e| {
        tracing::error!(error = %e, "a built-in locale file does not parse");
        Words {
            bundles: BTreeMap::new(),
        }
    })
});

static INSTALLED: OnceLock<Words> = OnceLock::new();

/// Makes `words` (the built-in messages with a team's overrides) the ones this process says.
/// Called once by the composition root; `false` when words were already installed.
pub fn install(words: Words) -> bool {
    INSTALLED.set(words).is_ok()
}

/// The words this process says.
pub fn words() -> &'static Words {
    INSTALLED.get().unwrap_or(&BUILT_IN_WORDS)
}

/// The message `key` in English with each placeholder replaced by its value from `args` (the
/// terminal's operator sentences, logs and `Display`).
pub fn say(key: &str, args: &[(&str, &str)]) -> String {
    words().say(Lang::En, key, args)
}

/// The message `key` in `lang` with each placeholder replaced by its value from `args`.
pub fn say_in(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    words().say(lang, key, args)
}

/// Whether `key` has a message (for tests of the keys the application uses).
pub fn has(key: &str) -> bool {
    words().get(Lang::En, key, &[]).is_some()
}

/// A verdict's name as people read it in `lang` (PREMATURE, PRÉMATURÉ, VERFRÜHT, PREMATURO).
pub fn headline_in(lang: Lang, verdict: crate::checklist::VerdictKind) -> String {
    use crate::checklist::VerdictKind;
    let key = match verdict {
        VerdictKind::Premature => "verdict-headline-premature",
        VerdictKind::NotJustifiedYet => "verdict-headline-not-justified-yet",
        VerdictKind::Justified => "verdict-headline-justified",
    };
    say_in(lang, key, &[])
}

/// A delay in words: "14 days", "36 hours", "90 seconds" (whole units, as settings give them).
pub fn duration_in(lang: Lang, delay: chrono::Duration) -> String {
    let secs = u64::try_from(delay.num_seconds()).unwrap_or(0);
    let (count, unit) = crate::config::largest_whole_unit(secs);
    say_in(
        lang,
        &format!("duration-{unit}s"),
        &[("count", &count.to_string())],
    )
}

/// A recorded result in the words of its follow-up button ("Solved without fine-tuning").
pub fn outcome_result(result: OutcomeResult) -> String {
    outcome_result_in(Lang::En, result)
}

/// [`outcome_result`] in `lang`.
pub fn outcome_result_in(lang: Lang, result: OutcomeResult) -> String {
    say_in(lang, &format!("outcome-result-{}", result.key()), &[])
}

/// The detector's precision in production, one line per action, as `decisions stats` and
/// `/finetune-audit stats` show it.
pub fn detection_precision_lines(d: &crate::store::DetectionPrecision) -> [String; 2] {
    detection_precision_lines_in(Lang::En, d)
}

/// [`detection_precision_lines`] in `lang`.
pub fn detection_precision_lines_in(
    lang: Lang,
    d: &crate::store::DetectionPrecision,
) -> [String; 2] {
    let line = |key: &str, a: &crate::store::ActionPrecision| {
        say_in(
            lang,
            key,
            &[
                ("started", &a.started.to_string()),
                ("dismissed", &a.dismissed.to_string()),
                ("expired", &a.expired.to_string()),
                ("precision", &percent(a.precision)),
            ],
        )
    };
    [
        line("stats-detection-thread", &d.thread),
        line("stats-detection-suggest", &d.suggest),
    ]
}

/// A share (0..=1) as a percentage with one decimal, `-` without any.
pub fn percent(share: Option<f64>) -> String {
    share.map_or("-".into(), |s| format!("{:.1}%", s * 100.0))
}

/// The team's own rate as the lines `decisions stats` and `/finetune-audit stats` both show:
/// PREMATURE decisions and how they turned out next to the assumed "8 in 10", JUSTIFIED ones
/// and how many paid off, and how many decisions still await an outcome.
pub fn outcome_stats_lines(s: &OutcomeStats) -> [String; 3] {
    outcome_stats_lines_in(Lang::En, s)
}

/// [`outcome_stats_lines`] in `lang`.
pub fn outcome_stats_lines_in(lang: Lang, s: &OutcomeStats) -> [String; 3] {
    let assumed = say_in(
        lang,
        "stats-outcomes-assumed",
        &[
            (
                "percent",
                &format!("{:.0}%", s.assumed_solved_share * 100.0),
            ),
            (
                "in_ten",
                &format!("{:.0}", (s.assumed_solved_share * 10.0).round()),
            ),
        ],
    );
    [
        say_in(
            lang,
            "stats-outcomes-premature",
            &[
                ("count", &s.premature_with_outcome.to_string()),
                ("solved", &s.solved.to_string()),
                ("share", &percent(s.solved_share)),
                ("assumed", &assumed),
                ("partly", &s.partly.to_string()),
                ("still_needed", &s.still_needed.to_string()),
            ],
        ),
        say_in(
            lang,
            "stats-outcomes-justified",
            &[
                ("count", &s.justified_with_outcome.to_string()),
                ("paid_off", &s.paid_off.to_string()),
                ("share", &percent(s.paid_off_share)),
                ("no_gain", &s.no_gain.to_string()),
                ("dropped", &s.dropped.to_string()),
            ],
        ),
        say_in(
            lang,
            "stats-outcomes-awaiting",
            &[("awaiting", &s.awaiting.to_string())],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_result_has_the_words_of_its_follow_up_button() {
        for result in OutcomeResult::ALL {
            let words = outcome_result(*result);
            assert!(!words.starts_with("outcome-result-"), "{result}: {words}");
        }
        assert_eq!(
            outcome_result(OutcomeResult::StillNeeded),
            "Still need fine-tuning"
        );
        assert_eq!(
            outcome_result(OutcomeResult::PaidOff),
            "Yes, and it paid off"
        );
    }

    #[test]
    fn the_teams_rate_is_said_next_to_the_assumed_eight_in_ten() {
        let stats = OutcomeStats {
            premature_with_outcome: 4,
            solved: 3,
            partly: 1,
            solved_share: Some(0.75),
            assumed_solved_share: 0.8,
            justified_with_outcome: 0,
            awaiting: 5,
            ..OutcomeStats::default()
        };
        let [premature, justified, awaiting] = outcome_stats_lines(&stats);
        assert_eq!(
            premature,
            "PREMATURE decisions with an outcome: 4. Solved without fine-tuning: 3 (75.0%; the \
             checklist assumes 80%, 8 in 10). Partly: 1. Still need fine-tuning: 0."
        );
        assert_eq!(
            justified,
            "JUSTIFIED decisions with an outcome: 0. Paid off: 0 (-). No clear gain: 0. \
             Dropped: 0."
        );
        assert_eq!(awaiting, "Decisions awaiting an outcome: 5.");
    }

    #[test]
    fn the_built_in_sentences_parse_and_fill_their_placeholders() {
        assert!(Words::built_in().is_ok());
        assert_eq!(
            say("not-in-this-server", &[("id", "7")]),
            "There is no checklist #7 in this server. `/finetune-audit history` lists them."
        );
        assert_eq!(
            say("may-not-answer-roles", &[("roles", "@x")]),
            " or members of @x"
        );
    }

    #[test]
    fn durations_choose_their_plural_form() {
        let day = chrono::Duration::days(1);
        assert_eq!(duration_in(Lang::En, day), "1 day");
        assert_eq!(duration_in(Lang::En, day * 14), "14 days");
        assert_eq!(
            duration_in(Lang::Fr, chrono::Duration::hours(36)),
            "36 heures"
        );
        assert_eq!(duration_in(Lang::De, day), "1 Tag");
        assert_eq!(
            duration_in(Lang::Es, chrono::Duration::seconds(90)),
            "90 segundos"
        );
    }

    #[test]
    fn an_unknown_key_says_the_key() {
        assert_eq!(say("no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn every_key_is_in_every_language_with_the_same_placeholders() {
        let all = built_in_catalogues().unwrap();
        let en = &all[&Lang::En];
        for lang in Lang::ALL {
            let other = all
                .get(&lang)
                .unwrap_or_else(|| panic!("no files for {lang}"));
            for (key, vars) in en {
                let theirs = other
                    .get(key)
                    .unwrap_or_else(|| panic!("`{key}` is missing in locales/{lang}/"));
                assert_eq!(
                    theirs, vars,
                    "placeholders of `{key}` differ in locales/{lang}/"
                );
            }
            for key in other.keys() {
                assert!(
                    en.contains_key(key),
                    "locales/{lang}/ has `{key}`, English does not"
                );
            }
        }
    }

    #[test]
    fn command_words_fit_discords_limits_in_every_language() {
        let all = built_in_catalogues().unwrap();
        let words = Words::built_in().unwrap();
        for lang in Lang::ALL {
            // Command and option descriptions, choice names: 1 to 100 characters.
            let listed = |k: &&String| ["cmd-", "opt-", "choice-"].iter().any(|p| k.starts_with(p));
            for key in all[&lang].keys().filter(listed) {
                let text = words.say(lang, key, &[]);
                let max = if key == "cmd-menu-name" { 32 } else { 100 };
                let n = text.chars().count();
                assert!((1..=max).contains(&n), "{lang} {key}: {n} characters");
            }
        }
    }

    #[test]
    fn no_built_in_file_defines_a_key_twice() {
        for lang in Lang::ALL {
            let mut seen = BTreeSet::new();
            for (l, path, text) in BUILT_IN.iter().filter(|(l, ..)| *l == lang) {
                let resource = parse(path, text).unwrap();
                for key in catalogue_of(&resource).into_keys() {
                    assert!(seen.insert(key.clone()), "{l}: `{key}` again in {path}");
                }
            }
        }
    }

    #[test]
    fn an_override_replaces_one_message_and_keeps_the_others() {
        let mut words = Words::built_in().unwrap();
        words
            .add_override(Lang::Fr, "team/fr.ftl", "review-gone = C'est parti.\n")
            .unwrap();
        assert_eq!(words.say(Lang::Fr, "review-gone", &[]), "C'est parti.");
        assert_ne!(
            words.say(Lang::Fr, "suggestion-gone", &[]),
            "suggestion-gone"
        );
    }

    #[test]
    fn an_override_with_an_unknown_key_or_placeholder_is_refused_with_key_and_file() {
        let mut words = Words::built_in().unwrap();
        let err = words
            .add_override(Lang::De, "team/de.ftl", "no-such-thing = x\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("team/de.ftl") && err.contains("`no-such-thing`"),
            "{err}"
        );
        let err = words
            .add_override(
                Lang::De,
                "team/de.ftl",
                "not-in-this-server = Nr. { $number } fehlt.\n",
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("team/de.ftl"), "{err}");
        assert!(
            err.contains("`not-in-this-server`") && err.contains("$number"),
            "{err}"
        );
        assert!(err.contains("{ $id }"), "{err}");
        let err = words
            .add_override(Lang::Es, "team/es.ftl", "review-gone = { $\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("team/es.ftl") && err.contains("syntax"),
            "{err}"
        );
    }
}
