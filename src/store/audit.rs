//! Reading past decisions back: filtered listings, one decision in full, and statistics.
//!
//! Every query can be scoped to one guild; the Discord layer always scopes, the offline CLI
//! may look across guilds. Filters are bound parameters built with sqlx's `QueryBuilder`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{OutcomeStats, ServerId, Status};
use crate::checklist::VerdictKind;

/// Which walkthroughs a listing, export or statistic covers. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub guild_id: Option<ServerId>,
    pub verdict: Option<VerdictKind>,
    pub status: Option<Status>,
    /// A requester's id or display name (case-insensitive).
    pub requester: Option<String>,
    /// Started at or after this time (statistics: decisions decided at or after it).
    pub since: Option<DateTime<Utc>>,
    /// Started before this time (statistics: decisions decided before it).
    pub until: Option<DateTime<Utc>>,
    /// Words that must appear in the proposal text (case-insensitive).
    pub text: Option<String>,
}

/// A `LIKE` pattern matching text that contains `words` (case-insensitive for ASCII letters,
/// as SQLite's LIKE is; `%`, `_` and `\` in `words` match themselves).
pub(crate) fn contains_pattern(words: &str) -> String {
    let mut pattern = String::with_capacity(words.len() + 2);
    pattern.push('%');
    for c in words.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Decisions counted for one month (`2026-11`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MonthCounts {
    pub month: String,
    pub premature: u64,
    pub not_justified_yet: u64,
    pub justified: u64,
}

/// What the audit's statistics show.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub walkthroughs: u64,
    pub by_status: BTreeMap<String, u64>,
    pub by_source: BTreeMap<String, u64>,
    pub decisions: u64,
    pub by_verdict: BTreeMap<String, u64>,
    /// Share of decisions that were PREMATURE, 0..=1; `None` without decisions.
    pub premature_share: Option<f64>,
    /// How often each gate was not answered Yes, most frequent first.
    pub failing_gates: Vec<(String, u64)>,
    /// How often each driver was cited, most frequent first.
    pub drivers: Vec<(String, u64)>,
    /// Walkthroughs the detector started in chat, and how many of those people dismissed.
    pub detections: u64,
    pub dismissed_detections: u64,
    /// dismissed / detections; `None` without detections.
    pub dismissal_rate: Option<f64>,
    pub by_month: Vec<MonthCounts>,
    /// How the decisions turned out: the team's own rate next to the assumed "8 in 10".
    pub outcomes: OutcomeStats,
    /// The detector in production, per action: started / (started + dismissed), over every
    /// detection of the filter's guild (the date filters do not apply).
    pub detection: super::DetectionPrecision,
}

impl ListFilter {
    /// Whether the filter looks at walkthrough columns that decisions do not copy.
    pub(crate) fn needs_walkthroughs(&self) -> bool {
        self.status.is_some() || self.requester.is_some() || self.text.is_some()
    }
}

impl Stats {
    /// The gate that fails most often, if any failed.
    pub fn most_failing_gate(&self) -> Option<&str> {
        self.failing_gates
            .first()
            .filter(|(_, n)| *n > 0)
            .map(|(g, _)| g.as_str())
    }
}
