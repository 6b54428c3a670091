//! What the fine-tune proposal detector costs per message, on a realistic mix of chat.
//!
//! `cargo bench --bench detect` generates 4,000 messages (`TUNEGATE_BENCH_MESSAGES` for another
//! number) deterministically (a fixed-seed
//! xorshift): 95% ordinary chat in English, French, German and Spanish — including everyday
//! lookalikes such as "that's fine", "after", "left", "find" — and 5% with a proposal sentence
//! somewhere inside. Lengths run from 20 to 2,000 characters, most of them short, as in chat:
//! 70% up to 200, 25% up to 800, 5% up to 2,000.
//!
//! It prints the median and 99th percentile time per message for the messages the detector
//! rejects without analysis ("no trigger vocabulary") and for the others, then the throughput
//! over the whole mix next to the time to merely lowercase the same messages, in the same run.
//! For the analysed messages it also prints the time of the hand-written rules alone
//! (`detect_rules`), so the cost of the learned model shows; and the size of the model file.
//! Targets: without vocabulary at most 2x the time of lowercasing the same message; with it,
//! median under 20 µs including the model.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tunegate::detect::Detector;

/// How many messages, unless `TUNEGATE_BENCH_MESSAGES` says otherwise (a profiler run under
/// valgrind takes a few hundred).
const DEFAULT_MESSAGES: usize = 4_000;
const REPEATS_PER_MESSAGE: u32 = 20;
const PASSES: u32 = 10;

const CHAT: &[&str] = &[
    "ok that's fine by me",
    "lunch at 12?",
    "can someone review my PR when they have a minute",
    "the deploy finished after the retry",
    "I left a comment on the design doc",
    "did anyone find the link to the dashboard",
    "final numbers are in the sheet",
    "standup moved to 10:30 today",
    "thanks! 🙏",
    "the staging database is slow again, looking into it",
    "let's sync tomorrow about the roadmap",
    "merged, thanks for the quick review",
    "the customer wants a call on Friday",
    "I'm out this afternoon, ping me on my phone",
    "can we move the retro to Thursday?",
    "the build is green again",
    "who owns the billing service these days?",
    "c'est bon pour moi, on en parle demain",
    "je regarde le ticket cet après-midi",
    "la démo est à 15h, lien dans le calendrier",
    "passt, ich schaue es mir später an",
    "das Meeting ist auf morgen verschoben",
    "kannst du den PR reviewen?",
    "vale, lo reviso después de comer",
    "la reunión es a las cuatro",
    "¿alguien sabe dónde está el enlace del panel?",
    "the soft launch is next week",
    "after the outage we added two alerts",
    "I'll draft the release notes",
    "the graph on the left looks odd",
];

const PROPOSALS: &[&str] = &[
    "I think we should fine-tune a small model on the support tickets.",
    "maybe fine-tuning would help with the tone?",
    "can we FT a smaller model for the router?",
    "why don't we train our own model for this?",
    "a LoRA on our tickets would fix the formatting.",
    "on devrait fine-tuner le modèle sur nos données.",
    "wir sollten das Modell auf unseren Daten feintunen.",
    "deberíamos hacer fine-tuning del modelo con nuestros tickets.",
    "let's finetune llama on our FAQ data",
    "should we fine-tune instead of growing the prompt?",
];

/// A small deterministic generator: the same messages on every run and every machine.
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
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn target_length(rng: &mut XorShift) -> usize {
    match rng.below(100) {
        0..=69 => 20 + rng.below(181),
        70..=94 => 200 + rng.below(601),
        _ => 800 + rng.below(1201),
    }
}

/// The messages, each with whether a proposal sentence was put in it. Chat snippets are joined
/// as sentences (". " or a line break); a proposal is inserted between two of them.
fn generate(rng: &mut XorShift, count: usize) -> Vec<(String, bool)> {
    (0..count)
        .map(|_| {
            let proposal = (rng.below(100) < 5).then(|| rng.pick(PROPOSALS));
            // A proposal sentence is part of the length budget, so no message exceeds 2,000.
            let budget =
                target_length(rng).saturating_sub(proposal.map_or(0, |p| p.chars().count() + 1));
            let mut text = String::new();
            let mut boundaries = vec![0];
            while text.chars().count() < budget {
                text.push_str(rng.pick(CHAT));
                let ends_sentence = text.ends_with(['?', '!', '.']);
                text.push_str(match (ends_sentence, rng.below(3)) {
                    (_, 0) => "\n",
                    (true, _) => " ",
                    (false, _) => ". ",
                });
                boundaries.push(text.len());
            }
            let cut = text
                .char_indices()
                .nth(budget)
                .map_or(text.len(), |(i, _)| i);
            text.truncate(cut);
            boundaries.retain(|&b| b <= cut);
            if let Some(p) = proposal {
                let at = boundaries[rng.below(boundaries.len())];
                text.insert_str(at, &format!("{p} "));
            }
            (text, proposal.is_some())
        })
        .collect()
}

