//! Gateway events that are not slash commands: chat messages (is this a fine-tune proposal?)
//! and component or modal interactions (a click on a walkthrough, or on an audit button).

use serenity::all::{
    Channel, ChannelId, ChannelType, ComponentInteraction, Context, FullEvent, GuildId,
    Interaction, Message, ModalInteraction,
};

use super::outcome_id::{self, OutcomeId};
use super::start::{Anchor, begin};
use super::{Bot, audit_clicks, audit_id, components, estimate, follow_ups, suggest};
use crate::app::settings::ServerSettings;
use crate::app::start::ChatSkip;
use crate::app::{Lang, RoomId, Source};
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

/// The language of a walkthrough or suggestion started from chat: the language the detector
/// recognised in the message (a French proposal gets the French walkthrough), else the
/// server's setting (`/finetune-audit settings language:`), else the guild's preferred
/// locale (from the cache, when the guild is there), else English.
fn chat_language(
    ctx: &Context,
    guild: GuildId,
    settings: &ServerSettings,
    detected: Option<&str>,
) -> Lang {
    let server = settings.language.as_deref().and_then(Lang::parse);
    let preferred = ctx.cache.guild(guild).map(|g| g.preferred_locale.clone());
    Lang::choose(None, detected, server, preferred.as_deref())
}

/// The channel a thread is in, when `channel` is a thread: from the cache (threads Discord
/// announced), else asked over REST. `None` for a plain channel, or when it cannot be told.
async fn parent_of_thread(ctx: &Context, guild: GuildId, channel: ChannelId) -> Option<u64> {
    if let Some(guild) = ctx.cache.guild(guild) {
        if guild.channels.contains_key(&channel) {
            return None;
        }
        if let Some(thread) = guild.threads.iter().find(|t| t.id == channel) {
            return thread.parent_id.map(|p| p.get());
        }
    }
    match ctx.http.get_channel(channel).await {
        Ok(Channel::Guild(c)) if is_thread(c.kind) => c.parent_id.map(|p| p.get()),
        Ok(_) => None,
        Err(e) => {
            tracing::debug!(channel_id = channel.get(), error = %e, "could not tell whether a channel is a thread");
            None
        }
    }
}

fn is_thread(kind: ChannelType) -> bool {
    matches!(
        kind,
        ChannelType::PublicThread | ChannelType::PrivateThread | ChannelType::NewsThread
    )
}

/// A guild message: run the detector and, on a proposal in a channel the server reads, start
/// a walkthrough in a thread (or, when the detector is less sure, suggest one).
async fn on_message(ctx: &Context, bot: &Bot, message: &Message) {
    let Some(guild) = message.guild_id else {
        return;
    };
    if message.author.bot || message.webhook_id.is_some() {
        return;
    }
    // The detector first: a message without trigger words costs well under a microsecond and
    // never touches the database. The server's settings are read only for the others.
    let detection = bot.detector.detect(&message.content);
    if detection.action == Action::None {
        return;
    }
    let channel = message.channel_id.get();
    // Read once for this message: its language, the channels it reads, its cooldowns.
    let settings = match bot.app.server_settings(Some(guild.into())).await {
        Ok(settings) => settings,
        Err(e) => {
            tracing::error!(guild_id = guild.get(), error = ?e.operator_cause(), "could not read the server's settings; not starting");
            return;
        }
    };
    let parent = parent_of_thread(ctx, guild, message.channel_id).await;
    let lang = chat_language(ctx, guild, &settings, detection.language);
    if detection.action == Action::Suggest {
        tracing::debug!(
            channel_id = channel,
            message_id = message.id.get(),
            score = detection.score,
            "possible fine-tune proposal: suggesting the checklist"
        );
        return suggest::offer(
            bot,
            lang,
            guild.into(),
            &settings,
            parent,
            message,
            detection.score,
        )
        .await;
    }
    tracing::debug!(
        guild_id = guild.get(),
        channel_id = channel,
        message_id = message.id.get(),
        reason = %detection.reason,
        "fine-tune proposal detected"
    );
    // Only where the server reads chat, never inside a walkthrough's own thread, nor within
    // the cooldowns.
    let requester_id = message.author.id.get().to_string();
    match bot
        .app
        .chat_start_allowed(
            &settings,
            RoomId(channel),
            parent.map(RoomId),
            &requester_id,
            bot.now(),
        )
        .await
    {
        Ok(Ok(())) => {}
        Ok(Err(ChatSkip::InsideWalkthrough)) => return,
        Ok(Err(ChatSkip::NotWatched)) => {
            tracing::debug!(
                channel_id = channel,
                "detection skipped: the server does not read this channel"
            );
            return;
        }
        Ok(Err(ChatSkip::Cooldown)) => {
            tracing::debug!(channel_id = channel, "detection skipped: cooldown");
            return;
        }
        Err(e) => {
            tracing::error!(channel_id = channel, error = ?e.operator_cause(), "could not check where a walkthrough may start; not starting");
            return;
        }
    }
    metrics::counter!(crate::http::names::DETECTIONS).increment(1);
    let requester = (message.author.id, message.author.name.clone());
    if let Err(e) = begin(
        bot,
        lang,
        Source::Chat,
        guild.into(),
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
