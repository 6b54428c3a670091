//! The one error type of the application layer: what a person is told when their request is
//! not carried out. Its words come from `config/messages.toml` (see [`super::words`]).
//!
//! Operator trouble (the database refused, a file is damaged) is [`AppError::Unavailable`]:
//! the cause is logged with its details and kept for the operator (`source()`), while the
//! person only gets a generic sentence. Front ends show [`AppError::words`] as they are.

use crate::checklist::cost::CostError;
use crate::checklist::{Step, UserError};
use crate::store::{CostEstimateError, OutcomeError, ReviewError, Status, StoreError};

use super::words::say;

/// How a front end writes a mention of a person or a role (Discord: `<@id>`, `<@&id>`).
pub trait Mentions {
    fn person(&self, id: &str) -> String;
    fn role(&self, id: u64) -> String;
}

/// Mentions as plain text, for front ends without them (and for `Display`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainMentions;

impl Mentions for PlainMentions {
    fn person(&self, id: &str) -> String {
        format!("@{id}")
    }
    fn role(&self, id: u64) -> String {
        format!("@role:{id}")
    }
}

/// Why a request was not carried out, in words for the person who made it.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The walkthrough a button names does not exist (any more).
    #[error("{}", say("walkthrough-missing", &[]))]
    WalkthroughMissing,
    /// A button names a walkthrough of another guild or channel.
    #[error("{}", say("wrong-place", &[]))]
    WrongPlace,
    /// Only the requester and the answer roles may answer or close a walkthrough.
    #[error("{}", self.words(&PlainMentions))]
    MayNotAnswer {
        requester: String,
        answer_roles: Vec<u64>,
    },
    /// Only Manage Server holders and the audit roles may audit.
    #[error("{}", self.words(&PlainMentions))]
    MayNotAudit { audit_roles: Vec<u64> },
    /// Only the requester and auditors may run a decision again.
    #[error("{}", say("may-not-revisit", &[("id", &.0.to_string())]))]
    MayNotRevisit(i64),
    /// The walkthrough is closed and takes no more answers.
    #[error("{}", closed_words(*.0))]
    Closed(Status),
    /// Cancel or dismiss on a walkthrough that was closed meanwhile.
    #[error("{}", say("already-closed", &[]))]
    AlreadyClosed,
    /// Someone else's click moved the walkthrough on first.
    #[error("{}", stale_words(*current))]
    StaleStep { current: Step },
    /// The checklist refused the input.
    #[error("{}", checklist_words(.0))]
    Checklist(UserError),
    /// No open walkthrough where the command was used.
    #[error("{}", say("no-open-walkthrough", &[]))]
    NoOpenWalkthrough,
    /// No walkthrough with this id in the asking guild.
    #[error("{}", say("not-in-this-server", &[("id", &.0.to_string())]))]
    NotInThisServer(i64),
    /// A revisit button whose review is gone (or belongs elsewhere).
    #[error("{}", say("review-gone", &[]))]
    ReviewGone,
    /// A revisit of this decision is already running.
    #[error("{}", say("revisit-running", &[("open", &open.to_string()), ("id", &id.to_string())]))]
    RevisitRunning { open: i64, id: i64 },
    /// The review does not make sense (no note for an overrule, a past date, ...).
    #[error("{}", review_words(.0))]
    Review(ReviewError),
    /// The outcome does not fit the decision (or there is no such decision here).
    #[error("{}", outcome_words(.0))]
    Outcome(OutcomeError),
    /// Only the requester, answer roles and auditors may record how a decision turned out.
    #[error("{}", say("may-not-record-outcome", &[("id", &.0.to_string())]))]
    MayNotRecordOutcome(i64),
    /// A suggestion button whose suggestion is gone or belongs to another server.
    #[error("{}", say("suggestion-gone", &[]))]
    SuggestionGone,
    /// A figure of a savings estimate cannot be used.
    #[error("{}", cost_words(.0))]
    Cost(CostError),
    /// A savings estimate for something that is not a decision here.
    #[error("{}", say("estimate-not-decided", &[("id", &.0.to_string())]))]
    EstimateWithoutDecision(i64),
    /// Only people who may manage the server change its settings.
    #[error("{}", say("may-not-change-settings", &[]))]
    MayNotChangeSettings,
    /// A setting's number is outside what it accepts.
    #[error("{}", setting_range_words(setting, *min, *max))]
    SettingOutOfRange {
        setting: &'static str,
        min: u64,
        max: u64,
    },
    /// A language tunegate does not speak.
    #[error("{}", say("setting-unknown-language", &[("language", .0), ("languages", &super::settings::LANGUAGES.join(", "))]))]
    UnknownLanguage(String),
    /// A server turned detection on where the host runs without reading chat.
    #[error("{}", say("setting-detection-off-on-host", &[]))]
    DetectionOffOnHost,
    /// A list setting (channels, roles) would grow past its limit.
    #[error("{}", say("setting-list-full", &[("max", &.0.to_string())]))]
    SettingListFull(usize),
    /// The database could not do it; the cause is logged, the person told to try again
    /// (with the kind of a passing fault: busy, full, read-only).
    #[error("{}", unavailable_words(.0))]
    Unavailable(#[source] StoreError),
}

