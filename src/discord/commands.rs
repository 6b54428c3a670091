//! Slash commands and the message context menu, with poise, and the framework around them.
//!
//! `/finetune check [topic]` starts a walkthrough (in a new thread, or in place inside a
//! thread); the "Run fine-tune checklist" message command starts one on any message;
//! `/finetune cancel` cancels this thread's open walkthrough; `/finetune resume` shows its
//! current question again; `/finetune help` explains. Answers are ephemeral, so the channel
//! sees only the walkthrough itself. The audit commands are their own top-level command,
//! `/finetune-audit`, registered here and living in [`super::audit`], so that servers can grant
//! them per role in Server Settings.

use std::sync::Arc;

use poise::serenity_prelude as serenity;
use serenity::{ChannelId, CreateAllowedMentions, CreateMessage, GuildId};

use super::audit::{self, finetune_audit};
use super::reply::{CommandError, Ctx, Refusal, lang_of, refusal_in, refuse};
use super::start::{Anchor, begin};
use super::{Bot, access, events, render};
use crate::app::words::say_in;
use crate::app::{Here, Lang, ServerId, Source};

/// Every command the bot registers: `/finetune`, `/finetune-audit` and the message menu, with
/// their descriptions in every language tunegate speaks.
pub fn list() -> Vec<poise::Command<Arc<Bot>, CommandError>> {
    let mut commands = declared();
    for command in &mut commands {
        localise(command, "");
    }
    commands
}

/// Every command as declared below, before [`localise`] gives it its words.
fn declared() -> Vec<poise::Command<Arc<Bot>, CommandError>> {
    vec![finetune(), finetune_audit(), run_fine_tune_checklist()]
}

/// The Fluent key of a command's description, by its qualified name.
fn description_key(qualified_name: &str) -> Option<&'static str> {
    Some(match qualified_name {
        "finetune" => "cmd-finetune-description",
        "finetune check" => "cmd-check-description",
        "finetune cancel" => "cmd-cancel-description",
        "finetune resume" => "cmd-resume-description",
        "finetune help" => "cmd-help-description",
        "finetune-audit" => "cmd-audit-description",
        "finetune-audit history" => "cmd-audit-history-description",
        "finetune-audit show" => "cmd-audit-show-description",
        "finetune-audit review" => "cmd-audit-review-description",
        "finetune-audit outcome" => "cmd-audit-outcome-description",
        "finetune-audit stats" => "cmd-audit-stats-description",
        "finetune-audit export" => "cmd-audit-export-description",
        "finetune-audit settings" => "cmd-audit-settings-description",
        "finetune-audit help" => "cmd-audit-help-description",
        _ => return None,
    })
}

/// `key` in every language but English (the commands' own words), under Discord's locale
/// codes.
fn localisations(
    key: &str,
) -> Vec<(
    std::borrow::Cow<'static, str>,
    std::borrow::Cow<'static, str>,
)> {
    Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::En)
        .flat_map(|lang| {
            let text = say_in(lang, key, &[]);
            lang.discord_locales()
                .iter()
                .map(move |code| ((*code).into(), text.clone().into()))
        })
        .collect()
}

/// Sets the words Discord lists for `command`, its options and subcommands, in English and
/// with their localisations, and returns the Fluent keys it looked up (the tests check that
/// each exists, so no command, option or choice ships English-only):
///
/// - a command's description: [`description_key`];
/// - an option's description: `opt-<command path>-<option>`, spaces and `_` as `-`
///   (`opt-finetune-audit-history-verdict`);
/// - a choice's name: `choice-<option>-<variant>`, the enum variant in kebab case
///   (`choice-verdict-not-justified-yet`). Discord sends a choice back by its index, so only
///   the words it shows change, never what the bot receives.
///
/// Slash command and option names stay as they are in every language, so `/finetune check` in
/// every message is what people type; the message menu's name is localised at registration
/// ([`application_commands`]).
fn localise(command: &mut poise::Command<Arc<Bot>, CommandError>, parent: &str) -> Vec<String> {
    if command.slash_action.is_none() {
        // A message menu entry: Discord lists only its name, no description, no options.
        return Vec::new();
    }
    // poise fills `qualified_name` in only when the framework is built: spell it out here.
    let path = if parent.is_empty() {
        command.name.to_string()
    } else {
        format!("{parent} {}", command.name)
    };
    let mut keys = Vec::new();
    match description_key(&path) {
        Some(key) => {
            command.description = Some(say_in(Lang::En, key, &[]).into());
            command.description_localizations = localisations(key).into();
            keys.push(key.to_string());
        }
        // The tests find no message under this key and name the command.
        None => keys.push(format!("cmd-{path}-description")),
    }
    for parameter in &mut command.parameters {
        let key = option_key(&path, &parameter.name);
        parameter.description = Some(say_in(Lang::En, &key, &[]).into());
        parameter.description_localizations = localisations(&key).into();
        keys.push(key);
        let option = parameter.name.clone();
        for choice in parameter.choices.to_mut() {
            let key = choice_key(&option, &choice.name);
            choice.name = say_in(Lang::En, &key, &[]).into();
            choice.localizations = localisations(&key).into();
            keys.push(key);
        }
    }
    for sub in &mut command.subcommands {
        keys.extend(localise(sub, &path));
    }
    keys
}

