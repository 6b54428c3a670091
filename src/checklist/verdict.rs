//! The verdict rules, and the reasons and next steps that explain a verdict.
//!
//! - PREMATURE when any gate is not answered Yes ("Not sure" counts as not yet);
//! - NOT JUSTIFIED YET when every gate is Yes but no driver applies;
//! - JUSTIFIED when every gate is Yes and at least one driver applies.
//!
//! [`decide`] applies the rules; [`explain`] turns the outcome into words from the checklist
//! content. Both are pure.

use super::content::ChecklistContent;
use super::model::{DriverSet, Gate, GateAnswer, Goal};
use super::walkthrough::CompleteAnswers;

/// The three possible verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VerdictKind {
    Premature,
    NotJustifiedYet,
    Justified,
}

stable_keys!(VerdictKind, "verdict", {
    VerdictKind::Premature => "premature",
    VerdictKind::NotJustifiedYet => "not_justified_yet",
    VerdictKind::Justified => "justified",
});

impl VerdictKind {
    /// The name people read: PREMATURE, NOT JUSTIFIED YET, JUSTIFIED.
    pub fn headline(self) -> &'static str {
        match self {
            VerdictKind::Premature => "PREMATURE",
            VerdictKind::NotJustifiedYet => "NOT JUSTIFIED YET",
            VerdictKind::Justified => "JUSTIFIED",
        }
    }
}

/// What the rules concluded and why, in keys rather than words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: VerdictKind,
    /// Gates not answered Yes, in checklist order.
    pub failing_gates: Vec<(Gate, GateAnswer)>,
    /// The drivers that apply (they carry the verdict when it is Justified).
    pub drivers: DriverSet,
    pub goal: Goal,
}

/// Applies the verdict rules to a complete set of answers.
pub fn decide(answers: &CompleteAnswers) -> Outcome {
    let failing_gates: Vec<(Gate, GateAnswer)> = Gate::ALL
        .iter()
        .map(|g| (*g, answers.gates[g.index()]))
        .filter(|(_, a)| *a != GateAnswer::Yes)
        .collect();
    let verdict = if !failing_gates.is_empty() {
        VerdictKind::Premature
    } else if answers.drivers.is_empty() {
        VerdictKind::NotJustifiedYet
    } else {
        VerdictKind::Justified
    };
    Outcome {
        verdict,
        failing_gates,
        drivers: answers.drivers.clone(),
        goal: answers.goal.goal,
    }
}

/// The verdict in words: why it is what it is, and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub summary: String,
    pub reasons: Vec<String>,
    pub next_steps: Vec<String>,
}