/// "The follow-up delay must be between 1 hour and 365 days."
fn setting_range_words(setting: &str, min: u64, max: u64) -> String {
    say(
        "setting-out-of-range",
        &[
            ("setting", &say(&format!("setting-name-{setting}"), &[])),
            ("min", &duration_words(min)),
            ("max", &duration_words(max)),
        ],
    )
}

/// A number of seconds in the largest whole unit: "0 minutes", "1 hour", "365 days".
pub fn duration_words(secs: u64) -> String {
    let (count, unit) = crate::config::largest_whole_unit(secs);
    say(
        &format!("duration-{unit}s"),
        &[("count", &count.to_string())],
    )
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::WalkthroughMissing,
            other => AppError::Unavailable(other),
        }
    }
}

impl From<UserError> for AppError {
    fn from(error: UserError) -> AppError {
        match error {
            UserError::StaleStep { current, .. } => AppError::StaleStep { current },
            other => AppError::Checklist(other),
        }
    }
}

impl From<OutcomeError> for AppError {
    fn from(error: OutcomeError) -> AppError {
        match error {
            OutcomeError::Store(e) => AppError::Unavailable(e),
            other => AppError::Outcome(other),
        }
    }
}

impl From<CostError> for AppError {
    fn from(error: CostError) -> AppError {
        AppError::Cost(error)
    }
}

impl From<CostEstimateError> for AppError {
    fn from(error: CostEstimateError) -> AppError {
        match error {
            CostEstimateError::Store(e) => AppError::Unavailable(e),
            CostEstimateError::NotDecided(id) => AppError::EstimateWithoutDecision(id),
        }
    }
}

impl From<ReviewError> for AppError {
    fn from(error: ReviewError) -> AppError {
        match error {
            ReviewError::Store(e) => AppError::Unavailable(e),
            other => AppError::Review(other),
        }
    }
}

impl AppError {
    /// The sentence for the person, with mentions written the front end's way.
    pub fn words(&self, mentions: &dyn Mentions) -> String {
        match self {
            AppError::MayNotAnswer {
                requester,
                answer_roles,
            } => {
                let roles = role_list(mentions, answer_roles, "may-not-answer-roles");
                say(
                    "may-not-answer",
                    &[
                        ("requester", &mentions.person(requester)),
                        ("roles", &roles),
                    ],
                )
            }
            AppError::MayNotAudit { audit_roles } => {
                let roles = role_list(mentions, audit_roles, "may-not-audit-roles");
                say("may-not-audit", &[("roles", &roles)])
            }
            other => other.to_string(),
        }
    }

    /// The operator's side of the story, when there is one (to log).
    pub fn operator_cause(&self) -> Option<&StoreError> {
        match self {
            AppError::Unavailable(e) => Some(e),
            _ => None,
        }
    }
}

fn unavailable_words(error: &StoreError) -> String {
    let reason = match error {
        StoreError::Busy => say("fault-busy", &[]),
        StoreError::DiskFull => say("fault-full", &[]),
        StoreError::ReadOnly => say("fault-read-only", &[]),
        StoreError::WriteFailed => say("fault-write-failed", &[]),
        _ => String::new(),
    };
    say("could-not-record", &[("reason", &reason)])
}

fn role_list(mentions: &dyn Mentions, roles: &[u64], key: &str) -> String {
    if roles.is_empty() {
        return String::new();
    }
    let list: Vec<String> = roles.iter().map(|r| mentions.role(*r)).collect();
    say(key, &[("roles", &list.join(", "))])
}

