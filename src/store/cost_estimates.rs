//! The savings estimates of decisions: the figures a team gave for the volume driver and what
//! they come to (see `checklist::cost`). Append-only; the latest estimate of a decision counts.
//! A replayed form (the same Discord interaction) records nothing and returns what was recorded.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Person, ServerId, StoreError, WalkthroughId};
use crate::checklist::cost::{CostEstimate, CostInputs};

/// A recorded savings estimate: what was given and what it came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEstimateRecord {
    pub id: i64,
    pub walkthrough_id: WalkthroughId,
    pub guild_id: Option<ServerId>,
    pub inputs: CostInputs,
    pub estimate: CostEstimate,
    pub recorded_by: Person,
    pub created_at: DateTime<Utc>,
}

/// Why an estimate was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum CostEstimateError {
    #[error("there is no decision #{0} here")]
    NotDecided(WalkthroughId),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CostEstimateError {
    fn from(e: sqlx::Error) -> Self {
        CostEstimateError::Store(e.into())
    }
}
