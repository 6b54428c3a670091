//! Streaming export of walkthroughs and their decisions as CSV, JSON or JSON Lines, each with
//! the decision's latest outcome (result, when, note) and latest savings estimate (its five
//! figures).
//!
//! Rows are read in pages of [`PAGE_ROWS`] (keyset pagination on the id), each page packed by
//! SQLite into one JSON text, so memory stays flat whatever the number of rows and the
//! per-row cost of moving rows out of SQLite stays small. In CSV, user-written fields that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'`.

use std::io::Write;

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row};

use super::{ListFilter, Store, StoreError};

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
struct ExportRow<L = Vec<String>> {
    id: i64,
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
    fn for_csv(self) -> ExportRow<String> {
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

/// One page of rows as a JSON array of arrays, in [`ExportRow`]'s field order. The
/// filter's conditions are appended, then `AND w.id > ? ORDER BY w.id LIMIT ?`.
const EXPORT_PAGE: &str = "SELECT w.id, json_array(w.id, w.created_at, w.source, w.status, \
     CAST(w.guild_id AS TEXT), CAST(w.channel_id AS TEXT), CAST(w.thread_id AS TEXT), \
     w.requester_id, w.requester_name, w.trigger_text, d.verdict, d.goal, d.goal_detail, d.g1, \
     d.g2, d.g3, d.g4, d.drivers, json(coalesce(d.reasons, '[]')), \
     json(coalesce(d.next_steps, '[]')), coalesce(d.checklist_version, w.checklist_version), \
     d.decided_at, o.result, o.created_at, o.note, e.generic_monthly, e.fine_tuned_monthly, \
     e.monthly_saving, e.break_even_months, e.net_12_months) AS row FROM walkthroughs w \
     LEFT JOIN decisions d ON d.walkthrough_id = w.id \
     LEFT JOIN outcomes o ON o.id = \
       (SELECT max(id) FROM outcomes WHERE walkthrough_id = w.id) \
     LEFT JOIN cost_estimates e ON e.id = \
       (SELECT max(id) FROM cost_estimates WHERE walkthrough_id = w.id)";

impl Store {
    /// Writes every walkthrough matching `filter`, oldest first, and returns how many.
    pub async fn export<W: Write>(
        &self,
        filter: &ListFilter,
        format: ExportFormat,
        out: &mut W,
    ) -> Result<u64, ExportError> {
        let written = match format {
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                let n = self
                    .each_export_row(filter, |row| Ok(w.serialize(row.for_csv())?))
                    .await?;
                if n == 0 {
                    // An empty export still says which columns it would have.
                    w.write_record(CSV_HEADER)?;
                }
                w.flush()?;
                n
            }
            ExportFormat::Json => {
                out.write_all(b"[")?;
                let mut first = true;
                let n = self
                    .each_export_row(filter, |row| {
                        out.write_all(if first { b"\n" } else { b",\n" })?;
                        first = false;
                        serde_json::to_writer(&mut *out, &row)?;
                        Ok(())
                    })
                    .await?;
                out.write_all(b"\n]\n")?;
                n
            }
            ExportFormat::JsonLines => {
                self.each_export_row(filter, |row| {
                    serde_json::to_writer(&mut *out, &row)?;
                    out.write_all(b"\n")?;
                    Ok(())
                })
                .await?
            }
        };
        out.flush()?;
        Ok(written)
    }

    /// Feeds the export rows for `filter` to `write_row`, oldest first, page by page.
    async fn each_export_row(
        &self,
        filter: &ListFilter,
        mut write_row: impl FnMut(ExportRow) -> Result<(), ExportError>,
    ) -> Result<u64, ExportError> {
        let mut after = 0i64;
        let mut written = 0u64;
        loop {
            let mut page =
                QueryBuilder::new("SELECT max(id), count(*), json_group_array(json(row)) FROM (");
            page.push(EXPORT_PAGE);
            filter.push_where(&mut page)?;
            page.push(" AND w.id > ")
                .push_bind(after)
                .push(" ORDER BY w.id LIMIT ")
                .push_bind(PAGE_ROWS)
                .push(")");
            let chunk = page
                .build()
                .fetch_one(&self.pool)
                .await
                .map_err(StoreError::from)?;
            let count: i64 = chunk.try_get(1).map_err(StoreError::from)?;
            if count == 0 {
                return Ok(written);
            }
            after = chunk.try_get(0).map_err(StoreError::from)?;
            let text: String = chunk.try_get(2).map_err(StoreError::from)?;
            let mut rows: Vec<ExportRow> = serde_json::from_str(&text)
                .map_err(|e| StoreError::BadData(format!("export page: {e}")))?;
            // json_group_array keeps the subquery's order in practice; sorting makes it certain.
            rows.sort_by_key(|r| r.id);
            for row in rows {
                write_row(row)?;
                written += 1;
            }
            if count < i64::from(PAGE_ROWS) {
                return Ok(written);
            }
        }
    }
}

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

const CSV_HEADER: [&str; 30] = [
    "id",
    "created_at",
    "source",
    "status",
    "guild_id",
    "channel_id",
    "thread_id",
    "requester_id",
    "requester_name",
    "trigger_text",
    "verdict",
    "goal",
    "goal_detail",
    "g1",
    "g2",
    "g3",
    "g4",
    "drivers",
    "reasons",
    "next_steps",
    "checklist_version",
    "decided_at",
    "outcome",
    "outcome_recorded_at",
    "outcome_note",
    "generic_monthly",
    "fine_tuned_monthly",
    "monthly_saving",
    "break_even_months",
    "net_12_months",
];

/// Prefixes `'` to text a spreadsheet would evaluate as a formula.
pub fn defuse_formula(text: String) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text,
    }
}
