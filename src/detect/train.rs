//! Fits the [`LinearModel`]: L2-regularised logistic regression trained with AdaGrad.
//!
//! Deterministic: the examples are visited in an order drawn from a fixed-seed generator, on
//! one thread, so the same corpus gives the same weights on every run (and the same bytes on the
//! same platform). Out-of-fold scores for threshold choice and cross-validation come from
//! [`out_of_fold`], which keeps every group (one source thread or file) inside one fold.

use super::features::{DIM, Features};
use super::model::{LinearModel, sigmoid};

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainParams {
    /// Passes over the examples.
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// Seed of the visiting order.
    pub seed: u64,
}

impl Default for TrainParams {
    fn default() -> TrainParams {
        TrainParams {
            epochs: 12,
            learning_rate: 0.5,
            l2: 1e-5,
            seed: 0x7475_6e65_6761_7465, // "tunegate"
        }
    }
}

/// One labelled example in feature form.
#[derive(Debug, Clone)]
pub struct TrainExample {
    pub features: Features,
    pub proposal: bool,
    /// Examples with the same group stay in the same fold.
    pub group: u64,
    /// How many times an epoch visits the example (at least once): lines from conversations,
    /// the kind of text the bot reads, count more than lines from docs and code.
    pub weight: u32,
}

/// A small xorshift generator: enough to shuffle, and the same everywhere.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Fisher-Yates shuffle.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains a model on `examples`.
pub fn train(examples: &[&TrainExample], params: &TrainParams) -> LinearModel {
    let mut model = LinearModel::zeros();
    let mut g2 = vec![0.0f32; DIM];
    let mut g2_bias = 0.0f32;
    let mut order: Vec<usize> = examples
        .iter()
        .enumerate()
        .flat_map(|(i, e)| std::iter::repeat_n(i, e.weight.max(1) as usize))
        .collect();
    let mut rng = XorShift(params.seed | 1);
    const EPS: f32 = 1e-6;
    for _ in 0..params.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = examples[i];
            let p = sigmoid(model.margin(&ex.features));
            let err = p - if ex.proposal { 1.0 } else { 0.0 };
            for &(slot, value) in &ex.features.pairs {
                let s = slot as usize;
                let (Some(w), Some(g)) = (model.weights.get_mut(s), g2.get_mut(s)) else {
                    continue;
                };
                let grad = err * value + params.l2 * *w;
                *g += grad * grad;
                *w -= params.learning_rate * grad / (g.sqrt() + EPS);
            }
            g2_bias += err * err;
            model.bias -= params.learning_rate * err / (g2_bias.sqrt() + EPS);
        }
    }
    model
}

/// Scores every example with a model trained on the other folds (`folds` groups-preserving
/// folds, assigned by group hash). Returns one score per example, in input order.
pub fn out_of_fold(examples: &[TrainExample], folds: u64, params: &TrainParams) -> Vec<f32> {
    let folds = folds.max(2);
    let fold_of = |e: &TrainExample| e.group % folds;
    let mut scores = vec![0.0; examples.len()];
    for fold in 0..folds {
        let training: Vec<&TrainExample> = examples.iter().filter(|e| fold_of(e) != fold).collect();
        let model = train(&training, params);
        for (i, e) in examples.iter().enumerate() {
            if fold_of(e) == fold {
                scores[i] = model.score(&e.features);
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::features::{Cue, featurize};

    fn example(words: &[&str], proposal: bool, group: u64) -> TrainExample {
        TrainExample {
            features: featurize(words.iter().copied(), &[]),
            proposal,
            group,
            weight: 1,
        }
    }

    fn toy() -> Vec<TrainExample> {
        let mut v = Vec::new();
        for g in 0..20 {
            v.push(example(&["we", "should", "fine", "tune", "it"], true, g));
            v.push(example(
                &["the", "fine", "tuned", "model", "is", "live"],
                false,
                g,
            ));
        }
        v
    }

    #[test]
    fn training_separates_a_toy_problem() {
        let data = toy();
        let refs: Vec<&TrainExample> = data.iter().collect();
        let m = train(&refs, &TrainParams::default());
        assert!(m.score(&data[0].features) > 0.8);
        assert!(m.score(&data[1].features) < 0.2);
    }

    #[test]
    fn training_twice_gives_identical_weights() {
        let data = toy();
        let refs: Vec<&TrainExample> = data.iter().collect();
        let a = train(&refs, &TrainParams::default());
        let b = train(&refs, &TrainParams::default());
        assert_eq!(a.to_bytes(), b.to_bytes());
    }

    #[test]
    fn a_heavier_example_pulls_the_model_its_way() {
        // Two examples with the same features and opposite labels: the weights decide.
        let mut data = vec![
            example(&["train", "it", "again"], true, 1),
            example(&["train", "it", "again"], false, 2),
        ];
        let score = |data: &[TrainExample]| {
            let refs: Vec<&TrainExample> = data.iter().collect();
            train(&refs, &TrainParams::default()).score(&data[0].features)
        };
        data[0].weight = 3;
        assert!(score(&data) > 0.6, "{}", score(&data));
        data[0].weight = 1;
        data[1].weight = 3;
        assert!(score(&data) < 0.4, "{}", score(&data));
    }

    #[test]
    fn out_of_fold_scores_every_example_once() {
        let data = toy();
        let scores = out_of_fold(&data, 5, &TrainParams::default());
        assert_eq!(scores.len(), data.len());
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    }

    #[test]
    fn cues_are_learned_like_any_other_feature() {
        let data: Vec<TrainExample> = (0..30)
            .map(|g| TrainExample {
                features: featurize(
                    ["x"].into_iter(),
                    &[if g % 2 == 0 {
                        Cue::Proposed
                    } else {
                        Cue::Negated
                    }],
                ),
                proposal: g % 2 == 0,
                group: g,
                weight: 1,
            })
            .collect();
        let refs: Vec<&TrainExample> = data.iter().collect();
        let m = train(&refs, &TrainParams::default());
        assert!(m.score(&data[0].features) > m.score(&data[1].features));
    }
}
