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
use super::reply::{CommandError, Refusal, refusal, refuse};
use super::start::{Anchor, begin};
use super::{Bot, access, events, render};
use crate::app::{Here, Source, words};

type Ctx<'a> = poise::Context<'a, Arc<Bot>, CommandError>;

/// Every command the bot registers: `/finetune`, `/finetune-audit` and the message menu.
pub fn list() -> Vec<poise::Command<Arc<Bot>, CommandError>> {
    vec![finetune(), finetune_audit(), run_fine_tune_checklist()]
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
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                if !registers {
                    tracing::info!("not registering the slash commands: shard 0 runs elsewhere");
                    return Ok(bot);
                }
                let commands = &framework.options().commands;
                let registered = if dev_guild != 0 {
                    poise::builtins::register_in_guild(ctx, commands, GuildId::new(dev_guild)).await
                } else {
                    poise::builtins::register_globally(ctx, commands).await
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
                    "Something went wrong on my side; nothing was lost. Please try again in a moment.".to_string()
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
    #[description = "What is being proposed, in a few words"]
    #[max_length = 500]
    topic: Option<String>,
) -> Result<(), CommandError> {
    ctx.defer_ephemeral().await?;
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse("Use this in a server channel."))?;
    let channel = ctx.channel_id();
    let in_thread = is_thread(ctx, channel).await;
    let anchor = if in_thread {
        Anchor::InPlace
    } else {
        Anchor::NewThread
    };
    let topic = topic.unwrap_or_else(|| "Fine-tuning proposal".to_string());
    let author = ctx.author();
    let begun = begin(
        ctx.data(),
        Source::Slash,
        guild.get(),
        channel,
        anchor,
        (author.id, author.name.clone()),
        topic,
    )
    .await
    .map_err(|e| refuse(format!("I could not start the checklist: {e}.")))?;
    let mut text = match begun.home {
        Some(home) => format!("Checklist #{} started in <#{home}>.", begun.record.id),
        None => format!("Checklist #{} started.", begun.record.id),
    };
    if begun.thread_refused {
        text.push_str(
            " I could not open a thread: a server admin can grant me **Create Public Threads** \
             and **Send Messages in Threads** in this channel.",
        );
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
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse("Use this in a server channel."))?;
    // The proposer is the message's author, unless that is a bot: then whoever asked.
    let requester = if message.author.bot {
        ctx.author().clone()
    } else {
        message.author.clone()
    };
    let text = if message.content.trim().is_empty() {
        "(a message without text)".to_string()
    } else {
        message.content.clone()
    };
    let begun = begin(
        ctx.data(),
        Source::ContextMenu,
        guild.get(),
        message.channel_id,
        Anchor::Message(message.id),
        (requester.id, requester.name.clone()),
        text,
    )
    .await
    .map_err(|e| refuse(format!("I could not start the checklist: {e}.")))?;
    let text = match (begun.created, begun.home) {
        (false, _) => format!("This message already has checklist #{}.", begun.record.id),
        (true, Some(home)) => format!("Checklist #{} started in <#{home}>.", begun.record.id),
        (true, None) => format!("Checklist #{} started.", begun.record.id),
    };
    say(ctx, text).await
}

/// Cancel the open checklist of this thread.
#[poise::command(slash_command, guild_only)]
async fn cancel(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let bot = ctx.data();
    let actor = access::actor(ctx.author(), &member_roles(ctx));
    let record = bot
        .app
        .cancel(&actor, here(ctx), bot.now())
        .await
        .map_err(refusal)?;
    let notice = CreateMessage::new()
        .content(format!(
            "Checklist #{} was cancelled by <@{}>. No decision was recorded.",
            record.id,
            ctx.author().id
        ))
        .allowed_mentions(render::no_mentions());
    if let Err(e) = bot.rest.post_message(ctx.channel_id(), &notice).await {
        tracing::warn!(walkthrough_id = record.id, error = %e, "could not post the cancellation");
    }
    say(ctx, format!("Checklist #{} cancelled.", record.id)).await
}

/// Show the current question of this thread's checklist again.
#[poise::command(slash_command, guild_only)]
async fn resume(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let bot = ctx.data();
    let record = bot
        .app
        .open_walkthrough_here(here(ctx))
        .await
        .map_err(refusal)?;
    let (text, rows) = render::question(bot.app.content(), record.id, record.step, None);
    let message = CreateMessage::new()
        .content(text)
        .components(rows)
        .allowed_mentions(render::no_mentions());
    bot.rest
        .post_message(ctx.channel_id(), &message)
        .await
        .map_err(|e| refuse(format!("I could not post the question: {e}.")))?;
    say(
        ctx,
        format!("Here is the current question of checklist #{}.", record.id),
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
    let content = ctx.data().app.content();
    say(
        ctx,
        format!(
            "{}\n\n**Commands**\n\
             `/finetune check [topic]`: start the checklist in a new thread (or here, inside a thread)\n\
             `/finetune cancel`: cancel this thread's checklist\n\
             `/finetune resume`: show the current question again\n\
             Message menu → Apps → **Run fine-tune checklist**: start it on any message\n\n\
             **Auditing**\n{}\n{}\n\n\
             I also notice messages that propose fine-tuning and offer the checklist in a thread; \
             \"Not a fine-tune request\" closes it. Only the proposer{} can answer.",
            content.render(content.intro.trim()),
            words::say("audit-help-commands", &[]),
            audit::who_may_audit(ctx.data()),
            if ctx.data().app.rules().answer_roles.is_empty() {
                ""
            } else {
                " (and the configured reviewer roles)"
            }
        ),
    )
    .await
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
