//! The other things a person does to a running walkthrough: dismiss it ("not a fine-tune
//! request"), cancel it, add a note, or ask for its current question again.

use chrono::{DateTime, Utc};

use super::access::{Actor, Here};
use super::{App, AppError, Note, Status, WalkthroughId, WalkthroughRecord};

impl App {
    /// "Not a fine-tune request", clicked on walkthrough `id`: closes it as dismissed.
    pub async fn dismiss(
        &self,
        id: WalkthroughId,
        actor: &Actor,
        here: Here,
        now: DateTime<Utc>,
    ) -> Result<WalkthroughRecord, AppError> {
        let record = self.authorize(id, actor, here).await?;
        if !self
            .store
            .close_walkthrough(id, Status::Dismissed, now)
            .await?
        {
            return Err(AppError::Closed(record.status));
        }
        tracing::info!(walkthrough_id = %id, "dismissed as not a fine-tune request");
        Ok(record)
    }

    /// Cancels the open walkthrough whose questions are in `here`.
    pub async fn cancel(
        &self,
        actor: &Actor,
        here: Here,
        now: DateTime<Utc>,
    ) -> Result<WalkthroughRecord, AppError> {
        let record = self.open_walkthrough_here(here).await?;
        self.rules_in(record.place.server)
            .await?
            .check_may_answer(&record, actor)?;
        if !self
            .store
            .close_walkthrough(record.id, Status::Cancelled, now)
            .await?
        {
            return Err(AppError::AlreadyClosed);
        }
        tracing::info!(walkthrough_id = %record.id, "cancelled");
        Ok(record)
    }

    /// The open walkthrough whose questions are in `here` (its thread, or the channel of one
    /// that has no thread), if it belongs to `here`'s guild: a thread id named from another
    /// guild finds nothing.
    pub async fn open_walkthrough_here(&self, here: Here) -> Result<WalkthroughRecord, AppError> {
        self.store
            .open_walkthrough_at(here.room)
            .await?
            .filter(|r| r.place.server.is_some() && r.place.server == here.server)
            .ok_or(AppError::NoOpenWalkthrough)
    }

    /// A note from a form on walkthrough `id`, checked like an answer.
    pub async fn note_from(
        &self,
        id: WalkthroughId,
        actor: &Actor,
        here: Here,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Note, AppError> {
        self.authorize(id, actor, here).await?;
        self.add_note(id, &actor.person, body, now).await
    }

    /// Adds a note to walkthrough `id` (the terminal: no access check).
    pub async fn add_note(
        &self,
        id: WalkthroughId,
        author: &super::Person,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Note, AppError> {
        match self.store.add_note(id, author, body, now).await {
            Ok(note) => Ok(note),
            Err(e) => {
                tracing::error!(walkthrough_id = %id, error = %e, "could not save a note");
                Err(e.into())
            }
        }
    }

    /// A walkthrough by id (the terminal, after it finished one).
    pub async fn walkthrough(&self, id: WalkthroughId) -> Result<WalkthroughRecord, AppError> {
        Ok(self.store.walkthrough(id).await?)
    }
}
