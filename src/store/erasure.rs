//! Removing what people wrote: the retention rule that redacts old personal text, and purging
//! every row of one guild.
//!
//! Both run with SQLite's `secure_delete` on, so the removed text is overwritten in the
//! database file instead of lying in free pages, and then checkpoint the WAL so its old page
//! images go too. Copies made before (backups, a WAL that a busy reader kept from being
//! cleared) still hold the old text.
//!
//! The append-only tables (answers, decisions, reviews) refuse every change except this
//! sanctioned erasure: the work holds the one row of `erasure_in_progress` for the length of
//! its own write transaction, and even then the triggers let only the personal columns change
//! (migration `20261202000001_sanctioned_erasure.sql`).
//!
//! [`PERSONAL_TEXT_COLUMNS`] and [`IMPERSONAL_TEXT_COLUMNS`] together name every text column
//! of the schema, and [`GUILD_TABLES`] and [`TABLES_WITHOUT_GUILD_DATA`] every table; tests
//! compare them with the live schema, so a later migration cannot add a column or a table
//! that retention or purging forgets.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// What old personal text is replaced with.
pub const REDACTED_TEXT: &str = "[redacted after retention period]";

/// Every text column that can hold what a person typed or a person's name, as
/// `(table, column)`. Retention redacts each of them.
pub const PERSONAL_TEXT_COLUMNS: &[(&str, &str)] = &[
    ("walkthroughs", "trigger_text"),
    ("walkthroughs", "requester_name"),
    ("answers", "detail"),
    ("answers", "answered_by_name"),
    ("notes", "body"),
    ("notes", "author_name"),
    ("decisions", "goal_detail"),
    ("reviews", "note"),
    ("reviews", "reviewer_name"),
    ("outcomes", "note"),
    ("outcomes", "recorded_by_name"),
    ("cost_estimates", "recorded_by_name"),
    ("suggestions", "text"),
    ("suggestions", "author_name"),
    ("guild_setting_changes", "changed_by_name"),
];

/// Every other text column, as `(table, column, why it holds nothing personal)`.
pub const IMPERSONAL_TEXT_COLUMNS: &[(&str, &str, &str)] = &[
    (
        "walkthroughs",
        "source",
        "a fixed key: chat, slash, context_menu, cli",
    ),
    ("walkthroughs", "status", "a fixed key: open, decided, ..."),
    (
        "walkthroughs",
        "current_step",
        "a fixed key of the checklist",
    ),
    ("walkthroughs", "requester_id", ACCOUNT_ID),
    (
        "walkthroughs",
        "checklist_version",
        "the checklist file's label and hash",
    ),
    ("walkthroughs", "created_at", TIMESTAMP),
    ("walkthroughs", "updated_at", TIMESTAMP),
    ("walkthroughs", "reminded_at", TIMESTAMP),
    ("walkthroughs", "closed_at", TIMESTAMP),
    (
        "walkthroughs",
        "lang",
        "a fixed key: the language code en, fr, de, es",
    ),
    ("answers", "step", "a fixed key of the checklist"),
    (
        "answers",
        "value",
        "a fixed key of the checklist (the free text is in detail)",
    ),
    ("answers", "answered_by_id", ACCOUNT_ID),
    ("answers", "answered_at", TIMESTAMP),
    ("answers", "interaction_id", "a Discord interaction id"),
    ("notes", "author_id", ACCOUNT_ID),
    ("notes", "created_at", TIMESTAMP),
    ("decisions", "verdict", "a fixed key"),
    (
        "decisions",
        "goal",
        "a fixed key (the free text is in goal_detail)",
    ),
    ("decisions", "g1", "a fixed key"),
    ("decisions", "g2", "a fixed key"),
    ("decisions", "g3", "a fixed key"),
    ("decisions", "g4", "a fixed key"),
    ("decisions", "drivers", "fixed keys"),
    ("decisions", "summary", CHECKLIST_WORDS),
    ("decisions", "reasons", CHECKLIST_WORDS),
    ("decisions", "next_steps", CHECKLIST_WORDS),
    (
        "decisions",
        "checklist_version",
        "the checklist file's label and hash",
    ),
    ("decisions", "decided_at", TIMESTAMP),
    ("decisions", "decided_month", "a month, for the statistics"),
    ("reviews", "reviewer_id", ACCOUNT_ID),
    ("reviews", "outcome", "a fixed key"),
    ("reviews", "revisit_on", "a date"),
    ("reviews", "created_at", TIMESTAMP),
    ("review_reminders", "claimed_at", TIMESTAMP),
    ("outcomes", "result", "a fixed key"),
    ("outcomes", "recorded_by_id", ACCOUNT_ID),
    ("outcomes", "interaction_id", "a Discord interaction id"),
    ("outcomes", "created_at", TIMESTAMP),
    ("cost_estimates", "recorded_by_id", ACCOUNT_ID),
    (
        "cost_estimates",
        "interaction_id",
        "a Discord interaction id",
    ),
    ("cost_estimates", "created_at", TIMESTAMP),
    ("suggestions", "author_id", ACCOUNT_ID),
    ("suggestions", "state", "a fixed key"),
    ("suggestions", "closed_by_id", ACCOUNT_ID),
    ("suggestions", "created_at", TIMESTAMP),
    ("suggestions", "closed_at", TIMESTAMP),
    ("follow_ups", "question", "a fixed key"),
    ("follow_ups", "base_at", TIMESTAMP),
    ("follow_ups", "state", "a fixed key"),
    ("follow_ups", "claimed_at", TIMESTAMP),
    ("follow_ups", "posted_at", TIMESTAMP),
    (
        "guild_setting_changes",
        "key",
        "a fixed key: detection, watch_channels, ...",
    ),
    (
        "guild_setting_changes",
        "value",
        "a setting as JSON: a switch, a number, channel or role ids, a language code",
    ),
    ("guild_setting_changes", "changed_by_id", ACCOUNT_ID),
    ("guild_setting_changes", "changed_at", TIMESTAMP),
    (
        "decision_log_posts",
        "item",
        "a fixed key and an id: verdict:12, outcome:3",
    ),
    ("decision_log_posts", "state", "a fixed key"),
    ("decision_log_posts", "claimed_at", TIMESTAMP),
    ("decision_log_posts", "posted_at", TIMESTAMP),
    ("health_probe", "checked_at", TIMESTAMP),
    (
        "_sqlx_migrations",
        "description",
        "the name of a schema migration",
    ),
];

