//! The walkthrough as a state machine: `(state, step answered, input) -> new state | error`.
//!
//! A walkthrough asks one question at a time: the goal, the four gates, the drivers. Every
//! input names the step it answers, so a click on an old message (a stale step) is refused
//! instead of silently answering the wrong question. "Back" returns to the previous question
//! and keeps its answer until it is replaced. After the drivers the walkthrough is complete and
//! [`super::verdict::decide`] gives the verdict; nothing can change after that.

use super::model::{DriverSet, Gate, GateAnswer, Goal, Step};

/// The longest free-text goal description accepted, in characters.
pub const MAX_DETAIL_CHARS: usize = 4000;

/// What the requester chose as goal; `detail` is the free text for [`Goal::Other`] (optional
/// context for the other goals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalChoice {
    pub goal: Goal,
    pub detail: Option<String>,
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Goal(GoalChoice),
    Gate(Gate, GateAnswer),
    Drivers(DriverSet),
}

impl Answer {
    /// The step this answer belongs to.
    pub fn step(&self) -> Step {
        match self {
            Answer::Goal(_) => Step::Goal,
            Answer::Gate(gate, _) => Step::Gate(*gate),
            Answer::Drivers(_) => Step::Drivers,
        }
    }
}

/// What a person can do at a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Answer(Answer),
    Back,
}

/// The answers given so far. The latest answer to each question wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub goal: Option<GoalChoice>,
    pub gates: [Option<GateAnswer>; Gate::COUNT],
    pub drivers: Option<DriverSet>,
}

/// Every question answered: what the verdict rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteAnswers {
    pub goal: GoalChoice,
    pub gates: [GateAnswer; Gate::COUNT],
    pub drivers: DriverSet,
}

impl Answers {
    /// Records `answer`, replacing an earlier answer to the same question.
    pub fn set(&mut self, answer: Answer) {
        match answer {
            Answer::Goal(choice) => self.goal = Some(choice),
            Answer::Gate(gate, a) => self.gates[gate.index()] = Some(a),
            Answer::Drivers(set) => self.drivers = Some(set),
        }
    }

    /// The answer given to a gate, if any.
    pub fn gate(&self, gate: Gate) -> Option<GateAnswer> {
        self.gates[gate.index()]
    }

    /// All answers, if every question has one.
    pub fn complete(&self) -> Option<CompleteAnswers> {
        let [Some(g1), Some(g2), Some(g3), Some(g4)] = self.gates else {
            return None;
        };
        Some(CompleteAnswers {
            goal: self.goal.clone()?,
            gates: [g1, g2, g3, g4],
            drivers: self.drivers.clone()?,
        })
    }
}

/// A walkthrough's state: where it stands and what has been answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walkthrough {
    pub step: Step,
    pub answers: Answers,
}

/// A mistake the person made, explained to them. Nothing is recorded when one happens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error(
        "That question was already answered or is no longer current; \
         please use the buttons on the latest question."
    )]
    StaleStep { current: Step, clicked: Step },
    #[error("This checklist is already finished; its verdict is recorded.")]
    AlreadyFinished,
    #[error("This is the first question; there is nothing to go back to.")]
    NothingToGoBackTo,
    #[error("Please describe the goal in a few words.")]
    MissingGoalDetail,
    #[error("The description is too long ({chars} characters); please keep it under {max}.")]
    DetailTooLong { chars: usize, max: usize },
}

/// The result of applying an input: the new state.
pub type Transition = Result<Walkthrough, UserError>;

impl Default for Walkthrough {
    fn default() -> Self {
        Self::new()
    }
}

impl Walkthrough {
    /// A fresh walkthrough waiting for the goal.
    pub fn new() -> Walkthrough {
        Walkthrough {
            step: Step::Goal,
            answers: Answers::default(),
        }
    }

    /// Whether every question is answered and the verdict can be given.
    pub fn is_finished(&self) -> bool {
        self.step == Step::Done
    }

    /// Applies `input`, given at step `at` (the step the person saw), and returns the new state.
    pub fn apply(&self, at: Step, input: Input) -> Transition {
        if self.step == Step::Done {
            return Err(UserError::AlreadyFinished);
        }
        if at != self.step {
            return Err(UserError::StaleStep {
                current: self.step,
                clicked: at,
            });
        }
        match input {
            Input::Back => {
                let previous = self.step.previous().ok_or(UserError::NothingToGoBackTo)?;
                Ok(Walkthrough {
                    step: previous,
                    answers: self.answers.clone(),
                })
            }
            Input::Answer(answer) => {
                if answer.step() != self.step {
                    return Err(UserError::StaleStep {
                        current: self.step,
                        clicked: answer.step(),
                    });
                }
                let answer = normalize(answer)?;
                let mut answers = self.answers.clone();
                answers.set(answer);
                Ok(Walkthrough {
                    step: self.step.next(),
                    answers,
                })
            }
        }
    }
}

