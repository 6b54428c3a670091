//! The core of tunegate: the fine-tuning checklist. Pure: no Discord, no SQL, no clock, no I/O
//! beyond reading a custom checklist file on request.
//!
//! A walkthrough asks the goal, four gates and the drivers ([`walkthrough`]); the rules in
//! [`verdict`] turn complete answers into PREMATURE, NOT JUSTIFIED YET or JUSTIFIED, and
//! [`content`] holds every word shown to people. [`cost`] puts numbers on the volume driver, and [`outcome`] says how a decision is
//! followed up.

pub mod content;
pub mod cost;
pub mod model;
pub mod outcome;
pub mod verdict;
pub mod walkthrough;

pub use content::ChecklistContent;
pub use model::{Driver, DriverSet, Gate, GateAnswer, Goal, Step};
pub use verdict::{Explanation, Outcome, VerdictKind, decide, explain};
pub use walkthrough::{
    Answer, Answers, CompleteAnswers, GoalChoice, Input, UserError, Walkthrough,
};
