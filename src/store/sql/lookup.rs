//! Small audit look-ups for the Discord front end: the recent walkthroughs of one guild that
//! match what someone is typing (autocomplete), and how many rows a filter covers (to refuse
//! an export too big to attach before building it).

use super::audit::{SUMMARY_SELECT, summary_from_row};
use super::*;
use crate::store::audit::contains_pattern;

impl Backend {
    /// The newest walkthroughs of `guild_id` whose id starts with the digits typed in
    /// `partial` (a leading `#` is fine), or whose proposal contains its text; all of the
    /// guild's newest when `partial` is blank. `decided_only` keeps those with a verdict.
    pub async fn suggest_walkthroughs(
        &self,
        guild_id: ServerId,
        partial: &str,
        decided_only: bool,
        limit: u32,
    ) -> Result<Vec<DecisionSummary>, StoreError> {
        let typed = partial.trim().trim_start_matches('#').trim();
        let mut q = QueryBuilder::new(SUMMARY_SELECT);
        q.push(" WHERE w.guild_id = ")
            .push_bind(id_to_db(Some(guild_id))?);
        if decided_only {
            q.push(" AND d.walkthrough_id IS NOT NULL");
        }
        if !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit()) {
            q.push(" AND CAST(w.id AS TEXT) LIKE ")
                .push_bind(format!("{typed}%"));
        } else if !typed.is_empty() {
            q.push(concat!(" AND w.trigger_text ", like_ignoring_case!(), " "))
                .push_bind(contains_pattern(typed))
                .push(" ESCAPE '\\'");
        }
        q.push(" ORDER BY w.created_at DESC, w.id DESC LIMIT ")
            .push_bind(i64::from(limit));
        let rows = q.build().fetch_all(&self.pool).await?;
        rows.iter().map(summary_from_row).collect()
    }

    /// How many walkthroughs `filter` covers.
    pub async fn count(&self, filter: &ListFilter) -> Result<u64, StoreError> {
        let mut q = QueryBuilder::new(
            "SELECT count(*) FROM walkthroughs w LEFT JOIN decisions d ON d.walkthrough_id = w.id",
        );
        filter.push_where(&mut q)?;
        let n: i64 = q.build_query_scalar().fetch_one(&self.pool).await?;
        Ok(u64::try_from(n).unwrap_or_default())
    }
}
