//! The `custom_id` codec of follow-up and savings-estimate controls, beside the walkthrough
//! codec ([`super::custom_id`], `tg1`) and the audit codec ([`super::audit_id`], `tga`).
//!
//! - `tgo:<walkthrough>:<round>:<result>`: a follow-up answer button (opens the note form);
//! - `tgo:<walkthrough>:<round>:<result>:form`: that form's submission (records the outcome);
//! - `tgs:<walkthrough>:open`: "Estimate the savings" on a verdict (opens the form);
//! - `tgs:<walkthrough>:form`: the estimate form's submission.
//!
//! Decoding is strict (one spelling per id, the one `Display` writes); the decision an id names
//! is still checked against the clicker's guild and rights by the application.

use std::fmt;

use super::custom_id::positive_id;
use crate::app::WalkthroughId;
use crate::checklist::outcome::{MAX_FOLLOW_UPS, OutcomeResult};

const FOLLOW_UP: &str = "tgo";
const ESTIMATE: &str = "tgs";

/// What a follow-up or estimate control asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeId {
    /// A follow-up answer button.
    Answer {
        walkthrough_id: WalkthroughId,
        round: u32,
        result: OutcomeResult,
    },
    /// The note form of a follow-up answer, submitted.
    AnswerForm {
        walkthrough_id: WalkthroughId,
        round: u32,
        result: OutcomeResult,
    },
    /// "Estimate the savings" on a verdict.
    Estimate { walkthrough_id: WalkthroughId },
    /// The estimate form, submitted.
    EstimateForm { walkthrough_id: WalkthroughId },
}

/// Whether a custom id belongs to this codec.
pub fn is_outcome(custom_id: &str) -> bool {
    custom_id.starts_with("tgo:") || custom_id.starts_with("tgs:")
}

impl OutcomeId {
    /// Decodes a custom id; `None` for anything this bot did not write.
    pub fn decode(text: &str) -> Option<OutcomeId> {
        if text.len() > super::custom_id::MAX_LEN {
            return None;
        }
        let parts: Vec<&str> = text.split(':').collect();
        match parts.as_slice() {
            [FOLLOW_UP, id, round, result, rest @ ..] => {
                let walkthrough_id = WalkthroughId(positive_id(id)?);
                let round = u32::try_from(positive_id(round)?).ok()?;
                if round > MAX_FOLLOW_UPS {
                    return None;
                }
                let result = OutcomeResult::from_key(result)?;
                match rest {
                    [] => Some(OutcomeId::Answer {
                        walkthrough_id,
                        round,
                        result,
                    }),
                    ["form"] => Some(OutcomeId::AnswerForm {
                        walkthrough_id,
                        round,
                        result,
                    }),
                    _ => None,
                }
            }
            [ESTIMATE, id, "open"] => Some(OutcomeId::Estimate {
                walkthrough_id: WalkthroughId(positive_id(id)?),
            }),
            [ESTIMATE, id, "form"] => Some(OutcomeId::EstimateForm {
                walkthrough_id: WalkthroughId(positive_id(id)?),
            }),
            _ => None,
        }
    }
}

impl fmt::Display for OutcomeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutcomeId::Answer {
                walkthrough_id,
                round,
                result,
            } => write!(f, "{FOLLOW_UP}:{walkthrough_id}:{round}:{}", result.key()),
            OutcomeId::AnswerForm {
                walkthrough_id,
                round,
                result,
            } => write!(
                f,
                "{FOLLOW_UP}:{walkthrough_id}:{round}:{}:form",
                result.key()
            ),
            OutcomeId::Estimate { walkthrough_id } => write!(f, "{ESTIMATE}:{walkthrough_id}:open"),
            OutcomeId::EstimateForm { walkthrough_id } => {
                write!(f, "{ESTIMATE}:{walkthrough_id}:form")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::outcome::FollowUpQuestion;

    #[test]
    fn every_id_round_trips_within_discords_limit() {
        let mut ids = Vec::new();
        for walkthrough_id in [1, i64::MAX].map(WalkthroughId) {
            for round in 1..=MAX_FOLLOW_UPS {
                for question in [FollowUpQuestion::PromptWork, FollowUpQuestion::FineTune] {
                    for result in question.results() {
                        ids.push(OutcomeId::Answer {
                            walkthrough_id,
                            round,
                            result,
                        });
                        ids.push(OutcomeId::AnswerForm {
                            walkthrough_id,
                            round,
                            result,
                        });
                    }
                }
            }
            ids.push(OutcomeId::Estimate { walkthrough_id });
            ids.push(OutcomeId::EstimateForm { walkthrough_id });
        }
        for id in ids {
            let text = id.to_string();
            assert!(text.len() <= super::super::custom_id::MAX_LEN, "{text}");
            assert!(is_outcome(&text));
            assert_eq!(OutcomeId::decode(&text), Some(id), "{text}");
        }
    }

    #[test]
    fn forged_and_stale_ids_are_refused() {
        for bad in [
            "",
            "tgo",
            "tgo:42:1",
            "tgo:42:1:maybe",
            "tgo:42:0:solved",
            "tgo:42:3:solved",
            "tgo:042:1:solved",
            "tgo:-42:1:solved",
            "tgo:42:1:solved:form:x",
            "tgo:42:1:solved:note",
            "tgo:42:1:SOLVED",
            "tgs:42",
            "tgs:42:close",
            "tgs:0:open",
            "tgs:42:open:1",
            "tg1:42:g1:yes",
            "tgo:99999999999999999999:1:solved",
        ] {
            assert_eq!(OutcomeId::decode(bad), None, "{bad:?}");
        }
    }
}
