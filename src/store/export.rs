//! Streaming export of walkthroughs and their decisions as CSV, JSON or JSON Lines, each with
//! the decision's latest outcome (result, when, note) and latest savings estimate (its five
//! figures).
//!
//! Rows are read in pages of [`PAGE_ROWS`] (keyset pagination on the id), each page packed by
//! SQLite into one JSON text, so memory stays flat whatever the number of rows and the
//! per-row cost of moving rows out of SQLite stays small. In CSV, user-written fields that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'`.

use serde::{Deserialize, Serialize};

use super::StoreError;

/// Rows per page read from SQLite.
pub const PAGE_ROWS: u32 = 2000;

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    JsonLines,
}

impl ExportFormat {
    pub fn from_key(key: &str) -> Option<ExportFormat> {
        match key.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "jsonl" | "ndjson" => Some(ExportFormat::JsonLines),
            _ => None,
        }
    }
}

/// One exported row: a walkthrough and, when it finished, its decision. SQLite builds it as
/// a JSON array in field order (see [`EXPORT_PAGE`]). `L` is how lists are written: arrays
/// in JSON, text joined with [`LIST_SEPARATOR`] in CSV.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ExportRow<L = Vec<String>> {
    pub(crate) id: i64,
    created_at: String,
    source: String,
    status: String,
    guild_id: Option<String>,
    channel_id: Option<String>,
    thread_id: Option<String>,
    requester_id: String,
    requester_name: String,
    trigger_text: String,
    verdict: Option<String>,
    goal: Option<String>,
    goal_detail: Option<String>,
    g1: Option<String>,
    g2: Option<String>,
    g3: Option<String>,
    g4: Option<String>,
    drivers: Option<String>,
    reasons: L,
    next_steps: L,
    checklist_version: String,
    decided_at: Option<String>,
    /// The decision's latest outcome (its result key), when it was recorded, and its note.
    outcome: Option<String>,
    outcome_recorded_at: Option<String>,
    outcome_note: Option<String>,
    /// The five figures of the decision's latest savings estimate.
    generic_monthly: Option<f64>,
    fine_tuned_monthly: Option<f64>,
    monthly_saving: Option<f64>,
    /// `None` both without an estimate and when it never pays back (see `monthly_saving`).
    break_even_months: Option<f64>,
    net_12_months: Option<f64>,
}

impl ExportRow {
    /// The CSV shape: lists joined, formula-like user text defused.
    pub(crate) fn for_csv(self) -> ExportRow<String> {
        ExportRow {
            id: self.id,
            created_at: self.created_at,
            source: self.source,
            status: self.status,
            guild_id: self.guild_id,
            channel_id: self.channel_id,
            thread_id: self.thread_id,
            requester_id: defuse_formula(self.requester_id),
            requester_name: defuse_formula(self.requester_name),
            trigger_text: defuse_formula(self.trigger_text),
            verdict: self.verdict,
            goal: self.goal,
            goal_detail: self.goal_detail.map(defuse_formula),
            g1: self.g1,
            g2: self.g2,
            g3: self.g3,
            g4: self.g4,
            drivers: self.drivers,
            reasons: self.reasons.join(LIST_SEPARATOR),
            next_steps: self.next_steps.join(LIST_SEPARATOR),
            checklist_version: self.checklist_version,
            decided_at: self.decided_at,
            outcome: self.outcome,
            outcome_recorded_at: self.outcome_recorded_at,
            outcome_note: self.outcome_note.map(defuse_formula),
            generic_monthly: self.generic_monthly,
            fine_tuned_monthly: self.fine_tuned_monthly,
            monthly_saving: self.monthly_saving,
            break_even_months: self.break_even_months,
            net_12_months: self.net_12_months,
        }
    }
}

/// CSV has no lists: they are joined with this separator.
const LIST_SEPARATOR: &str = " | ";

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the export: {0}")]
    Write(#[from] std::io::Error),
    #[error("could not write the export: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not write the export: {0}")]
    Json(#[from] serde_json::Error),
}

/// Prefixes `'` to text a spreadsheet would evaluate as a formula.
pub fn defuse_formula(text: String) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text,
    }
}