/// The Fluent key of an option's description: `opt-finetune-audit-history-verdict`.
fn option_key(command_path: &str, option: &str) -> String {
    format!("opt-{command_path}-{option}").replace([' ', '_'], "-")
}

/// The Fluent key of a choice's name, from its option and its enum variant as poise names it
/// (`NotJustifiedYet` -> `choice-verdict-not-justified-yet`).
fn choice_key(option: &str, variant: &str) -> String {
    let mut key = format!("choice-{option}-").replace('_', "-");
    for (i, c) in variant.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            key.push('-');
        }
        key.extend(c.to_lowercase());
    }
    key
}

/// The commands as Discord registers them (one bulk overwrite): poise's builders, with the
/// message menu entry's name localised (poise does not do that for context menus).
pub fn application_commands() -> Vec<serenity::CreateCommand> {
    let mut out = Vec::new();
    for command in list() {
        if let Some(slash) = command.create_as_slash_command() {
            out.push(slash);
        }
        if let Some(mut menu) = command.create_as_context_menu_command() {
            for (locale, name) in localisations("cmd-menu-name") {
                menu = menu.name_localized(locale, name);
            }
            out.push(menu);
        }
    }
    out
}

/// Builds the poise framework: commands, the event handler, errors, registration.
pub fn framework(bot: Arc<Bot>) -> poise::Framework<Arc<Bot>, CommandError> {
    let dev_guild = bot.settings.discord.dev_guild_id;
    // Of several processes, only the one running shard 0 registers the commands.
    let registers = bot
        .settings
        .shard_plan()
        .map_or(true, |plan| plan.registers_commands());
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: list(),
            event_handler: |framework, event| {
                Box::pin(async move {
                    events::handle(framework.serenity_context, event, framework.user_data).await;
                    Ok(())
                })
            },
            on_error: |error| Box::pin(on_error(error)),
            allowed_mentions: Some(CreateAllowedMentions::new().empty_users().empty_roles()),
            ..Default::default()
        })
        .setup(move |ctx, _ready, _framework| {
            Box::pin(async move {
                if !registers {
                    tracing::info!("not registering the slash commands: shard 0 runs elsewhere");
                    return Ok(bot);
                }
                let commands = application_commands();
                let registered = if dev_guild != 0 {
                    GuildId::new(dev_guild)
                        .set_commands(ctx, commands)
                        .await
                        .map(|_| ())
                } else {
                    serenity::Command::set_global_commands(ctx, commands)
                        .await
                        .map(|_| ())
                };
                if let Err(e) = registered {
                    // The bot still answers buttons; commands come back on the next start.
                    tracing::error!(error = %e, "could not register the slash commands");
                }
                Ok(bot)
            })
        })
        .build()
}

async fn on_error(error: poise::FrameworkError<'_, Arc<Bot>, CommandError>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            let text = match error.downcast_ref::<Refusal>() {
                Some(refusal) => refusal.0.clone(),
                None => {
                    tracing::error!(command = %ctx.command().qualified_name, error = %error, "command failed");
                    say_in(lang_of(ctx), "command-failed", &[])
                }
            };
            let reply = poise::CreateReply::default().content(text).ephemeral(true);
            if let Err(e) = ctx.send(reply).await {
                tracing::warn!(error = %e, "could not report a command error");
            }
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!(error = %e, "could not report a framework error");
            }
        }
    }
}

async fn say(ctx: Ctx<'_>, text: impl Into<String>) -> Result<(), CommandError> {
    ctx.send(
        poise::CreateReply::default()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions()),
    )
    .await?;
    Ok(())
}

/// Fine-tuning checklist: check a proposal before anyone fine-tunes.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("check", "cancel", "resume", "help"),
    subcommand_required
)]
pub async fn finetune(_ctx: Ctx<'_>) -> Result<(), CommandError> {
    Ok(())
}

