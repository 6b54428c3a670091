//! A server's decision-log channel: every verdict and every outcome made after the channel was
//! set is posted there once, as one compact message linking to the decision's thread.
//!
//! The log is read from the decisions and outcomes themselves (nothing is queued when a verdict
//! is recorded): a sweep claims what the channel has not shown yet, the front end posts it and
//! reports back. A claim is a row, so two processes never post the same verdict, and a claim
//! whose post never happened (a crash) is taken over after [`LOG_LEASE`].

use chrono::{DateTime, Utc};

use super::{App, AppError, DecisionDetail, RoomId, ServerId};
use crate::store::{LogItem, LogPostState};

/// How long a claimed post may stay unposted before another sweep takes it over.
pub const LOG_LEASE: chrono::Duration = chrono::Duration::minutes(5);
/// How many posts one sweep claims per server at most.
pub const LOG_BATCH: u32 = 20;

/// One post for a decision-log channel.
#[derive(Debug, Clone)]
pub struct LogPost {
    pub item: String,
    pub guild: ServerId,
    pub channel: RoomId,
    /// The decision, with its outcomes.
    pub detail: DecisionDetail,
    /// The outcome this post is about (`None`: the verdict).
    pub outcome_id: Option<i64>,
    /// The server's language setting, when it has one (else the decision's own language).
    pub language: Option<String>,
}

/// What became of a post.
pub type LogDelivery = LogPostState;

impl App {
    /// Claims the verdicts and outcomes every server's decision-log channel has not shown yet.
    pub async fn claim_log_posts(&self, now: DateTime<Utc>) -> Result<Vec<LogPost>, AppError> {
        let mut posts = Vec::new();
        for (guild, channel, since) in self.decision_log_channels().await? {
            let language = self.server_settings(Some(guild)).await?.language;
            let items = self
                .store
                .claim_log_items(guild, channel, since, now, LOG_LEASE, LOG_BATCH)
                .await?;
            for LogItem {
                item,
                walkthrough_id,
                outcome_id,
            } in items
            {
                match self.store.detail(walkthrough_id, Some(guild)).await {
                    Ok(detail) => posts.push(LogPost {
                        item,
                        guild,
                        channel,
                        detail,
                        outcome_id,
                        language: language.clone(),
                    }),
                    Err(e) => {
                        tracing::warn!(%walkthrough_id, error = %e, "a logged decision could not be read; will try again");
                        self.store
                            .log_post_done(&item, LogPostState::Retry, now)
                            .await?;
                    }
                }
            }
        }
        Ok(posts)
    }

    /// Records what became of a claimed post.
    pub async fn log_post_delivered(
        &self,
        post: &LogPost,
        delivery: LogDelivery,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if delivery == LogPostState::Undeliverable {
            tracing::warn!(
                guild_id = %post.guild,
                channel_id = %post.channel,
                "the decision log channel is gone or closed to the bot; this entry is skipped"
            );
        }
        Ok(self.store.log_post_done(&post.item, delivery, now).await?)
    }
}