fn closed_words(status: Status) -> String {
    match status {
        Status::Decided => say("closed-decided", &[]),
        other => say("closed", &[("status", other.key())]),
    }
}

fn stale_words(current: Step) -> String {
    let total = Step::QUESTIONS;
    say(
        "stale-step",
        &[
            ("current", &current.number().min(total).to_string()),
            ("total", &total.to_string()),
        ],
    )
}

fn checklist_words(error: &UserError) -> String {
    match error {
        UserError::StaleStep { .. } => say("checklist-stale", &[]),
        UserError::AlreadyFinished => say("checklist-finished", &[]),
        UserError::NothingToGoBackTo => say("checklist-nothing-back", &[]),
        UserError::MissingGoalDetail => say("checklist-missing-detail", &[]),
        UserError::DetailTooLong { chars, max } => say(
            "checklist-detail-too-long",
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        ),
    }
}

fn review_words(error: &ReviewError) -> String {
    match error {
        ReviewError::NotFound(id) => say("review-not-found", &[("id", &id.to_string())]),
        ReviewError::NotDecided { id, status } => say(
            "review-not-decided",
            &[("id", &id.to_string()), ("status", status.key())],
        ),
        ReviewError::NoteRequired => say("review-note-required", &[]),
        ReviewError::NoteTooLong => say(
            "review-note-too-long",
            &[("max", &crate::store::MAX_REVIEW_NOTE_CHARS.to_string())],
        ),
        ReviewError::RevisitInPast(day) => say("review-revisit-past", &[("day", &day.to_string())]),
        ReviewError::Store(e) => unavailable_words(e),
    }
}

fn outcome_words(error: &OutcomeError) -> String {
    match error {
        OutcomeError::NotFound(id) => say("outcome-not-found", &[("id", &id.to_string())]),
        OutcomeError::NotDecided(id) => say("outcome-not-decided", &[("id", &id.to_string())]),
        OutcomeError::WrongQuestion {
            result, verdict, ..
        } => {
            // In the words of the buttons, with the spelling the command line takes.
            let allowed: Vec<String> =
                crate::checklist::outcome::FollowUpQuestion::for_verdict(*verdict)
                    .results()
                    .iter()
                    .map(|r| {
                        format!(
                            "{} ({})",
                            super::words::outcome_result(*r),
                            r.key().replace('_', "-")
                        )
                    })
                    .collect();
            say(
                "outcome-wrong-question",
                &[
                    ("result", &super::words::outcome_result(*result)),
                    ("verdict", verdict.headline()),
                    ("allowed", &allowed.join(", ")),
                ],
            )
        }
        OutcomeError::NoteTooLong => say(
            "outcome-note-too-long",
            &[("max", &crate::store::MAX_OUTCOME_NOTE_CHARS.to_string())],
        ),
        OutcomeError::Store(e) => unavailable_words(e),
    }
}

fn cost_words(error: &CostError) -> String {
    match error {
        CostError::NotANumber { field, value } => {
            say("cost-not-a-number", &[("field", field), ("value", value)])
        }
        CostError::Negative { field, value } => say(
            "cost-negative",
            &[("field", field), ("value", &value.to_string())],
        ),
        CostError::Zero { field } => say("cost-zero", &[("field", field)]),
        CostError::TooLarge { field, value, max } => say(
            "cost-too-large",
            &[
                ("field", field),
                ("value", &value.to_string()),
                ("max", &max.to_string()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_the_requester_and_the_roles_the_front_ends_way() {
        let e = AppError::MayNotAnswer {
            requester: "42".into(),
            answer_roles: vec![7],
        };
        assert_eq!(
            e.to_string(),
            "Only the person who proposed this (@42) or members of @role:7 can answer this \
             checklist. Nothing was recorded."
        );
    }

    #[test]
    fn a_database_fault_tells_the_person_only_to_try_again() {
        let e = AppError::from(StoreError::Busy);
        assert_eq!(
            e.to_string(),
            "I could not record that: the database is busy. Nothing was saved; please try again."
        );
        assert!(e.operator_cause().is_some());
        let e = AppError::from(StoreError::BadData("step \"x\"".into()));
        assert_eq!(
            e.to_string(),
            "I could not record that. Nothing was saved; please try again."
        );
    }
}
