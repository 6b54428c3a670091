//! Clicks on audit buttons (custom ids `tga:...`): Previous / Next on a history page, and "Run
//! the checklist again" on a revisit reminder.
//!
//! A page click is answered from the guild it comes from, never from anything in the id, and
//! only for members who may audit. A revisit click starts a new walkthrough linked to the old
//! decision (`revisit_of`), in the decision's thread, or in a new thread of the channel where
//! the reminder was posted.

use serenity::all::{
    ComponentInteraction, Context, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, EditInteractionResponse,
};

use super::audit::history_view;
use super::audit_id::AuditId;
use super::reply::{ephemeral, person_lang, words_in};
use super::start::{Anchor, begin_revisit};
use super::{Bot, access, render};
use crate::app::words::say_in;
use crate::app::{Lang, ReviewId, ServerId, Source};

/// Handles a click on an audit button.
pub async fn on_click(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer an audit click");
        }
    };
    let lang = person_lang(&ci.locale, ci.guild_locale.as_deref());
    let Some(id) = AuditId::decode(&ci.data.custom_id) else {
        return respond(ephemeral(say_in(lang, "audit-unknown-button", &[]))).await;
    };
    let Some(guild) = ci.guild_id.map(ServerId::from) else {
        return respond(ephemeral(say_in(lang, "use-in-server", &[]))).await;
    };
    let permissions = ci.member.as_ref().and_then(|m| m.permissions);
    let actor = access::actor(&ci.user, access::roles_of(ci.member.as_ref()));
    let audit = bot
        .app
        .rules()
        .check_may_audit(access::can_manage(permissions), &actor.roles);
    match id {
        AuditId::Page(query) => {
            if let Err(e) = audit {
                return respond(ephemeral(words_in(lang, &e))).await;
            }
            match history_view(bot, lang, guild, &query).await {
                Ok((embed, rows)) => {
                    let page = CreateInteractionResponseMessage::new()
                        .embed(embed)
                        .components(rows)
                        .allowed_mentions(render::no_mentions());
                    respond(CreateInteractionResponse::UpdateMessage(page)).await;
                }
                Err(e) => {
                    tracing::error!(guild_id = %guild, "could not list a history page");
                    respond(ephemeral(words_in(lang, &e))).await;
                }
            }
        }
        AuditId::Revisit { review_id } => {
            let auditor = audit.is_ok();
            let revisited = revisit(ctx, bot, ci, lang, guild, review_id, &actor, auditor).await;
            if let Err(text) = revisited {
                respond(ephemeral(text)).await;
            }
        }
    }
}

/// Starts the checklist again for the decision a review asked to revisit. `Err` is the
/// sentence for the clicker when nothing was started and Discord was not answered yet.
#[allow(clippy::too_many_arguments)]
async fn revisit(
    ctx: &Context,
    bot: &Bot,
    ci: &ComponentInteraction,
    lang: Lang,
    guild: ServerId,
    review_id: ReviewId,
    actor: &crate::app::Actor,
    auditor: bool,
) -> Result<(), String> {
    let old = bot
        .app
        .revisit_target(review_id, guild, actor, auditor)
        .await
        .map_err(|e| words_in(lang, &e))?;
    // Answer Discord first (starting a thread can take longer than its 3 seconds).
    if let Err(e) = ci
        .create_response(&ctx.http, CreateInteractionResponse::Acknowledge)
        .await
    {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not acknowledge a revisit");
        return Ok(());
    }
    let here = ci.channel_id;
    let anchor = if old.place.thread == Some(here.into()) {
        Anchor::InPlace
    } else {
        Anchor::NewThread
    };
    let text = say_in(
        lang,
        "revisit-trigger",
        &[("id", &old.id.to_string()), ("text", &old.trigger_text)],
    );
    let begun = begin_revisit(
        bot,
        lang,
        Source::Command,
        guild,
        here,
        anchor,
        (ci.user.id, ci.user.name.clone()),
        text,
        Some(old.id),
    )
    .await;
    let note = match begun {
        Ok(begun) => {
            tracing::info!(
                walkthrough_id = %begun.record.id,
                revisit_of = %old.id,
                %review_id,
                "revisit started"
            );
            let started = say_in(
                lang,
                "revisit-started",
                &[
                    ("by", &format!("<@{}>", ci.user.id)),
                    ("id", &begun.record.id.to_string()),
                ],
            );
            let edit = EditInteractionResponse::new()
                .content(format!("{}\n\n{started}", ci.message.content))
                .components(Vec::new())
                .allowed_mentions(render::no_mentions());
            if let Err(e) = ci.edit_response(&ctx.http, edit).await {
                tracing::warn!(interaction_id = %ci.id, error = %e, "could not update the reminder");
            }
            let id = begun.record.id.to_string();
            match begun.home {
                Some(home) => say_in(
                    lang,
                    "started-in",
                    &[("id", &id), ("home", &format!("<#{home}>"))],
                ),
                None => say_in(lang, "started", &[("id", &id)]),
            }
        }
        Err(e) => {
            tracing::error!(revisit_of = %old.id, error = %e, "could not start a revisit");
            let error = match &e {
                super::start::BeginError::App(e) => words_in(lang, e),
                other => other.to_string(),
            };
            say_in(lang, "revisit-could-not-start", &[("error", &error)])
        }
    };
    let followup = CreateInteractionResponseFollowup::new()
        .content(note)
        .ephemeral(true)
        .allowed_mentions(render::no_mentions());
    if let Err(e) = ci.create_followup(&ctx.http, followup).await {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not send a follow-up");
    }
    Ok(())
}
