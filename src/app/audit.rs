//! Auditing past decisions: list, show, suggest, stats, export, and the team's reviews.
//!
//! Every query a guild asks is scoped to that guild; the terminal (next to the database)
//! passes no guild and sees everything.

use std::io::Write;

use super::{
    App, AppError, DecisionDetail, DecisionSummary, DetectionOutcome, ExportError, ExportFormat,
    ListFilter, NewReview, ReviewId, ReviewRecord, ServerId, Stats, StoreError, WalkthroughId,
};

impl App {
    /// The newest walkthroughs matching `filter`, newest first.
    pub async fn list(
        &self,
        filter: &ListFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<DecisionSummary>, AppError> {
        Ok(self.store.list(filter, limit, offset).await?)
    }

    /// How many walkthroughs match `filter`.
    pub async fn count(&self, filter: &ListFilter) -> Result<u64, AppError> {
        Ok(self.store.count(filter).await?)
    }

    /// Everything about walkthrough `id`; with `guild` set, one of another guild is not found.
    pub async fn detail(
        &self,
        id: WalkthroughId,
        guild: Option<ServerId>,
    ) -> Result<DecisionDetail, AppError> {
        match self.store.detail(id, guild).await {
            Err(StoreError::NotFound(_)) => Err(AppError::NotInThisServer(id)),
            other => Ok(other?),
        }
    }

    /// Autocomplete: `guild`'s newest walkthroughs matching what is typed.
    pub async fn suggest(
        &self,
        guild: ServerId,
        partial: &str,
        decided_only: bool,
        limit: u32,
    ) -> Result<Vec<DecisionSummary>, AppError> {
        Ok(self
            .store
            .suggest_walkthroughs(guild, partial, decided_only, limit)
            .await?)
    }

    /// What the team did with the chat detections (started or dismissed), oldest first, as
    /// labels for retraining the detector (`tunegate detect feedback`).
    pub async fn detection_feedback(&self) -> Result<Vec<DetectionOutcome>, AppError> {
        Ok(self.store.detection_outcomes().await?)
    }

    /// Counts by verdict, gates, drivers and month.
    pub async fn stats(&self, filter: &ListFilter) -> Result<Stats, AppError> {
        let mut stats = self.store.stats(filter).await?;
        stats.detection = self.detection_precision(filter.guild_id).await?;
        Ok(stats)
    }

    /// Writes every walkthrough matching `filter`, oldest first; returns how many.
    pub async fn export<W: Write>(
        &self,
        filter: &ListFilter,
        format: ExportFormat,
        out: &mut W,
    ) -> Result<u64, ExportError> {
        self.store.export(filter, format, out).await
    }

    /// Records a review of a decided walkthrough (append-only).
    pub async fn review(&self, review: &NewReview) -> Result<ReviewRecord, AppError> {
        let recorded = self.store.add_review(review).await?;
        tracing::info!(
            walkthrough_id = %review.walkthrough_id,
            review_id = %recorded.id,
            guild_id = review.guild_id.map(|g| g.0),
            outcome = recorded.outcome.key(),
            "review recorded"
        );
        Ok(recorded)
    }

    /// The walkthrough a revisit button asks to run again, checked: the review belongs to
    /// `guild`, the person is an auditor or the decision's requester, and no revisit of it
    /// is running. Returns the decision's walkthrough.
    pub async fn revisit_target(
        &self,
        review_id: ReviewId,
        guild: ServerId,
        actor: &super::Actor,
        auditor: bool,
    ) -> Result<super::WalkthroughRecord, AppError> {
        let review = match self.store.review(review_id).await {
            Ok(r) if r.guild_id == Some(guild) => r,
            Ok(_) | Err(StoreError::ReviewNotFound(_)) => return Err(AppError::ReviewGone),
            Err(e) => return Err(e.into()),
        };
        let old = self.store.walkthrough(review.walkthrough_id).await?;
        if !auditor
            && !self
                .rules_in(old.place.server)
                .await?
                .may_answer(&old, actor)
        {
            return Err(AppError::MayNotRevisit(old.id));
        }
        if let Some(open) = self.store.open_revisit_of(old.id).await? {
            return Err(AppError::RevisitRunning { open, id: old.id });
        }
        Ok(old)
    }
}
