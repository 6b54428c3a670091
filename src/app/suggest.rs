//! The gentler first touch: a chat message the detector scores between `suggest_threshold` and
//! `thread_threshold` gets a reply offering the checklist instead of a thread.
//!
//! A suggestion is recorded before the front end replies (one per chat message, whichever
//! process sees it first), then it ends one way: started (its author or an answer role ran the
//! checklist, which opens the thread as a chat detection does), dismissed ("Not a proposal"),
//! or expired (nobody answered within `detect.suggest_expires_minutes`). Each ending is claimed
//! by one statement, so a double click and the expiry sweep never both win. Both kinds of
//! dismissal are kept: they are the detector's production precision per action.

use chrono::{DateTime, Utc};

use crate::store::{
    ActionPrecision, DetectionPrecision, NewSuggestion, SuggestionRecord, SuggestionState,
};

use super::settings::ServerSettings;
use super::start::ChatSkip;
use super::{Actor, App, AppError, Person, PostId, RoomId, ServerId, SuggestionId, WalkthroughId};

/// How many expired suggestions one sweep closes at most.
pub const EXPIRY_BATCH: u32 = 50;

/// A chat message to suggest the checklist for.
#[derive(Debug, Clone)]
pub struct Suggest<'a> {
    pub guild: ServerId,
    /// The server's settings, as read for this message.
    pub settings: &'a ServerSettings,
    pub channel: RoomId,
    /// The channel a thread is in, when the message is in a thread.
    pub parent: Option<RoomId>,
    pub message: PostId,
    pub author: &'a Person,
    pub text: &'a str,
    pub score: f32,
}

impl App {
    /// Records a suggestion for a flagged chat message, unless the message is inside a
    /// walkthrough's thread, the cooldowns hold, or it has one already (`Ok(None)`).
    pub async fn offer_checklist(
        &self,
        request: &Suggest<'_>,
        now: DateTime<Utc>,
    ) -> Result<Option<SuggestionRecord>, AppError> {
        match self
            .chat_start_allowed(
                request.settings,
                request.channel,
                request.parent,
                &request.author.id,
                now,
            )
            .await?
        {
            Ok(()) => {}
            Err(ChatSkip::InsideWalkthrough | ChatSkip::Cooldown | ChatSkip::NotWatched) => {
                return Ok(None);
            }
        }
        Ok(self
            .store
            .record_suggestion(&NewSuggestion {
                guild_id: request.guild,
                channel_id: request.channel,
                message_id: request.message,
                author: request.author,
                text: request.text,
                score: request.score,
                now,
            })
            .await?)
    }

    /// Remembers the reply that carries the suggestion.
    pub async fn suggestion_replied(
        &self,
        id: SuggestionId,
        reply: PostId,
    ) -> Result<(), AppError> {
        Ok(self.store.suggestion_replied(id, reply).await?)
    }

    /// Claims a suggestion for `actor` to start (its author, or an answer role) or to dismiss.
    /// Returns it closed as `ending`; a second click gets [`AppError::AlreadyClosed`].
    pub async fn end_suggestion(
        &self,
        id: SuggestionId,
        guild: ServerId,
        actor: &Actor,
        ending: SuggestionState,
        now: DateTime<Utc>,
    ) -> Result<SuggestionRecord, AppError> {
        let Some(suggestion) = self.store.suggestion(id).await? else {
            return Err(AppError::SuggestionGone);
        };
        if suggestion.guild_id != guild {
            return Err(AppError::SuggestionGone);
        }
        let rules = self.rules_in(Some(guild)).await?;
        let may = suggestion.author.id == actor.person.id
            || actor
                .roles
                .iter()
                .any(|role| rules.answer_roles.contains(role));
        if !may {
            return Err(AppError::MayNotAnswer {
                requester: suggestion.author.id.clone(),
                answer_roles: rules.answer_roles,
            });
        }
        match self
            .store
            .close_suggestion(id, ending, Some(&actor.person.id), now)
            .await?
        {
            Some(closed) => {
                tracing::info!(
                    suggestion_id = %id,
                    ending = ending.key(),
                    "suggestion ended"
                );
                Ok(closed)
            }
            None => Err(AppError::AlreadyClosed),
        }
    }

    /// Links a started suggestion to the walkthrough it opened.
    pub async fn link_suggestion(
        &self,
        id: SuggestionId,
        walkthrough_id: WalkthroughId,
    ) -> Result<(), AppError> {
        Ok(self.store.link_suggestion(id, walkthrough_id).await?)
    }

    /// Closes the suggestions nobody answered in time; returns them, to remove their replies.
    pub async fn expire_suggestions(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<SuggestionRecord>, AppError> {
        let minutes = self.timing.suggest_expires_minutes.min(525_600) as i64;
        let before = now - chrono::Duration::minutes(minutes);
        Ok(self
            .store
            .expire_suggestions(before, now, EXPIRY_BATCH)
            .await?)
    }

    /// The detector's precision with the team, per action, for one guild or all.
    pub async fn detection_precision(
        &self,
        guild: Option<ServerId>,
    ) -> Result<DetectionPrecision, AppError> {
        let (started, dismissed, expired, _open) = self.store.suggestion_counts(guild).await?;
        let (thread_started, thread_dismissed) = self.store.thread_detection_counts(guild).await?;
        Ok(DetectionPrecision {
            thread: ActionPrecision::new(thread_started, thread_dismissed, 0),
            suggest: ActionPrecision::new(started, dismissed, expired),
        })
    }
}
