//! How a decision turned out: the follow-up question each verdict gets, the answers it offers,
//! and when to ask again. Pure: the store keeps the answers and the schedule, the front ends
//! post and decode them.
//!
//! After PREMATURE or NOT JUSTIFIED YET the team is asked whether the prompt work solved it;
//! after JUSTIFIED, at twice the delay, whether they fine-tuned and whether it paid off. "Not
//! tried yet" / "Not yet" asks once more after the same delay, then never again.

use super::VerdictKind;

/// One recorded result of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeResult {
    /// After prompt work: solved without fine-tuning.
    Solved,
    /// After prompt work: partly solved.
    Partly,
    /// After prompt work: fine-tuning is still needed.
    StillNeeded,
    /// After prompt work: not tried yet (asks once more).
    NotTried,
    /// After fine-tuning: it paid off.
    PaidOff,
    /// After fine-tuning: no clear gain.
    NoGain,
    /// Not fine-tuned yet (asks once more).
    NotYet,
    /// The fine-tuning was dropped.
    Dropped,
}

stable_keys!(OutcomeResult, "outcome", {
    OutcomeResult::Solved => "solved",
    OutcomeResult::Partly => "partly",
    OutcomeResult::StillNeeded => "still_needed",
    OutcomeResult::NotTried => "not_tried",
    OutcomeResult::PaidOff => "paid_off",
    OutcomeResult::NoGain => "no_gain",
    OutcomeResult::NotYet => "not_yet",
    OutcomeResult::Dropped => "dropped",
});

/// The question a follow-up asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FollowUpQuestion {
    /// "Did the prompt work solve it?" (after PREMATURE or NOT JUSTIFIED YET).
    PromptWork,
    /// "Did you fine-tune?" (after JUSTIFIED).
    FineTune,
}

stable_keys!(FollowUpQuestion, "follow-up question", {
    FollowUpQuestion::PromptWork => "prompt_work",
    FollowUpQuestion::FineTune => "fine_tune",
});

/// How many follow-ups one decision gets at most: the first, and one more after "not yet".
pub const MAX_FOLLOW_UPS: u32 = 2;

impl FollowUpQuestion {
    /// The question a verdict's follow-up asks.
    pub fn for_verdict(verdict: VerdictKind) -> FollowUpQuestion {
        match verdict {
            VerdictKind::Premature | VerdictKind::NotJustifiedYet => FollowUpQuestion::PromptWork,
            VerdictKind::Justified => FollowUpQuestion::FineTune,
        }
    }

    /// The answers it offers, in button order.
    pub fn results(self) -> [OutcomeResult; 4] {
        match self {
            FollowUpQuestion::PromptWork => [
                OutcomeResult::Solved,
                OutcomeResult::Partly,
                OutcomeResult::StillNeeded,
                OutcomeResult::NotTried,
            ],
            FollowUpQuestion::FineTune => [
                OutcomeResult::PaidOff,
                OutcomeResult::NoGain,
                OutcomeResult::NotYet,
                OutcomeResult::Dropped,
            ],
        }
    }

    /// How many times the configured delay to wait after the verdict: a fine-tune takes longer
    /// to show its effect than prompt work.
    pub fn delay_factor(self) -> u32 {
        match self {
            FollowUpQuestion::PromptWork => 1,
            FollowUpQuestion::FineTune => 2,
        }
    }
}

impl OutcomeResult {
    /// The question this result answers.
    pub fn question(self) -> FollowUpQuestion {
        match self {
            OutcomeResult::Solved
            | OutcomeResult::Partly
            | OutcomeResult::StillNeeded
            | OutcomeResult::NotTried => FollowUpQuestion::PromptWork,
            OutcomeResult::PaidOff
            | OutcomeResult::NoGain
            | OutcomeResult::NotYet
            | OutcomeResult::Dropped => FollowUpQuestion::FineTune,
        }
    }

    /// Whether the result says "ask me later" rather than how it turned out.
    pub fn is_pending(self) -> bool {
        matches!(self, OutcomeResult::NotTried | OutcomeResult::NotYet)
    }
}

/// Whether answering follow-up number `round` (1 for the first) with `result` schedules
/// another one, after the same delay: only a pending answer, and only up to
/// [`MAX_FOLLOW_UPS`].
pub fn asks_again(round: u32, result: OutcomeResult) -> bool {
    result.is_pending() && round < MAX_FOLLOW_UPS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_verdict_gets_its_question_and_four_answers_of_that_question() {
        for verdict in [
            VerdictKind::Premature,
            VerdictKind::NotJustifiedYet,
            VerdictKind::Justified,
        ] {
            let question = FollowUpQuestion::for_verdict(verdict);
            let results = question.results();
            assert!(results.iter().all(|r| r.question() == question));
            assert_eq!(results.iter().filter(|r| r.is_pending()).count(), 1);
        }
        assert_eq!(
            FollowUpQuestion::for_verdict(VerdictKind::Justified).delay_factor(),
            2
        );
        assert_eq!(
            FollowUpQuestion::for_verdict(VerdictKind::Premature).delay_factor(),
            1
        );
    }

    #[test]
    fn every_result_belongs_to_exactly_one_question() {
        let all: Vec<OutcomeResult> = [FollowUpQuestion::PromptWork, FollowUpQuestion::FineTune]
            .iter()
            .flat_map(|q| q.results())
            .collect();
        assert_eq!(all.len(), OutcomeResult::ALL.len());
        for r in OutcomeResult::ALL {
            assert_eq!(all.iter().filter(|x| *x == r).count(), 1, "{r}");
        }
    }

    #[test]
    fn not_yet_asks_once_more_and_then_stops() {
        assert!(asks_again(1, OutcomeResult::NotTried));
        assert!(asks_again(1, OutcomeResult::NotYet));
        assert!(!asks_again(2, OutcomeResult::NotTried));
        assert!(!asks_again(2, OutcomeResult::NotYet));
        for r in [
            OutcomeResult::Solved,
            OutcomeResult::Partly,
            OutcomeResult::StillNeeded,
            OutcomeResult::PaidOff,
            OutcomeResult::NoGain,
            OutcomeResult::Dropped,
        ] {
            assert!(!asks_again(1, r), "{r}");
        }
    }

    #[test]
    fn results_are_typed_as_the_command_line_spells_them() {
        assert_eq!(
            OutcomeResult::parse("still-needed"),
            Some(OutcomeResult::StillNeeded)
        );
        assert_eq!(
            OutcomeResult::parse(" Paid-Off "),
            Some(OutcomeResult::PaidOff)
        );
        assert_eq!(OutcomeResult::parse("maybe"), None);
        assert_eq!(OutcomeResult::from_key("still-needed"), None);
    }
}
