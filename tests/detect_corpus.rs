//! Measures the fine-tune proposal detector on the labelled corpus in `tests/data/`.
//!
//! Two splits: `detect_corpus.tsv` is the tuning split the rules were developed against;
//! `detect_heldout.tsv` was written before any rule and never tuned against, so the gap between
//! the two shows overfitting. With the shipped default settings the hand-written rules alone
//! (now the model's cues) must reach precision >= 0.97 and recall >= 0.95 on each split. The
//! learned model (issue 12) is trained on the tuning split too, so only its held-out figures
//! mean something; they are printed, with a floor. `cargo test --test detect_corpus -- --nocapture` prints the
//! figures per split and per language, and every misclassified line with the detector's reason.

use std::collections::BTreeMap;

use serde::Deserialize;
use tunegate::detect::{DetectSettings, Detector};

const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.95;

/// The part of `config/default.toml` this test needs.
#[derive(Deserialize)]
struct Defaults {
    detect: DetectSettings,
}

fn default_detector() -> Detector {
    let defaults: Defaults =
        toml::from_str(tunegate::config::DEFAULT_TOML).expect("the shipped defaults parse");
    Detector::new(&defaults.detect).expect("the shipped defaults build a detector")
}

struct Example {
    line: usize,
    proposal: bool,
    lang: String,
    text: String,
}

fn load(name: &str) -> Vec<Example> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(&path).expect("the corpus file is readable");
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let mut fields = l.splitn(3, '\t');
            let (label, lang, text) = match (fields.next(), fields.next(), fields.next()) {
                (Some(a), Some(b), Some(c)) => (a, b, c),
                _ => panic!("{name}:{}: expected label<TAB>lang<TAB>text", n + 1),
            };
            assert!(
                label == "0" || label == "1",
                "{name}:{}: label {label:?}",
                n + 1
            );
            Example {
                line: n + 1,
                proposal: label == "1",
                lang: lang.to_string(),
                text: text.replace("\\n", "\n"),
            }
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    tn: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, proposal: bool, triggered: bool) {
        match (proposal, triggered) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn describe(&self) -> String {
        format!(
            "precision {:.3}  recall {:.3}  F1 {:.3}  ({} lines: tp {} fp {} tn {} fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp + self.fp + self.tn + self.fn_,
            self.tp,
            self.fp,
            self.tn,
            self.fn_
        )
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// Runs the detector on one split (the rules alone, or the model-backed thread action), prints
/// its report and returns the overall counts.
fn evaluate(name: &str, rules: bool) -> Counts {
    let detector = default_detector();
    let mut total = Counts::default();
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for ex in load(name) {
        let d = if rules {
            detector.detect_rules(&ex.text)
        } else {
            detector.detect(&ex.text)
        };
        total.add(ex.proposal, d.triggered);
        by_lang
            .entry(ex.lang.clone())
            .or_default()
            .add(ex.proposal, d.triggered);
        if d.triggered != ex.proposal {
            let kind = if ex.proposal { "missed" } else { "false alarm" };
            misses.push(format!(
                "  {name}:{} [{}] {kind}: {:?}\n      -> {}",
                ex.line, ex.lang, ex.text, d.reason
            ));
        }
    }
    let what = if rules {
        "rules alone"
    } else {
        "model, thread action"
    };
    println!("== {name}, {what}: {}", total.describe());
    for (lang, c) in &by_lang {
        println!("   {lang}: {}", c.describe());
    }
    for m in &misses {
        println!("{m}");
    }
    total
}

fn assert_targets(name: &str, c: Counts) {
    assert!(
        c.precision() >= MIN_PRECISION && c.recall() >= MIN_RECALL,
        "{name}: precision {:.3} (min {MIN_PRECISION}), recall {:.3} (min {MIN_RECALL}); \
         run with --nocapture to see the misclassified lines",
        c.precision(),
        c.recall()
    );
}

#[test]
fn rules_meet_precision_and_recall_targets_on_the_tuning_split() {
    let name = "detect_corpus.tsv";
    assert_targets(name, evaluate(name, true));
}

#[test]
fn rules_meet_precision_and_recall_targets_on_the_heldout_split() {
    let name = "detect_heldout.tsv";
    assert_targets(name, evaluate(name, true));
}

#[test]
fn model_figures_on_the_written_heldout_split_are_reported() {
    let c = evaluate("detect_heldout.tsv", false);
    assert!(
        c.precision() >= 0.8 && c.recall() >= 0.6,
        "the model fell below the sanity floor on the written held-out split: {}",
        c.describe()
    );
}

#[test]
fn corpus_is_large_balanced_and_covers_every_language() {
    let tuning = load("detect_corpus.tsv");
    let heldout = load("detect_heldout.tsv");
    let all: Vec<&Example> = tuning.iter().chain(&heldout).collect();
    assert!(all.len() >= 400, "{} lines", all.len());
    let share = all.iter().filter(|e| e.proposal).count() as f64 / all.len() as f64;
    assert!(
        (0.35..=0.45).contains(&share),
        "proposals are {share:.2} of the corpus"
    );
    let heldout_share = heldout.len() as f64 / all.len() as f64;
    assert!(
        (0.25..=0.30).contains(&heldout_share),
        "held-out is {heldout_share:.2}"
    );
    for split in [&tuning, &heldout] {
        for lang in ["en", "fr", "de", "es"] {
            for label in [true, false] {
                assert!(
                    split.iter().any(|e| e.lang == lang && e.proposal == label),
                    "{lang} lacks examples labelled {label}"
                );
            }
        }
    }
}
