//! The learned detector measured on the corpus drawn from real discussions (issue 12).
//!
//! `tests/data/detect/` holds `train.tsv`, `dev.tsv`, three frozen test splits, `outside.tsv`
//! (169 hard negatives an outside evaluation labelled by the same rules), the list of sources
//! that evaluation uses, which the corpus must not draw from, and `second-reader.tsv`, labels a
//! second reader gave every test line without seeing the corpus labels. Lines of one source
//! never straddle splits: the split is a hash of the source. `test.tsv` was drawn with the first
//! round of sources (hash band 85..100); `test2.tsv` and `test3.tsv` from the second and third
//! rounds' new sources only (band 80..100 of each; the rest went to train 0..70 and dev 70..80),
//! before any model was trained on that round. `cargo test --test detect_model -- --nocapture` prints
//! every figure: the test splits overall and per language, cross-validated figures on the train
//! split, the outside lines, and the prefilter's own recall.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use tunegate::detect::corpus::{LabeledLine, parse_corpus};
use tunegate::detect::metrics::{Metrics, average_precision, best_f1};
use tunegate::detect::train::{TrainExample, TrainParams, out_of_fold, train};
use tunegate::detect::{
    Action, DetectSettings, Detector, LinearModel, source_hash, train_on, training_examples,
};

/// The SHA-256 of `test.tsv`, frozen when the splits were drawn (before any model work).
const TEST_SPLIT_SHA256: &str = "fbfc24c4fe09a8865c1ed48eef1f4242c6815a3d2e6849420ade636c7f7ad08a";

/// The SHA-256 of `test2.tsv`, frozen when the second round of sources was split (before the
/// model was retrained on that round).
const TEST2_SPLIT_SHA256: &str = "054328fa2b91b1396644a19244ab20fd7bc96441803d5bcc3d14fbe371d87c82";

/// The SHA-256 of `test3.tsv`, frozen when the third round of sources was split.
const TEST3_SPLIT_SHA256: &str = "f1d137327022f9566ff2bde8a04be5a7c78f8600959f9c8c01c6d436a35eb770";

/// The frozen test splits, oldest first.
const TEST_SPLITS: [&str; 3] = ["test", "test2", "test3"];

/// The splits that hold labelled lines from real text (the outside lines are not among them).
const SPLITS: [&str; 5] = ["train", "dev", "test", "test2", "test3"];

/// The issue's bar for the test splits. Not met yet: see `issue_bar_on_the_test_splits`.
const ISSUE_PRECISION: f64 = 0.90;
const ISSUE_RECALL: f64 = 0.90;

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn split(name: &str) -> Vec<LabeledLine> {
    parse_corpus(&data(&format!("detect/{name}.tsv"))).expect("the split parses")
}

#[derive(Deserialize)]
struct Defaults {
    detect: DetectSettings,
}

fn shipped() -> Detector {
    let defaults: Defaults =
        toml::from_str(tunegate::config::DEFAULT_TOML).expect("the shipped defaults parse");
    Detector::new(&defaults.detect).expect("the shipped defaults build a detector")
}

/// Prints and returns the figures of `decide` on `lines`, overall and per language.
fn report(title: &str, lines: &[LabeledLine], decide: impl Fn(&str) -> bool) -> Metrics {
    let total = Metrics::of(lines.iter().map(|l| (decide(&l.text), l.proposal)));
    println!("== {title}: {}", total.summary());
    let mut langs: BTreeMap<&str, Vec<&LabeledLine>> = BTreeMap::new();
    for l in lines {
        langs.entry(l.lang.as_str()).or_default().push(l);
    }
    for (lang, ls) in langs {
        let m = Metrics::of(ls.iter().map(|l| (decide(&l.text), l.proposal)));
        println!("   {lang}: {}", m.summary());
    }
    total
}

