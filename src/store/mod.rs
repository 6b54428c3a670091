//! The store: the only place that writes SQL, and the source of truth for every walkthrough.
//!
//! Two backends sit behind one [`Store`], chosen by the scheme of the database URL:
//! `sqlite://` (the default: one file, one process; `sqlite.rs`) and `postgres://` or
//! `postgresql://` (several processes sharing one server; `postgres.rs`). The queries both
//! accept are written once in `sql/` and compiled once per backend; each backend has its own
//! migrations folder (`migrations/sqlite/`, `migrations/postgres/`).
//!
//! Whether opening may create the database file and run the embedded migrations is the
//! caller's choice ([`OpenMode`]): the bot and `check` create and migrate, `db migrate`
//! migrates an existing database ([`Store::migrate`]), and every other command needs an
//! existing database with this binary's schema, so a mistyped path or an older database is
//! reported instead of silently created or upgraded. Every change that belongs together (an
//! answer and the step it moves to, a verdict and its decision row) happens in one
//! transaction. Queries bind every value; no text is ever spliced into SQL.

mod audit;
mod copy;
mod cost_estimates;
mod erasure;
mod error;
mod export;
mod feedback;
mod guild_settings;
mod ids;
mod maintenance;
mod outcomes;
mod postgres;
mod records;
mod reviews;
mod sqlite;
mod suggestions;
mod walkthroughs;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

pub use audit::{ListFilter, MonthCounts, Stats};
pub use copy::CopyReport;
pub use cost_estimates::{CostEstimateError, CostEstimateRecord};
pub use erasure::{
    GUILD_TABLES, IMPERSONAL_TEXT_COLUMNS, PERSONAL_TEXT_COLUMNS, PurgeReport, REDACTED_TEXT,
    RedactionReport, TABLES_WITHOUT_GUILD_DATA,
};
pub use error::StoreError;
pub use export::{ExportError, ExportFormat, PAGE_ROWS, defuse_formula};
pub use feedback::{ActionPrecision, DetectionOutcome, DetectionPrecision};
pub use guild_settings::{LogItem, LogPostState, SettingChangeRecord};
pub use ids::{PlatformId, PostId, ReviewId, RoomId, ServerId, SuggestionId, WalkthroughId};
pub use maintenance::BackupReport;
pub use outcomes::{
    ASSUMED_SOLVED_SHARE, DueFollowUp, FollowUpClock, MAX_OUTCOME_NOTE_CHARS, NewOutcome,
    OutcomeError, OutcomeRecord, OutcomeRecorded, OutcomeStats,
};
pub use postgres::MIGRATOR as POSTGRES_MIGRATOR;
pub use records::*;
pub use reviews::{MAX_REVIEW_NOTE_CHARS, ReviewError};
pub use sqlite::MIGRATOR;
pub use suggestions::{NewSuggestion, SuggestionRecord, SuggestionState};
pub use walkthroughs::{AnswerWrite, Folded, Planned, Recorded};

use crate::checklist::cost::{CostEstimate, CostInputs};

/// A handle to the database. Cheap to clone; all clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Store {
    backend: Backend,
    /// The URL it was opened with (for `pg_dump`; never printed: see [`redact_url`]).
    url: String,
}

#[derive(Debug, Clone)]
enum Backend {
    Sqlite(sqlite::Backend),
    Postgres(postgres::Backend),
}

/// Which database engine a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

impl BackendKind {
    /// The engine named by the URL's scheme: `sqlite:`, or `postgres://` / `postgresql://`.
    pub fn of_url(url: &str) -> Result<BackendKind, StoreError> {
        let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("sqlite") => Ok(BackendKind::Sqlite),
            Some("postgres" | "postgresql") => Ok(BackendKind::Postgres),
            _ => Err(StoreError::UnknownScheme {
                url: redact_url(url),
            }),
        }
    }

    /// Its name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Sqlite => "SQLite",
            BackendKind::Postgres => "PostgreSQL",
        }
    }
}

/// How to open the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub url: String,
    pub busy_timeout: Duration,
    pub max_connections: u32,
    pub mode: OpenMode,
}

