//! The checklist's words: questions, labels, advice and thresholds, read from TOML.
//!
//! The built-in content is `config/checklist.toml`, compiled into the binary. A team can
//! replace it with its own file; [`ChecklistContent::version`] then changes, and every decision
//! records the version that produced it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{Driver, Gate, GateAnswer, Goal};

/// The built-in checklist content.
pub const BUILT_IN_TOML: &str = include_str!("../../config/checklist.toml");

/// Every text of the checklist. All keys are required, so a custom file cannot leave a
/// question without words.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistContent {
    pub label: String,
    pub intro: String,
    pub thresholds: Thresholds,
    pub goal: Question,
    pub goals: Goals,
    pub gates: Gates,
    pub answers: AnswerLabels,
    pub drivers_question: Question,
    pub drivers: Drivers,
    pub verdicts: VerdictTexts,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub min_examples: u64,
    pub specialised_examples: u64,
    pub monthly_requests: u64,
    pub cost_factor: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoalText {
    pub label: String,
    pub example: String,
    pub advice: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    pub output_format: GoalText,
    pub tone_style: GoalText,
    pub business_rules: GoalText,
    pub edge_cases: GoalText,
    pub cost_latency_privacy: GoalText,
    pub other: GoalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GateText {
    pub question: String,
    pub short: String,
    pub next_step: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Gates {
    pub g1: GateText,
    pub g2: GateText,
    pub g3: GateText,
    pub g4: GateText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLabels {
    pub yes: String,
    pub no: String,
    pub not_sure: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DriverText {
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Drivers {
    pub d1: DriverText,
    pub d2: DriverText,
    pub d3: DriverText,
    pub d4: DriverText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictTexts {
    pub premature: PrematureText,
    pub not_justified_yet: NotJustifiedText,
    pub justified: JustifiedText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrematureText {
    pub title: String,
    pub summary: String,
    /// `{gate}` is replaced by the gate's short text.
    pub failing_gate: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NotJustifiedText {
    pub title: String,
    pub summary: String,
    pub revisit: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JustifiedText {
    pub title: String,
    pub summary: String,
    /// `{driver}` is replaced by the driver's label.
    pub carried_by: String,
    pub next_steps: Vec<String>,
}

/// Why checklist content could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("the checklist in {origin} is not valid: {message}")]
    Invalid { origin: String, message: String },
    #[error("could not read the checklist file {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
}

impl ChecklistContent {
    /// The content compiled into the binary.
    pub fn built_in() -> ChecklistContent {
        // The built-in file is tested (`built_in_content_parses`), so this cannot fail in a
        // released binary.
        Self::parse(BUILT_IN_TOML, "the built-in checklist")
            .unwrap_or_else(|e| panic!("built-in checklist is broken: {e}"))
    }

    /// Parses content from TOML text; `origin` names the text in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<ChecklistContent, ContentError> {
        let content: ChecklistContent =
            toml::from_str(text).map_err(|e| ContentError::Invalid {
                origin: origin.to_string(),
                message: e.to_string().trim().to_string(),
            })?;
        content.check_texts(origin)?;
        Ok(content)
    }

    /// Reads content from a file, or the built-in content when `path` is empty.
    pub fn load(path: &str) -> Result<ChecklistContent, ContentError> {
        if path.trim().is_empty() {
            return Ok(Self::built_in());
        }
        let text = std::fs::read_to_string(path).map_err(|source| ContentError::Unreadable {
            path: path.to_string(),
            source,
        })?;
        Self::parse(&text, path)
    }

    fn check_texts(&self, origin: &str) -> Result<(), ContentError> {
        let empty = |name: &str| ContentError::Invalid {
            origin: origin.to_string(),
            message: format!("`{name}` must not be empty"),
        };
        for gate in Gate::ALL {
            let text = self.gate(*gate);
            if text.question.trim().is_empty() {
                return Err(empty(&format!("gates.{gate}.question")));
            }
        }
        for goal in Goal::ALL {
            if self.goal(*goal).label.trim().is_empty() {
                return Err(empty(&format!("goals.{goal}.label")));
            }
        }
        for driver in Driver::ALL {
            if self.driver(*driver).label.trim().is_empty() {
                return Err(empty(&format!("drivers.{driver}.label")));
            }
        }
        if self.goal.question.trim().is_empty() {
            return Err(empty("goal.question"));
        }
        Ok(())
    }

    /// A stable identifier of this content: the label plus a hash of every text and threshold.
    pub fn version(&self) -> String {
        // serde_json writes struct fields in declaration order, so equal content hashes equal.
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        let digest = Sha256::digest(&canonical);
        let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        format!("{}+{hex}", self.label)
    }

    pub fn goal(&self, goal: Goal) -> &GoalText {
        let g = &self.goals;
        match goal {
            Goal::OutputFormat => &g.output_format,
            Goal::ToneStyle => &g.tone_style,
            Goal::BusinessRules => &g.business_rules,
            Goal::EdgeCases => &g.edge_cases,
            Goal::CostLatencyPrivacy => &g.cost_latency_privacy,
            Goal::Other => &g.other,
        }
    }

    pub fn gate(&self, gate: Gate) -> &GateText {
        let g = &self.gates;
        match gate {
            Gate::Examples => &g.g1,
            Gate::Team => &g.g2,
            Gate::PromptTried => &g.g3,
            Gate::Measured => &g.g4,
        }
    }

    pub fn driver(&self, driver: Driver) -> &DriverText {
        let d = &self.drivers;
        match driver {
            Driver::Volume => &d.d1,
            Driver::Specialised => &d.d2,
            Driver::Latency => &d.d3,
            Driver::Privacy => &d.d4,
        }
    }

    pub fn answer_label(&self, answer: GateAnswer) -> &str {
        match answer {
            GateAnswer::Yes => &self.answers.yes,
            GateAnswer::No => &self.answers.no,
            GateAnswer::NotSure => &self.answers.not_sure,
        }
    }

    /// Replaces the threshold placeholders in `text` with formatted numbers.
    pub fn render(&self, text: &str) -> String {
        let t = &self.thresholds;
        text.replace("{min_examples}", &group_thousands(t.min_examples))
            .replace(
                "{specialised_examples}",
                &group_thousands(t.specialised_examples),
            )
            .replace("{monthly_requests}", &group_thousands(t.monthly_requests))
            .replace("{cost_factor}", &t.cost_factor.to_string())
    }
}

/// 10000000 -> "10,000,000".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_content_parses() {
        let content = ChecklistContent::parse(BUILT_IN_TOML, "built-in").unwrap();
        assert_eq!(content.thresholds.min_examples, 1000);
    }

    #[test]
    fn thresholds_fill_the_placeholders() {
        let content = ChecklistContent::built_in();
        let q = content.render(&content.gate(Gate::Examples).question);
        assert!(q.contains("1,000"), "{q}");
        assert!(!q.contains('{'), "{q}");
    }

    #[test]
    fn version_changes_when_a_text_or_threshold_changes() {
        let a = ChecklistContent::built_in();
        let mut b = a.clone();
        assert_eq!(a.version(), b.version());
        b.thresholds.min_examples = 2000;
        assert_ne!(a.version(), b.version());
        let mut c = a.clone();
        c.gates.g3.question.push('!');
        assert_ne!(a.version(), c.version());
        assert!(a.version().starts_with("2026.11+"));
    }

    #[test]
    fn a_missing_key_is_named() {
        let broken = BUILT_IN_TOML.replace("[gates.g4]", "[gates.g5]");
        let err = ChecklistContent::parse(&broken, "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("mine.toml"), "{err}");
        assert!(err.contains("g5") || err.contains("g4"), "{err}");
    }

    #[test]
    fn an_empty_question_is_refused() {
        let broken = BUILT_IN_TOML.replace(
            "question = \"Have you first tried optimising the prompt, with few-shot examples?\"",
            "question = \"  \"",
        );
        let err = ChecklistContent::parse(&broken, "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("gates.g3.question"), "{err}");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(10_000_000), "10,000,000");
    }
}
