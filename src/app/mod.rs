//! The application layer: every use case of tunegate, whichever front end asks for it.
//!
//! A front end (Discord in `crate::discord`, the terminal in `crate::cli`) decodes what a
//! person did, calls one function here, and renders what comes back. This layer calls the
//! pure core (`checklist`) to decide, and the store (private to it) to remember. It returns
//! domain outcomes, and one error type, [`AppError`], whose words come from the locale files
//! (`locales/<lang>/*.ftl`, see [`words`]). It knows no Discord and no terminal.
//!
//! - [`answer`]: one answer, or a step back, from a click to a recorded state;
//! - [`start`]: starting a walkthrough (chat, slash, context menu, terminal, revisit);
//! - [`close`]: dismiss, cancel, notes, resume;
//! - [`decision_log`]: posting every verdict and outcome in a server's decision-log channel;
//! - [`access`]: who may answer, who may audit, whether a click belongs where it came from;
//! - [`audit`]: history, show, stats, export, reviews;
//! - [`suggest`]: the gentler first touch (a reply offering the checklist) and the detector's
//!   precision in production per action;
//! - [`sweeps`]: reminders, abandoning idle walkthroughs, revisit reminders, retention;
//! - [`outcomes`]: how decisions turned out (follow-ups, outcomes, the team's rate) and the
//!   savings estimate of the volume driver;
//! - [`settings`]: per-server settings over the host configuration, and who changed what;
//! - [`maintenance`]: backup, integrity check, redaction, purge;
//! - [`error`] and [`words`]: what a person is told when something is refused;
//! - [`lang`] and [`checklists`]: which language a person gets, and the checklist in it.

pub mod access;
pub mod answer;
pub mod audit;
pub mod checklists;
pub mod close;
pub mod decision_log;
pub mod error;
pub mod lang;
pub mod maintenance;
pub mod outcomes;
pub mod settings;
pub mod start;
pub mod suggest;
pub mod sweeps;
pub mod words;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::checklist::ChecklistContent;
use crate::config::Settings;
use crate::store::Store;

pub use access::{Actor, Here, Rules};
pub use answer::{Advanced, Click};
pub use error::{AppError, Mentions, PlainMentions};
pub use lang::Lang;
pub use start::Start;
pub use sweeps::Timing;

pub use crate::store::DetectionPrecision;
/// The shapes the use cases take and return. They are defined next to the SQL that reads
/// them; front ends name them from here, never from the store.
pub use crate::store::{
    BackupReport, DecisionDetail, DecisionRecord, DecisionSummary, DetectionOutcome, DueRevisit,
    ExportError, ExportFormat, ListFilter, MonthCounts, NewReview, Note, OpenMode, PurgeReport,
    REDACTED_TEXT, RedactionReport, ReviewOutcome, ReviewRecord, SchemaState, Source, Stats,
    Status, StoreError, WalkthroughRecord, defuse_formula, format_time,
};
pub use crate::store::{
    CostEstimateRecord, DueFollowUp, MAX_OUTCOME_NOTE_CHARS, OutcomeRecord, OutcomeRecorded,
    OutcomeStats,
};
pub use crate::store::{Person, Place, redact_url};
pub use crate::store::{PostId, ReviewId, RoomId, ServerId, SuggestionId, WalkthroughId};
pub use crate::store::{SuggestionRecord, SuggestionState};
pub use outcomes::{FollowUpDelivery, OutcomeEntry, Recorder, SavingsEstimate};
pub use suggest::Suggest;

/// The use cases, over one store and one checklist. Cheap to clone.
#[derive(Debug, Clone)]
pub struct App {
    store: Store,
    content: Arc<ChecklistContent>,
    translations: Arc<BTreeMap<Lang, ChecklistContent>>,
    version: Arc<str>,
    rules: Arc<Rules>,
    timing: Timing,
    host_settings: Arc<settings::ServerSettings>,
}

impl App {
    /// The use cases with default rules (nobody but the requester answers, only Manage
    /// Server audits) and default timing.
    pub fn new(store: Store, content: ChecklistContent) -> App {
        let version = content.version();
        App {
            store,
            translations: Arc::new(checklists::every_lang(&content)),
            content: Arc::new(content),
            version: version.into(),
            rules: Arc::default(),
            timing: Timing::default(),
            host_settings: Arc::new(settings::ServerSettings::shipped()),
        }
    }

    /// The use cases with the rules and timing of `settings`: what the composition root builds.
    pub fn from_settings(store: Store, content: ChecklistContent, settings: &Settings) -> App {
        App {
            rules: Arc::new(Rules::from_settings(settings)),
            timing: Timing::from_settings(settings),
            host_settings: Arc::new(settings::ServerSettings::from_host(settings)),
            ..App::new(store, content)
        }
    }

    /// The checklist's words (in English, the canonical language) and thresholds.
    pub fn content(&self) -> &ChecklistContent {
        &self.content
    }

    /// The checklist's words in `lang`.
    pub fn content_in(&self, lang: Lang) -> &ChecklistContent {
        self.translations.get(&lang).unwrap_or(&self.content)
    }

    /// The version recorded with each decision.
    pub fn checklist_version(&self) -> &str {
        &self.version
    }

    /// Who may answer and audit, as the host configuration sets it. A server's own answer
    /// roles (`/finetune-audit settings`) are in [`App::rules_in`].
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Who may answer and audit in `guild`: the server's answer roles (read now, so a change
    /// takes effect at once) and the host's audit roles.
    pub async fn rules_in(&self, server: Option<ServerId>) -> Result<Rules, AppError> {
        let settings = self.server_settings(server).await?;
        Ok(Rules {
            answer_roles: settings.answer_roles,
            audit_roles: self.rules.audit_roles.clone(),
        })
    }

    /// The store underneath, for the composition root, tests and benchmarks. Front ends never
    /// call it (`tests/layering.rs` checks that they do not name the store).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Proves the database takes a write (the health endpoint).
    pub async fn probe_write(&self) -> Result<(), StoreError> {
        self.store.probe_write().await
    }

    /// Closes the database, waiting for running queries.
    pub async fn close(&self) {
        self.store.close().await;
    }
}

impl App {
    /// Opens the database the settings name, creating or migrating it only as `mode` allows,
    /// and builds the app over it with the settings' rules and delays.
    pub async fn open(
        settings: &Settings,
        content: ChecklistContent,
        mode: OpenMode,
    ) -> Result<App, StoreError> {
        let store = Store::open(&crate::store::StoreOptions {
            url: settings.database.url.clone(),
            busy_timeout: std::time::Duration::from_millis(settings.database.busy_timeout_ms),
            max_connections: settings.database.max_connections,
            mode,
        })
        .await?;
        Ok(App::from_settings(store, content, settings))
    }
}