/// Explains `outcome` with the texts of `content`.
pub fn explain(outcome: &Outcome, content: &ChecklistContent) -> Explanation {
    let r = |text: &str| content.render(text);
    let goal_advice = r(&content.goal(outcome.goal).advice);
    let texts = &content.verdicts;
    match outcome.verdict {
        VerdictKind::Premature => {
            let reasons = outcome
                .failing_gates
                .iter()
                .map(|(gate, answer)| {
                    let short = r(&content.gate(*gate).short);
                    let line = r(&texts.premature.failing_gate).replace("{gate}", &short);
                    format!(
                        "{line} ({}: {})",
                        gate.key().to_uppercase(),
                        content.answer_label(*answer)
                    )
                })
                .collect();
            let mut next_steps: Vec<String> = outcome
                .failing_gates
                .iter()
                .map(|(gate, _)| r(&content.gate(*gate).next_step))
                .collect();
            next_steps.push(goal_advice);
            Explanation {
                title: r(&texts.premature.title),
                summary: r(&texts.premature.summary),
                reasons,
                next_steps,
            }
        }
        VerdictKind::NotJustifiedYet => Explanation {
            title: r(&texts.not_justified_yet.title),
            summary: r(&texts.not_justified_yet.summary),
            reasons: vec![r(&texts.not_justified_yet.summary)],
            next_steps: vec![goal_advice, r(&texts.not_justified_yet.revisit)],
        },
        VerdictKind::Justified => Explanation {
            title: r(&texts.justified.title),
            summary: r(&texts.justified.summary),
            reasons: outcome
                .drivers
                .iter()
                .map(|d| {
                    let driver = content.driver(*d);
                    let label = format!("{} ({})", driver.label, d.key().to_uppercase());
                    format!(
                        "{} {}",
                        r(&texts.justified.carried_by).replace("{driver}", &label),
                        r(&driver.description)
                    )
                })
                .collect(),
            next_steps: texts.justified.next_steps.iter().map(|s| r(s)).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::model::Driver;
    use crate::checklist::walkthrough::GoalChoice;

    /// Every subset of drivers.
    fn driver_sets() -> Vec<DriverSet> {
        (0u8..16)
            .map(|bits| {
                Driver::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, d)| *d)
                    .collect()
            })
            .collect()
    }

    /// Every combination of four gate answers.
    fn gate_combinations() -> Vec<[GateAnswer; Gate::COUNT]> {
        let all = GateAnswer::ALL;
        let mut out = Vec::new();
        for a in all {
            for b in all {
                for c in all {
                    for d in all {
                        out.push([*a, *b, *c, *d]);
                    }
                }
            }
        }
        out
    }

    fn answers(
        goal: Goal,
        gates: [GateAnswer; Gate::COUNT],
        drivers: DriverSet,
    ) -> CompleteAnswers {
        CompleteAnswers {
            goal: GoalChoice {
                goal,
                detail: (goal == Goal::Other).then(|| "summaries".to_string()),
            },
            gates,
            drivers,
        }
    }

    #[test]
    fn every_combination_of_answers_follows_the_three_rules() {
        let content = ChecklistContent::built_in();
        let mut seen = std::collections::HashMap::new();
        for goal in Goal::ALL {
            for gates in gate_combinations() {
                for drivers in driver_sets() {
                    let a = answers(*goal, gates, drivers.clone());
                    let outcome = decide(&a);
                    let not_yes: Vec<Gate> = Gate::ALL
                        .iter()
                        .copied()
                        .filter(|g| gates[g.index()] != GateAnswer::Yes)
                        .collect();
                    let expected = match (not_yes.is_empty(), drivers.is_empty()) {
                        (false, _) => VerdictKind::Premature,
                        (true, true) => VerdictKind::NotJustifiedYet,
                        (true, false) => VerdictKind::Justified,
                    };
                    assert_eq!(outcome.verdict, expected, "{a:?}");
                    let failing: Vec<Gate> =
                        outcome.failing_gates.iter().map(|(g, _)| *g).collect();
                    assert_eq!(failing, not_yes, "{a:?}");
                    assert_eq!(outcome.goal, *goal);

                    let words = explain(&outcome, &content);
                    assert!(!words.reasons.is_empty(), "a verdict always has a reason");
                    assert!(
                        !words.next_steps.is_empty(),
                        "a verdict always has next steps"
                    );
                    for text in words.reasons.iter().chain(&words.next_steps) {
                        assert!(!text.contains('{'), "unrendered placeholder: {text}");
                    }
                    match expected {
                        VerdictKind::Premature => {
                            // one reason and one next step per failing gate, plus goal advice
                            assert_eq!(words.reasons.len(), not_yes.len());
                            assert_eq!(words.next_steps.len(), not_yes.len() + 1);
                            for g in &not_yes {
                                let tag = g.key().to_uppercase();
                                assert!(words.reasons.iter().any(|r| r.contains(&tag)));
                                assert!(
                                    words
                                        .next_steps
                                        .contains(&content.render(&content.gate(*g).next_step))
                                );
                            }
                            assert!(
                                words.next_steps.contains(&content.goal(*goal).advice),
                                "premature verdicts carry the advice for the goal"
                            );
                        }
                        VerdictKind::NotJustifiedYet => {
                            assert!(words.next_steps.iter().any(|s| s.starts_with("Revisit")));
                        }
                        VerdictKind::Justified => {
                            assert_eq!(words.reasons.len(), drivers.len());
                            for d in &drivers {
                                let tag = d.key().to_uppercase();
                                assert!(words.reasons.iter().any(|r| r.contains(&tag)));
                            }
                        }
                    }
                    *seen.entry(expected).or_insert(0) += 1;
                }
            }
        }
        // 6 goals x 81 gate combinations x 16 driver sets
        assert_eq!(seen.values().sum::<i32>(), 6 * 81 * 16);
        assert_eq!(seen[&VerdictKind::Justified], 6 * 15);
        assert_eq!(seen[&VerdictKind::NotJustifiedYet], 6);
    }

    #[test]
    fn not_sure_counts_as_a_failing_gate() {
        let a = answers(
            Goal::BusinessRules,
            [
                GateAnswer::Yes,
                GateAnswer::NotSure,
                GateAnswer::Yes,
                GateAnswer::Yes,
            ],
            [Driver::Volume].into(),
        );
        let outcome = decide(&a);
        assert_eq!(outcome.verdict, VerdictKind::Premature);
        assert_eq!(
            outcome.failing_gates,
            vec![(Gate::Team, GateAnswer::NotSure)]
        );
    }

    #[test]
    fn verdict_keys_parse_loosely() {
        assert_eq!(
            VerdictKind::parse("Not-Justified-Yet"),
            Some(VerdictKind::NotJustifiedYet)
        );
        assert_eq!(VerdictKind::parse("maybe"), None);
    }
}
