//! The SQL of exports: pages of rows as JSON, written out as CSV, JSON or JSON lines.

use std::io::Write;

use super::*;
use crate::store::export::ExportRow;

impl Backend {
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
            let mut page = QueryBuilder::new(export_page_open!());
            // The page's lower bound is on the decisions too: PostgreSQL does not carry
            // `w.id > $n` across the outer join, and its merge join read the decisions from the
            // first one on every page (an export of 1,000,000 rows read 250 million).
            page.push(export_page!())
                .push(" LEFT JOIN decisions d ON d.walkthrough_id = w.id AND d.walkthrough_id > ")
                .push_bind(after)
                .push(
                    " LEFT JOIN outcomes o ON o.id = \
                     (SELECT max(id) FROM outcomes WHERE walkthrough_id = w.id) \
                     LEFT JOIN cost_estimates e ON e.id = \
                     (SELECT max(id) FROM cost_estimates WHERE walkthrough_id = w.id)",
                );
            filter.push_where(&mut page)?;
            page.push(" AND w.id > ")
                .push_bind(after)
                .push(" ORDER BY w.id LIMIT ")
                .push_bind(i64::from(PAGE_ROWS))
                .push(") AS page");
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
            // The JSON aggregate keeps the subquery's order in practice; sorting makes it certain.
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