const ACCOUNT_ID: &str = "an account id (a Discord user id, or cli:LOGIN), kept so an audit can \
                          tell who decided; purging the guild removes it";
const TIMESTAMP: &str = "a time";
const CHECKLIST_WORDS: &str = "words of the checklist file, never a person's text";

/// Every table that holds a guild's data; purging a guild empties each of them of it.
pub const GUILD_TABLES: &[&str] = &[
    "walkthroughs",
    "answers",
    "notes",
    "decisions",
    "reviews",
    "review_reminders",
    "outcomes",
    "follow_ups",
    "cost_estimates",
    "suggestions",
    "guild_setting_changes",
    "decision_log_posts",
];

/// Tables that hold nothing of any guild, as `(table, why)`.
pub const TABLES_WITHOUT_GUILD_DATA: &[(&str, &str)] = &[
    (
        "health_probe",
        "one row with the time of the last health check",
    ),
    (
        "erasure_in_progress",
        "empty outside an erasure's own transaction",
    ),
    ("_sqlx_migrations", "the schema's migration history"),
];

/// What one run of the retention rule changed: rows whose personal text was redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RedactionReport {
    /// Walkthroughs created (and reviews written) before this time were redacted.
    pub cutoff: DateTime<Utc>,
    /// Proposal texts (`walkthroughs.trigger_text`).
    pub proposals: u64,
    /// Note bodies.
    pub notes: u64,
    /// Free-text goals ("something else": `answers.detail`, `decisions.goal_detail`).
    pub goal_details: u64,
    /// Review notes and outcome notes.
    pub review_notes: u64,
    /// Display names of requesters, answerers, note authors and reviewers.
    pub names: u64,
}

impl RedactionReport {
    /// Whether nothing was redacted.
    pub fn is_empty(&self) -> bool {
        self.proposals + self.notes + self.goal_details + self.review_notes + self.names == 0
    }
}

/// Rows of one guild, deleted (by [`Store::purge_guild`]) or about to be (by
/// [`Store::guild_rows`]). Dismissals and the cooldown records are walkthroughs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub walkthroughs: u64,
    pub answers: u64,
    pub notes: u64,
    pub decisions: u64,
    pub reviews: u64,
    /// Claimed revisit reminders of those reviews.
    pub review_reminders: u64,
    /// How its decisions turned out.
    pub outcomes: u64,
    /// Follow-ups of its decisions, posted or to come.
    pub follow_ups: u64,
    /// Savings estimates given for its decisions.
    pub cost_estimates: u64,
    /// Chat messages where the bot only suggested the checklist.
    pub suggestions: u64,
    /// Changes of its per-server settings (who changed what).
    pub setting_changes: u64,
    /// Verdicts and outcomes posted in its decision-log channel.
    pub log_posts: u64,
    /// Walkthroughs outside the guild that were revisits of one of its walkthroughs; they are
    /// kept, without the link.
    pub revisits_unlinked: u64,
}

impl PurgeReport {
    /// Whether the guild had nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == PurgeReport::default()
    }
}
