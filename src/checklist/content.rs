//! The checklist's words and thresholds, as the core uses them.
//!
//! The label and thresholds come from TOML (`config/checklist.toml`, compiled into the binary,
//! or a team's own file): [`ChecklistFile`]. The words come from the locale files, one language
//! at a time, through [`ChecklistContent::from_texts`] (the application layer looks them up;
//! the core stays free of any i18n library). [`ChecklistContent::version`] hashes the content,
//! and every decision records the version that produced it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{Driver, Gate, GateAnswer, Goal};

/// The built-in label and thresholds (the words are in `locales/`).
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

/// The part of the checklist a team sets in TOML: the version label and the thresholds. The
/// words live in the locale files (`locales/<lang>/checklist.ftl`) and reach the core through
/// [`ChecklistContent::from_texts`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistFile {
    pub label: String,
    pub thresholds: Thresholds,
}

/// The keys of the checklist's texts, in the order [`ChecklistContent::from_texts`] asks for
/// them. Each is a message of `locales/<lang>/checklist.ftl`.
pub fn text_keys() -> Vec<String> {
    let mut keys: Vec<String> = vec!["checklist-intro".into(), "checklist-goal-question".into()];
    for goal in Goal::ALL {
        for part in ["label", "example", "advice"] {
            keys.push(format!("checklist-goal-{goal}-{part}"));
        }
    }
    for gate in ["g1", "g2", "g3", "g4"] {
        for part in ["question", "short", "next-step"] {
            keys.push(format!("checklist-gate-{gate}-{part}"));
        }
    }
    for answer in ["yes", "no", "not-sure"] {
        keys.push(format!("checklist-answer-{answer}"));
    }
    keys.push("checklist-drivers-question".into());
    for driver in ["d1", "d2", "d3", "d4"] {
        for part in ["label", "description"] {
            keys.push(format!("checklist-driver-{driver}-{part}"));
        }
    }
    for key in [
        "premature-title",
        "premature-summary",
        "premature-failing-gate",
        "not-justified-title",
        "not-justified-summary",
        "not-justified-revisit",
        "justified-title",
        "justified-summary",
        "justified-carried-by",
        "justified-next-step-1",
        "justified-next-step-2",
        "justified-next-step-3",
    ] {
        keys.push(format!("checklist-{key}"));
    }
    keys
}

impl ChecklistFile {
    /// Parses the TOML text; `origin` names the text in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<ChecklistFile, ContentError> {
        toml::from_str(text).map_err(|e| {
            let message = e.to_string().trim().to_string();
            let moved = [
                "intro", "goal", "goals", "gates", "answers", "drivers", "verdicts",
            ]
            .iter()
            .any(|k| message.contains(&format!("unknown field `{k}`")));
            ContentError::Invalid {
                origin: origin.to_string(),
                message: if moved {
                    format!(
                        "{message}. The checklist's words now live in locale files: keep only \
                         `label` and `[thresholds]` here, and put changed wording in a locale \
                         override file (setting `checklist.locales`)"
                    )
                } else {
                    message
                },
            }
        })
    }

    /// Reads the file at `path`, or the built-in one (`config/checklist.toml`) when empty.
    pub fn load(path: &str) -> Result<ChecklistFile, ContentError> {
        if path.trim().is_empty() {
            return Self::parse(BUILT_IN_TOML, "the built-in checklist");
        }
        let text = std::fs::read_to_string(path).map_err(|source| ContentError::Unreadable {
            path: path.to_string(),
            source,
        })?;
        Self::parse(&text, path)
    }
}