fn per_message_rules(detector: &Detector, text: &str) -> Duration {
    let start = Instant::now();
    for _ in 0..REPEATS_PER_MESSAGE {
        black_box(detector.detect_rules(black_box(text)));
    }
    start.elapsed() / REPEATS_PER_MESSAGE
}

fn per_message_lowercase(text: &str) -> Duration {
    let start = Instant::now();
    for _ in 0..REPEATS_PER_MESSAGE {
        black_box(black_box(text).to_lowercase());
    }
    start.elapsed() / REPEATS_PER_MESSAGE
}

fn per_message(detector: &Detector, text: &str) -> Duration {
    let start = Instant::now();
    for _ in 0..REPEATS_PER_MESSAGE {
        black_box(detector.detect(black_box(text)));
    }
    start.elapsed() / REPEATS_PER_MESSAGE
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn main() {
    // Every language, nothing configured: the shipped defaults.
    let settings = tunegate::detect::training_settings();
    let Ok(detector) = Detector::new(&settings) else {
        eprintln!("the default settings do not build a detector");
        std::process::exit(1);
    };
    let mut rng = XorShift(0x7075_6e65_6761_7465);
    let count = std::env::var("TUNEGATE_BENCH_MESSAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_MESSAGES);
    let generated = generate(&mut rng, count);
    let proposals = generated.iter().filter(|(_, p)| *p).count();
    let messages: Vec<String> = generated.into_iter().map(|(text, _)| text).collect();
    let bytes: usize = messages.iter().map(String::len).sum();

    let mut quiet = Vec::new();
    let mut quiet_lower = Vec::new();
    let mut analysed = Vec::new();
    let mut analysed_rules = Vec::new();
    let mut triggered = 0;
    for text in &messages {
        let d = detector.detect(text);
        triggered += usize::from(d.triggered);
        let t = per_message(&detector, text);
        if d.reason == "no trigger vocabulary" {
            quiet.push(t);
            quiet_lower.push(per_message_lowercase(text));
        } else {
            analysed.push(t);
            analysed_rules.push(per_message_rules(&detector, text));
        }
    }
    quiet.sort();
    quiet_lower.sort();
    analysed.sort();
    analysed_rules.sort();

    let mut detect_time = Duration::ZERO;
    let mut lower_time = Duration::ZERO;
    for _ in 0..PASSES {
        let start = Instant::now();
        for text in &messages {
            black_box(detector.detect(black_box(text)));
        }
        detect_time += start.elapsed();
        let start = Instant::now();
        for text in &messages {
            black_box(black_box(text).to_lowercase());
        }
        lower_time += start.elapsed();
    }
    let mb = (bytes as f64 * f64::from(PASSES)) / 1e6;
    let detect_mbs = mb / detect_time.as_secs_f64();
    let lower_mbs = mb / lower_time.as_secs_f64();

    println!(
        "detect bench: {count} messages, {bytes} bytes; {proposals} hold a proposal, \
         {triggered} trigger"
    );
    println!(
        "  no trigger vocabulary:  {:>5} messages  median {:>8.0} ns  p99 {:>8.0} ns",
        quiet.len(),
        percentile(&quiet, 0.5).as_nanos(),
        percentile(&quiet, 0.99).as_nanos()
    );
    println!(
        "    lowercasing the same:                  median {:>8.0} ns  (detect takes {:.2}x)",
        percentile(&quiet_lower, 0.5).as_nanos(),
        percentile(&quiet, 0.5).as_secs_f64() / percentile(&quiet_lower, 0.5).as_secs_f64()
    );
    println!(
        "  with trigger vocabulary:{:>5} messages  median {:>8.0} ns  p99 {:>8.0} ns  (rules + model)",
        analysed.len(),
        percentile(&analysed, 0.5).as_nanos(),
        percentile(&analysed, 0.99).as_nanos()
    );
    println!(
        "    the rules alone:                       median {:>8.0} ns  p99 {:>8.0} ns",
        percentile(&analysed_rules, 0.5).as_nanos(),
        percentile(&analysed_rules, 0.99).as_nanos()
    );
    let model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/detect-model.bin");
    let model_bytes = std::fs::metadata(model_path).map_or(0, |m| m.len());
    println!(
        "  model {}: {model_bytes} bytes ({:.2} MB), embedded in the binary",
        tunegate::detect::embedded_model_id(),
        model_bytes as f64 / 1e6
    );
    println!(
        "  throughput: detect {detect_mbs:.0} MB/s, lowercase {lower_mbs:.0} MB/s \
         (detect takes {:.2}x the time of lowercasing)",
        detect_time.as_secs_f64() / lower_time.as_secs_f64()
    );
}
