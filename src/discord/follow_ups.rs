//! Follow-ups in Discord: the sweep that asks, some time after a verdict, how it turned out, and
//! the clicks that answer it.
//!
//! The app claims each due follow-up before it is posted here, so it is posted once across
//! restarts and processes. It goes into the decision's thread (unarchived first), or into the
//! channel when the thread is gone; when both are gone it is marked undeliverable and never
//! retried; a passing Discord failure gives it back for a later sweep. Only the requester is
//! mentioned.
//!
//! An answer button opens a short form with an optional note; submitting it records the outcome
//! (`app.record_outcome`) and turns the follow-up into what was recorded. A second click, or a
//! click after the outcome was recorded another way, records nothing and says what was recorded.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, ChannelId, ComponentInteraction, Context, CreateActionRow, CreateButton,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
    CreateModal, InputTextStyle, ModalInteraction, UserId,
};

use super::outcome_id::OutcomeId;
use super::reply::{ephemeral, person_lang, words_in};
use super::rest::RestError;
use super::{Bot, access, render};
use crate::app::words::{duration_in, headline_in, say_in};
use crate::app::{
    AppError, DueFollowUp, FollowUpDelivery, Lang, MAX_OUTCOME_NOTE_CHARS, OutcomeEntry,
    OutcomeRecord, OutcomeRecorded, Recorder, ServerId, WalkthroughId,
};
use crate::checklist::outcome::{FollowUpQuestion, OutcomeResult};

/// How often the sweep looks for due follow-ups: every few seconds when the configured delay is
/// under a minute (a due follow-up is then posted within 10 seconds), else every 30 seconds.
pub fn period(follow_up_after: chrono::Duration) -> Duration {
    if follow_up_after < chrono::Duration::minutes(1) {
        Duration::from_secs(2)
    } else {
        Duration::from_secs(30)
    }
}

/// Sweeps until aborted.
pub async fn run(bot: Arc<Bot>) {
    let mut ticker = tokio::time::interval(period(bot.app.timing().follow_up_after));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(e) = sweep(&bot, bot.now()).await {
            tracing::warn!(error = ?e.operator_cause(), "follow-up sweep failed; will try again");
        }
    }
}

/// Posts every due follow-up this process could claim. Returns how many were posted.
pub async fn sweep(bot: &Bot, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut posted = 0;
    for due in bot.app.claim_due_follow_ups(now).await? {
        let delivery = deliver(bot, &due).await;
        if matches!(delivery, FollowUpDelivery::Posted { .. }) {
            posted += 1;
        }
        bot.app.follow_up_delivered(&due, delivery, now).await?;
    }
    Ok(posted)
}

/// Whether a failure may pass (try again later) rather than mean "gone".
pub(super) fn passing(e: &RestError) -> bool {
    match e {
        RestError::Transport(_) | RestError::GaveUp { .. } => true,
        RestError::Status { status, .. } => *status == 429 || *status >= 500,
        RestError::Decode(_) => false,
    }
}

/// Posts in the thread (unarchiving it), else in the channel.
async fn deliver(bot: &Bot, due: &DueFollowUp) -> FollowUpDelivery {
    // Posted without an interaction: in the walkthrough's language.
    let lang = bot.app.language_of(due.walkthrough_id).await;
    let message = follow_up_message(lang, due);
    let thread = due.place.thread.filter(|t| Some(*t) != due.place.channel);
    if let Some(thread) = thread {
        let channel = ChannelId::from(thread);
        let opened = match bot.rest.unarchive_thread(channel).await {
            Ok(_) => Ok(()),
            Err(e) if passing(&e) => return FollowUpDelivery::Retry,
            Err(e) => Err(e),
        };
        if opened.is_ok() {
            match bot.rest.post_message(channel, &message).await {
                Ok(m) => {
                    return FollowUpDelivery::Posted {
                        channel: thread,
                        message: m.id.into(),
                    };
                }
                Err(e) if passing(&e) => return FollowUpDelivery::Retry,
                Err(e) => {
                    tracing::info!(walkthrough_id = %due.walkthrough_id, error = %e, "decision thread unavailable; asking in the channel")
                }
            }
        }
    }
    let Some(home) = due.place.channel else {
        return FollowUpDelivery::Undeliverable;
    };
    match bot.rest.post_message(ChannelId::from(home), &message).await {
        Ok(m) => FollowUpDelivery::Posted {
            channel: home,
            message: m.id.into(),
        },
        Err(e) if passing(&e) => FollowUpDelivery::Retry,
        Err(e) => {
            tracing::info!(walkthrough_id = %due.walkthrough_id, error = %e, "decision channel unavailable");
            FollowUpDelivery::Undeliverable
        }
    }
}