impl ChecklistContent {
    /// The checklist in one language: `file`'s label and thresholds with the texts `text`
    /// gives for each of [`text_keys`]. The texts keep the placeholders `{min_examples}`,
    /// `{specialised_examples}`, `{monthly_requests}`, `{cost_factor}`, `{gate}` and `{driver}`
    /// for [`ChecklistContent::render`] and the verdict to fill. `origin` names the texts in
    /// errors.
    pub fn from_texts(
        file: &ChecklistFile,
        text: &dyn Fn(&str) -> String,
        origin: &str,
    ) -> Result<ChecklistContent, ContentError> {
        let t = |key: &str| text(&format!("checklist-{key}"));
        let goal = |g: &str| GoalText {
            label: t(&format!("goal-{g}-label")),
            example: t(&format!("goal-{g}-example")),
            advice: t(&format!("goal-{g}-advice")),
        };
        let gate = |g: &str| GateText {
            question: t(&format!("gate-{g}-question")),
            short: t(&format!("gate-{g}-short")),
            next_step: t(&format!("gate-{g}-next-step")),
        };
        let driver = |d: &str| DriverText {
            label: t(&format!("driver-{d}-label")),
            description: t(&format!("driver-{d}-description")),
        };
        let content = ChecklistContent {
            label: file.label.clone(),
            intro: t("intro"),
            thresholds: file.thresholds.clone(),
            goal: Question {
                question: t("goal-question"),
            },
            goals: Goals {
                output_format: goal("output_format"),
                tone_style: goal("tone_style"),
                business_rules: goal("business_rules"),
                edge_cases: goal("edge_cases"),
                cost_latency_privacy: goal("cost_latency_privacy"),
                other: goal("other"),
            },
            gates: Gates {
                g1: gate("g1"),
                g2: gate("g2"),
                g3: gate("g3"),
                g4: gate("g4"),
            },
            answers: AnswerLabels {
                yes: t("answer-yes"),
                no: t("answer-no"),
                not_sure: t("answer-not-sure"),
            },
            drivers_question: Question {
                question: t("drivers-question"),
            },
            drivers: Drivers {
                d1: driver("d1"),
                d2: driver("d2"),
                d3: driver("d3"),
                d4: driver("d4"),
            },
            verdicts: VerdictTexts {
                premature: PrematureText {
                    title: t("premature-title"),
                    summary: t("premature-summary"),
                    failing_gate: t("premature-failing-gate"),
                },
                not_justified_yet: NotJustifiedText {
                    title: t("not-justified-title"),
                    summary: t("not-justified-summary"),
                    revisit: t("not-justified-revisit"),
                },
                justified: JustifiedText {
                    title: t("justified-title"),
                    summary: t("justified-summary"),
                    carried_by: t("justified-carried-by"),
                    next_steps: (1..=3)
                        .map(|i| t(&format!("justified-next-step-{i}")))
                        .collect(),
                },
            },
        };
        content.check_texts(origin)?;
        Ok(content)
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
    fn built_in_file_parses() {
        let file = ChecklistFile::parse(BUILT_IN_TOML, "built-in").unwrap();
        assert_eq!(file.thresholds.min_examples, 1000);
    }

    #[test]
    fn a_file_with_the_old_words_is_told_where_they_went() {
        let err = ChecklistFile::parse(
            "label = \"x\"\nintro = \"hi\"\n[thresholds]\nmin_examples = 1\n\
             specialised_examples = 2\nmonthly_requests = 3\ncost_factor = 4\n",
            "mine.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("mine.toml"), "{err}");
        assert!(err.contains("checklist.locales"), "{err}");
    }

    #[test]
    fn an_empty_question_is_refused() {
        let file = ChecklistFile::parse(BUILT_IN_TOML, "built-in").unwrap();
        let text = |key: &str| {
            if key == "checklist-gate-g3-question" {
                "  ".to_string()
            } else {
                key.to_string()
            }
        };
        let err = ChecklistContent::from_texts(&file, &text, "mine.ftl")
            .unwrap_err()
            .to_string();
        assert!(err.contains("gates.g3.question"), "{err}");
        assert!(err.contains("mine.ftl"), "{err}");
    }

    #[test]
    fn every_text_key_is_asked_for() {
        let file = ChecklistFile::parse(BUILT_IN_TOML, "built-in").unwrap();
        let asked = std::cell::RefCell::new(Vec::new());
        let text = |key: &str| {
            asked.borrow_mut().push(key.to_string());
            key.to_string()
        };
        ChecklistContent::from_texts(&file, &text, "test").unwrap();
        let mut asked = asked.into_inner();
        asked.sort();
        let mut keys = text_keys();
        keys.sort();
        assert_eq!(asked, keys);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(10_000_000), "10,000,000");
    }
}