/// What opening the database may do to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file when it is missing and bring its schema up to date (the bot, `check`).
    /// A PostgreSQL database must exist already; its tables are created.
    CreateAndMigrate,
    /// The database must exist with exactly this binary's schema; nothing is created or
    /// migrated (the audit and maintenance commands).
    Existing,
    /// The database must exist with this binary's schema or an older one; nothing is created
    /// or migrated (`db check`, `db backup`: worth running before a migration).
    ExistingAnySchema,
}

impl StoreOptions {
    pub fn new(url: &str) -> StoreOptions {
        StoreOptions {
            url: url.to_string(),
            busy_timeout: Duration::from_secs(5),
            max_connections: 4,
            mode: OpenMode::CreateAndMigrate,
        }
    }

    /// The same options with another [`OpenMode`].
    pub fn with_mode(mut self, mode: OpenMode) -> StoreOptions {
        self.mode = mode;
        self
    }
}

/// How the schema of an opened database compares with the migrations of this binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaState {
    /// Every migration this binary knows has been applied, and no other.
    Current,
    /// Some migrations of this binary are still to run (`have` is the newest applied one, 0
    /// for none).
    Older { have: i64, want: i64 },
}

/// Runs the same call on whichever backend the store has.
macro_rules! on_backend {
    ($self:expr, $b:ident => $call:expr) => {
        match &$self.backend {
            Backend::Sqlite($b) => $call,
            Backend::Postgres($b) => $call,
        }
    };
}

impl Store {
    /// Opens the database as `options.mode` allows (see [`OpenMode`]).
    pub async fn open(options: &StoreOptions) -> Result<Store, StoreError> {
        let url = options.url.as_str();
        let backend = match BackendKind::of_url(url)? {
            BackendKind::Sqlite => Backend::Sqlite(sqlite::open(options).await?),
            BackendKind::Postgres => Backend::Postgres(postgres::open(options).await?),
        };
        let store = Store {
            backend,
            url: url.to_string(),
        };
        match options.mode {
            OpenMode::CreateAndMigrate => store.migrate(url).await?,
            OpenMode::Existing => match store.schema_state(url).await? {
                SchemaState::Current => {}
                SchemaState::Older { have, want } => {
                    store.close().await;
                    return Err(StoreError::OlderSchema {
                        url: redact_url(url),
                        have,
                        want,
                    });
                }
            },
            OpenMode::ExistingAnySchema => {
                store.schema_state(url).await?;
            }
        }
        Ok(store)
    }

    /// Opens a database for tests and benchmarks with default options.
    pub async fn open_url(url: &str) -> Result<Store, StoreError> {
        Store::open(&StoreOptions::new(url)).await
    }

    /// Which engine this store runs on.
    pub fn kind(&self) -> BackendKind {
        match self.backend {
            Backend::Sqlite(_) => BackendKind::Sqlite,
            Backend::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// The migrations this binary carries for this store's engine.
    pub fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self.backend {
            Backend::Sqlite(_) => &sqlite::MIGRATOR,
            Backend::Postgres(_) => &postgres::MIGRATOR,
        }
    }

    /// Runs the migrations this binary carries that the database lacks; refuses a database
    /// from a newer tunegate without changing it.
    pub async fn migrate(&self, url: &str) -> Result<(), StoreError> {
        // sqlx refuses a newer schema too, but only after it has looked; checking first keeps
        // the refusal's wording in one place.
        self.schema_state(url).await?;
        let ran = on_backend!(self, b => b.run_migrations().await);
        ran.map_err(|e| StoreError::from_migrate(&redact_url(url), self.migrator(), e))
    }

    /// Compares the applied migrations with this binary's; a newer schema is an error.
    pub async fn schema_state(&self, url: &str) -> Result<SchemaState, StoreError> {
        let applied = on_backend!(self, b => b.applied_versions().await)
            .map_err(|e| StoreError::from(e).with_url(&redact_url(url)))?;
        let known: Vec<i64> = self.migrator().iter().map(|m| m.version).collect();
        let want = known.iter().copied().max().unwrap_or_default();
        let have = applied.iter().copied().max().unwrap_or_default();
        if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
            return Err(StoreError::NewerSchema {
                url: redact_url(url),
                version: *unknown,
                known: want,
            });
        }
        if known.iter().all(|v| applied.contains(v)) {
            Ok(SchemaState::Current)
        } else {
            Ok(SchemaState::Older { have, want })
        }
    }