/// The question a follow-up asks.
fn question_words(lang: Lang, question: FollowUpQuestion) -> String {
    let key = match question {
        FollowUpQuestion::PromptWork => "follow-up-prompt-work",
        FollowUpQuestion::FineTune => "follow-up-fine-tune",
    };
    say_in(lang, key, &[])
}

/// The words of an answer button (the app's words for the result).
pub fn result_words(lang: Lang, result: OutcomeResult) -> String {
    crate::app::words::outcome_result_in(lang, result)
}

/// The follow-up message: the requester mentioned (only them), the question, four buttons.
pub fn follow_up_message(lang: Lang, due: &DueFollowUp) -> CreateMessage {
    let requester = due
        .requester_id
        .parse::<u64>()
        .ok()
        .filter(|id| *id > 0)
        .map(UserId::new);
    let mention = requester.map(|u| format!("<@{u}> ")).unwrap_or_default();
    let again = if due.round > 1 {
        say_in(lang, "follow-up-again", &[])
    } else {
        String::new()
    };
    let content = say_in(
        lang,
        "follow-up",
        &[
            ("mention", &mention),
            ("id", &due.walkthrough_id.to_string()),
            ("verdict", &headline_in(lang, due.verdict)),
            ("proposal", &render::safe_text(&due.trigger_text, 200)),
            ("question", &question_words(lang, due.question)),
            ("again", &again),
        ],
    );
    let buttons: Vec<CreateButton> = due
        .question
        .results()
        .into_iter()
        .map(|result| {
            let id = OutcomeId::Answer {
                walkthrough_id: due.walkthrough_id,
                round: due.round,
                result,
            };
            let style = if result.is_pending() {
                ButtonStyle::Secondary
            } else {
                ButtonStyle::Primary
            };
            CreateButton::new(id.to_string())
                .label(result_words(lang, result))
                .style(style)
        })
        .collect();
    CreateMessage::new()
        .content(content)
        .components(vec![CreateActionRow::Buttons(buttons)])
        .allowed_mentions(match requester {
            Some(u) => render::only_user(u),
            None => render::no_mentions(),
        })
}

/// The form a follow-up answer opens: an optional note.
fn note_form(
    lang: Lang,
    walkthrough_id: WalkthroughId,
    round: u32,
    result: OutcomeResult,
) -> CreateModal {
    let id = OutcomeId::AnswerForm {
        walkthrough_id,
        round,
        result,
    };
    let title = crate::text::truncate_chars(&result_words(lang, result), 45);
    let label = say_in(lang, "follow-up-note-label", &[]);
    CreateModal::new(id.to_string(), title).components(vec![CreateActionRow::InputText(
        CreateInputText::new(InputTextStyle::Paragraph, label, "note")
            .max_length(MAX_OUTCOME_NOTE_CHARS as u16)
            .required(false),
    )])
}

/// What was recorded, for the clicker (and for the follow-up once answered).
fn recorded_words(lang: Lang, outcome: &OutcomeRecord) -> String {
    let by = if outcome.recorded_by.id.parse::<u64>().is_ok() {
        format!("<@{}>", outcome.recorded_by.id)
    } else {
        render::safe_text(&outcome.recorded_by.name, 100)
    };
    let mut text = say_in(
        lang,
        "follow-up-recorded",
        &[
            ("result", &result_words(lang, outcome.result)),
            ("by", &by),
            (
                "when",
                &render::time(outcome.created_at, render::TimeStyle::Relative),
            ),
        ],
    );
    if let Some(note) = outcome.note.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push_str(&format!("\n> {}", render::safe_text(note, 500)));
    }
    text
}