/// Start the fine-tuning checklist (in a new thread, or here inside a thread).
#[poise::command(slash_command, guild_only)]
async fn check(
    ctx: Ctx<'_>,
    #[max_length = 500] topic: Option<String>,
) -> Result<(), CommandError> {
    ctx.defer_ephemeral().await?;
    let lang = lang_of(ctx);
    let t = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse(t("use-in-server", &[])))?;
    let channel = ctx.channel_id();
    let in_thread = is_thread(ctx, channel).await;
    let anchor = if in_thread {
        Anchor::InPlace
    } else {
        Anchor::NewThread
    };
    let topic = topic.unwrap_or_else(|| t("default-topic", &[]));
    let author = ctx.author();
    let begun = begin(
        ctx.data(),
        lang,
        Source::Command,
        guild.into(),
        channel,
        anchor,
        (author.id, author.name.clone()),
        topic,
    )
    .await
    .map_err(|e| refuse(t("could-not-start", &[("error", &start_error(lang, &e))])))?;
    let id = begun.record.id.to_string();
    let mut text = match begun.home {
        Some(home) => t(
            "started-in",
            &[("id", &id), ("home", &format!("<#{home}>"))],
        ),
        None => t("started", &[("id", &id)]),
    };
    if begun.thread_refused {
        text.push_str(&t("started-no-thread", &[]));
    }
    say(ctx, text).await
}

/// Run the fine-tuning checklist on this message.
#[poise::command(context_menu_command = "Run fine-tune checklist", guild_only)]
async fn run_fine_tune_checklist(
    ctx: Ctx<'_>,
    message: serenity::Message,
) -> Result<(), CommandError> {
    ctx.defer_ephemeral().await?;
    let lang = lang_of(ctx);
    let t = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse(t("use-in-server", &[])))?;
    // The proposer is the message's author, unless that is a bot: then whoever asked.
    let requester = if message.author.bot {
        ctx.author().clone()
    } else {
        message.author.clone()
    };
    let text = if message.content.trim().is_empty() {
        t("no-text-message", &[])
    } else {
        message.content.clone()
    };
    let begun = begin(
        ctx.data(),
        lang,
        Source::MessageAction,
        guild.into(),
        message.channel_id,
        Anchor::Message(message.id),
        (requester.id, requester.name.clone()),
        text,
    )
    .await
    .map_err(|e| refuse(t("could-not-start", &[("error", &start_error(lang, &e))])))?;
    let id = begun.record.id.to_string();
    let text = match (begun.created, begun.home) {
        (false, _) => t("already-has-checklist", &[("id", &id)]),
        (true, Some(home)) => t(
            "started-in",
            &[("id", &id), ("home", &format!("<#{home}>"))],
        ),
        (true, None) => t("started", &[("id", &id)]),
    };
    say(ctx, text).await
}

/// Cancel the open checklist of this thread.
#[poise::command(slash_command, guild_only)]
async fn cancel(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let bot = ctx.data();
    let lang = lang_of(ctx);
    let actor = access::actor(ctx.author(), &member_roles(ctx));
    let record = bot
        .app
        .cancel(&actor, here(ctx), bot.now())
        .await
        .map_err(|e| refusal_in(lang, e))?;
    let id = record.id.to_string();
    // The thread reads the walkthrough's language; the person who cancelled reads theirs.
    let notice = CreateMessage::new()
        .content(say_in(
            record.language(),
            "cancelled-notice",
            &[("id", &id), ("by", &format!("<@{}>", ctx.author().id))],
        ))
        .allowed_mentions(render::no_mentions());
    if let Err(e) = bot.rest.post_message(ctx.channel_id(), &notice).await {
        tracing::warn!(walkthrough_id = %record.id, error = %e, "could not post the cancellation");
    }
    say(ctx, say_in(lang, "cancelled", &[("id", &id)])).await
}

/// Show the current question of this thread's checklist again.
#[poise::command(slash_command, guild_only)]
async fn resume(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let bot = ctx.data();
    let lang = lang_of(ctx);
    let record = bot
        .app
        .open_walkthrough_here(here(ctx))
        .await
        .map_err(|e| refusal_in(lang, e))?;
    let asked = record.language();
    let (text, rows) = render::question(
        asked,
        bot.app.content_in(asked),
        record.id,
        record.step,
        None,
    );
    let message = CreateMessage::new()
        .content(text)
        .components(rows)
        .allowed_mentions(render::no_mentions());
    bot.rest
        .post_message(ctx.channel_id(), &message)
        .await
        .map_err(|e| {
            refuse(say_in(
                lang,
                "could-not-post-question",
                &[("error", &e.to_string())],
            ))
        })?;
    say(
        ctx,
        say_in(lang, "current-question", &[("id", &record.id.to_string())]),
    )
    .await
}

/// Where the command was used, in the application's terms.
fn here(ctx: Ctx<'_>) -> Here {
    Here {
        server: ctx.guild_id().map(ServerId::from),
        room: ctx.channel_id().into(),
    }
}