    /// The SQLite pool, for tests and tools that reach under the store; `None` on PostgreSQL.
    pub fn sqlite_pool(&self) -> Option<&sqlx::SqlitePool> {
        match &self.backend {
            Backend::Sqlite(b) => Some(&b.pool),
            Backend::Postgres(_) => None,
        }
    }

    /// The PostgreSQL pool, for tests and tools that reach under the store; `None` on SQLite.
    pub fn postgres_pool(&self) -> Option<&sqlx::PgPool> {
        match &self.backend {
            Backend::Sqlite(_) => None,
            Backend::Postgres(b) => Some(&b.pool),
        }
    }

    /// The integrity check: `["ok"]` when the database is sound (SQLite's `integrity_check`;
    /// on PostgreSQL, that every table can be read).
    pub async fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        on_backend!(self, b => b.integrity_check().await)
    }

    /// Rows that point at a missing row, one per line; empty when every reference holds.
    pub async fn foreign_key_problems(&self) -> Result<Vec<String>, StoreError> {
        on_backend!(self, b => b.foreign_key_problems().await)
    }

    /// A consistent copy of the database at `path`, never overwriting a file: SQLite's
    /// `VACUUM INTO`, or `pg_dump` for PostgreSQL (explained when it is not installed).
    pub async fn backup_to(&self, path: &Path) -> Result<BackupReport, StoreError> {
        match &self.backend {
            Backend::Sqlite(b) => b.backup_to(path).await,
            Backend::Postgres(b) => b.backup_to(path, &self.url).await,
        }
    }

    /// Proves the database takes a write (for `/healthz`): rewrites one probe row.
    pub async fn probe_write(&self) -> Result<(), StoreError> {
        on_backend!(self, b => b.probe_write(Utc::now()).await)
    }

    /// Closes every connection, waiting for running queries.
    pub async fn close(&self) {
        on_backend!(self, b => b.pool.close().await)
    }

    /// One answer in ONE write transaction: the replay check by interaction id, the
    /// walkthrough loaded (and locked), `decide` (pure: who may answer, what the checklist
    /// says) run on it, then the compare-and-set on the step, the answer and the decision
    /// written. When `decide` refuses, nothing is written and its refusal is returned.
    pub async fn answer_in_one_transaction<E>(
        &self,
        id: WalkthroughId,
        interaction_id: Option<&str>,
        decide: impl FnOnce(&WalkthroughRecord) -> Result<Planned, E>,
    ) -> Result<Folded<E>, StoreError> {
        on_backend!(self, b => b.answer_in_one_transaction(id, interaction_id, decide).await)
    }

    /// Writes every walkthrough matching `filter`, oldest first, and returns how many.
    pub async fn export<W: Write>(
        &self,
        filter: &ListFilter,
        format: ExportFormat,
        out: &mut W,
    ) -> Result<u64, ExportError> {
        on_backend!(self, b => b.export(filter, format, out).await)
    }
}

/// Rows read and written at a time by [`Store::copy_to`].
const COPY_PAGE: i64 = 5000;

