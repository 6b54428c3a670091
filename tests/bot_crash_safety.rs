//! Crash safety: the real `tunegate run` process, under a scripted load of walkthroughs, is
//! killed with SIGKILL at random moments and restarted on the same database, again and again.
//!
//! Afterwards every click Discord saw acknowledged is recorded exactly once, every click that
//! was refused is not recorded, no decision is lost, duplicated or half-written, every open
//! walkthrough takes its next click, and SQLite's integrity check passes.
//!
//! `TUNEGATE_CRASH_KILLS` (default 40) sets the number of kills and `TUNEGATE_CRASH_SEED` the
//! seed of the random moments; a failure prints the seed to replay it.

mod support;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::SqlitePool;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use support::process::{BotProcess, bot_env, private_binary, tail};
use tunegate::checklist::{GateAnswer, Step};
use tunegate::discord::custom_id::{Action, ComponentId};
use tunegate::store::{Store, WalkthroughId};

const DEFAULT_KILLS: usize = 40;
const DEFAULT_SEED: u64 = 0x7e57_c0de;

/// What the tests say in chat; each one opens a walkthrough.
const PROPOSALS: [&str; 4] = [
    "we should fine-tune the model",
    "can we fine-tune a smaller model?",
    "should we fine-tune a smaller model for this?",
    "let's finetune it on our data",
];

/// SplitMix64: a tiny seeded generator, so a failing run can be replayed exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A click the load sent: which interaction, on which walkthrough.
#[derive(Debug, Clone)]
struct Click {
    interaction_id: String,
    walkthrough_id: WalkthroughId,
    /// "Back" moves the walkthrough without recording an answer.
    back: bool,
}

/// An open walkthrough as the database has it.
#[derive(Debug, Clone)]
struct Open {
    id: WalkthroughId,
    step: Step,
    /// Where its buttons are: its thread, else the channel it started in.
    home: Option<u64>,
}

async fn open_walkthroughs(pool: &SqlitePool) -> Vec<Open> {
    let rows: Vec<(WalkthroughId, String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, current_step, thread_id, channel_id FROM walkthroughs WHERE status = 'open'",
    )
    .fetch_all(pool)
    .await
    .expect("read open walkthroughs");
    rows.into_iter()
        .map(|(id, step, thread, channel)| Open {
            id,
            step: Step::from_key(&step).expect("a known step"),
            home: thread.or(channel).map(|h| h as u64),
        })
        .collect()
}

/// The scripted load: people proposing in chat and clicking through their walkthroughs,
/// sometimes on an old question, sometimes twice, sometimes going back.
struct Load {
    rng: Rng,
    clicks: Vec<Click>,
    /// Interactions already sent, to send one again (as a double delivery would).
    sent: Vec<Value>,
    proposals: usize,
}

impl Load {
    /// Acts until the future is dropped (when the bot is killed).
    async fn run(&mut self, fake: &FakeDiscord, pool: &SqlitePool) {
        loop {
            self.act(fake, pool).await;
        }
    }

    async fn act(&mut self, fake: &FakeDiscord, pool: &SqlitePool) {
        let open = open_walkthroughs(pool).await;
        let clickable: Vec<&Open> = open
            .iter()
            .filter(|w| w.home.is_some_and(|h| !fake.messages_in(h).is_empty()))
            .collect();
        if clickable.len() < 4 || self.rng.chance(10) {
            let text = PROPOSALS[self.rng.below(PROPOSALS.len() as u64) as usize];
            let mark = fake.requests().len();
            fake.dispatch("MESSAGE_CREATE", payloads::guild_message(&ALICE, text))
                .await;
            self.proposals += 1;
            fake.wait_for_request(
                |r| r.index >= mark && r.is("POST", "/messages"),
                Duration::from_millis(300),
            )
            .await;
            return;
        }
        if self.rng.chance(5) && !self.sent.is_empty() {
            let again = self.sent[self.rng.below(self.sent.len() as u64) as usize].clone();
            fake.dispatch("INTERACTION_CREATE", again).await;
            return;
        }
        let w = clickable[self.rng.below(clickable.len() as u64) as usize].clone();
        let home = w.home.expect("clickable walkthroughs have a home");
        let step = if self.rng.chance(10) {
            // An old button, one question back.
            Step::ALL
                .iter()
                .copied()
                .take_while(|s| *s != w.step)
                .last()
                .unwrap_or(w.step)
        } else {
            w.step
        };
        let back = self.rng.chance(8) && !matches!(step, Step::Goal);
        let interaction = click_for(&mut self.rng, fake, w.id, step, back, home);
        let (id, _) = payloads::id_and_token(&interaction);
        self.clicks.push(Click {
            interaction_id: id.clone(),
            walkthrough_id: w.id,
            back,
        });
        self.sent.push(interaction.clone());
        fake.dispatch("INTERACTION_CREATE", interaction).await;
        let path = format!("/interactions/{id}/");
        fake.wait_for_request(|r| r.is("POST", &path), Duration::from_millis(300))
            .await;
    }
}

