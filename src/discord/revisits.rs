//! The revisit sweep: when a review's revisit date comes, one reminder is posted in the
//! decision's thread (or in `discord.audit_channel_id` when the thread is gone), with a button
//! to run the checklist again.
//!
//! The app claims each reminder before it is posted here (see `app::sweeps`), so a restart
//! neither repeats nor forgets a reminder, and so of several bot processes exactly
//! one posts it; when Discord fails for a passing reason (5xx, rate limits beyond the retries,
//! no connection) the claim is given back and a later sweep tries again.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateMessage};

use super::rest::RestError;
use super::{Bot, audit_render};
use crate::app::{AppError, DueRevisit, RoomId};

/// How often the sweep runs.
const PERIOD: Duration = Duration::from_secs(60);

/// Sweeps every minute until aborted.
pub async fn run(bot: Arc<Bot>) {
    let mut ticker = tokio::time::interval(PERIOD);
    loop {
        ticker.tick().await;
        if let Err(e) = sweep(&bot, bot.now()).await {
            tracing::warn!(error = ?e.operator_cause(), "revisit sweep failed; will try again");
        }
    }
}

/// What became of one reminder.
enum Delivery {
    Posted,
    /// Discord failed for a passing reason: try again later.
    Retry,
    /// Nowhere to post it (thread gone, no fallback channel): logged, not retried.
    Nowhere,
}

/// Posts every reminder due on `now`'s day (UTC). Returns how many were posted.
pub async fn sweep(bot: &Bot, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut posted = 0;
    for due in bot.app.due_revisits(now).await? {
        let review_id = due.review.id;
        if !bot.app.claim_revisit(review_id, now).await? {
            continue;
        }
        match deliver(bot, &due).await {
            Delivery::Posted => {
                posted += 1;
                tracing::info!(
                    %review_id,
                    walkthrough_id = %due.review.walkthrough_id,
                    "revisit reminder posted"
                );
            }
            Delivery::Retry => bot.app.release_revisit(review_id).await?,
            Delivery::Nowhere => tracing::warn!(
                %review_id,
                walkthrough_id = %due.review.walkthrough_id,
                "revisit reminder not posted: the decision's thread is gone and \
                 discord.audit_channel_id is not set"
            ),
        }
    }
    Ok(posted)
}

fn passing(e: &RestError) -> bool {
    match e {
        RestError::Transport(_) | RestError::GaveUp { .. } => true,
        RestError::Status { status, .. } => *status == 429 || *status >= 500,
        RestError::Decode(_) => false,
    }
}

async fn post(bot: &Bot, channel: RoomId, message: &CreateMessage) -> Result<(), RestError> {
    bot.rest
        .post_message(ChannelId::from(channel), message)
        .await
        .map(|_| ())
}

/// Posts in the decision's thread; on 403/404 (or without one) in the audit channel.
async fn deliver(bot: &Bot, due: &DueRevisit) -> Delivery {
    // Posted without an interaction: in the language of the decision's walkthrough.
    let lang = bot.app.language_of(due.review.walkthrough_id).await;
    let reminder = audit_render::revisit_reminder(lang, due);
    let home = due.place.thread.or(due.place.channel);
    if let Some(home) = home {
        match post(bot, home, &reminder).await {
            Ok(()) => return Delivery::Posted,
            Err(e) if passing(&e) => {
                tracing::warn!(review_id = %due.review.id, error = %e, "reminder failed; will retry");
                return Delivery::Retry;
            }
            Err(e) => {
                tracing::info!(review_id = %due.review.id, error = %e, "decision thread unavailable");
            }
        }
    }
    let fallback = bot.settings.discord.audit_channel_id;
    if fallback == 0 {
        return Delivery::Nowhere;
    }
    match post(bot, RoomId(fallback), &reminder).await {
        Ok(()) => Delivery::Posted,
        Err(e) if passing(&e) => Delivery::Retry,
        Err(e) => {
            tracing::warn!(review_id = %due.review.id, error = %e, "audit channel refused the reminder");
            Delivery::Nowhere
        }
    }
}