impl Store {
    /// Copies every row of every table of this database into `target`, ids kept, table by
    /// table in an order that keeps every reference valid, then moves the target's id
    /// sequences on. Refuses a target that holds any row. Afterwards counts every table again
    /// on both sides and checks the target's references and integrity. Stop the bots first:
    /// rows written meanwhile make the counts differ, which is reported.
    pub async fn copy_to(&self, target: &Store) -> Result<CopyReport, StoreError> {
        for table in copy::CopyTable::ALL {
            let rows = on_backend!(target, b => b.count_rows(table).await)?;
            if rows > 0 {
                return Err(StoreError::CopyTargetNotEmpty {
                    url: redact_url(&target.url),
                    table: table.name().to_string(),
                    rows,
                });
            }
        }
        let mut report = CopyReport::default();
        for table in copy::CopyTable::ALL {
            let (mut offset, mut copied) = (0i64, 0u64);
            loop {
                let rows = on_backend!(self, b => b.copy_page(table, offset, COPY_PAGE).await)?;
                if rows.is_empty() {
                    break;
                }
                on_backend!(target, b => b.write_copied(table, &rows).await)?;
                let n = rows.len();
                copied += n as u64;
                offset += n as i64;
                if (n as i64) < COPY_PAGE {
                    break;
                }
            }
            report.tables.push((table.name().to_string(), copied));
        }
        on_backend!(target, b => b.after_copy().await)?;
        for (table, (_, copied)) in copy::CopyTable::ALL.iter().zip(&report.tables) {
            let here = on_backend!(self, b => b.count_rows(*table).await)?;
            let there = on_backend!(target, b => b.count_rows(*table).await)?;
            if here != there || there != *copied {
                return Err(StoreError::CopyMismatch {
                    table: table.name().to_string(),
                    in_source: here,
                    in_target: there,
                });
            }
        }
        let mut problems: Vec<String> = target
            .integrity_check()
            .await?
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        problems.extend(target.foreign_key_problems().await?);
        if let Some(first) = problems.first() {
            return Err(StoreError::CopyMismatch {
                table: first.clone(),
                in_source: 0,
                in_target: problems.len() as u64,
            });
        }
        Ok(report)
    }
}