/// An interaction answering `step` of walkthrough `id` (or going back from it), clicked by
/// its requester in `home` on the latest message the bot posted there.
fn click_for(
    rng: &mut Rng,
    fake: &FakeDiscord,
    id: WalkthroughId,
    step: Step,
    back: bool,
    home: u64,
) -> Value {
    let message = fake
        .messages_in(home)
        .pop()
        .or_else(|| fake.messages_in(CHANNEL_ID).pop())
        .unwrap_or_else(|| payloads::guild_message(&ALICE, "a message the bot posted elsewhere"));
    let alice = Invoker {
        user: ALICE,
        roles: vec![],
        channel_id: home,
        ..Invoker::default()
    };
    let custom = |action| ComponentId::new(id, step, action).to_string();
    let interaction = if back {
        payloads::button_click(&custom(Action::Back), &message)
    } else {
        match step {
            Step::Goal => {
                let goal = [
                    "tone_style",
                    "output_format",
                    "business_rules",
                    "edge_cases",
                ][rng.below(4) as usize];
                payloads::select_choice(&custom(Action::PickGoal), &[goal], &message)
            }
            Step::Gate(_) => {
                let answer =
                    [GateAnswer::Yes, GateAnswer::No, GateAnswer::NotSure][rng.below(3) as usize];
                payloads::button_click(&custom(Action::Gate(answer)), &message)
            }
            Step::Drivers if rng.chance(30) => {
                payloads::button_click(&custom(Action::NoDrivers), &message)
            }
            _ => {
                let drivers = [["d1", "d3"], ["d2", "d4"], ["d1", "d2"]][rng.below(3) as usize];
                payloads::select_choice(&custom(Action::PickDrivers), &drivers, &message)
            }
        }
    };
    payloads::with_invoker(interaction, &alice)
}

async fn answer_count(pool: &SqlitePool) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM answers")
        .fetch_one(pool)
        .await
        .expect("count answers");
    n
}

