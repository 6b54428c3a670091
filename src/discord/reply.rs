//! How the Discord front end says "no": the error type of commands ([`CommandError`], with
//! [`Refusal`] for sentences the user sees as they are), the private reply, and the
//! translation of the application's [`AppError`] into words with Discord mentions; and the
//! command context ([`Ctx`]) with the language of whoever used a command ([`lang_of`]).
//!
//! Every handler module uses these, so they live here rather than in any one of them.

use std::sync::Arc;

use serenity::all::{CreateInteractionResponse, CreateInteractionResponseMessage};

use super::{Bot, render};
use crate::app::{AppError, Lang, Mentions};

/// The context poise hands every slash command.
pub(super) type Ctx<'a> = poise::Context<'a, Arc<Bot>, CommandError>;

/// The error type of commands: [`Refusal`] is shown to the user, anything else is logged.
pub type CommandError = Box<dyn std::error::Error + Send + Sync>;

/// A polite "no" that the user sees as is.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

/// A [`Refusal`] as a command error.
pub fn refuse(text: impl Into<String>) -> CommandError {
    Box::new(Refusal(text.into()))
}

/// Mentions written Discord's way.
pub struct DiscordMentions;

impl Mentions for DiscordMentions {
    fn person(&self, id: &str) -> String {
        format!("<@{id}>")
    }
    fn role(&self, id: u64) -> String {
        format!("<@&{id}>")
    }
}

/// The sentence for the user, in English; the operator's cause, if any, is logged and counted.
pub fn words(error: &AppError) -> String {
    words_in(Lang::En, error)
}

/// The sentence for the user in `lang`; the operator's cause, if any, is logged and counted.
pub fn words_in(lang: Lang, error: &AppError) -> String {
    if let Some(cause) = error.operator_cause() {
        crate::http::count_database_error(cause);
        tracing::error!(error = %cause, "the database refused a request");
    }
    error.words_in(lang, &DiscordMentions)
}

/// The language of whoever clicked or typed: their interaction's locale ("fr", "es-ES"),
/// else the server's language, else the guild's preferred locale, else English.
pub fn person_lang(locale: &str, guild_locale: Option<&str>) -> Lang {
    // Discord sends every interaction with the person's own locale, which comes first; the
    // server's language setting is for what nobody's interaction decides (chat detections,
    // the decision log), see `events::chat_language`.
    Lang::choose(Some(locale), None, None, guild_locale)
}

/// An application refusal in `lang` as a command error the user sees.
pub fn refusal_in(lang: Lang, error: AppError) -> CommandError {
    refuse(words_in(lang, &error))
}

/// An application refusal as a command error the user sees.
pub fn refusal(error: AppError) -> CommandError {
    refuse(words(&error))
}

/// Says something only the clicker sees.
pub fn ephemeral(text: impl Into<String>) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions()),
    )
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
