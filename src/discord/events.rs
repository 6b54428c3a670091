//! Gateway events that are not slash commands: chat messages (is this a fine-tune proposal?)
//! and component or modal interactions (a click on a walkthrough, or on an audit button).

use serenity::all::{Context, FullEvent, Interaction, Message};

use super::start::{Anchor, begin};
use super::{Bot, audit_clicks, audit_id, components};
use crate::store::Source;

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
    // Never start a walkthrough inside a walkthrough's own thread.
    match bot.flow.store.open_walkthrough_in_thread(channel).await {
        Ok(Some(_)) => return,
        Ok(None) => {}
        Err(e) => {
            tracing::error!(error = %e, "could not check the channel for a running walkthrough");
            return;
        }
    }
    let now = bot.now();
    let cooldown = &bot.settings.discord;
    let since = |secs: u64| (secs > 0).then(|| now - chrono::Duration::seconds(secs as i64));
    let quiet = bot
        .flow
        .store
        .recent_chat_start(
            channel,
            &message.author.id.get().to_string(),
            since(cooldown.channel_cooldown_secs),
            since(cooldown.user_cooldown_secs),
        )
        .await;
    match quiet {
        Ok(true) => {
            tracing::debug!(channel_id = channel, "detection skipped: cooldown");
            return;
        }
        Ok(false) => {}
        Err(e) => {
            tracing::error!(error = %e, "could not check the cooldown; not starting");
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