/// A follow-up answer button: opens the note form for someone who may answer.
pub async fn on_answer_click(
    ctx: &Context,
    bot: &Bot,
    ci: &ComponentInteraction,
    walkthrough_id: WalkthroughId,
    round: u32,
    result: OutcomeResult,
) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer a follow-up click");
        }
    };
    let lang = person_lang(&ci.locale, ci.guild_locale.as_deref());
    let Some(guild) = ci.guild_id.map(ServerId::from) else {
        return respond(ephemeral(say_in(lang, "use-in-server", &[]))).await;
    };
    match bot.app.follow_up_answer(walkthrough_id, round).await {
        Ok(Some(outcome)) => {
            let recorded = recorded_words(lang, &outcome);
            let text = say_in(lang, "follow-up-already", &[("recorded", &recorded)]);
            return respond(ephemeral(text)).await;
        }
        Ok(None) => {}
        Err(e) => return respond(ephemeral(words_in(lang, &e))).await,
    }
    let actor = access::actor(&ci.user, access::roles_of(ci.member.as_ref()));
    let recorder = Recorder::Member {
        guild,
        actor: &actor,
        may_audit: false,
    };
    if let Err(e) = bot.app.check_may_record(walkthrough_id, &recorder).await {
        return respond(ephemeral(words_in(lang, &e))).await;
    }
    respond(CreateInteractionResponse::Modal(note_form(
        lang,
        walkthrough_id,
        round,
        result,
    )))
    .await;
}

/// The note form submitted: records the outcome and turns the follow-up into what was recorded.
pub async fn on_answer_form(
    ctx: &Context,
    bot: &Bot,
    mi: &ModalInteraction,
    walkthrough_id: WalkthroughId,
    round: u32,
    result: OutcomeResult,
) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = mi.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %mi.id, error = %e, "could not answer a follow-up form");
        }
    };
    let lang = person_lang(&mi.locale, mi.guild_locale.as_deref());
    let Some(guild) = mi.guild_id.map(ServerId::from) else {
        return respond(ephemeral(say_in(lang, "use-in-server", &[]))).await;
    };
    let actor = access::actor(&mi.user, access::roles_of(mi.member.as_ref()));
    let note = super::components::first_text_input(mi);
    let interaction = mi.id.get().to_string();
    let entry = OutcomeEntry {
        walkthrough_id,
        result,
        note: note.as_deref(),
        follow_up_round: Some(round),
        request_id: Some(&interaction),
    };
    let recorder = Recorder::Member {
        guild,
        actor: &actor,
        may_audit: false,
    };
    match bot.app.record_outcome(&entry, recorder, bot.now()).await {
        Ok(OutcomeRecorded::New {
            outcome,
            next_round,
        }) => {
            // The follow-up is the thread's message: it keeps the walkthrough's language.
            let lang = bot.app.language_of(walkthrough_id).await;
            let mut text = say_in(
                lang,
                "follow-up-thanks-head",
                &[
                    ("id", &walkthrough_id.to_string()),
                    ("recorded", &recorded_words(lang, &outcome)),
                ],
            );
            if next_round.is_some() {
                let delay = duration_in(lang, bot.app.timing().follow_up_after);
                text.push('\n');
                text.push_str(&say_in(lang, "follow-up-ask-again", &[("delay", &delay)]));
            }
            text.push('\n');
            text.push_str(&say_in(lang, "follow-up-thanks", &[]));
            let update = CreateInteractionResponseMessage::new()
                .content(crate::text::truncate_chars(&text, render::MESSAGE_LIMIT))
                .components(Vec::new())
                .allowed_mentions(render::no_mentions());
            respond(CreateInteractionResponse::UpdateMessage(update)).await;
        }
        Ok(OutcomeRecorded::Already(outcome)) => {
            let recorded = recorded_words(lang, &outcome);
            let text = say_in(lang, "follow-up-already", &[("recorded", &recorded)]);
            respond(ephemeral(text)).await;
        }
        Err(e) => {
            // Nothing is lost: the note typed is given back with the refusal.
            let mut text = words_in(lang, &e);
            if let Some(note) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                text.push('\n');
                text.push_str(&say_in(lang, "note-to-copy", &[]));
                text.push_str(&format!("\n```\n{}\n```", note.replace("```", "'''")));
            }
            respond(ephemeral(crate::text::truncate_chars(
                &text,
                render::MESSAGE_LIMIT,
            )))
            .await;
        }
    }
}
