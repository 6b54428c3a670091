//! Team reviews of decisions: record one (append-only), read them back, and the bookkeeping of
//! revisit reminders (which dates have come, and which bot process claimed each reminder).
//!
//! A review row is never updated or deleted (triggers refuse it). A reminder is claimed by
//! inserting into `review_reminders`, whose primary key lets exactly one process win, so a
//! reminder fires once however many bot processes sweep and however often they restart.

use chrono::NaiveDate;

use super::{NewReview, ReviewOutcome, Status, StoreError, WalkthroughId};

/// The longest review note kept, in characters.
pub const MAX_REVIEW_NOTE_CHARS: usize = 1000;

/// Why a review was not recorded. The words a person reads come from the app
/// (`locales/<lang>/messages.ftl`), which knows the front ends' command names; these are for logs.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("there is no decision #{0} here")]
    NotFound(WalkthroughId),
    #[error(
        "checklist #{id} has no verdict yet (it is {status}); only a decided checklist can be \
         reviewed",
        status = .status.key()
    )]
    NotDecided { id: WalkthroughId, status: Status },
    #[error("an overruled verdict needs a note that says why; add one and try again")]
    NoteRequired,
    #[error("the note is longer than {MAX_REVIEW_NOTE_CHARS} characters; shorten it and try again")]
    NoteTooLong,
    #[error("the revisit date {0} has already passed; choose today or a later day")]
    RevisitInPast(NaiveDate),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl NewReview {
    /// Checks the review makes sense on `today` (UTC): a reason for overruling, a short
    /// enough note, a revisit date that has not passed. Blank notes count as none.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ReviewError> {
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if self.outcome == ReviewOutcome::Overruled && note.is_none() {
            return Err(ReviewError::NoteRequired);
        }
        if note.is_some_and(|n| n.chars().count() > MAX_REVIEW_NOTE_CHARS) {
            return Err(ReviewError::NoteTooLong);
        }
        if let Some(day) = self.revisit_on
            && day < today
        {
            return Err(ReviewError::RevisitInPast(day));
        }
        Ok(())
    }
}
