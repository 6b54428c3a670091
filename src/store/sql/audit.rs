//! The SQL of audits: listings, one decision in full, statistics.

use std::collections::BTreeMap;

use super::walkthroughs::gates_from_row;
use super::*;
use crate::checklist::Driver;
use crate::checklist::outcome::OutcomeResult;
use crate::store::audit::contains_pattern;
use crate::store::outcomes::count_outcome;

/// The SQL conditions of a [`ListFilter`] (a trait, so that each backend's copy of this module
/// adds its own).
pub(super) trait FilterSql {
    /// Appends ` WHERE ...` for this filter over `walkthroughs w` left-joined to `decisions d`.
    fn push_where(&self, q: &mut QueryBuilder<Db>) -> Result<(), StoreError>;
    /// Appends ` WHERE ...` over `decisions d` alone, by decision time, for the statistics.
    fn push_decision_where(&self, q: &mut QueryBuilder<Db>) -> Result<(), StoreError>;
    /// The conditions on walkthrough-only columns: status, requester, text.
    fn push_walkthrough_only(&self, q: &mut QueryBuilder<Db>);
}

impl FilterSql for ListFilter {
    /// Appends ` WHERE ...` for this filter over `walkthroughs w` left-joined to `decisions d`.
    fn push_where(&self, q: &mut QueryBuilder<Db>) -> Result<(), StoreError> {
        q.push(" WHERE 1 = 1");
        match (self.guild_id, self.verdict) {
            (Some(guild), Some(verdict)) => {
                // A decision carries its walkthrough's guild, so the decision's alone gives the
                // same rows: both engines walk the (guild, verdict, decided_at, id) index, and
                // PostgreSQL estimates the rows right (with `w.guild_id` as well it took the two
                // for independent, expected a hundredth of the rows and planned a parallel scan).
                q.push(" AND d.guild_id = ")
                    .push_bind(id_to_db(Some(guild))?)
                    .push(" AND d.verdict = ")
                    .push_bind(verdict.key());
            }
            (Some(guild), None) => {
                q.push(" AND w.guild_id = ")
                    .push_bind(id_to_db(Some(guild))?);
            }
            (None, Some(verdict)) => {
                q.push(" AND d.verdict = ").push_bind(verdict.key());
            }
            (None, None) => {}
        }
        if let Some(since) = self.since {
            q.push(" AND w.created_at >= ")
                .push_bind(format_time(since));
        }
        if let Some(until) = self.until {
            q.push(" AND w.created_at < ").push_bind(format_time(until));
        }
        self.push_walkthrough_only(q);
        Ok(())
    }

    /// Appends ` WHERE ...` over `decisions d` alone, by decision time, for the statistics.
    fn push_decision_where(&self, q: &mut QueryBuilder<Db>) -> Result<(), StoreError> {
        q.push(" WHERE 1 = 1");
        if let Some(guild) = self.guild_id {
            q.push(" AND d.guild_id = ")
                .push_bind(id_to_db(Some(guild))?);
        }
        if let Some(verdict) = self.verdict {
            q.push(" AND d.verdict = ").push_bind(verdict.key());
        }
        if let Some(since) = self.since {
            q.push(" AND d.decided_at >= ")
                .push_bind(format_time(since));
        }
        if let Some(until) = self.until {
            q.push(" AND d.decided_at < ").push_bind(format_time(until));
        }
        if self.needs_walkthroughs() {
            q.push(" AND d.walkthrough_id IN (SELECT w.id FROM walkthroughs w WHERE 1 = 1");
            self.push_walkthrough_only(q);
            q.push(")");
        }
        Ok(())
    }

    /// The conditions on walkthrough-only columns: status, requester, text.
    fn push_walkthrough_only(&self, q: &mut QueryBuilder<Db>) {
        if let Some(status) = self.status {
            q.push(" AND w.status = ").push_bind(status.key());
        }
        if let Some(who) = &self.requester {
            q.push(" AND (w.requester_id = ")
                .push_bind(who.clone())
                .push(concat!(" OR ", name_equals_ignoring_case!()))
                .push_bind(who.clone())
                .push(name_equals_ignoring_case_end!());
        }
        if let Some(text) = &self.text {
            q.push(concat!(" AND w.trigger_text ", like_ignoring_case!(), " "))
                .push_bind(contains_pattern(text))
                .push(" ESCAPE '\\'");
        }
    }
}