/// Checks free text and trims it; the text itself is kept as given otherwise.
fn normalize(answer: Answer) -> Result<Answer, UserError> {
    let Answer::Goal(GoalChoice { goal, detail }) = answer else {
        return Ok(answer);
    };
    let detail = detail.filter(|d| !d.trim().is_empty());
    if goal == Goal::Other && detail.is_none() {
        return Err(UserError::MissingGoalDetail);
    }
    if let Some(d) = &detail {
        let chars = d.chars().count();
        if chars > MAX_DETAIL_CHARS {
            return Err(UserError::DetailTooLong {
                chars,
                max: MAX_DETAIL_CHARS,
            });
        }
    }
    Ok(Answer::Goal(GoalChoice { goal, detail }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::model::Driver;

    fn goal(goal: Goal) -> Input {
        Input::Answer(Answer::Goal(GoalChoice { goal, detail: None }))
    }

    fn gate(gate: Gate, a: GateAnswer) -> Input {
        Input::Answer(Answer::Gate(gate, a))
    }

    fn run(inputs: Vec<(Step, Input)>) -> Transition {
        inputs
            .into_iter()
            .try_fold(Walkthrough::new(), |w, (at, input)| w.apply(at, input))
    }

    fn all_yes_until_drivers() -> Vec<(Step, Input)> {
        let mut v = vec![(Step::Goal, goal(Goal::ToneStyle))];
        for g in Gate::ALL {
            v.push((Step::Gate(*g), gate(*g, GateAnswer::Yes)));
        }
        v
    }

    #[test]
    fn a_full_walkthrough_asks_six_questions_then_finishes() {
        let mut inputs = all_yes_until_drivers();
        let w = run(inputs.clone()).unwrap();
        assert_eq!(w.step, Step::Drivers);
        assert!(w.answers.complete().is_none());
        inputs.push((
            Step::Drivers,
            Input::Answer(Answer::Drivers([Driver::Privacy].into())),
        ));
        let w = run(inputs).unwrap();
        assert!(w.is_finished());
        let done = w.answers.complete().unwrap();
        assert_eq!(done.gates, [GateAnswer::Yes; Gate::COUNT]);
        assert_eq!(done.drivers, [Driver::Privacy].into());
    }

    #[test]
    fn an_answer_to_an_old_step_is_refused_as_stale() {
        let w = run(vec![(Step::Goal, goal(Goal::OutputFormat))]).unwrap();
        let err = w.apply(Step::Goal, goal(Goal::ToneStyle)).unwrap_err();
        assert_eq!(
            err,
            UserError::StaleStep {
                current: Step::Gate(Gate::Examples),
                clicked: Step::Goal
            }
        );
    }

    #[test]
    fn an_answer_that_does_not_fit_the_step_is_refused() {
        let w = Walkthrough::new();
        let err = w
            .apply(Step::Goal, gate(Gate::Team, GateAnswer::Yes))
            .unwrap_err();
        assert!(matches!(err, UserError::StaleStep { .. }));
    }

    #[test]
    fn back_returns_to_the_previous_question_and_keeps_its_answer_until_replaced() {
        let w = run(vec![
            (Step::Goal, goal(Goal::OutputFormat)),
            (
                Step::Gate(Gate::Examples),
                gate(Gate::Examples, GateAnswer::No),
            ),
            (Step::Gate(Gate::Team), Input::Back),
        ])
        .unwrap();
        assert_eq!(w.step, Step::Gate(Gate::Examples));
        assert_eq!(w.answers.gate(Gate::Examples), Some(GateAnswer::No));
        let w = w
            .apply(w.step, gate(Gate::Examples, GateAnswer::Yes))
            .unwrap();
        assert_eq!(w.step, Step::Gate(Gate::Team));
        assert_eq!(w.answers.gate(Gate::Examples), Some(GateAnswer::Yes));
    }

    #[test]
    fn back_on_the_first_question_is_explained() {
        let err = Walkthrough::new()
            .apply(Step::Goal, Input::Back)
            .unwrap_err();
        assert_eq!(err, UserError::NothingToGoBackTo);
    }

    #[test]
    fn nothing_changes_after_the_verdict() {
        let mut inputs = all_yes_until_drivers();
        inputs.push((
            Step::Drivers,
            Input::Answer(Answer::Drivers(DriverSet::new())),
        ));
        let w = run(inputs).unwrap();
        assert_eq!(
            w.apply(Step::Done, Input::Back).unwrap_err(),
            UserError::AlreadyFinished
        );
        assert_eq!(
            w.apply(Step::Drivers, Input::Back).unwrap_err(),
            UserError::AlreadyFinished
        );
    }

    #[test]
    fn other_goal_needs_a_description_and_accepts_hostile_text_unchanged() {
        let w = Walkthrough::new();
        let empty = Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::Other,
            detail: Some("   ".into()),
        }));
        assert_eq!(
            w.apply(Step::Goal, empty).unwrap_err(),
            UserError::MissingGoalDetail
        );
        let hostile = "@everyone **bold** \u{200b}\u{7}".to_string();
        let w = w
            .apply(
                Step::Goal,
                Input::Answer(Answer::Goal(GoalChoice {
                    goal: Goal::Other,
                    detail: Some(hostile.clone()),
                })),
            )
            .unwrap();
        assert_eq!(w.answers.goal.unwrap().detail, Some(hostile));
    }

    #[test]
    fn a_too_long_description_is_refused_with_its_length() {
        let long = "x".repeat(MAX_DETAIL_CHARS + 1);
        let err = Walkthrough::new()
            .apply(
                Step::Goal,
                Input::Answer(Answer::Goal(GoalChoice {
                    goal: Goal::Other,
                    detail: Some(long),
                })),
            )
            .unwrap_err();
        assert_eq!(
            err,
            UserError::DetailTooLong {
                chars: MAX_DETAIL_CHARS + 1,
                max: MAX_DETAIL_CHARS
            }
        );
    }
}
