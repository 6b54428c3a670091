//! The checklist's vocabulary: goals, gates, drivers, answers and steps.
//!
//! Each has a stable machine key (`"g1"`, `"output_format"`, `"not_sure"`) used in the
//! database, in Discord custom ids and on the command line. Keys never change once released:
//! stored decisions refer to them.

use std::collections::BTreeSet;
use std::fmt;

/// What the requester is trying to change (step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Goal {
    OutputFormat,
    ToneStyle,
    BusinessRules,
    EdgeCases,
    CostLatencyPrivacy,
    Other,
}

/// One of the four questions that must all be answered Yes before fine-tuning (step 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gate {
    /// At least the configured number of high-quality examples.
    Examples,
    /// A team able to maintain a fine-tuning pipeline.
    Team,
    /// The prompt was optimised first, with few-shot examples.
    PromptTried,
    /// The generic model was measured as insufficient on real cases.
    Measured,
}

/// The answer to a gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GateAnswer {
    Yes,
    No,
    NotSure,
}

/// A reason that can make fine-tuning pay off (step 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Driver {
    Volume,
    Specialised,
    Latency,
    Privacy,
}

/// The drivers chosen at step 3; empty means "none of these".
pub type DriverSet = BTreeSet<Driver>;

/// Where a walkthrough stands: the question it waits for, or finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Goal,
    Gate(Gate),
    Drivers,
    Done,
}

stable_keys!(Goal, "goal", {
    Goal::OutputFormat => "output_format",
    Goal::ToneStyle => "tone_style",
    Goal::BusinessRules => "business_rules",
    Goal::EdgeCases => "edge_cases",
    Goal::CostLatencyPrivacy => "cost_latency_privacy",
    Goal::Other => "other",
});

stable_keys!(Gate, "gate", {
    Gate::Examples => "g1",
    Gate::Team => "g2",
    Gate::PromptTried => "g3",
    Gate::Measured => "g4",
});

stable_keys!(GateAnswer, "gate answer", {
    GateAnswer::Yes => "yes",
    GateAnswer::No => "no",
    GateAnswer::NotSure => "not_sure",
});

stable_keys!(Driver, "driver", {
    Driver::Volume => "d1",
    Driver::Specialised => "d2",
    Driver::Latency => "d3",
    Driver::Privacy => "d4",
});

impl Gate {
    /// How many gates the checklist has: the one place this number is written. Per-gate
    /// arrays are `[_; Gate::COUNT]`; a test checks it against [`Gate::ALL`].
    pub const COUNT: usize = 4;

    /// The position of this gate in [`Gate::ALL`], used to index per-gate arrays.
    pub fn index(self) -> usize {
        match self {
            Gate::Examples => 0,
            Gate::Team => 1,
            Gate::PromptTried => 2,
            Gate::Measured => 3,
        }
    }
}

impl Driver {
    /// How many drivers the checklist offers; a test checks it against [`Driver::ALL`].
    pub const COUNT: usize = 4;
}

impl Step {
    /// Every step in order, ending with `Done`.
    pub const ALL: [Step; 7] = [
        Step::Goal,
        Step::Gate(Gate::Examples),
        Step::Gate(Gate::Team),
        Step::Gate(Gate::PromptTried),
        Step::Gate(Gate::Measured),
        Step::Drivers,
        Step::Done,
    ];

    /// The stable key: `goal`, `g1`..`g4`, `drivers`, `done`.
    pub fn key(self) -> &'static str {
        match self {
            Step::Goal => "goal",
            Step::Gate(gate) => gate.key(),
            Step::Drivers => "drivers",
            Step::Done => "done",
        }
    }

    /// The step for a stable key, if there is one.
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }

    fn position(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(Step::ALL.len() - 1)
    }

    /// The step after this one (`Done` stays `Done`).
    pub fn next(self) -> Step {
        Step::ALL[(self.position() + 1).min(Step::ALL.len() - 1)]
    }

    /// The step before this one, if there is one to go back to.
    pub fn previous(self) -> Option<Step> {
        self.position().checked_sub(1).map(|i| Step::ALL[i])
    }

    /// 1-based number of a question step, for "question 3 of 6".
    pub fn number(self) -> usize {
        self.position() + 1
    }

    /// How many questions a walkthrough asks (every step but `Done`).
    pub const QUESTIONS: usize = Step::ALL.len() - 1;
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Formats a driver set as its stable keys, comma-separated (`""` for none).
pub fn driver_keys(drivers: &DriverSet) -> String {
    drivers
        .iter()
        .map(|d| d.key())
        .collect::<Vec<_>>()
        .join(",")
}

/// Parses comma-separated driver keys; `""` and `"none"` mean no driver.
pub fn parse_driver_keys(text: &str) -> Option<DriverSet> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Some(DriverSet::new());
    }
    text.split(',')
        .map(|part| Driver::from_key(part.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips() {
        for g in Goal::ALL {
            assert_eq!(Goal::from_key(g.key()), Some(*g));
        }
        assert_eq!(Gate::ALL.len(), Gate::COUNT);
        assert_eq!(Driver::ALL.len(), Driver::COUNT);
        for g in Gate::ALL {
            assert_eq!(Gate::from_key(g.key()), Some(*g));
            assert_eq!(Gate::ALL[g.index()], *g);
        }
        for a in GateAnswer::ALL {
            assert_eq!(GateAnswer::from_key(a.key()), Some(*a));
        }
        for d in Driver::ALL {
            assert_eq!(Driver::from_key(d.key()), Some(*d));
        }
        for s in Step::ALL {
            assert_eq!(Step::from_key(s.key()), Some(s));
        }
        assert_eq!(Goal::from_key("nope"), None);
    }

    #[test]
    fn steps_run_goal_gates_drivers_done_in_order() {
        let mut step = Step::Goal;
        let mut seen = vec![step];
        while step != Step::Done {
            step = step.next();
            seen.push(step);
        }
        assert_eq!(seen, Step::ALL.to_vec());
        assert_eq!(Step::Done.next(), Step::Done);
        assert_eq!(Step::Goal.previous(), None);
        assert_eq!(Step::Drivers.previous(), Some(Step::Gate(Gate::Measured)));
        assert_eq!(Step::Drivers.number(), Step::QUESTIONS);
    }

    #[test]
    fn driver_keys_parse_and_format() {
        let set: DriverSet = [Driver::Latency, Driver::Volume].into_iter().collect();
        assert_eq!(driver_keys(&set), "d1,d3");
        assert_eq!(parse_driver_keys("d3, d1"), Some(set));
        assert_eq!(parse_driver_keys("none"), Some(DriverSet::new()));
        assert_eq!(parse_driver_keys(""), Some(DriverSet::new()));
        assert_eq!(parse_driver_keys("d1,d9"), None);
    }
}
