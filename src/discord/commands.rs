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
use super::reply::{CommandError, Refusal, person_lang, refusal_in, refuse};
use super::start::{Anchor, begin};
use super::{Bot, access, events, render};
use crate::app::words::say_in;
use crate::app::{Here, Lang, Source};

type Ctx<'a> = poise::Context<'a, Arc<Bot>, CommandError>;

/// Every command the bot registers: `/finetune`, `/finetune-audit` and the message menu, with
/// their descriptions in every language tunegate speaks.
pub fn list() -> Vec<poise::Command<Arc<Bot>, CommandError>> {
    let mut commands = vec![finetune(), finetune_audit(), run_fine_tune_checklist()];
    for command in &mut commands {
        localise(command, "");
    }
    commands
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

/// Sets the description localisations of `command`, its parameters and subcommands. Slash
/// command names stay as they are in every language, so `/finetune check` in every message is
/// what people type; the message menu's name is localised at registration
/// ([`application_commands`]).
fn localise(command: &mut poise::Command<Arc<Bot>, CommandError>, parent: &str) {
    // poise fills `qualified_name` in only when the framework is built: spell it out here.
    let path = if parent.is_empty() {
        command.name.to_string()
    } else {
        format!("{parent} {}", command.name)
    };
    if let Some(key) = description_key(&path) {
        command.description = Some(say_in(Lang::En, key, &[]).into());
        command.description_localizations = localisations(key).into();
    }
    if path == "finetune check" {
        for parameter in &mut command.parameters {
            if parameter.name == "topic" {
                parameter.description =
                    Some(say_in(Lang::En, "cmd-check-topic-description", &[]).into());
                parameter.description_localizations =
                    localisations("cmd-check-topic-description").into();
            }
        }
    }
    for sub in &mut command.subcommands {
        localise(sub, &path);
    }
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

/// The language of whoever used the command (see [`person_lang`]).
pub(super) fn lang_of(ctx: Ctx<'_>) -> Lang {
    match ctx {
        poise::Context::Application(app) => person_lang(
            &app.interaction.locale,
            app.interaction.guild_locale.as_deref(),
        ),
        poise::Context::Prefix(_) => Lang::En,
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
    #[description = "What is being proposed, in a few words"]
    #[max_length = 500]
    topic: Option<String>,
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
        Source::Slash,
        guild.get(),
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
        Source::ContextMenu,
        guild.get(),
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
        tracing::warn!(walkthrough_id = record.id, error = %e, "could not post the cancellation");
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
        guild: ctx.guild_id().map(|g| g.get()),
        channel: ctx.channel_id().get(),
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
