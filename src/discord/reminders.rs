//! The idle sweep: a walkthrough without an answer for `discord.reminder_after_minutes` gets
//! one reminder in its thread; after `discord.abandon_after_minutes` it is marked abandoned.
//! Both are read from and written to the store, so a restart neither repeats nor forgets one.
//! The same loop applies the retention period (`retention.redact_after_days`) once an hour.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateMessage, UserId};

use super::rest::RestError;
use super::{Bot, render};
use crate::store::{Status, WalkthroughRecord};

/// How many walkthroughs one sweep handles at most.
const BATCH: u32 = 50;

/// Sweeps every minute (or faster when the configured delays are short) until aborted.
pub async fn run(bot: Arc<Bot>) {
    let remind = bot.settings.discord.reminder_after_minutes.max(1);
    let period = Duration::from_secs((remind * 60 / 4).clamp(5, 60));
    let mut ticker = tokio::time::interval(period);
    let mut last_redaction: Option<std::time::Instant> = None;
    loop {
        ticker.tick().await;
        let now = bot.now();
        if let Err(e) = sweep(&bot, now).await {
            tracing::warn!(error = %e, "idle sweep failed; will try again");
        }
        let days = bot.settings.retention.redact_after_days;
        let due = last_redaction.is_none_or(|t| t.elapsed() >= REDACTION_PERIOD);
        if days > 0 && due {
            last_redaction = Some(std::time::Instant::now());
            let cutoff = now - chrono::Duration::days(days.min(365_000) as i64);
            match bot.flow.store.redact_older_than(cutoff, now).await {
                Ok(report) => tracing::info!(
                    proposals = report.proposals,
                    notes = report.notes,
                    goal_details = report.goal_details,
                    review_notes = report.review_notes,
                    names = report.names,
                    "retention: redacted old texts"
                ),
                Err(e) => tracing::warn!(error = %e, "retention run failed; will try again"),
            }
        }
    }
}

/// How often the bot applies `retention.redact_after_days` while it runs.
const REDACTION_PERIOD: Duration = Duration::from_secs(3600);

/// Posts due reminders and abandons expired walkthroughs. Returns (reminded, abandoned).
pub async fn sweep(
    bot: &Bot,
    now: DateTime<Utc>,
) -> Result<(usize, usize), crate::store::StoreError> {
    let d = &bot.settings.discord;
    let abandon_before = now - chrono::Duration::minutes(d.abandon_after_minutes as i64);
    let remind_before = now - chrono::Duration::minutes(d.reminder_after_minutes as i64);
    let mut abandoned = 0;
    for record in bot
        .flow
        .store
        .idle_walkthroughs(abandon_before, BATCH)
        .await?
    {
        if bot
            .flow
            .store
            .close_walkthrough(record.id, Status::Abandoned, now)
            .await?
        {
            abandoned += 1;
            let text = format!(
                "This checklist got no answer for a while, so I closed it (#{}). \
                 Run `/finetune check` to start again.",
                record.id
            );
            let _ = post(
                bot,
                &record,
                CreateMessage::new()
                    .content(text)
                    .allowed_mentions(render::no_mentions()),
            )
            .await;
        }
    }
    let mut reminded = 0;
    for record in bot
        .flow
        .store
        .idle_walkthroughs(remind_before, BATCH)
        .await?
    {
        if record.reminded_at.is_some() {
            continue;
        }
        // Claim the reminder first: two processes never both post it.
        if !bot.flow.store.mark_reminded(record.id, now).await? {
            continue;
        }
        let requester = record.requester.id.parse::<u64>().ok().map(UserId::new);
        let mention = requester.map(|u| format!("<@{u}> ")).unwrap_or_default();
        let mut message = CreateMessage::new().content(format!(
            "{mention}this checklist is still waiting for an answer to question {} of 6. \
             If fine-tuning is off the table, the first question has a \"Not a fine-tune \
             request\" button; `/finetune resume` shows the current question again.",
            record.step.number().min(6)
        ));
        message = message.allowed_mentions(match requester {
            Some(u) => render::only_user(u),
            None => render::no_mentions(),
        });
        match post(bot, &record, message).await {
            Err(e) if e.status() == Some(404) => {
                // The thread is gone: nobody can answer any more.
                bot.flow
                    .store
                    .close_walkthrough(record.id, Status::Abandoned, now)
                    .await?;
                tracing::info!(
                    walkthrough_id = record.id,
                    "thread deleted; walkthrough abandoned"
                );
            }
            Err(e) => {
                tracing::warn!(walkthrough_id = record.id, error = %e, "could not post a reminder")
            }
            Ok(()) => reminded += 1,
        }
    }
    Ok((reminded, abandoned))
}

async fn post(
    bot: &Bot,
    record: &WalkthroughRecord,
    message: CreateMessage,
) -> Result<(), RestError> {
    let Some(home) = record.place.thread_id.or(record.place.channel_id) else {
        return Ok(()); // A terminal walkthrough has nowhere to post.
    };
    bot.rest
        .post_message(ChannelId::new(home), &message)
        .await
        .map(|_| ())
}
