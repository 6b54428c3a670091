//! The idle sweep: a walkthrough without an answer for `discord.reminder_after_minutes` gets
//! one reminder in its thread; after `discord.abandon_after_minutes` it is marked abandoned.
//! The app claims each one before it is posted here, so a restart neither repeats nor forgets
//! one. The same loop applies the retention period (`retention.redact_after_days`) once an hour.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateMessage, UserId};

use super::rest::RestError;
use super::{Bot, render};
use crate::app::words::say_in;
use crate::app::{AppError, WalkthroughRecord};
use crate::checklist::Step;

/// Sweeps every minute (or faster when the configured delays are short) until aborted.
pub async fn run(bot: Arc<Bot>) {
    let remind = bot.app.timing().reminder_after_minutes.max(1);
    let period = Duration::from_secs((remind * 60 / 4).clamp(5, 60));
    let mut ticker = tokio::time::interval(period);
    let mut last_redaction: Option<std::time::Instant> = None;
    loop {
        ticker.tick().await;
        let now = bot.now();
        if let Err(e) = sweep(&bot, now).await {
            tracing::warn!(error = ?e.operator_cause(), "idle sweep failed; will try again");
        }
        let due = last_redaction.is_none_or(|t| t.elapsed() >= REDACTION_PERIOD);
        if due {
            last_redaction = Some(std::time::Instant::now());
            match bot.app.apply_retention(now).await {
                Ok(Some(report)) => tracing::info!(
                    proposals = report.proposals,
                    notes = report.notes,
                    goal_details = report.goal_details,
                    review_notes = report.review_notes,
                    names = report.names,
                    "retention: redacted old texts"
                ),
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(error = ?e.operator_cause(), "retention run failed; will try again")
                }
            }
        }
    }
}

/// How often the bot applies `retention.redact_after_days` while it runs.
const REDACTION_PERIOD: Duration = Duration::from_secs(3600);

/// Posts due reminders and abandons expired walkthroughs. Returns (reminded, abandoned).
pub async fn sweep(bot: &Bot, now: DateTime<Utc>) -> Result<(usize, usize), AppError> {
    let abandoned = bot.app.abandon_idle(now).await?;
    for record in &abandoned {
        let text = say_in(
            record.language(),
            "abandoned-notice",
            &[("id", &record.id.to_string())],
        );
        let _ = post(
            bot,
            record,
            CreateMessage::new()
                .content(text)
                .allowed_mentions(render::no_mentions()),
        )
        .await;
    }
    let mut reminded = 0;
    for record in bot.app.due_reminders(now).await? {
        // Claim the reminder first: two processes never both post it.
        if !bot.app.claim_reminder(record.id, now).await? {
            continue;
        }
        let requester = record.requester.id.parse::<u64>().ok().map(UserId::new);
        let mention = requester.map(|u| format!("<@{u}> ")).unwrap_or_default();
        let mut message = CreateMessage::new().content(say_in(
            record.language(),
            "reminder",
            &[
                ("mention", &mention),
                (
                    "started",
                    &render::time(record.created_at, render::TimeStyle::Relative),
                ),
                (
                    "number",
                    &record.step.number().min(Step::QUESTIONS).to_string(),
                ),
                ("total", &Step::QUESTIONS.to_string()),
            ],
        ));
        message = message.allowed_mentions(match requester {
            Some(u) => render::only_user(u),
            None => render::no_mentions(),
        });
        match post(bot, &record, message).await {
            Err(e) if e.status() == Some(404) => {
                // The thread is gone: nobody can answer any more.
                bot.app.abandon(record.id, now).await?;
            }
            Err(e) => {
                tracing::warn!(walkthrough_id = %record.id, error = %e, "could not post a reminder")
            }
            Ok(()) => reminded += 1,
        }
    }
    Ok((reminded, abandoned.len()))
}

async fn post(
    bot: &Bot,
    record: &WalkthroughRecord,
    message: CreateMessage,
) -> Result<(), RestError> {
    let Some(home) = record.place.thread.or(record.place.channel) else {
        return Ok(()); // A terminal walkthrough has nowhere to post.
    };
    bot.rest
        .post_message(ChannelId::from(home), &message)
        .await
        .map(|_| ())
}