/// How Discord saw a click answered: the `type` of its first accepted callback.
fn callback_types(fake: &FakeDiscord) -> HashMap<String, Option<Callback>> {
    let mut types = HashMap::new();
    for r in fake.requests() {
        let mut segments = r.path.split('/').filter(|s| !s.is_empty());
        if r.method == "POST"
            && r.status < 300
            && segments.next() == Some("interactions")
            && r.path.ends_with("/callback")
            && let Some(id) = segments.next()
        {
            types.entry(id.to_string()).or_insert(r.callback());
        }
    }
    types
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_bot_at_random_moments_loses_and_duplicates_nothing() {
    let kills: usize = env_or("TUNEGATE_CRASH_KILLS", DEFAULT_KILLS);
    let seed: u64 = env_or("TUNEGATE_CRASH_SEED", DEFAULT_SEED);
    eprintln!("crash safety: {kills} kills, seed {seed} (TUNEGATE_CRASH_SEED={seed} replays it)");
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("t.db").display());
    let log = dir.path().join("bot.log");
    let binary = private_binary(dir.path());
    let store = Store::open_url(&db_url).await.unwrap();
    let pool = store.sqlite_pool().expect("a SQLite store").clone();
    let env = bot_env(&fake, &db_url, TOKEN);
    let mut rng = Rng(seed);
    let mut load = Load {
        rng: Rng(seed ^ 0x5eed),
        clicks: Vec::new(),
        sent: Vec::new(),
        proposals: 0,
    };

    for _ in 0..kills {
        let bot =
            BotProcess::start(&binary, &fake, dir.path(), &env, "warn,tunegate=info", &log).await;
        let mark = fake.requests().len();
        let answers = answer_count(&pool).await;
        let moment = async {
            match rng.below(3) {
                // A random moment in time.
                0 => tokio::time::sleep(Duration::from_millis(rng.below(800))).await,
                // Right after Discord saw the bot's n-th request: between a callback and the
                // next question, a thread and its first message, ...
                1 => {
                    let n = 1 + rng.below(12) as usize;
                    let wait = Duration::from_secs(5);
                    fake.wait_until(wait, |f| f.requests().len() >= mark + n)
                        .await;
                }
                // As soon as an answer is committed, before its callback if we are quick.
                _ => {
                    let deadline = Instant::now() + Duration::from_secs(5);
                    while answer_count(&pool).await == answers && Instant::now() < deadline {
                        tokio::time::sleep(Duration::from_millis(1)).await;
                    }
                }
            }
        };
        tokio::select! {
            () = load.run(&fake, &pool) => {}
            () = moment => {}
        }
        bot.kill().await;
    }

    // The last process runs until the end; every open walkthrough takes its next click.
    let bot = BotProcess::start(&binary, &fake, dir.path(), &env, "warn,tunegate=info", &log).await;
    let open = open_walkthroughs(&pool).await;
    let mut continued = Vec::new();
    for w in &open {
        let home = w.home.expect("a Discord walkthrough has a channel");
        let interaction = click_for(&mut load.rng, &fake, w.id, w.step, false, home);
        let (id, _) = payloads::id_and_token(&interaction);
        fake.dispatch("INTERACTION_CREATE", interaction).await;
        let path = format!("/interactions/{id}/");
        let callback = fake
            .wait_for_request(|r| r.is("POST", &path), support::bot::WAIT)
            .await
            .unwrap_or_else(|| {
                panic!(
                    "no answer to the next click on #{}; log:\n{}",
                    w.id,
                    tail(&log)
                )
            });
        assert_eq!(
            callback.callback(),
            Some(Callback::UpdateMessage),
            "walkthrough #{} at {} did not take its next click: {:?}",
            w.id,
            w.step,
            callback.body
        );
        continued.push((id, w.id));
    }
    let status = bot.terminate().await;
    assert!(
        status.success(),
        "the last process stops cleanly: {status:?}\n{}",
        tail(&log)
    );

    // ---- What the database holds ----
    assert_eq!(store.integrity_check().await.unwrap(), vec!["ok"]);
    // Only this build's migrations ran: the processes were the code under test.
    let applied: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations")
        .fetch_all(&pool)
        .await
        .unwrap();
    let known: Vec<i64> = tunegate::store::MIGRATOR
        .iter()
        .map(|m| m.version)
        .collect();
    assert!(
        applied.iter().all(|(v,)| known.contains(v)),
        "{applied:?} vs {known:?}"
    );
    let answers: Vec<(WalkthroughId, String, Option<String>)> =
        sqlx::query_as("SELECT walkthrough_id, step, interaction_id FROM answers")
            .fetch_all(&pool)
            .await
            .unwrap();
    let mut recorded: HashMap<String, (WalkthroughId, usize)> = HashMap::new();
    for (walkthrough, _, interaction) in &answers {
        let interaction = interaction
            .clone()
            .expect("every Discord answer has its interaction");
        recorded.entry(interaction).or_insert((*walkthrough, 0)).1 += 1;
    }
    let sent: HashSet<&str> = load
        .clicks
        .iter()
        .map(|c| c.interaction_id.as_str())
        .chain(continued.iter().map(|(id, _)| id.as_str()))
        .collect();
    for interaction in recorded.keys() {
        assert!(
            sent.contains(interaction.as_str()),
            "answer from an unknown interaction {interaction}"
        );
    }

    // Every click: acknowledged (7, or 6 for a repeat) => recorded exactly once, on its own
    // walkthrough; refused (4) => not recorded; never answered => either.
    let callbacks = callback_types(&fake);
    let (mut acknowledged, mut refused, mut silent_recorded, mut silent_lost) = (0, 0, 0, 0);
    let all_clicks = load
        .clicks
        .iter()
        .cloned()
        .chain(continued.iter().map(|(id, w)| Click {
            interaction_id: id.clone(),
            walkthrough_id: *w,
            back: false,
        }));
    for click in all_clicks {
        let found = recorded.get(&click.interaction_id);
        if click.back {
            assert_eq!(found, None, "going back records no answer: {click:?}");
            continue;
        }
        match callbacks.get(&click.interaction_id) {
            Some(Some(Callback::DeferredUpdate | Callback::UpdateMessage)) => {
                acknowledged += 1;
                assert_eq!(
                    found,
                    Some(&(click.walkthrough_id, 1)),
                    "acknowledged click {click:?} must be recorded exactly once"
                );
            }
            Some(Some(Callback::Message)) => {
                refused += 1;
                assert_eq!(found, None, "refused click {click:?} must not be recorded");
            }
            Some(other) => panic!("unexpected callback {other:?} for {click:?}"),
            None if found.is_some() => silent_recorded += 1,
            None => silent_lost += 1,
        }
    }

    // Decisions: one per decided walkthrough, complete, and none anywhere else.
    let walkthroughs: Vec<(WalkthroughId, String, String)> =
        sqlx::query_as("SELECT id, status, current_step FROM walkthroughs")
            .fetch_all(&pool)
            .await
            .unwrap();
    let decisions: Vec<(WalkthroughId,)> = sqlx::query_as("SELECT walkthrough_id FROM decisions")
        .fetch_all(&pool)
        .await
        .unwrap();
    let decided_ids: HashSet<WalkthroughId> = decisions.iter().map(|(id,)| *id).collect();
    assert_eq!(
        decided_ids.len(),
        decisions.len(),
        "one decision per walkthrough"
    );
    let mut decided = 0;
    for (id, status, step) in &walkthroughs {
        let record = store
            .walkthrough(*id)
            .await
            .expect("every walkthrough loads");
        let steps: HashSet<&str> = answers
            .iter()
            .filter(|(w, _, _)| w == id)
            .map(|(_, s, _)| s.as_str())
            .collect();
        if status == "decided" {
            decided += 1;
            assert!(
                decided_ids.contains(id),
                "decided #{id} has its decision row"
            );
            assert_eq!(step, "done");
            assert_eq!(
                steps.len(),
                6,
                "decided #{id} has an answer to every question"
            );
            assert!(record.answers.complete().is_some());
        } else {
            assert!(
                !decided_ids.contains(id),
                "#{id} is {status} but has a decision"
            );
            // Every question before the current one has an answer: no half-written move.
            let before: Vec<&str> = Step::ALL
                .iter()
                .take_while(|s| s.key() != step)
                .map(|s| s.key())
                .collect();
            assert!(
                before.iter().all(|s| steps.contains(s)),
                "#{id} at {step} is missing an answer: has {steps:?}"
            );
        }
    }
    // One thread per chat message, however the crashes fell.
    let mut threads_per_message: HashMap<String, usize> = HashMap::new();
    for r in fake.requests_to("POST", "/threads") {
        if r.status < 300 {
            *threads_per_message.entry(r.path.clone()).or_default() += 1;
        }
    }
    assert!(
        threads_per_message.values().all(|n| *n == 1),
        "{threads_per_message:?}"
    );
    assert!(
        fake.spec_violations().is_empty(),
        "{:?}",
        fake.spec_violations()
    );

    eprintln!(
        "crash safety: {kills} kills in {:.0?}; {} proposals, {} walkthroughs ({decided} decided, \
         {} continued after the last restart); clicks: {acknowledged} acknowledged, {refused} \
         refused, {silent_recorded} recorded but killed before the callback, {silent_lost} lost \
         with the process",
        started.elapsed(),
        load.proposals,
        walkthroughs.len(),
        open.len(),
    );
    assert!(decided >= 3, "the load reached verdicts ({decided})");
    assert!(acknowledged >= 30, "the load clicked ({acknowledged})");
}
