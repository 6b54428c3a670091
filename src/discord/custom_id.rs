//! The `custom_id` codec: what a button, select or modal carries so that a click can be
//! handled by any bot process, before or after a restart, with nothing kept in memory.
//!
//! Format: `tg1:<walkthrough id>:<step>:<action>`, e.g. `tg1:42:g1:yes`, `tg1:42:goal:pick`,
//! `tg1:42:g2:back`, `tg1:42:goal:dismiss`, `tg1:42:drivers:none`, `tg1:42:goal:note`. The
//! `tg1` prefix versions the format; everything is ASCII and far below Discord's 100
//! characters. Decoding is strict: anything else is refused, and the walkthrough it names is
//! still checked against the channel it was clicked in (a forged id cannot reach another
//! walkthrough).

use std::fmt;

use crate::app::WalkthroughId;
use crate::checklist::{GateAnswer, Step};

/// The version prefix of every custom id this bot writes.
pub const PREFIX: &str = "tg1";

/// Discord's limit for a `custom_id`.
pub const MAX_LEN: usize = 100;

/// What a component or modal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The goal select menu (its values carry the goal).
    PickGoal,
    /// The modal that describes "something else" as goal.
    DescribeGoal,
    /// A gate button.
    Gate(GateAnswer),
    /// The drivers multi-select (its values carry the drivers).
    PickDrivers,
    /// "None of these" on the drivers question.
    NoDrivers,
    /// Go back one question.
    Back,
    /// Open the note modal.
    AddNote,
    /// The note modal's submission.
    SubmitNote,
    /// "Not a fine-tune request": close the walkthrough as dismissed.
    Dismiss,
}

impl Action {
    fn key(self) -> &'static str {
        match self {
            Action::PickGoal => "pick",
            Action::DescribeGoal => "describe",
            Action::Gate(a) => a.key(),
            Action::PickDrivers => "drivers",
            Action::NoDrivers => "none",
            Action::Back => "back",
            Action::AddNote => "note",
            Action::SubmitNote => "notesubmit",
            Action::Dismiss => "dismiss",
        }
    }

    fn from_key(key: &str) -> Option<Action> {
        Some(match key {
            "pick" => Action::PickGoal,
            "describe" => Action::DescribeGoal,
            "drivers" => Action::PickDrivers,
            "none" => Action::NoDrivers,
            "back" => Action::Back,
            "note" => Action::AddNote,
            "notesubmit" => Action::SubmitNote,
            "dismiss" => Action::Dismiss,
            other => Action::Gate(GateAnswer::from_key(other)?),
        })
    }
}

/// A decoded custom id: which walkthrough, at which step, asking for what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComponentId {
    pub walkthrough_id: WalkthroughId,
    pub step: Step,
    pub action: Action,
}

impl ComponentId {
    pub fn new(walkthrough_id: WalkthroughId, step: Step, action: Action) -> ComponentId {
        ComponentId {
            walkthrough_id,
            step,
            action,
        }
    }

    /// Decodes a custom id; `None` for anything this bot did not write.
    pub fn decode(text: &str) -> Option<ComponentId> {
        if text.len() > MAX_LEN {
            return None;
        }
        let mut parts = text.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let walkthrough_id = WalkthroughId(positive_id(parts.next()?)?);
        let step = Step::from_key(parts.next()?)?;
        let action = Action::from_key(parts.next()?)?;
        if parts.next().is_some() || !action_fits(step, action) {
            return None;
        }
        Some(ComponentId {
            walkthrough_id,
            step,
            action,
        })
    }
}

/// A positive id as the codecs write it: digits only, no leading zero, so that each id has one
/// spelling (the one `Display` writes). Shared by every custom id codec of the bot.
pub fn positive_id(text: &str) -> Option<i64> {
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|id: &i64| *id > 0)
}

/// Whether `action` can belong to `step` (a gate answer on the goal question cannot).
fn action_fits(step: Step, action: Action) -> bool {
    match action {
        Action::PickGoal | Action::DescribeGoal | Action::Dismiss => step == Step::Goal,
        Action::Gate(_) => matches!(step, Step::Gate(_)),
        Action::PickDrivers | Action::NoDrivers => step == Step::Drivers,
        Action::Back => !matches!(step, Step::Goal | Step::Done),
        Action::AddNote | Action::SubmitNote => step != Step::Done,
    }
}

impl fmt::Display for ComponentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{PREFIX}:{}:{}:{}",
            self.walkthrough_id,
            self.step.key(),
            self.action.key()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Gate;

    fn every_valid_id() -> Vec<ComponentId> {
        let actions = [
            Action::PickGoal,
            Action::DescribeGoal,
            Action::Gate(GateAnswer::Yes),
            Action::Gate(GateAnswer::No),
            Action::Gate(GateAnswer::NotSure),
            Action::PickDrivers,
            Action::NoDrivers,
            Action::Back,
            Action::AddNote,
            Action::SubmitNote,
            Action::Dismiss,
        ];
        let mut out = Vec::new();
        for step in Step::ALL {
            for action in actions {
                if action_fits(step, action) {
                    out.push(ComponentId::new(WalkthroughId(i64::MAX), step, action));
                    out.push(ComponentId::new(WalkthroughId(1), step, action));
                }
            }
        }
        out
    }

    #[test]
    fn every_id_round_trips_within_discords_limit() {
        let ids = every_valid_id();
        assert!(ids.len() > 20);
        for id in ids {
            let text = id.to_string();
            assert!(text.len() <= MAX_LEN, "{text}");
            assert_eq!(ComponentId::decode(&text), Some(id), "{text}");
        }
    }

    #[test]
    fn forged_and_stale_formats_are_refused() {
        for bad in [
            "",
            "tg1",
            "tg1:42:g1",
            "tg1:42:g1:yes:extra",
            "tg2:42:g1:yes",
            "tg1:-4:g1:yes",
            "tg1:0:g1:yes",
            "tg1:042:g1:yes",
            "tg1:+4:g1:yes",
            "tg1:4 :g1:yes",
            "tg1:99999999999999999999:g1:yes",
            "tg1:42:g9:yes",
            "tg1:42:goal:yes",
            "tg1:42:g1:pick",
            "tg1:42:goal:back",
            "tg1:42:done:yes",
            "tg1:42:g1:YES",
            "TG1:42:g1:yes",
        ] {
            assert_eq!(ComponentId::decode(bad), None, "{bad:?}");
        }
        let long = format!("tg1:42:g1:yes{}", "x".repeat(200));
        assert_eq!(ComponentId::decode(&long), None);
    }

    #[test]
    fn a_gate_button_names_its_gate_and_answer() {
        let id = ComponentId::decode("tg1:7:g3:not_sure").unwrap();
        assert_eq!(id.walkthrough_id, WalkthroughId(7));
        assert_eq!(id.step, Step::Gate(Gate::PromptTried));
        assert_eq!(id.action, Action::Gate(GateAnswer::NotSure));
    }
}
