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
use super::reply::{ephemeral, words};
use super::start::{Anchor, begin_revisit};
use super::{Bot, access, render};
use crate::app::Source;

/// Handles a click on an audit button.
pub async fn on_click(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer an audit click");
        }
    };
    let Some(id) = AuditId::decode(&ci.data.custom_id) else {
        return respond(ephemeral(
            "This button is not one of tunegate's current buttons. Run the command again.",
        ))
        .await;
    };
    let Some(guild) = ci.guild_id.map(|g| g.get()) else {
        return respond(ephemeral("Use this in a server channel.")).await;
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
                return respond(ephemeral(words(&e))).await;
            }
            match history_view(bot, guild, &query).await {
                Ok((embed, rows)) => {
                    let page = CreateInteractionResponseMessage::new()
                        .embed(embed)
                        .components(rows)
                        .allowed_mentions(render::no_mentions());
                    respond(CreateInteractionResponse::UpdateMessage(page)).await;
                }
                Err(e) => {
                    tracing::error!(guild_id = guild, "could not list a history page");
                    respond(ephemeral(words(&e))).await;
                }
            }
        }
        AuditId::Revisit { review_id } => {
            let auditor = audit.is_ok();
            if let Err(text) = revisit(ctx, bot, ci, guild, review_id, &actor, auditor).await {
                respond(ephemeral(text)).await;
            }
        }
    }
}

/// Starts the checklist again for the decision a review asked to revisit. `Err` is the
/// sentence for the clicker when nothing was started and Discord was not answered yet.
async fn revisit(
    ctx: &Context,
    bot: &Bot,
    ci: &ComponentInteraction,
    guild: u64,
    review_id: i64,
    actor: &crate::app::Actor,
    auditor: bool,
) -> Result<(), String> {
    let old = bot
        .app
        .revisit_target(review_id, guild, actor, auditor)
        .await
        .map_err(|e| words(&e))?;
    // Answer Discord first (starting a thread can take longer than its 3 seconds).
    if let Err(e) = ci
        .create_response(&ctx.http, CreateInteractionResponse::Acknowledge)
        .await
    {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not acknowledge a revisit");
        return Ok(());
    }
    let here = ci.channel_id;
    let anchor = if old.place.thread_id == Some(here.get()) {
        Anchor::InPlace
    } else {
        Anchor::NewThread
    };
    let text = format!("Revisit of decision #{}: {}", old.id, old.trigger_text);
    let begun = begin_revisit(
        bot,
        super::reply::person_lang(&ci.locale, ci.guild_locale.as_deref()),
        Source::Slash,
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
                walkthrough_id = begun.record.id,
                revisit_of = old.id,
                review_id,
                "revisit started"
            );
            let edit = EditInteractionResponse::new()
                .content(format!(
                    "{}\n\n<@{}> started checklist #{} to revisit it.",
                    ci.message.content, ci.user.id, begun.record.id
                ))
                .components(Vec::new())
                .allowed_mentions(render::no_mentions());
            if let Err(e) = ci.edit_response(&ctx.http, edit).await {
                tracing::warn!(interaction_id = %ci.id, error = %e, "could not update the reminder");
            }
            match begun.home {
                Some(home) => format!("Checklist #{} started in <#{home}>.", begun.record.id),
                None => format!("Checklist #{} started.", begun.record.id),
            }
        }
        Err(e) => {
            tracing::error!(revisit_of = old.id, error = %e, "could not start a revisit");
            format!("I could not start the checklist: {e}. Try `/finetune check` instead.")
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
