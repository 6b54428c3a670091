//! Precision, recall and threshold choice for the detector's scores.

/// Counts and rates of a binary decision against labels.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl Metrics {
    /// Tallies decisions (`predicted`) against labels (`actual`).
    pub fn of(pairs: impl IntoIterator<Item = (bool, bool)>) -> Metrics {
        let mut m = Metrics::default();
        for (predicted, actual) in pairs {
            match (predicted, actual) {
                (true, true) => m.tp += 1,
                (true, false) => m.fp += 1,
                (false, true) => m.fn_ += 1,
                (false, false) => m.tn += 1,
            }
        }
        m
    }

    /// Precision; 1 when nothing was predicted positive.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 1 when there is nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Precision if positives made up `share` of the messages instead of the share measured
    /// here (the live share among messages that pass the prefilter is far lower than in a
    /// balanced test set).
    pub fn precision_at_share(&self, share: f64) -> f64 {
        let pos = (self.tp + self.fn_) as f64;
        let neg = (self.fp + self.tn) as f64;
        if pos == 0.0 || neg == 0.0 || self.tp + self.fp == 0 {
            return self.precision();
        }
        let tpr = self.tp as f64 / pos;
        let fpr = self.fp as f64 / neg;
        let tp = tpr * share;
        let fp = fpr * (1.0 - share);
        if tp + fp == 0.0 { 1.0 } else { tp / (tp + fp) }
    }

    /// The number of decisions tallied.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// The share of decisions that match the labels; 1 when there are none.
    pub fn agreement(&self) -> f64 {
        ratio(self.tp + self.tn, self.total())
    }

    /// Cohen's kappa: agreement corrected for what two raters with these label shares would
    /// reach by chance (1 = perfect, 0 = chance). 1 when chance alone agrees perfectly.
    pub fn kappa(&self) -> f64 {
        let n = self.total() as f64;
        if n == 0.0 {
            return 1.0;
        }
        let said_yes = (self.tp + self.fp) as f64 / n;
        let is_yes = (self.tp + self.fn_) as f64 / n;
        let chance = said_yes * is_yes + (1.0 - said_yes) * (1.0 - is_yes);
        if chance >= 1.0 {
            1.0
        } else {
            (self.agreement() - chance) / (1.0 - chance)
        }
    }

    /// One line for reports: `P 0.93 R 0.91 F1 0.92 (n=...)`.
    pub fn summary(&self) -> String {
        format!(
            "P {:.2} R {:.2} F1 {:.2} (n={}, {} proposals)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.total(),
            self.tp + self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Average precision of `scored` (score, label) ranked by score, highest first: the mean of the
/// precision at each proposal's rank (ties broken against the ranking: labels 0 first within a
/// score). Independent of any threshold; 1 when every proposal outranks every other line, about
/// the share of proposals for a random ranking. `None` without any proposal.
pub fn average_precision(scored: &[(f32, bool)]) -> Option<f64> {
    let mut ranked = scored.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut found, mut sum) = (0usize, 0.0f64);
    for (rank, &(_, proposal)) in ranked.iter().enumerate() {
        if proposal {
            found += 1;
            sum += found as f64 / (rank + 1) as f64;
        }
    }
    (found > 0).then(|| sum / found as f64)
}

/// The highest F1 of any threshold on `scored`: how well the scores could do if the threshold
/// were tuned on these very lines (a ceiling for comparing rankings, not a deployable figure).
pub fn best_f1(scored: &[(f32, bool)]) -> f64 {
    let mut cuts: Vec<f32> = scored.iter().map(|&(s, _)| s).collect();
    cuts.sort_by(f32::total_cmp);
    cuts.dedup();
    cuts.iter()
        .map(|&t| Metrics::of(scored.iter().map(|&(s, l)| (s >= t, l))).f1())
        .fold(0.0, f64::max)
}

/// The threshold (on a 0.01 grid) with the highest recall among those whose precision on
/// `scored` (score, label) reaches `min_precision`; the higher threshold wins a tie. `None`
/// when no threshold reaches it.
pub fn choose_threshold(scored: &[(f32, bool)], min_precision: f64) -> Option<f32> {
    let mut best: Option<(f64, f32)> = None;
    for step in (1..100).rev() {
        let t = step as f32 / 100.0;
        let m = Metrics::of(scored.iter().map(|&(s, l)| (s >= t, l)));
        if m.tp == 0 || m.precision() < min_precision {
            continue;
        }
        if best.is_none_or(|(recall, _)| m.recall() > recall) {
            best = Some((m.recall(), t));
        }
    }
    best.map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_rates() {
        let m = Metrics::of([(true, true), (true, false), (false, true), (false, false)]);
        assert_eq!((m.tp, m.fp, m.fn_, m.tn), (1, 1, 1, 1));
        assert_eq!(m.precision(), 0.5);
        assert_eq!(m.recall(), 0.5);
        assert_eq!(m.f1(), 0.5);
    }

    #[test]
    fn kappa_is_one_for_perfect_agreement_and_zero_for_chance() {
        let perfect = Metrics::of([(true, true), (false, false), (false, false)]);
        assert_eq!(perfect.agreement(), 1.0);
        assert_eq!(perfect.kappa(), 1.0);
        // Both raters say yes half the time, independently: agreement 0.5 is pure chance.
        let chance = Metrics::of([(true, true), (true, false), (false, true), (false, false)]);
        assert_eq!(chance.agreement(), 0.5);
        assert_eq!(chance.kappa(), 0.0);
        // 8 of 10 agree; shares 0.5 and 0.5 give chance 0.5, so kappa (0.8 - 0.5) / 0.5.
        let mostly = Metrics::of(
            [(true, true); 4]
                .into_iter()
                .chain([(false, false); 4])
                .chain([(true, false), (false, true)]),
        );
        assert!((mostly.kappa() - 0.6).abs() < 1e-9, "{}", mostly.kappa());
        assert_eq!(Metrics::default().kappa(), 1.0);
    }

    #[test]
    fn average_precision_rewards_proposals_ranked_first() {
        let perfect = [(0.9, true), (0.8, true), (0.3, false), (0.1, false)];
        assert_eq!(average_precision(&perfect), Some(1.0));
        // Ranks: no (1), yes (2), no (3), yes (4): precisions 1/2 and 2/4.
        let mixed = [(0.9, false), (0.8, true), (0.3, false), (0.1, true)];
        assert_eq!(average_precision(&mixed), Some(0.5));
        // A tie is ranked against the model: the 0 comes first.
        assert_eq!(average_precision(&[(0.5, true), (0.5, false)]), Some(0.5));
        assert_eq!(average_precision(&[(0.5, false)]), None);
    }

    #[test]
    fn best_f1_finds_the_best_cut() {
        let scored = [(0.9, true), (0.8, false), (0.7, true), (0.1, false)];
        // At 0.7: tp 2, fp 1, fn 0: P 2/3, R 1, F1 0.8.
        assert!(
            (best_f1(&scored) - 0.8).abs() < 1e-9,
            "{}",
            best_f1(&scored)
        );
        assert_eq!(best_f1(&[(0.2, false)]), 0.0);
    }

    #[test]
    fn a_lower_live_share_lowers_precision() {
        let m = Metrics::of([(true, true), (true, true), (true, false), (false, false)]);
        assert!(m.precision_at_share(0.1) < m.precision());
    }

    #[test]
    fn the_chosen_threshold_keeps_the_precision_asked_for() {
        let scored = [
            (0.9, true),
            (0.8, true),
            (0.7, false),
            (0.6, true),
            (0.2, false),
        ];
        let t = choose_threshold(&scored, 0.99).unwrap();
        assert!(t > 0.7 && t <= 0.8, "{t}");
        let t = choose_threshold(&scored, 0.7).unwrap();
        assert!(t > 0.2 && t <= 0.6, "{t}");
        assert_eq!(choose_threshold(&[(0.5, false)], 0.9), None);
    }
}
