//! The one error type of the application layer: what a person is told when their request is
//! not carried out. Its words come from the locale files (see [`super::words`]), in the
//! language of the person asking ([`AppError::words_in`]); `Display` is English.
//!
//! Operator trouble (the database refused, a file is damaged) is [`AppError::Unavailable`]:
//! the cause is logged with its details and kept for the operator (`source()`), while the
//! person only gets a generic sentence. Front ends show [`AppError::words`] as they are.

use crate::checklist::cost::CostError;
use crate::checklist::{Step, UserError};
use crate::store::{CostEstimateError, OutcomeError, ReviewError, Status, StoreError};

use super::words::say_in;
use super::{Lang, WalkthroughId};

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
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    WalkthroughMissing,
    /// A button names a walkthrough of another guild or channel.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    WrongPlace,
    /// Only the requester and the answer roles may answer or close a walkthrough.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    MayNotAnswer {
        requester: String,
        answer_roles: Vec<u64>,
    },
    /// Only Manage Server holders and the audit roles may audit.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    MayNotAudit { audit_roles: Vec<u64> },
    /// Only the requester and auditors may run a decision again.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    MayNotRevisit(WalkthroughId),
    /// The walkthrough is closed and takes no more answers.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Closed(Status),
    /// Cancel or dismiss on a walkthrough that was closed meanwhile.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    AlreadyClosed,
    /// Someone else's click moved the walkthrough on first.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    StaleStep { current: Step },
    /// The checklist refused the input.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Checklist(UserError),
    /// No open walkthrough where the command was used.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    NoOpenWalkthrough,
    /// No walkthrough with this id in the asking guild.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    NotInThisServer(WalkthroughId),
    /// A revisit button whose review is gone (or belongs elsewhere).
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    ReviewGone,
    /// A revisit of this decision is already running.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    RevisitRunning {
        open: WalkthroughId,
        id: WalkthroughId,
    },
    /// The review does not make sense (no note for an overrule, a past date, ...).
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Review(ReviewError),
    /// The outcome does not fit the decision (or there is no such decision here).
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Outcome(OutcomeError),
    /// Only the requester, answer roles and auditors may record how a decision turned out.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    MayNotRecordOutcome(WalkthroughId),
    /// A suggestion button whose suggestion is gone or belongs to another server.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    SuggestionGone,
    /// A figure of a savings estimate cannot be used.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Cost(CostError),
    /// A savings estimate for something that is not a decision here.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    EstimateWithoutDecision(WalkthroughId),
    /// Only people who may manage the server change its settings.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    MayNotChangeSettings,
    /// A setting's number is outside what it accepts.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    SettingOutOfRange {
        setting: &'static str,
        min: u64,
        max: u64,
    },
    /// A language tunegate does not speak.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    UnknownLanguage(String),
    /// A server turned detection on where the host runs without reading chat.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    DetectionOffOnHost,
    /// A list setting (channels, roles) would grow past its limit.
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    SettingListFull(usize),
    /// The database could not do it; the cause is logged, the person told to try again
    /// (with the kind of a passing fault: busy, full, read-only).
    #[error("{}", self.words_in(Lang::En, &PlainMentions))]
    Unavailable(#[source] StoreError),
}

