//! Moving a database between backends (`tunegate db copy`): every table, in an order that
//! keeps every reference valid, with its ids.

use serde::Serialize;

/// One stored value, as both backends hold it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

/// What kind of value a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Real,
    Text,
}

/// The tables a copy moves, parents before children (`erasure_in_progress` is empty outside an
/// erasure's own transaction, `_sqlx_migrations` belongs to each backend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CopyTable {
    Walkthroughs,
    Answers,
    Notes,
    Decisions,
    HealthProbe,
    Reviews,
    ReviewReminders,
    Outcomes,
    FollowUps,
    CostEstimates,
    Suggestions,
    GuildSettingChanges,
    DecisionLogPosts,
}

impl CopyTable {
    /// Every table, in the order a copy writes them.
    pub(crate) const ALL: [CopyTable; 13] = [
        CopyTable::Walkthroughs,
        CopyTable::Answers,
        CopyTable::Notes,
        CopyTable::Decisions,
        CopyTable::HealthProbe,
        CopyTable::Reviews,
        CopyTable::ReviewReminders,
        CopyTable::Outcomes,
        CopyTable::FollowUps,
        CopyTable::CostEstimates,
        CopyTable::Suggestions,
        CopyTable::GuildSettingChanges,
        CopyTable::DecisionLogPosts,
    ];

    /// The table's name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            CopyTable::Walkthroughs => "walkthroughs",
            CopyTable::Answers => "answers",
            CopyTable::Notes => "notes",
            CopyTable::Decisions => "decisions",
            CopyTable::HealthProbe => "health_probe",
            CopyTable::Reviews => "reviews",
            CopyTable::ReviewReminders => "review_reminders",
            CopyTable::Outcomes => "outcomes",
            CopyTable::FollowUps => "follow_ups",
            CopyTable::CostEstimates => "cost_estimates",
            CopyTable::Suggestions => "suggestions",
            CopyTable::GuildSettingChanges => "guild_setting_changes",
            CopyTable::DecisionLogPosts => "decision_log_posts",
        }
    }

    /// The kinds of its columns, in the order the copy reads and writes them.
    pub(crate) fn kinds(self) -> &'static [Kind] {
        match self {
            CopyTable::Walkthroughs => &[
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::Answers => &[
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::Notes => &[
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::Decisions => &[
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::HealthProbe => &[Kind::Int, Kind::Text],
            CopyTable::Reviews => &[
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::ReviewReminders => &[Kind::Int, Kind::Text],
            CopyTable::Outcomes => &[
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Int,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::FollowUps => &[
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Int,
                Kind::Int,
            ],
            CopyTable::CostEstimates => &[
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Real,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::Suggestions => &[
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Real,
                Kind::Int,
                Kind::Text,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::GuildSettingChanges => &[
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
                Kind::Text,
            ],
            CopyTable::DecisionLogPosts => &[
                Kind::Text,
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Int,
                Kind::Text,
                Kind::Int,
                Kind::Text,
                Kind::Text,
            ],
        }
    }
}

/// What a copy moved: rows per table, counted again in the target afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CopyReport {
    pub tables: Vec<(String, u64)>,
}

impl CopyReport {
    /// Rows copied over every table.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::CopyTable;
    use crate::store::{GUILD_TABLES, TABLES_WITHOUT_GUILD_DATA};

    /// Those two lists are kept equal to the live schema by a test (tests/db_maintenance.rs),
    /// so a table added by a later migration fails here until the copy moves it too.
    #[test]
    fn a_copy_moves_every_table_of_the_schema() {
        let mut schema: Vec<&str> = GUILD_TABLES
            .iter()
            .copied()
            .chain(TABLES_WITHOUT_GUILD_DATA.iter().map(|(t, _)| *t))
            .filter(|t| !matches!(*t, "erasure_in_progress" | "_sqlx_migrations"))
            .collect();
        let mut copied: Vec<&str> = CopyTable::ALL.iter().map(|t| t.name()).collect();
        schema.sort_unstable();
        copied.sort_unstable();
        assert_eq!(copied, schema);
    }
}
