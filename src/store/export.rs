//! Streaming export of walkthroughs and their decisions as CSV, JSON or JSON Lines.
//!
//! Rows are read from a cursor and written one at a time, so memory does not grow with the
//! number of rows. In CSV, user-written fields that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'`.

use std::io::Write;

use futures_util::TryStreamExt;
use serde::Serialize;
use sqlx::{QueryBuilder, Row};

use super::{ListFilter, Store, StoreError, id_from_db};

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

/// One exported row: a walkthrough and, when it finished, its decision.
#[derive(Debug, Serialize)]
struct ExportRow {
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
    reasons: Vec<String>,
    next_steps: Vec<String>,
    checklist_version: String,
    decided_at: Option<String>,
}

/// CSV has no lists: they are joined with this separator.
const LIST_SEPARATOR: &str = " | ";

const EXPORT_SELECT: &str = "SELECT w.id, w.created_at, w.source, w.status, w.guild_id, \
     w.channel_id, w.thread_id, w.requester_id, w.requester_name, w.trigger_text, \
     w.checklist_version AS started_version, d.verdict, d.goal, d.goal_detail, d.g1, d.g2, \
     d.g3, d.g4, d.drivers, d.reasons, d.next_steps, d.checklist_version, d.decided_at \
     FROM walkthroughs w LEFT JOIN decisions d ON d.walkthrough_id = w.id";

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
                    .each_export_row(filter, |row| Ok(w.serialize(CsvRow::from(row))?))
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

    /// Streams the export rows for `filter` into `write_row`, one at a time.
    async fn each_export_row(
        &self,
        filter: &ListFilter,
        mut write_row: impl FnMut(ExportRow) -> Result<(), ExportError>,
    ) -> Result<u64, ExportError> {
        let mut q = QueryBuilder::new(EXPORT_SELECT);
        filter.push_where(&mut q)?;
        q.push(" ORDER BY w.id");
        let query = q.build();
        let mut rows = query.fetch(&self.pool);
        let mut written = 0u64;
        while let Some(row) = rows.try_next().await.map_err(StoreError::from)? {
            write_row(export_row(&row)?)?;
            written += 1;
        }
        Ok(written)
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

fn export_row(row: &sqlx::sqlite::SqliteRow) -> Result<ExportRow, StoreError> {
    let list = |name: &str| -> Result<Vec<String>, StoreError> {
        match row.try_get::<Option<String>, _>(name)? {
            Some(text) => {
                serde_json::from_str(&text).map_err(|e| StoreError::BadData(format!("{name}: {e}")))
            }
            None => Ok(Vec::new()),
        }
    };
    let id_text = |name: &str| -> Result<Option<String>, StoreError> {
        Ok(id_from_db(row.try_get(name)?).map(|v| v.to_string()))
    };
    let version: Option<String> = row.try_get("checklist_version")?;
    Ok(ExportRow {
        id: row.try_get("id")?,
        created_at: row.try_get("created_at")?,
        source: row.try_get("source")?,
        status: row.try_get("status")?,
        guild_id: id_text("guild_id")?,
        channel_id: id_text("channel_id")?,
        thread_id: id_text("thread_id")?,
        requester_id: row.try_get("requester_id")?,
        requester_name: row.try_get("requester_name")?,
        trigger_text: row.try_get("trigger_text")?,
        verdict: row.try_get("verdict")?,
        goal: row.try_get("goal")?,
        goal_detail: row.try_get("goal_detail")?,
        g1: row.try_get("g1")?,
        g2: row.try_get("g2")?,
        g3: row.try_get("g3")?,
        g4: row.try_get("g4")?,
        drivers: row.try_get("drivers")?,
        reasons: list("reasons")?,
        next_steps: list("next_steps")?,
        checklist_version: match version {
            Some(v) => v,
            None => row.try_get("started_version")?,
        },
        decided_at: row.try_get("decided_at")?,
    })
}

const CSV_HEADER: [&str; 22] = [
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
];

/// The CSV shape of a row: lists joined, formula-like user text defused.
#[derive(Debug, Serialize)]
struct CsvRow {
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
    reasons: String,
    next_steps: String,
    checklist_version: String,
    decided_at: Option<String>,
}

impl From<ExportRow> for CsvRow {
    fn from(r: ExportRow) -> CsvRow {
        CsvRow {
            id: r.id,
            created_at: r.created_at,
            source: r.source,
            status: r.status,
            guild_id: r.guild_id,
            channel_id: r.channel_id,
            thread_id: r.thread_id,
            requester_id: defuse_formula(r.requester_id),
            requester_name: defuse_formula(r.requester_name),
            trigger_text: defuse_formula(r.trigger_text),
            verdict: r.verdict,
            goal: r.goal,
            goal_detail: r.goal_detail.map(defuse_formula),
            g1: r.g1,
            g2: r.g2,
            g3: r.g3,
            g4: r.g4,
            drivers: r.drivers,
            reasons: r.reasons.join(LIST_SEPARATOR),
            next_steps: r.next_steps.join(LIST_SEPARATOR),
            checklist_version: r.checklist_version,
            decided_at: r.decided_at,
        }
    }
}

/// Prefixes `'` to text a spreadsheet would evaluate as a formula.
pub fn defuse_formula(text: String) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text,
    }
}
