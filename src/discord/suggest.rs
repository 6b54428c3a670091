//! The gentler first touch in Discord: for a message the detector is less sure about, a reply
//! with one short line and two buttons, "Run the fine-tune checklist" and "Not a proposal",
//! mentioning nobody. Only the author (or an answer role) can use them; starting opens the
//! walkthrough thread on the message, as a sure detection does. The reply is removed when the
//! suggestion is started or dismissed, or after `detect.suggest_expires_minutes`.
//!
//! Button ids: `tgq:<suggestion id>:start` and `tgq:<suggestion id>:dismiss`. The app records
//! the suggestion before the reply is posted and claims each ending in one statement, so a
//! double click or a click racing the expiry sweep ends it once.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, ChannelId, ComponentInteraction, Context, CreateActionRow, CreateButton,
    CreateInteractionResponse, CreateMessage, Message, MessageId, MessageReference, UserId,
};

use super::reply::{ephemeral, person_lang, words_in};
use super::start::{Anchor, begin};
use super::{Bot, access, render};
use crate::app::settings::ServerSettings;
use crate::app::words::say_in;
use crate::app::{
    Lang, Person, RoomId, ServerId, Source, Suggest, SuggestionId, SuggestionRecord,
    SuggestionState,
};

const PREFIX: &str = "tgq";

/// What a suggestion button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionButton {
    Start(SuggestionId),
    Dismiss(SuggestionId),
}

impl SuggestionButton {
    pub fn decode(text: &str) -> Option<SuggestionButton> {
        let mut parts = text.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let id = SuggestionId(super::custom_id::positive_id(parts.next()?)?);
        let action = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        match action {
            "start" => Some(SuggestionButton::Start(id)),
            "dismiss" => Some(SuggestionButton::Dismiss(id)),
            _ => None,
        }
    }
}

impl std::fmt::Display for SuggestionButton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SuggestionButton::Start(id) => write!(f, "{PREFIX}:{id}:start"),
            SuggestionButton::Dismiss(id) => write!(f, "{PREFIX}:{id}:dismiss"),
        }
    }
}

/// Whether a custom id belongs to a suggestion.
pub fn is_suggestion(custom_id: &str) -> bool {
    custom_id.starts_with("tgq:")
}

/// The reply: one line, two buttons, a reply to the message that pings nobody.
pub fn reply(lang: Lang, suggestion: &SuggestionRecord) -> CreateMessage {
    let say = |key: &str| say_in(lang, key, &[]);
    let buttons = vec![
        CreateButton::new(SuggestionButton::Start(suggestion.id).to_string())
            .label(say("suggest-start"))
            .style(ButtonStyle::Primary),
        CreateButton::new(SuggestionButton::Dismiss(suggestion.id).to_string())
            .label(say("suggest-dismiss"))
            .style(ButtonStyle::Secondary),
    ];
    CreateMessage::new()
        .content(say("suggest-text"))
        .reference_message(MessageReference::from((
            ChannelId::from(suggestion.channel_id),
            MessageId::from(suggestion.message_id),
        )))
        .components(vec![CreateActionRow::Buttons(buttons)])
        .allowed_mentions(render::no_mentions().replied_user(false))
}

/// Offers the checklist for `message` (scored `score`), unless it has an offer already or the
/// cooldowns hold.
pub async fn offer(
    bot: &Bot,
    lang: Lang,
    guild: ServerId,
    settings: &ServerSettings,
    parent: Option<u64>,
    message: &Message,
    score: f32,
) {
    let author = Person::new(
        message.author.id.get().to_string(),
        message.author.name.clone(),
    );
    let request = Suggest {
        guild,
        settings,
        channel: message.channel_id.into(),
        parent: parent.map(RoomId),
        message: message.id.into(),
        author: &author,
        text: &message.content,
        score,
    };
    let suggestion = match bot.app.offer_checklist(&request, bot.now()).await {
        Ok(Some(suggestion)) => suggestion,
        Ok(None) => return,
        Err(e) => {
            tracing::error!(message_id = message.id.get(), error = ?e.operator_cause(), "could not record a suggestion");
            return;
        }
    };
    match bot
        .rest
        .post_message(message.channel_id, &reply(lang, &suggestion))
        .await
    {
        Ok(posted) => {
            if let Err(e) = bot
                .app
                .suggestion_replied(suggestion.id, posted.id.into())
                .await
            {
                tracing::warn!(suggestion_id = %suggestion.id, error = ?e.operator_cause(), "could not remember the suggestion's reply");
            }
        }
        Err(e) => {
            tracing::warn!(suggestion_id = %suggestion.id, error = %e, "could not post a suggestion")
        }
    }
}

