//! Starting a walkthrough, from any source: a chat message the detector flagged, a slash
//! command, a message's context menu, the terminal, or a revisit of an earlier decision.
//!
//! The walkthrough is recorded before the front end posts anything, so a crash in between
//! leaves an open walkthrough that `resume` can pick up, and a chat message delivered twice
//! finds the existing walkthrough instead of starting a second one.

use chrono::{DateTime, Utc};

use crate::store::NewWalkthrough;

use super::settings::{ServerSettings, seconds};
use super::{App, AppError, Lang, Person, Place, RoomId, Source, WalkthroughId, WalkthroughRecord};

/// Who started a walkthrough, where, and why.
#[derive(Debug, Clone)]
pub struct Start {
    pub source: Source,
    pub place: Place,
    pub requester: Person,
    pub trigger_text: String,
    pub revisit_of: Option<WalkthroughId>,
}

impl WalkthroughRecord {
    /// The language this walkthrough speaks (English for a code this build does not know).
    pub fn language(&self) -> Lang {
        Lang::from_locale(Some(&self.lang))
    }
}

/// Why a flagged chat message does not start a walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatSkip {
    /// The message is inside a walkthrough's own thread.
    InsideWalkthrough,
    /// The channel or the person started one too recently (the cooldowns).
    Cooldown,
    /// The server does not read this channel (detection off, or the channel lists).
    NotWatched,
}

impl App {
    /// Starts a walkthrough in English; for a chat message that already has one, returns that
    /// one and `false`.
    pub async fn start(
        &self,
        start: Start,
        now: DateTime<Utc>,
    ) -> Result<(WalkthroughRecord, bool), AppError> {
        self.start_in(start, Lang::En, now).await
    }

    /// Starts a walkthrough that speaks `lang` (stored with it, for every message posted
    /// later); for a chat message that already has one, returns that one and `false`.
    pub async fn start_in(
        &self,
        start: Start,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<(WalkthroughRecord, bool), AppError> {
        let started = self
            .store
            .start_walkthrough(&NewWalkthrough {
                source: start.source,
                place: start.place,
                requester: start.requester,
                trigger_text: start.trigger_text,
                checklist_version: self.version.to_string(),
                revisit_of: start.revisit_of,
                lang: lang.code().to_string(),
                now,
            })
            .await?;
        Ok(started)
    }

    /// Whether a chat message the detector flagged in `channel` (a thread inside `parent`) by
    /// `requester_id` may start a walkthrough under its server's `settings` (read for this
    /// message with [`App::server_settings`], so a change takes effect at once): the server
    /// reads that channel, it is not inside a walkthrough's thread, and the server's cooldowns
    /// have passed.
    pub async fn chat_start_allowed(
        &self,
        settings: &ServerSettings,
        channel: RoomId,
        parent: Option<RoomId>,
        requester_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<(), ChatSkip>, AppError> {
        if !settings.watches(channel.0, parent.map(|p| p.0)) {
            return Ok(Err(ChatSkip::NotWatched));
        }
        if self
            .store
            .open_walkthrough_in_thread(channel)
            .await?
            .is_some()
        {
            return Ok(Err(ChatSkip::InsideWalkthrough));
        }
        let since = |secs: u64| {
            (secs > 0).then(|| {
                now.checked_sub_signed(seconds(secs))
                    .unwrap_or(DateTime::<Utc>::MIN_UTC)
            })
        };
        let quiet = self
            .store
            .recent_chat_start(
                channel,
                requester_id,
                since(settings.channel_cooldown_secs),
                since(settings.user_cooldown_secs),
            )
            .await?;
        Ok(if quiet {
            Err(ChatSkip::Cooldown)
        } else {
            Ok(())
        })
    }

    /// The language walkthrough `id` speaks; English when it cannot be read (a message in
    /// English is better than none).
    pub async fn language_of(&self, id: WalkthroughId) -> Lang {
        match self.store.walkthrough(id).await {
            Ok(record) => record.language(),
            Err(e) => {
                tracing::warn!(walkthrough_id = %id, error = %e, "language unknown; English");
                Lang::En
            }
        }
    }

    /// Remembers the thread a walkthrough's questions are in.
    pub async fn set_thread(
        &self,
        walkthrough_id: WalkthroughId,
        thread: RoomId,
    ) -> Result<(), AppError> {
        Ok(self.store.set_thread(walkthrough_id, thread).await?)
    }
}