fn sha256_of(name: &str) -> String {
    let digest = Sha256::digest(data(name).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_test_split_is_frozen() {
    assert_eq!(
        sha256_of("detect/test.tsv"),
        TEST_SPLIT_SHA256,
        "test.tsv changed: a frozen test split is only replaced by a fresh one from new sources"
    );
}

#[test]
fn the_second_test_split_is_frozen() {
    assert_eq!(
        sha256_of("detect/test2.tsv"),
        TEST2_SPLIT_SHA256,
        "test2.tsv changed: a frozen test split is only replaced by a fresh one from new sources"
    );
}

#[test]
fn the_third_test_split_is_frozen() {
    assert_eq!(
        sha256_of("detect/test3.tsv"),
        TEST3_SPLIT_SHA256,
        "test3.tsv changed: a frozen test split is only replaced by a fresh one from new sources"
    );
}

#[test]
fn each_source_lives_in_the_split_its_hash_names() {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    // Round 1: train 0..70, dev 70..85, test 85..100. Rounds 2 and 3 (new sources only, each):
    // train 0..70, dev 70..80, test2 / test3 80..100.
    for (name, band) in [
        ("train", 0..70),
        ("dev", 70..85),
        ("test", 85..100),
        ("test2", 80..100),
        ("test3", 80..100),
    ] {
        for line in split(name) {
            assert!(
                band.contains(&(source_hash(&line.source) % 100)),
                "{name}: {:?} belongs to another split",
                line.source
            );
            if let Some(other) = seen.insert(line.source.clone(), name) {
                assert_eq!(other, name, "{:?} straddles splits", line.source);
            }
        }
    }
}

#[test]
fn no_line_comes_from_an_excluded_source() {
    let excluded: BTreeSet<String> = data("detect/excluded-sources.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.trim().to_string())
        .collect();
    for name in SPLITS {
        for line in split(name) {
            let bare = line
                .source
                .strip_prefix("github-issue ")
                .or_else(|| line.source.strip_prefix("page "))
                .unwrap_or(&line.source);
            assert!(
                !excluded.contains(bare) && !excluded.contains(&line.source),
                "{name}: {:?} is an excluded source",
                line.source
            );
        }
    }
}

#[test]
fn the_corpus_has_the_promised_shape() {
    for name in SPLITS {
        let lines = split(name);
        let proposals = lines.iter().filter(|l| l.proposal).count();
        let langs: BTreeMap<&str, usize> = lines.iter().fold(BTreeMap::new(), |mut m, l| {
            *m.entry(l.lang.as_str()).or_default() += 1;
            m
        });
        println!(
            "   {name}: {} lines, {proposals} proposals, {} synthetic, {langs:?}",
            lines.len(),
            lines.iter().filter(|l| l.synthetic).count()
        );
    }
    let all: Vec<LabeledLine> = SPLITS.iter().flat_map(|n| split(n)).collect();
    let n = all.len() as f64;
    let share = |f: &dyn Fn(&LabeledLine) -> bool| all.iter().filter(|l| f(l)).count() as f64 / n;
    let proposals = share(&|l| l.proposal);
    let other_languages = share(&|l| l.lang != "en");
    let synthetic = share(&|l| l.synthetic);
    let sources = all.iter().map(|l| &l.source).collect::<BTreeSet<_>>().len();
    println!(
        "corpus: {} lines from {sources} sources; proposals {proposals:.2}, fr+de+es {other_languages:.2}, \
         synthetic {synthetic:.2}",
        all.len()
    );
    assert!(all.len() >= 3000, "{} lines", all.len());
    assert!(proposals >= 0.35, "proposals {proposals:.2}");
    assert!(other_languages >= 0.15, "fr+de+es {other_languages:.2}");
    assert!(synthetic <= 0.15, "synthetic {synthetic:.2}");
    let texts: BTreeSet<String> = all.iter().map(|l| l.text.to_lowercase()).collect();
    assert_eq!(texts.len(), all.len(), "duplicate lines");
}

#[test]
fn the_prefilter_keeps_almost_every_proposal() {
    let detector = shipped();
    let proposals: Vec<LabeledLine> = SPLITS
        .iter()
        .flat_map(|n| split(n))
        .filter(|l| l.proposal)
        .collect();
    let kept = proposals
        .iter()
        .filter(|l| detector.features(&l.text).is_some())
        .count();
    let recall = kept as f64 / proposals.len() as f64;
    println!(
        "prefilter recall on proposals: {recall:.3} ({kept} of {})",
        proposals.len()
    );
    assert!(recall >= 0.98, "the prefilter drops proposals: {recall:.3}");
}

/// Prints the figures of a frozen test split (thread, thread or suggest, rules alone, and the
/// thread precision at a live share of proposals) and returns the thread action's.
fn test_split_report(name: &str) -> Metrics {
    let detector = shipped();
    let test = split(name);
    let thread = report(
        &format!("{name} split, thread action (model)"),
        &test,
        |t| detector.detect(t).action == Action::Thread,
    );
    report(
        &format!("{name} split, thread or suggest (model)"),
        &test,
        |t| detector.detect(t).action != Action::None,
    );
    report(&format!("{name} split, rules alone"), &test, |t| {
        detector.detect_rules(t).triggered
    });
    let scored: Vec<(f32, bool)> = test
        .iter()
        .map(|l| (detector.detect(&l.text).score, l.proposal))
        .collect();
    println!(
        "   ranking by score: average precision {:.3}, best F1 of any threshold {:.3} \
         (compare with `python3 benches/detect_peer.py`)",
        average_precision(&scored).unwrap_or(0.0),
        best_f1(&scored)
    );
    let live = 0.05;
    println!(
        "   thread precision if proposals were {:.0}% of messages passing the prefilter: {:.2}",
        live * 100.0,
        thread.precision_at_share(live)
    );
    thread
}

/// Prints a frozen test split's figures and checks its `thread` action stays above a floor (a
/// regression guard, far below the issue's bar).
fn assert_above_the_floor(name: &str, precision: f64, recall: f64) {
    let thread = test_split_report(name);
    assert!(
        thread.precision() >= precision && thread.recall() >= recall,
        "{name} below the floor: {}",
        thread.summary()
    );
}

#[test]
fn test_split_figures_are_reported_and_above_the_floor() {
    assert_above_the_floor("test", 0.75, 0.50);
}

#[test]
fn second_test_split_figures_are_reported_and_above_the_floor() {
    assert_above_the_floor("test2", 0.75, 0.55);
}

#[test]
fn third_test_split_figures_are_reported_and_above_the_floor() {
    // A little under the measurement of the models trained on rounds 1-3 (P 0.74 R 0.52, and
    // R 0.49 reading numbers as numbers); the model trained on rounds 1-2 alone scored P 0.78
    // R 0.32 on these sources it never saw.
    assert_above_the_floor("test3", 0.70, 0.45);
}

#[test]
#[ignore = "issue 12's bar (P and R >= 0.90 on the test splits) is not met: it is where a second human-like reader scores (P 0.92 R 0.93)"]
fn issue_bar_on_the_test_splits() {
    let detector = shipped();
    for name in TEST_SPLITS {
        let m = Metrics::of(
            split(name)
                .iter()
                .map(|l| (detector.detect(&l.text).triggered, l.proposal)),
        );
        assert!(
            m.precision() >= ISSUE_PRECISION && m.recall() >= ISSUE_RECALL,
            "{name}: {}",
            m.summary()
        );
    }
}

#[test]
fn cross_validated_figures_on_the_train_split_are_reported() {
    let lines = split("train");
    let examples: Vec<TrainExample> = training_examples(&lines)
        .expect("featurizes")
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let scores = out_of_fold(&examples, 5, &TrainParams::default());
    for t in [
        tunegate::detect::DEFAULT_SUGGEST_THRESHOLD,
        0.5,
        tunegate::detect::DEFAULT_THREAD_THRESHOLD,
    ] {
        let m = Metrics::of(
            scores
                .iter()
                .zip(&examples)
                .map(|(&s, e)| (s >= t, e.proposal)),
        );
        println!(
            "== train split, 5-fold out-of-fold at {t:.2}: {}",
            m.summary()
        );
    }
    let scored: Vec<(f32, bool)> = scores
        .iter()
        .zip(&examples)
        .map(|(&s, e)| (s, e.proposal))
        .collect();
    println!(
        "   ranking by out-of-fold score: average precision {:.3}, best F1 of any threshold {:.3}",
        average_precision(&scored).unwrap_or(0.0),
        best_f1(&scored)
    );
    let m = Metrics::of(scored.iter().map(|&(s, l)| (s >= 0.5, l)));
    assert!(
        m.f1() >= 0.5,
        "cross-validated F1 collapsed: {}",
        m.summary()
    );
}

#[test]
fn outside_hard_negatives_are_reported() {
    let detector = shipped();
    let outside = parse_corpus(&data("detect/outside.tsv")).expect("outside parses");
    assert_eq!(outside.len(), 169);
    let alarms = |action: Action| {
        outside
            .iter()
            .filter(|l| detector.detect(&l.text).action == action)
            .count()
    };
    let (thread, suggest) = (alarms(Action::Thread), alarms(Action::Suggest));
    let rules = outside
        .iter()
        .filter(|l| detector.detect_rules(&l.text).triggered)
        .count();
    println!(
        "== outside hard negatives (169, all label 0): thread {thread}, suggest {suggest}, \
         rules alone would trigger {rules}"
    );
    assert!(
        thread <= 25,
        "{thread} of 169 outside hard negatives open a thread"
    );
}

#[test]
fn training_twice_on_a_sample_gives_the_same_bytes() {
    let lines: Vec<LabeledLine> = split("train").into_iter().take(200).collect();
    let params = TrainParams {
        epochs: 3,
        ..TrainParams::default()
    };
    let a = train_on(&lines, &params).expect("trains").to_bytes();
    let b = train_on(&lines, &params).expect("trains").to_bytes();
    assert_eq!(a, b);
}

#[test]
fn the_shipped_model_is_what_the_training_command_produces() {
    let mut lines = split("train");
    lines.extend(parse_corpus(&data("detect_corpus.tsv")).expect("written split parses"));
    lines.extend(split("dev"));
    let examples: Vec<TrainExample> = training_examples(&lines)
        .expect("featurizes")
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let refs: Vec<&TrainExample> = examples.iter().collect();
    let model = train(&refs, &TrainParams::default());
    let shipped = std::fs::read(format!(
        "{}/assets/detect-model.bin",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the model file is readable");
    assert_eq!(
        LinearModel::from_bytes(&shipped).expect("the shipped model reads"),
        model,
        "assets/detect-model.bin is stale: run `tunegate detect train --out assets/detect-model.bin`"
    );
}

/// One line of `second-reader.tsv`: a label given blind by a second reader.
struct SecondLabel {
    split: String,
    line: usize,
    proposal: bool,
    sure: bool,
}

fn second_reader() -> Vec<SecondLabel> {
    data("detect/second-reader.tsv")
        .lines()
        .skip(1)
        .map(|row| {
            let f: Vec<&str> = row.split('\t').collect();
            assert_eq!(f.len(), 4, "second-reader.tsv: {row:?}");
            SecondLabel {
                split: f[0].to_string(),
                line: f[1].parse().expect("a line number"),
                proposal: f[2] == "1",
                sure: f[3] == "1",
            }
        })
        .collect()
}

#[test]
fn a_second_reader_shows_how_far_the_labels_themselves_go() {
    // `second-reader.tsv` holds labels a second reader gave every line of the frozen test
    // splits, reading only the text and the labelling guide, never the corpus labels. Their
    // agreement is the ceiling the issue's bar sits at: a model cannot be measured above the
    // labels' own consistency.
    let second = second_reader();
    let detector = shipped();
    let mut everything = Vec::new();
    for name in TEST_SPLITS {
        let lines = split(name);
        let mut labels: Vec<Option<&SecondLabel>> = vec![None; lines.len()];
        for label in second.iter().filter(|l| l.split == name) {
            let slot = labels
                .get_mut(label.line)
                .unwrap_or_else(|| panic!("{name} has no line {}", label.line));
            assert!(slot.is_none(), "{name} line {} read twice", label.line);
            *slot = Some(label);
        }
        let labels: Vec<&SecondLabel> = labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| l.unwrap_or_else(|| panic!("{name} line {i} has no second label")))
            .collect();
        let reader = Metrics::of(
            labels
                .iter()
                .zip(&lines)
                .map(|(second, line)| (second.proposal, line.proposal)),
        );
        let agreed: Vec<&LabeledLine> = labels
            .iter()
            .zip(&lines)
            .filter(|(second, line)| second.proposal == line.proposal)
            .map(|(_, line)| line)
            .collect();
        let model_on_agreed = Metrics::of(agreed.iter().map(|l| {
            (
                detector.detect(&l.text).action == Action::Thread,
                l.proposal,
            )
        }));
        let unsure = labels.iter().filter(|l| !l.sure).count();
        println!(
            "== {name}: second reader vs the corpus labels: agreement {:.3}, kappa {:.2}, {}; \
             {unsure} lines marked unsure",
            reader.agreement(),
            reader.kappa(),
            reader.summary()
        );
        println!(
            "   thread action on the {} lines both readers label alike: {}",
            agreed.len(),
            model_on_agreed.summary()
        );
        everything.extend(
            labels
                .iter()
                .zip(&lines)
                .map(|(second, line)| (second.proposal, line.proposal)),
        );
    }
    let all = Metrics::of(everything);
    println!(
        "== all test splits: agreement {:.3}, kappa {:.2}, second reader {}",
        all.agreement(),
        all.kappa(),
        all.summary()
    );
    // Below ~0.6 two readers of the guide would not mean the same thing by "proposal", and no
    // figure measured against these labels would mean much.
    assert!(
        all.kappa() >= 0.6,
        "the labels are not reproducible: {}",
        all.kappa()
    );
}