/// Removes a suggestion's reply (already gone is fine).
async fn remove_reply(bot: &Bot, suggestion: &SuggestionRecord) {
    let Some(reply) = suggestion.reply_message_id else {
        return;
    };
    delete(
        bot,
        suggestion.id,
        ChannelId::from(suggestion.channel_id),
        MessageId::from(reply),
    )
    .await;
}

async fn delete(bot: &Bot, suggestion_id: SuggestionId, channel: ChannelId, message: MessageId) {
    if let Err(e) = bot.rest.http().delete_message(channel, message, None).await {
        tracing::info!(%suggestion_id, error = %e, "suggestion reply not removed");
    }
}

/// A click on a suggestion's button.
pub async fn on_click(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer a suggestion click");
        }
    };
    let lang = person_lang(&ci.locale, ci.guild_locale.as_deref());
    let Some(id) = SuggestionButton::decode(&ci.data.custom_id) else {
        return respond(ephemeral(say_in(lang, "suggest-unknown-button", &[]))).await;
    };
    let Some(guild) = ci.guild_id.map(ServerId::from) else {
        return respond(ephemeral(say_in(lang, "use-in-server", &[]))).await;
    };
    let actor = access::actor(&ci.user, access::roles_of(ci.member.as_ref()));
    let (suggestion_id, ending) = match id {
        SuggestionButton::Start(s) => (s, SuggestionState::Started),
        SuggestionButton::Dismiss(s) => (s, SuggestionState::Dismissed),
    };
    let ended = bot
        .app
        .end_suggestion(suggestion_id, guild, &actor, ending, bot.now())
        .await;
    let suggestion = match ended {
        Ok(suggestion) => suggestion,
        Err(e) => return respond(ephemeral(words_in(lang, &e))).await,
    };
    respond(CreateInteractionResponse::Acknowledge).await;
    // The clicked message is the reply (its id may not be stored yet after a very fast click).
    delete(bot, suggestion_id, ci.channel_id, ci.message.id).await;
    if ending != SuggestionState::Started {
        return;
    }
    let author = suggestion
        .author
        .id
        .parse::<u64>()
        .ok()
        .filter(|id| *id > 0)
        .map(UserId::new);
    let Some(author) = author else {
        tracing::error!(%suggestion_id, "suggestion author is not a Discord user");
        return;
    };
    match begin(
        bot,
        lang,
        Source::Chat,
        guild,
        ChannelId::from(suggestion.channel_id),
        Anchor::Message(MessageId::from(suggestion.message_id)),
        (author, suggestion.author.name.clone()),
        suggestion.text.clone(),
    )
    .await
    {
        Ok(begun) => {
            if let Err(e) = bot
                .app
                .link_suggestion(suggestion_id, begun.record.id)
                .await
            {
                tracing::warn!(%suggestion_id, error = ?e.operator_cause(), "could not link the suggestion to its walkthrough");
            }
        }
        Err(e) => {
            tracing::error!(%suggestion_id, error = %e, "could not start the suggested walkthrough")
        }
    }
}

/// How often unanswered suggestions are looked for: a quarter of the expiry, between 2 s and
/// a minute.
fn period(expires_minutes: u64) -> Duration {
    Duration::from_secs((expires_minutes.saturating_mul(15)).clamp(2, 60))
}

/// Removes expired suggestions until aborted.
pub async fn run(bot: Arc<Bot>) {
    let mut ticker = tokio::time::interval(period(bot.app.timing().suggest_expires_minutes));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(e) = expire(&bot, bot.now()).await {
            tracing::warn!(error = ?e.operator_cause(), "suggestion sweep failed; will try again");
        }
    }
}

/// Closes the suggestions nobody answered in time and removes their replies.
pub async fn expire(bot: &Bot, now: DateTime<Utc>) -> Result<usize, crate::app::AppError> {
    let expired = bot.app.expire_suggestions(now).await?;
    for suggestion in &expired {
        remove_reply(bot, suggestion).await;
    }
    Ok(expired.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_forged_ones_are_refused() {
        for id in [
            SuggestionButton::Start(SuggestionId(7)),
            SuggestionButton::Dismiss(SuggestionId(i64::MAX)),
        ] {
            assert_eq!(SuggestionButton::decode(&id.to_string()), Some(id));
        }
        for bad in [
            "tgq",
            "tgq:7",
            "tgq:07:start",
            "tgq:7:go",
            "tgq:7:start:x",
            "tgq:0:start",
        ] {
            assert_eq!(SuggestionButton::decode(bad), None, "{bad}");
        }
    }
}
