//! The decision-log channel in Discord: the sweep that posts every new verdict and outcome of a
//! server in the channel its admins chose (`/finetune-audit settings log_channel:`), as one
//! compact embed linking to the decision's thread.
//!
//! The app claims each post first (so several processes post it once); a channel that is gone
//! or closed to the bot (403/404) marks the post undeliverable, a passing failure (429, 5xx, no
//! connection) gives it back for the next sweep. Nobody is mentioned.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateEmbed, CreateEmbedFooter, CreateMessage};

use super::follow_ups::passing;
use super::{Bot, render};
use crate::app::decision_log::{LogDelivery, LogPost};
use crate::app::{AppError, Lang, words};
use crate::checklist::ChecklistContent;
use crate::text::truncate_chars;

/// How often the sweep looks for verdicts and outcomes to log.
pub const PERIOD: Duration = Duration::from_secs(3);

/// Sweeps until aborted.
pub async fn run(bot: Arc<Bot>) {
    let mut ticker = tokio::time::interval(PERIOD);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(e) = sweep(&bot, bot.now()).await {
            tracing::warn!(error = ?e.operator_cause(), "decision log sweep failed; will try again");
        }
    }
}

/// Posts every verdict and outcome this process could claim. Returns how many were posted.
pub async fn sweep(bot: &Bot, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut posted = 0;
    for post in bot.app.claim_log_posts(now).await? {
        let lang = post
            .language
            .as_deref()
            .or(Some(post.detail.walkthrough.lang.as_str()))
            .and_then(Lang::parse)
            .unwrap_or_default();
        let message = CreateMessage::new()
            .embed(entry(lang, &post, bot.app.content_in(lang)))
            .allowed_mentions(render::no_mentions());
        let delivery = match bot
            .rest
            .post_message(ChannelId::from(post.channel), &message)
            .await
        {
            Ok(m) => {
                posted += 1;
                LogDelivery::Posted {
                    message_id: m.id.into(),
                }
            }
            Err(e) if passing(&e) => LogDelivery::Retry,
            Err(e) => {
                tracing::info!(channel_id = %post.channel, error = %e, "could not post in the decision log channel");
                LogDelivery::Undeliverable
            }
        };
        bot.app.log_post_delivered(&post, delivery, now).await?;
    }
    Ok(posted)
}

/// The compact embed of one verdict or outcome.
pub fn entry(lang: Lang, post: &LogPost, content: &ChecklistContent) -> CreateEmbed {
    let say = |key: &str, args: &[(&str, &str)]| words::say_in(lang, key, args);
    let w = &post.detail.walkthrough;
    let id = w.id.to_string();
    let thread = w.place.thread.or(w.place.channel);
    let link = thread.map(|t| format!("https://discord.com/channels/{}/{t}", post.guild));
    let mut embed = CreateEmbed::new()
        .field(
            say("log-field-requester", &[]),
            format!("<@{}>", w.requester.id),
            true,
        )
        .footer(CreateEmbedFooter::new(match &link {
            Some(_) => say("log-open-thread", &[]),
            None => say("log-no-thread", &[]),
        }));
    if let Some(link) = &link {
        embed = embed.url(link);
    }
    let outcome = post
        .outcome_id
        .and_then(|o| post.detail.outcomes.iter().find(|r| r.id == o));
    match (&post.detail.decision, outcome) {
        (_, Some(outcome)) => embed
            .title(say("log-outcome-title", &[("id", &id)]))
            .field(
                say("log-field-result", &[]),
                words::outcome_result_in(lang, outcome.result),
                true,
            )
            .field(
                say("log-field-recorded-by", &[]),
                format!("<@{}>", outcome.recorded_by.id),
                true,
            )
            .timestamp(render::embed_time(outcome.created_at)),
        (Some(d), None) => embed
            .title(say(
                "log-verdict-title",
                &[
                    ("id", &id),
                    ("verdict", &words::headline_in(lang, d.verdict)),
                ],
            ))
            .description(truncate_chars(&d.summary, 300))
            .colour(render::verdict_colour(d.verdict))
            .field(
                say("log-field-goal", &[]),
                render::goal_words(content, d.goal, d.goal_detail.as_deref()),
                true,
            )
            .timestamp(render::embed_time(d.decided_at)),
        (None, None) => embed.title(say("log-verdict-title", &[("id", &id), ("verdict", "?")])),
    }
}