pub(super) const SUMMARY_SELECT: &str = "SELECT w.id, w.created_at, w.source, w.status, w.guild_id, \
     w.channel_id, w.thread_id, w.requester_id, w.requester_name, w.trigger_text, d.verdict, \
     d.decided_at FROM walkthroughs w LEFT JOIN decisions d ON d.walkthrough_id = w.id";

impl Backend {
    /// The newest walkthroughs matching `filter`, newest first.
    pub async fn list(
        &self,
        filter: &ListFilter,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<DecisionSummary>, StoreError> {
        let mut q = QueryBuilder::new(SUMMARY_SELECT);
        filter.push_where(&mut q)?;
        // Newest first: by decision time when filtering on the verdict (an index covers it),
        // by start time otherwise.
        q.push(if filter.verdict.is_some() {
            " ORDER BY d.decided_at DESC, d.walkthrough_id DESC LIMIT "
        } else {
            " ORDER BY w.created_at DESC, w.id DESC LIMIT "
        })
        .push_bind(i64::from(limit))
        .push(" OFFSET ")
        .push_bind(i64::from(offset));
        let rows = q.build().fetch_all(&self.pool).await?;
        rows.iter().map(summary_from_row).collect()
    }

    /// Everything about one walkthrough, its reviews, outcomes and savings estimates included. `guild_id` scopes the lookup: a walkthrough of
    /// another guild is reported as not found.
    pub async fn detail(
        &self,
        id: WalkthroughId,
        guild_id: Option<ServerId>,
    ) -> Result<DecisionDetail, StoreError> {
        let walkthrough = self.walkthrough(id).await?;
        if guild_id.is_some() && walkthrough.place.server != guild_id {
            return Err(StoreError::NotFound(id));
        }
        let answers = sqlx::query(
            "SELECT step, value, detail, answered_by_id, answered_by_name, answered_at \
             FROM answers WHERE walkthrough_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(AnswerEvent {
                step: r.try_get("step")?,
                value: r.try_get("value")?,
                detail: r.try_get("detail")?,
                answered_by: Person::new(
                    r.try_get::<String, _>("answered_by_id")?,
                    r.try_get::<String, _>("answered_by_name")?,
                ),
                answered_at: parse_time(&r.try_get::<String, _>("answered_at")?)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let notes = sqlx::query(
            "SELECT id, author_id, author_name, body, created_at FROM notes \
             WHERE walkthrough_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Note {
                id: r.try_get("id")?,
                author: Person::new(
                    r.try_get::<String, _>("author_id")?,
                    r.try_get::<String, _>("author_name")?,
                ),
                body: r.try_get("body")?,
                created_at: parse_time(&r.try_get::<String, _>("created_at")?)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let decision = sqlx::query("SELECT * FROM decisions WHERE walkthrough_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| decision_from_row(&r))
            .transpose()?;
        let reviews = self.reviews_of(id).await?;
        let outcomes = self.outcomes_of(id).await?;
        let cost_estimates = self.cost_estimates_of(id).await?;
        Ok(DecisionDetail {
            walkthrough,
            answers,
            notes,
            decision,
            reviews,
            outcomes,
            cost_estimates,
        })
    }

    /// Counts for the audit: by status, verdict, failing gate, driver and month.
    pub async fn stats(&self, filter: &ListFilter) -> Result<Stats, StoreError> {
        let mut stats = Stats::default();
        for v in VerdictKind::ALL {
            stats.by_verdict.insert(v.key().to_string(), 0);
        }

        let mut q = QueryBuilder::new(if filter.verdict.is_some() {
            "SELECT w.status, w.source, count(*) FROM walkthroughs w \
             LEFT JOIN decisions d ON d.walkthrough_id = w.id"
        } else {
            "SELECT w.status, w.source, count(*) FROM walkthroughs w"
        });
        filter.push_where(&mut q)?;
        q.push(" GROUP BY w.status, w.source");
        for row in q.build().fetch_all(&self.pool).await? {
            let status: String = row.try_get(0)?;
            let source: String = row.try_get(1)?;
            let n = count(row.try_get::<i64, _>(2)?);
            stats.walkthroughs += n;
            *stats.by_status.entry(status.clone()).or_default() += n;
            *stats.by_source.entry(source.clone()).or_default() += n;
            if source == Source::Chat.key() {
                stats.detections += n;
                if status == Status::Dismissed.key() {
                    stats.dismissed_detections += n;
                }
            }
        }

        // Decisions grouped in the order of a covering index (no sort, no table reads); the
        // few hundred groups are summed up here.
        let mut q = QueryBuilder::new(
            "SELECT d.decided_month, d.verdict, d.g1, d.g2, d.g3, d.g4, d.drivers, count(*) \
             FROM decisions d",
        );
        filter.push_decision_where(&mut q)?;
        q.push(" GROUP BY d.decided_month, d.verdict, d.g1, d.g2, d.g3, d.g4, d.drivers");
        let mut gates = [0u64; Gate::COUNT];
        let mut drivers = [0u64; Driver::COUNT];
        let mut months: BTreeMap<String, MonthCounts> = BTreeMap::new();
        for row in q.build().fetch_all(&self.pool).await? {
            let month: String = row.try_get(0)?;
            let verdict: String = row.try_get(1)?;
            let n = count(row.try_get::<i64, _>(7)?);
            stats.decisions += n;
            *stats.by_verdict.entry(verdict.clone()).or_default() += n;
            for gate in Gate::ALL {
                let answer: String = row.try_get(2 + gate.index())?;
                if answer != "yes" {
                    gates[gate.index()] += n;
                }
            }
            let cited: String = row.try_get(6)?;
            for (i, driver) in Driver::ALL.iter().enumerate() {
                if cited.split(',').any(|k| k == driver.key()) {
                    drivers[i] += n;
                }
            }
            let entry = months.entry(month.clone()).or_insert_with(|| MonthCounts {
                month,
                ..MonthCounts::default()
            });
            match VerdictKind::from_key(&verdict) {
                Some(VerdictKind::Premature) => entry.premature += n,
                Some(VerdictKind::NotJustifiedYet) => entry.not_justified_yet += n,
                Some(VerdictKind::Justified) => entry.justified += n,
                None => return Err(StoreError::BadData(format!("verdict {verdict:?}"))),
            }
        }
        stats.by_month = months.into_values().collect();
        stats.failing_gates = ranked(Gate::ALL.iter().map(|g| g.key()), gates);
        stats.drivers = ranked(Driver::ALL.iter().map(|d| d.key()), drivers);
        let premature = stats.by_verdict[VerdictKind::Premature.key()];
        stats.premature_share =
            (stats.decisions > 0).then(|| premature as f64 / stats.decisions as f64);
        stats.dismissal_rate = (stats.detections > 0)
            .then(|| stats.dismissed_detections as f64 / stats.detections as f64);
        stats.outcomes = self.outcome_counts(filter, stats.decisions).await?;
        Ok(stats)
    }

    /// The team's results over the decisions `filter` covers (by decision time, as the
    /// statistics count them): per decision its latest final outcome ("not yet" answers
    /// aside), counted by verdict.
    pub async fn outcome_stats_matching(
        &self,
        filter: &ListFilter,
    ) -> Result<OutcomeStats, StoreError> {
        let mut q = QueryBuilder::new("SELECT count(*) FROM decisions d");
        filter.push_decision_where(&mut q)?;
        let decisions = count(q.build_query_scalar().fetch_one(&self.pool).await?);
        self.outcome_counts(filter, decisions).await
    }

    /// [`Store::outcome_stats_matching`], given how many decisions the filter covers. Reads
    /// the outcomes (few) and joins their decisions, rather than looking up every decision.
    async fn outcome_counts(
        &self,
        filter: &ListFilter,
        decisions: u64,
    ) -> Result<OutcomeStats, StoreError> {
        // The outcomes (few) are the outer loop: with a guild filter SQLite would otherwise
        // walk the guild's decisions and probe the outcomes for each (`outcomes_join!`).
        let mut q = QueryBuilder::new(concat!(
            "SELECT d.verdict, o.result, count(*) FROM outcomes o ",
            outcomes_join!(),
            " decisions d ON d.walkthrough_id = o.walkthrough_id"
        ));
        filter.push_decision_where(&mut q)?;
        q.push(
            " AND o.id IN (SELECT max(id) FROM outcomes \
             WHERE result NOT IN ('not_tried', 'not_yet') GROUP BY walkthrough_id) \
             GROUP BY d.verdict, o.result",
        );
        let mut stats = OutcomeStats {
            assumed_solved_share: ASSUMED_SOLVED_SHARE,
            ..OutcomeStats::default()
        };
        let mut with_outcome = 0;
        for row in q.build().fetch_all(&self.pool).await? {
            let verdict: String = row.try_get(0)?;
            let result: String = row.try_get(1)?;
            let n = count(row.try_get::<i64, _>(2)?);
            let verdict = VerdictKind::from_key(&verdict)
                .ok_or_else(|| StoreError::BadData(format!("verdict {verdict:?}")))?;
            let result = OutcomeResult::from_key(&result)
                .ok_or_else(|| StoreError::BadData(format!("outcome {result:?}")))?;
            with_outcome += n;
            count_outcome(&mut stats, verdict, result, n);
        }
        stats.awaiting = decisions.saturating_sub(with_outcome);
        let share = |part: u64, whole: u64| (whole > 0).then(|| part as f64 / whole as f64);
        stats.solved_share = share(stats.solved, stats.premature_with_outcome);
        stats.paid_off_share = share(stats.paid_off, stats.justified_with_outcome);
        Ok(stats)
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

/// Pairs keys with counts, most frequent first (ties keep checklist order).
fn ranked<'a, const N: usize>(
    keys: impl Iterator<Item = &'a str>,
    counts: [u64; N],
) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = keys.map(str::to_string).zip(counts).collect();
    out.sort_by_key(|pair| std::cmp::Reverse(pair.1));
    out
}

pub(super) fn summary_from_row(row: &DbRow) -> Result<DecisionSummary, StoreError> {
    let verdict: Option<String> = row.try_get("verdict")?;
    let decided_at: Option<String> = row.try_get("decided_at")?;
    Ok(DecisionSummary {
        id: row.try_get("id")?,
        created_at: parse_time(&row.try_get::<String, _>("created_at")?)?,
        source: Source::from_db(&row.try_get::<String, _>("source")?)?,
        status: Status::from_db(&row.try_get::<String, _>("status")?)?,
        guild_id: id_from_db(row.try_get("guild_id")?),
        channel_id: id_from_db(row.try_get("channel_id")?),
        thread_id: id_from_db(row.try_get("thread_id")?),
        requester: Person::new(
            row.try_get::<String, _>("requester_id")?,
            row.try_get::<String, _>("requester_name")?,
        ),
        trigger_text: row.try_get("trigger_text")?,
        verdict: verdict
            .map(|v| VerdictKind::from_key(&v).ok_or(StoreError::BadData(v)))
            .transpose()?,
        decided_at: decided_at.map(|t| parse_time(&t)).transpose()?,
    })
}

pub(super) fn decision_from_row(row: &DbRow) -> Result<DecisionRecord, StoreError> {
    let verdict: String = row.try_get("verdict")?;
    let goal: String = row.try_get("goal")?;
    let drivers: String = row.try_get("drivers")?;
    let list = |name: &str| -> Result<Vec<String>, StoreError> {
        let text: String = row.try_get(name)?;
        serde_json::from_str(&text).map_err(|e| StoreError::BadData(format!("{name}: {e}")))
    };
    Ok(DecisionRecord {
        walkthrough_id: row.try_get("walkthrough_id")?,
        verdict: VerdictKind::from_key(&verdict).ok_or(StoreError::BadData(verdict))?,
        goal: Goal::from_key(&goal).ok_or(StoreError::BadData(goal))?,
        goal_detail: row.try_get("goal_detail")?,
        gates: gates_from_row(row)?,
        drivers: model::parse_driver_keys(&drivers)
            .ok_or_else(|| StoreError::BadData(format!("drivers {drivers:?}")))?,
        summary: row.try_get("summary")?,
        reasons: list("reasons")?,
        next_steps: list("next_steps")?,
        checklist_version: row.try_get("checklist_version")?,
        decided_at: parse_time(&row.try_get::<String, _>("decided_at")?)?,
    })
}
