//! Gateway events that are not slash commands: chat messages (is this a fine-tune proposal?)
//! and component or modal interactions (a click on a walkthrough, or on an audit button).

use serenity::all::{Context, FullEvent, Interaction, Message};

use super::start::{Anchor, begin};
use super::{Bot, audit_clicks, audit_id, components};
use crate::app::Source;
use crate::app::start::ChatSkip;

/// Routes one gateway event.
pub async fn handle(ctx: &Context, event: &FullEvent, bot: &Bot) {
    match event {
        FullEvent::Message { new_message } => on_message(bot, new_message).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } if audit_id::is_audit(&ci.data.custom_id) => audit_clicks::on_click(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } => components::on_component(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Modal(mi),
        } => components::on_modal(ctx, bot, mi).await,
        FullEvent::Ready { data_about_bot } => {
            tracing::info!(
                user = %data_about_bot.user.name,
                guilds = data_about_bot.guilds.len(),
                "connected to Discord"
            );
        }
        FullEvent::ShardStageUpdate { event } => {
            tracing::info!(stage = %event.new, "gateway connection stage changed");
        }
        _ => {}
    }
}

/// Whether the detector should look at messages in `channel`.
fn watches(bot: &Bot, channel: u64) -> bool {
    let d = &bot.settings.discord;
    (d.include_channels.is_empty() || d.include_channels.contains(&channel))
        && !d.exclude_channels.contains(&channel)
}

/// A guild message: run the detector and, on a proposal, start a walkthrough in a thread.
async fn on_message(bot: &Bot, message: &Message) {
    let Some(guild) = message.guild_id else {
        return;
    };
    if message.author.bot || message.webhook_id.is_some() || !bot.settings.detect.enabled {
        return;
    }
    let channel = message.channel_id.get();
    if !watches(bot, channel) {
        return;
    }
    let detection = bot.detector.detect(&message.content);
    if !detection.triggered {
        return;
    }
    metrics::counter!(crate::http::names::DETECTIONS).increment(1);
    tracing::debug!(
        guild_id = guild.get(),
        channel_id = channel,
        message_id = message.id.get(),
        reason = %detection.reason,
        "fine-tune proposal detected"
    );
    // Never inside a walkthrough's own thread, nor within the cooldowns.
    let requester_id = message.author.id.get().to_string();
    match bot
        .app
        .chat_start_allowed(channel, &requester_id, bot.now())
        .await
    {
        Ok(Ok(())) => {}
        Ok(Err(ChatSkip::InsideWalkthrough)) => return,
        Ok(Err(ChatSkip::Cooldown)) => {
            tracing::debug!(channel_id = channel, "detection skipped: cooldown");
            return;
        }
        Err(e) => {
            tracing::error!(channel_id = channel, error = ?e.operator_cause(), "could not check where a walkthrough may start; not starting");
            return;
        }
    }
    let requester = (message.author.id, message.author.name.clone());
    if let Err(e) = begin(
        bot,
        Source::Chat,
        guild.get(),
        message.channel_id,
        Anchor::Message(message.id),
        requester,
        message.content.clone(),
    )
    .await
    {
        tracing::error!(message_id = message.id.get(), error = %e, "could not start a walkthrough");
    }
}