/// How tunegate works.
#[poise::command(slash_command)]
async fn help(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let lang = lang_of(ctx);
    let content = ctx.data().app.content_in(lang);
    let t = |key: &str| say_in(lang, key, &[]);
    let reviewers = if ctx.data().app.rules().answer_roles.is_empty() {
        String::new()
    } else {
        t("help-reviewers")
    };
    let text = [
        content.render(content.intro.trim()),
        format!("{}\n{}", t("help-commands-heading"), t("help-commands")),
        format!(
            "{}\n{}\n{}",
            t("help-auditing-heading"),
            t("audit-help-commands"),
            audit::who_may_audit_in(lang, ctx.data())
        ),
        say_in(lang, "help-notice", &[("reviewers", &reviewers)]),
    ]
    .join("\n\n");
    say(ctx, text).await
}

/// Why a walkthrough did not start, in `lang` when it is the person's to hear.
fn start_error(lang: Lang, error: &super::start::BeginError) -> String {
    match error {
        super::start::BeginError::App(e) => super::reply::words_in(lang, e),
        other => other.to_string(),
    }
}

fn member_roles(ctx: Ctx<'_>) -> Vec<serenity::RoleId> {
    match ctx {
        poise::Context::Application(app) => app
            .interaction
            .member
            .as_ref()
            .map(|m| m.roles.clone())
            .unwrap_or_default(),
        poise::Context::Prefix(_) => Vec::new(),
    }
}

/// Whether the command was used inside a thread (public, private or announcement).
async fn is_thread(ctx: Ctx<'_>, channel: ChannelId) -> bool {
    if let poise::Context::Application(app) = ctx
        && let Some(ch) = &app.interaction.channel
    {
        return matches!(
            ch.kind,
            serenity::ChannelType::PublicThread
                | serenity::ChannelType::PrivateThread
                | serenity::ChannelType::NewsThread
        );
    }
    // Without the partial channel in the interaction, ask Discord.
    match channel.to_channel(ctx).await {
        Ok(serenity::Channel::Guild(ch)) => ch.thread_metadata.is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::words::{Words, built_in_catalogues};

    /// The Fluent keys the registered commands look up, from a fresh list.
    fn keys_used() -> Vec<String> {
        let mut keys = vec!["cmd-menu-name".to_string()];
        for mut command in declared() {
            keys.extend(localise(&mut command, ""));
        }
        keys
    }

    #[test]
    fn every_command_option_and_choice_has_its_words_in_every_language() {
        let catalogues = built_in_catalogues().unwrap();
        let mut missing = Vec::new();
        for key in keys_used() {
            for (lang, keys) in &catalogues {
                if !keys.contains_key(&key) {
                    missing.push(format!("{key} (locales/{lang}/)"));
                }
            }
        }
        assert!(missing.is_empty(), "no words for: {missing:#?}");
    }

    #[test]
    fn every_option_and_choice_key_in_the_locale_files_belongs_to_a_command() {
        let used = keys_used();
        let en = &built_in_catalogues().unwrap()[&Lang::En];
        for key in en.keys() {
            if key.starts_with("opt-") || key.starts_with("choice-") || key.starts_with("cmd-") {
                assert!(
                    used.contains(key),
                    "`{key}` is in the locale files, no command uses it"
                );
            }
        }
    }

    #[test]
    fn options_and_choices_are_registered_with_the_fluent_words() {
        let audit = list()
            .into_iter()
            .find(|c| c.name == "finetune-audit")
            .unwrap();
        let history = audit
            .subcommands
            .iter()
            .find(|c| c.name == "history")
            .unwrap();
        let verdict = history
            .parameters
            .iter()
            .find(|p| p.name == "verdict")
            .unwrap();
        let words = Words::built_in().unwrap();
        assert_eq!(
            verdict.description.as_deref(),
            Some(
                words
                    .say(Lang::En, "opt-finetune-audit-history-verdict", &[])
                    .as_str()
            )
        );
        let names: Vec<&str> = verdict.choices.iter().map(|c| c.name.as_ref()).collect();
        assert_eq!(names, ["premature", "not justified yet", "justified"]);
        let french = verdict.choices[1]
            .localizations
            .iter()
            .find(|(locale, _)| locale == "fr")
            .map(|(_, name)| name.to_string());
        assert_eq!(
            french,
            Some(words.say(Lang::Fr, "choice-verdict-not-justified-yet", &[]))
        );
    }

    #[test]
    fn a_choice_key_is_its_option_and_its_variant_in_kebab_case() {
        assert_eq!(
            choice_key("verdict", "NotJustifiedYet"),
            "choice-verdict-not-justified-yet"
        );
        assert_eq!(
            choice_key("reset", "LogChannel"),
            "choice-reset-log-channel"
        );
        assert_eq!(
            option_key("finetune-audit settings", "channel_cooldown_minutes"),
            "opt-finetune-audit-settings-channel-cooldown-minutes"
        );
    }
}
