//! Gateway events that are not slash commands: chat messages (is this a fine-tune proposal?)
//! and component or modal interactions (a click on a walkthrough, or on an audit button).

use serenity::all::{
    ComponentInteraction, Context, FullEvent, Interaction, Message, ModalInteraction,
};

use super::outcome_id::{self, OutcomeId};
use super::start::{Anchor, begin};
use super::{Bot, audit_clicks, audit_id, components, estimate, follow_ups, suggest};
use crate::app::start::ChatSkip;
use crate::app::{Lang, Source};
use crate::detect::Action;

/// Routes one gateway event.
pub async fn handle(ctx: &Context, event: &FullEvent, bot: &Bot) {
    match event {
        FullEvent::Message { new_message } => on_message(ctx, bot, new_message).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } if audit_id::is_audit(&ci.data.custom_id) => audit_clicks::on_click(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } if outcome_id::is_outcome(&ci.data.custom_id) => on_outcome_click(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } if suggest::is_suggestion(&ci.data.custom_id) => suggest::on_click(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(ci),
        } => components::on_component(ctx, bot, ci).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Modal(mi),
        } if outcome_id::is_outcome(&mi.data.custom_id) => on_outcome_form(ctx, bot, mi).await,
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

/// A follow-up answer or "Estimate the savings".
async fn on_outcome_click(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    match OutcomeId::decode(&ci.data.custom_id) {
        Some(OutcomeId::Answer {
            walkthrough_id,
            round,
            result,
        }) => follow_ups::on_answer_click(ctx, bot, ci, walkthrough_id, round, result).await,
        Some(OutcomeId::Estimate { walkthrough_id }) => {
            estimate::on_click(ctx, bot, ci, walkthrough_id).await
        }
        _ => {
            let lang = super::reply::person_lang(&ci.locale, ci.guild_locale.as_deref());
            stale(ctx, lang, ci.id, &ci.token).await
        }
    }
}

/// A follow-up's note form or the estimate form, submitted.
async fn on_outcome_form(ctx: &Context, bot: &Bot, mi: &ModalInteraction) {
    match OutcomeId::decode(&mi.data.custom_id) {
        Some(OutcomeId::AnswerForm {
            walkthrough_id,
            round,
            result,
        }) => follow_ups::on_answer_form(ctx, bot, mi, walkthrough_id, round, result).await,
        Some(OutcomeId::EstimateForm { walkthrough_id }) => {
            estimate::on_form(ctx, bot, mi, walkthrough_id).await
        }
        _ => {
            let lang = super::reply::person_lang(&mi.locale, mi.guild_locale.as_deref());
            stale(ctx, lang, mi.id, &mi.token).await
        }
    }
}

/// Answers a control this bot does not know (forged, or from an older version).
async fn stale(ctx: &Context, lang: Lang, id: serenity::all::InteractionId, token: &str) {
    let response = super::reply::ephemeral(crate::app::words::say_in(
        lang,
        "suggest-unknown-button",
        &[],
    ));
    if let Err(e) = ctx
        .http
        .create_interaction_response(id, token, &response, Vec::new())
        .await
    {
        tracing::warn!(interaction_id = %id, error = %e, "could not answer an unknown control");
    }
}

/// Whether the detector should look at messages in `channel`.
fn watches(bot: &Bot, channel: u64) -> bool {
    let d = &bot.settings.discord;
    (d.include_channels.is_empty() || d.include_channels.contains(&channel))
        && !d.exclude_channels.contains(&channel)
}

/// A guild message: run the detector and, on a proposal, start a walkthrough in a thread.
async fn on_message(ctx: &Context, bot: &Bot, message: &Message) {
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
    // A French proposal gets the French walkthrough (and a French suggestion); else the server's language, else the
    // guild's preferred locale (from the cache, when the guild is there), else English.
    let preferred = ctx.cache.guild(guild).map(|g| g.preferred_locale.clone());
    // server language: see app::settings
    let lang = Lang::choose(None, detection.language, None, preferred.as_deref());
    match detection.action {
        Action::Thread => {}
        Action::Suggest => {
            tracing::debug!(
                channel_id = channel,
                message_id = message.id.get(),
                score = detection.score,
                "possible fine-tune proposal: suggesting the checklist"
            );
            return suggest::offer(bot, lang, guild.get(), message, detection.score).await;
        }
        Action::None => return,
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
        lang,
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