/// The store's methods that both backends implement alike (in `sql/`), forwarded.
macro_rules! delegate {
    ($($(#[$meta:meta])* pub async fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)*) => {
        impl Store {
            $(
                $(#[$meta])*
                pub async fn $name(&self $(, $arg: $ty)*) -> $ret {
                    on_backend!(self, b => b.$name($($arg),*).await)
                }
            )*
        }
    };
}

delegate! {
    /// The newest walkthroughs matching `filter`, newest first.
    pub async fn list(&self, filter: &ListFilter, limit: u32, offset: u32) -> Result<Vec<DecisionSummary>, StoreError>;
    /// Everything about one walkthrough, its reviews, outcomes and savings estimates included. `guild_id` scopes the lookup: a walkthrough of
    /// another guild is reported as not found.
    pub async fn detail(&self, id: WalkthroughId, guild_id: Option<ServerId>) -> Result<DecisionDetail, StoreError>;
    /// Counts for the audit: by status, verdict, failing gate, driver and month.
    pub async fn stats(&self, filter: &ListFilter) -> Result<Stats, StoreError>;
    /// The team's results over the decisions `filter` covers (by decision time, as the
    /// statistics count them): per decision its latest final outcome ("not yet" answers
    /// aside), counted by verdict.
    pub async fn outcome_stats_matching(&self, filter: &ListFilter) -> Result<OutcomeStats, StoreError>;
    /// Records an estimate for a decision (`guild_id` `None`: from the terminal, any decision).
    /// Returns the stored row and whether it is new (`false`: this interaction was recorded
    /// before, and that row is returned).
    #[allow(clippy::too_many_arguments)]
    pub async fn record_cost_estimate(&self, walkthrough_id: WalkthroughId, guild_id: Option<ServerId>, inputs: &CostInputs, estimate: &CostEstimate, recorder: &Person, interaction_id: Option<&str>, now: DateTime<Utc>) -> Result<(CostEstimateRecord, bool), CostEstimateError>;
    /// The estimates of one decision, oldest first (the last one counts).
    pub async fn cost_estimates_of(&self, walkthrough_id: WalkthroughId) -> Result<Vec<CostEstimateRecord>, StoreError>;
    /// Replaces every personal text ([`PERSONAL_TEXT_COLUMNS`]) of the walkthroughs created
    /// before `cutoff`, and of the reviews written before it, with [`REDACTED_TEXT`], in one
    /// transaction. Verdicts, answers, times and ids are kept. A cutoff later than `now` is
    /// taken as `now`, so a walkthrough that has not started yet cannot be affected. Running it
    /// again changes nothing new.
    pub async fn redact_older_than(&self, cutoff: DateTime<Utc>, now: DateTime<Utc>) -> Result<RedactionReport, StoreError>;
    /// What [`Store::purge_guild`] would delete now, without deleting anything.
    pub async fn guild_rows(&self, guild_id: ServerId) -> Result<PurgeReport, StoreError>;
    /// Deletes every row of one guild from every table of [`GUILD_TABLES`] in one transaction,
    /// and says how many rows went from each. A walkthrough elsewhere that revisits one of them
    /// is kept without the link. An unknown guild deletes nothing.
    pub async fn purge_guild(&self, guild_id: ServerId) -> Result<PurgeReport, StoreError>;
    /// Every chat detection that was started or dismissed, walkthroughs first, oldest first.
    pub async fn detection_outcomes(&self) -> Result<Vec<DetectionOutcome>, StoreError>;
    /// The `thread` action's results in one guild or all: (started, dismissed) chat
    /// walkthroughs, those opened from a suggestion left out.
    pub async fn thread_detection_counts(&self, guild_id: Option<ServerId>) -> Result<(u64, u64), StoreError>;
    /// The newest walkthroughs of `guild_id` whose id starts with the digits typed in
    /// `partial` (a leading `#` is fine), or whose proposal contains its text; all of the
    /// guild's newest when `partial` is blank. `decided_only` keeps those with a verdict.
    pub async fn suggest_walkthroughs(&self, guild_id: ServerId, partial: &str, decided_only: bool, limit: u32) -> Result<Vec<DecisionSummary>, StoreError>;
    /// How many walkthroughs `filter` covers.
    pub async fn count(&self, filter: &ListFilter) -> Result<u64, StoreError>;
    /// Records an outcome, and schedules or closes follow-ups, in one transaction.
    pub async fn record_outcome(&self, new: &NewOutcome<'_>) -> Result<OutcomeRecorded, OutcomeError>;
    /// The outcomes of one decision, oldest first.
    pub async fn outcomes_of(&self, walkthrough_id: WalkthroughId) -> Result<Vec<OutcomeRecord>, StoreError>;
    /// Claims up to `limit` due follow-ups for this process (and takes over claims older than
    /// the lease), returning what to post. Each is returned to one caller only.
    pub async fn claim_due_follow_ups(&self, clock: &FollowUpClock, limit: u32) -> Result<Vec<DueFollowUp>, StoreError>;
    /// Marks a claimed follow-up as posted where it was posted.
    pub async fn follow_up_posted(&self, walkthrough_id: WalkthroughId, round: u32, channel_id: RoomId, message_id: PostId, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Ends a claimed follow-up: `undeliverable` when neither thread nor channel exists any
    /// more (never retried), or back to `scheduled` after a passing failure (retried by a
    /// later sweep).
    pub async fn follow_up_failed(&self, walkthrough_id: WalkthroughId, round: u32, for_good: bool) -> Result<(), StoreError>;
    /// The state of one follow-up (`scheduled`, `claimed`, `posted`, `answered`,
    /// `undeliverable`, `skipped`), if it exists.
    pub async fn follow_up_state(&self, walkthrough_id: WalkthroughId, round: u32) -> Result<Option<String>, StoreError>;
    /// The team's results: per decision its latest final outcome ("not yet" answers aside),
    /// counted by verdict; `guild_id` narrows it to one guild.
    pub async fn outcome_stats(&self, guild_id: Option<ServerId>) -> Result<OutcomeStats, StoreError>;
    /// Records a review of a decided walkthrough. With `guild_id` set, a decision of another
    /// guild is reported as not found.
    pub async fn add_review(&self, review: &NewReview) -> Result<ReviewRecord, ReviewError>;
    /// One review by id.
    pub async fn review(&self, id: ReviewId) -> Result<ReviewRecord, StoreError>;
    /// The reviews of one walkthrough, oldest first.
    pub async fn reviews_of(&self, walkthrough_id: WalkthroughId) -> Result<Vec<ReviewRecord>, StoreError>;
    /// Reviews whose revisit date is `today` or earlier and whose reminder nobody claimed
    /// yet, the earliest first, with where their decision lives in Discord.
    pub async fn due_revisits(&self, today: NaiveDate, limit: u32) -> Result<Vec<DueRevisit>, StoreError>;
    /// Claims a review's revisit reminder for this process. `false` when it was already
    /// claimed (by this or another process): then it must not be posted.
    pub async fn claim_revisit_reminder(&self, review_id: ReviewId, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Gives a claimed reminder back, after Discord failed for a passing reason, so that a
    /// later sweep posts it.
    pub async fn release_revisit_reminder(&self, review_id: ReviewId) -> Result<(), StoreError>;
    /// The open walkthrough that already revisits `walkthrough_id`, if any.
    pub async fn open_revisit_of(&self, walkthrough_id: WalkthroughId) -> Result<Option<WalkthroughId>, StoreError>;
    /// Records a suggestion for a chat message; `None` when that message has one already (it
    /// was delivered twice, or another process saw it first).
    pub async fn record_suggestion(&self, new: &NewSuggestion<'_>) -> Result<Option<SuggestionRecord>, StoreError>;
    /// Remembers the bot's reply, so it can be removed later.
    pub async fn suggestion_replied(&self, id: SuggestionId, reply_message_id: PostId) -> Result<(), StoreError>;
    /// One suggestion, if it exists.
    pub async fn suggestion(&self, id: SuggestionId) -> Result<Option<SuggestionRecord>, StoreError>;
    /// Closes an open suggestion as `state`; `None` when it was not open any more (someone or
    /// the expiry sweep closed it first).
    pub async fn close_suggestion(&self, id: SuggestionId, state: SuggestionState, by: Option<&str>, now: DateTime<Utc>) -> Result<Option<SuggestionRecord>, StoreError>;
    /// Links a started suggestion to the walkthrough it opened.
    pub async fn link_suggestion(&self, id: SuggestionId, walkthrough_id: WalkthroughId) -> Result<(), StoreError>;
    /// Closes every suggestion still open that was made before `before`, as expired, and
    /// returns them (to remove their replies). Each is returned to one caller only.
    pub async fn expire_suggestions(&self, before: DateTime<Utc>, now: DateTime<Utc>, limit: u32) -> Result<Vec<SuggestionRecord>, StoreError>;
    /// Suggestions by state, for one guild or all: (started, dismissed, expired, open).
    pub async fn suggestion_counts(&self, guild_id: Option<ServerId>) -> Result<(u64, u64, u64, u64), StoreError>;
    /// Starts a walkthrough and returns it. For a chat message that already has one (Discord
    /// delivered the message twice), returns the existing walkthrough and `false`.
    pub async fn start_walkthrough(&self, new: &NewWalkthrough) -> Result<(WalkthroughRecord, bool), StoreError>;
    /// Loads a walkthrough with its current answers.
    pub async fn walkthrough(&self, id: WalkthroughId) -> Result<WalkthroughRecord, StoreError>;
    /// The open walkthrough running in a Discord thread, if any.
    pub async fn open_walkthrough_in_thread(&self, thread_id: RoomId) -> Result<Option<WalkthroughRecord>, StoreError>;
    /// The open walkthrough whose questions are in `channel_id`: the one running in this
    /// thread, or, in a channel, the newest one that has no thread of its own (the bot could
    /// not open one, or stopped before it did).
    pub async fn open_walkthrough_at(&self, channel_id: RoomId) -> Result<Option<WalkthroughRecord>, StoreError>;
    /// Records an answer (or a step back) and the step it leads to, plus the decision when
    /// the walkthrough finishes, all in one transaction.
    pub async fn record_answer(&self, write: &AnswerWrite<'_>) -> Result<Recorded, StoreError>;
    /// Whether an answer carried by this Discord interaction is already recorded.
    pub async fn interaction_recorded(&self, interaction_id: &str) -> Result<bool, StoreError>;
    /// Closes an open walkthrough (abandoned, cancelled or dismissed). Returns `false` when
    /// it was not open any more, in which case nothing changed.
    pub async fn close_walkthrough(&self, id: WalkthroughId, status: Status, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Remembers the Discord thread a walkthrough runs in.
    pub async fn set_thread(&self, id: WalkthroughId, thread_id: RoomId) -> Result<(), StoreError>;
    /// Adds a note to a walkthrough.
    pub async fn add_note(&self, walkthrough_id: WalkthroughId, author: &Person, body: &str, now: DateTime<Utc>) -> Result<Note, StoreError>;
    /// Open Discord walkthroughs with no activity since `idle_since`, the longest idle first.
    pub async fn idle_walkthroughs(&self, idle_since: DateTime<Utc>, limit: u32) -> Result<Vec<WalkthroughRecord>, StoreError>;
    /// Whether the detector started a walkthrough in `channel_id` since `channel_since`, or
    /// for `requester_id` since `user_since` (the chat cooldowns; `None` is no cooldown). Read
    /// from the store, so they survive restarts and hold across bot processes.
    pub async fn recent_chat_start(&self, channel_id: RoomId, requester_id: &str, channel_since: Option<DateTime<Utc>>, user_since: Option<DateTime<Utc>>) -> Result<bool, StoreError>;
    /// Notes that the idle reminder was posted, so it is posted once.
    pub async fn mark_reminded(&self, id: WalkthroughId, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Records changes of one server's settings, all in one transaction: `(key, value)` pairs,
    /// a `None` value putting the key back to the host default.
    pub async fn record_setting_changes(&self, guild_id: ServerId, changes: &[(&str, Option<String>)], by: &Person, now: DateTime<Utc>) -> Result<(), StoreError>;
    /// Every change of one server's settings, oldest first.
    pub async fn setting_changes(&self, guild_id: ServerId) -> Result<Vec<SettingChangeRecord>, StoreError>;
    /// The newest change of each key of one server: its current settings.
    pub async fn current_setting_changes(&self, guild_id: ServerId) -> Result<Vec<SettingChangeRecord>, StoreError>;
    /// The newest change of `key` in every server that ever changed it.
    pub async fn current_setting_everywhere(&self, key: &str) -> Result<Vec<SettingChangeRecord>, StoreError>;
    /// Claims up to `limit` verdicts and outcomes of `guild_id` made since `since` that its
    /// decision-log channel has not shown yet (or whose claim is older than `lease`), oldest
    /// first, in one transaction; report each with [`Store::log_post_done`].
    pub async fn claim_log_items(&self, guild_id: ServerId, channel_id: RoomId, since: DateTime<Utc>, now: DateTime<Utc>, lease: chrono::Duration, limit: u32) -> Result<Vec<LogItem>, StoreError>;
    /// Records what became of a claimed decision-log post.
    pub async fn log_post_done(&self, item: &str, state: LogPostState, now: DateTime<Utc>) -> Result<(), StoreError>;
}

/// The URL as it may be shown: any password replaced by `[redacted]`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:[redacted]@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// The error of a failed first connection, naming the database.
fn open_error(url: &str, error: sqlx::Error) -> StoreError {
    let shown = redact_url(url);
    let postgres = matches!(BackendKind::of_url(url), Ok(BackendKind::Postgres));
    match StoreError::from(error) {
        StoreError::CannotOpen { reason, .. } | StoreError::Other(reason) if postgres => {
            StoreError::CannotConnect { url: shown, reason }
        }
        StoreError::CannotOpen { reason, .. } | StoreError::Other(reason) => {
            StoreError::CannotOpen { url: shown, reason }
        }
        StoreError::Busy if postgres => StoreError::CannotConnect {
            url: shown,
            reason: "no connection within the timeout".to_string(),
        },
        other => other.with_url(&shown),
    }
}

/// Formats a time the one way the database stores it: `2026-11-29T14:30:00.123Z`.
pub fn format_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a stored time.
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::BadData(format!("time {text:?}: {e}")))
}

/// Platform ids are u64 but database integers are i64; Discord's snowflakes stay below 2^63
/// until 2084.
pub(crate) fn id_to_db<I: PlatformId>(id: Option<I>) -> Result<Option<i64>, StoreError> {
    id.map(|v| {
        let v = v.get();
        i64::try_from(v).map_err(|_| StoreError::BadData(format!("id {v} is too large")))
    })
    .transpose()
}

pub(crate) fn id_from_db<I: PlatformId>(id: Option<i64>) -> Option<I> {
    id.and_then(|v| u64::try_from(v).ok()).map(I::from_u64)
}
