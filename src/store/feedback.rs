//! What the team did with the chat detections: labels for retraining the detector, and the
//! detector's precision in production per action.
//!
//! A chat walkthrough (opened by the `thread` action) that someone answered at least once
//! counts as started (the team took it as a proposal); one closed with "Not a fine-tune
//! request" counts as dismissed. A suggestion (the `suggest` action) counts as started when its
//! author ran the checklist, dismissed on "Not a proposal"; one that expired unanswered says
//! nothing. Others (no answer yet, cancelled before any answer) are left out of the labels, as
//! are texts that retention already redacted.

use serde::Serialize;

/// One chat detection and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectionOutcome {
    /// Where it is recorded: `walkthrough 12` or `suggestion 4`.
    pub origin: String,
    /// The team took it as a proposal; otherwise it was dismissed.
    pub started: bool,
    pub text: String,
}

/// How the detector's two actions fared with the team: `started / (started + dismissed)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ActionPrecision {
    pub started: u64,
    pub dismissed: u64,
    /// Suggestions nobody answered (counted apart: silence is not a verdict).
    pub expired: u64,
    /// `None` before anything was started or dismissed.
    pub precision: Option<f64>,
}

impl ActionPrecision {
    pub fn new(started: u64, dismissed: u64, expired: u64) -> ActionPrecision {
        let decided = started + dismissed;
        ActionPrecision {
            started,
            dismissed,
            expired,
            precision: (decided > 0).then(|| started as f64 / decided as f64),
        }
    }
}

/// The production precision of both actions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DetectionPrecision {
    pub thread: ActionPrecision,
    pub suggest: ActionPrecision,
}