/// "The follow-up delay must be between 1 hour and 365 days."
fn setting_range_words(lang: Lang, setting: &str, min: u64, max: u64) -> String {
    let secs = super::settings::seconds;
    say_in(
        lang,
        "setting-out-of-range",
        &[
            (
                "setting",
                &say_in(lang, &format!("setting-name-{setting}"), &[]),
            ),
            ("min", &super::words::duration_in(lang, secs(min))),
            ("max", &super::words::duration_in(lang, secs(max))),
        ],
    )
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound(_) => AppError::WalkthroughMissing,
            StoreError::ReviewNotFound(_) => AppError::ReviewGone,
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
    /// The sentence for the person, in English, with mentions written the front end's way.
    pub fn words(&self, mentions: &dyn Mentions) -> String {
        self.words_in(Lang::En, mentions)
    }

    /// The sentence for the person in `lang`, with mentions written the front end's way.
    pub fn words_in(&self, lang: Lang, mentions: &dyn Mentions) -> String {
        let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
        match self {
            AppError::WalkthroughMissing => say("walkthrough-missing", &[]),
            AppError::WrongPlace => say("wrong-place", &[]),
            AppError::MayNotAnswer {
                requester,
                answer_roles,
            } => {
                let roles = role_list(lang, mentions, answer_roles, "may-not-answer-roles");
                say(
                    "may-not-answer",
                    &[
                        ("requester", &mentions.person(requester)),
                        ("roles", &roles),
                    ],
                )
            }
            AppError::MayNotAudit { audit_roles } => {
                let roles = role_list(lang, mentions, audit_roles, "may-not-audit-roles");
                say("may-not-audit", &[("roles", &roles)])
            }
            AppError::MayNotRevisit(id) => say("may-not-revisit", &[("id", &id.to_string())]),
            AppError::Closed(status) => closed_words(lang, *status),
            AppError::AlreadyClosed => say("already-closed", &[]),
            AppError::StaleStep { current } => stale_words(lang, *current),
            AppError::Checklist(e) => checklist_words(lang, e),
            AppError::NoOpenWalkthrough => say("no-open-walkthrough", &[]),
            AppError::NotInThisServer(id) => say("not-in-this-server", &[("id", &id.to_string())]),
            AppError::ReviewGone => say("review-gone", &[]),
            AppError::RevisitRunning { open, id } => say(
                "revisit-running",
                &[("open", &open.to_string()), ("id", &id.to_string())],
            ),
            AppError::Review(e) => review_words(lang, e),
            AppError::Outcome(e) => outcome_words(lang, e),
            AppError::MayNotRecordOutcome(id) => {
                say("may-not-record-outcome", &[("id", &id.to_string())])
            }
            AppError::SuggestionGone => say("suggestion-gone", &[]),
            AppError::Cost(e) => cost_words(lang, e),
            AppError::EstimateWithoutDecision(id) => {
                say("estimate-not-decided", &[("id", &id.to_string())])
            }
            AppError::MayNotChangeSettings => say("may-not-change-settings", &[]),
            AppError::SettingOutOfRange { setting, min, max } => {
                setting_range_words(lang, setting, *min, *max)
            }
            AppError::UnknownLanguage(language) => say(
                "setting-unknown-language",
                &[
                    ("language", language),
                    ("languages", &super::settings::LANGUAGES.join(", ")),
                ],
            ),
            AppError::DetectionOffOnHost => say("setting-detection-off-on-host", &[]),
            AppError::SettingListFull(max) => {
                say("setting-list-full", &[("max", &max.to_string())])
            }
            AppError::Unavailable(e) => unavailable_words(lang, e),
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

fn unavailable_words(lang: Lang, error: &StoreError) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let reason = match error {
        StoreError::Busy => say("fault-busy", &[]),
        StoreError::DiskFull => say("fault-full", &[]),
        StoreError::ReadOnly => say("fault-read-only", &[]),
        StoreError::WriteFailed => say("fault-write-failed", &[]),
        _ => String::new(),
    };
    say("could-not-record", &[("reason", &reason)])
}

fn role_list(lang: Lang, mentions: &dyn Mentions, roles: &[u64], key: &str) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    if roles.is_empty() {
        return String::new();
    }
    let list: Vec<String> = roles.iter().map(|r| mentions.role(*r)).collect();
    say(key, &[("roles", &list.join(", "))])
}

fn closed_words(lang: Lang, status: Status) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    match status {
        Status::Decided => say("closed-decided", &[]),
        other => say(
            "closed",
            &[("status", &say(&format!("status-{}", other.key()), &[]))],
        ),
    }
}

fn stale_words(lang: Lang, current: Step) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let total = Step::QUESTIONS;
    say(
        "stale-step",
        &[
            ("current", &current.number().min(total).to_string()),
            ("total", &total.to_string()),
        ],
    )
}

fn checklist_words(lang: Lang, error: &UserError) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
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

fn review_words(lang: Lang, error: &ReviewError) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    match error {
        ReviewError::NotFound(id) => say("review-not-found", &[("id", &id.to_string())]),
        ReviewError::NotDecided { id, status } => say(
            "review-not-decided",
            &[
                ("id", &id.to_string()),
                ("status", &say(&format!("status-{}", status.key()), &[])),
            ],
        ),
        ReviewError::NoteRequired => say("review-note-required", &[]),
        ReviewError::NoteTooLong => say(
            "review-note-too-long",
            &[("max", &crate::store::MAX_REVIEW_NOTE_CHARS.to_string())],
        ),
        ReviewError::RevisitInPast(day) => say("review-revisit-past", &[("day", &day.to_string())]),
        ReviewError::Store(e) => unavailable_words(lang, e),
    }
}

fn outcome_words(lang: Lang, error: &OutcomeError) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
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
                            super::words::outcome_result_in(lang, *r),
                            r.key().replace('_', "-")
                        )
                    })
                    .collect();
            say(
                "outcome-wrong-question",
                &[
                    ("result", &super::words::outcome_result_in(lang, *result)),
                    ("verdict", &super::words::headline_in(lang, *verdict)),
                    ("allowed", &allowed.join(", ")),
                ],
            )
        }
        OutcomeError::NoteTooLong => say(
            "outcome-note-too-long",
            &[("max", &crate::store::MAX_OUTCOME_NOTE_CHARS.to_string())],
        ),
        OutcomeError::Store(e) => unavailable_words(lang, e),
    }
}

fn cost_words(lang: Lang, error: &CostError) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
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
