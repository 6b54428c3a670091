//! Two `tunegate run` processes sharing one PostgreSQL database, as a bot past one process
//! runs: shards 0-0 and 1-1 of 2 against one fake Discord, which sends each guild's events to
//! the session of its shard (`(guild_id >> 22) % 2`).
//!
//! - walkthroughs run in servers on both shards, each in the process that runs its shard;
//! - a chat message both processes receive (Discord replays it to a new session during a
//!   deploy) records one walkthrough and opens one thread;
//! - two clicks on one question racing through both processes record one answer;
//! - a process killed with SIGKILL mid-walkthrough comes back and the walkthrough goes on;
//! - an idle walkthrough's reminder and a decision's follow-up are each posted once, although
//!   both processes sweep.
//!
//! Needs PostgreSQL (see `support/postgres.rs`): without it the tests print SKIPPED, unless
//! `TUNEGATE_TEST_POSTGRES=required` (CI).

#[path = "support/db.rs"]
mod db;
mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use sqlx::PgPool;
use support::bot::*;
use support::fake_discord::payloads::{self, Invoker};
use support::fake_discord::*;
use support::process::{BotProcess, bot_env, private_binary, tail};
use support::walk::{answer, click_to_verdict_as, is_private_notice};

const PROPOSAL: &str = "we should fine-tune the model on our tickets";

/// A fake Discord with a guild on each shard of two: [`SHARD_ZERO_GUILD_ID`] on shard 0,
/// [`GUILD_ID`] on shard 1.
async fn fake_with_two_shards() -> FakeDiscord {
    let guilds = vec![FakeGuild::on_shard_zero(), FakeGuild::main()];
    assert_eq!(shard(SHARD_ZERO_GUILD_ID), 0);
    assert_eq!(shard(GUILD_ID), 1);
    FakeDiscord::start_with(FakeConfig {
        guilds,
        ..FakeConfig::default()
    })
    .await
}

/// The shard of two that Discord sends a guild's events to.
fn shard(guild_id: u64) -> u64 {
    (guild_id >> 22) % 2
}

/// Two bot processes, one per shard, on one PostgreSQL database.
struct TwoProcesses {
    fake: FakeDiscord,
    pool: PgPool,
    binary: PathBuf,
    env: Vec<(String, String)>,
    dir: tempfile::TempDir,
    /// The processes running shard 0 and shard 1.
    running: [Option<BotProcess>; 2],
}

impl TwoProcesses {
    /// Starts both processes (shard 0 first, as the README's compose file does), with the
    /// extra settings `extra`; `None` when PostgreSQL is not available (SKIPPED was said).
    async fn start(test: &str, extra: &[(&str, &str)]) -> Option<TwoProcesses> {
        let url = db::postgres::fresh_database(test).await?;
        let fake = fake_with_two_shards().await;
        let dir = tempfile::tempdir().unwrap();
        let binary = private_binary(dir.path());
        let mut env = bot_env(&fake, &url, TOKEN);
        env.push(("TUNEGATE_DISCORD__SHARD_TOTAL".into(), "2".into()));
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let pool = PgPool::connect(&url).await.expect("connect to PostgreSQL");
        let mut both = TwoProcesses {
            fake,
            pool,
            binary,
            env,
            dir,
            running: [None, None],
        };
        both.launch(0).await;
        both.launch(1).await;
        Some(both)
    }

    fn log(&self, shard: u64) -> PathBuf {
        self.dir.path().join(format!("shard-{shard}.log"))
    }

    /// Starts the process of `shard` and waits until its session is connected (and, for shard
    /// 0, until it registered the commands: only that process does).
    async fn launch(&mut self, shard: u64) {
        let mut env = self.env.clone();
        env.push((
            "TUNEGATE_DISCORD__SHARDS".into(),
            format!("{shard}-{shard}"),
        ));
        let identifies = self.fake.identify_count();
        let log = self.log(shard);
        let process = if shard == 0 {
            BotProcess::start(
                &self.binary,
                &self.fake,
                self.dir.path(),
                &env,
                "info",
                &log,
            )
            .await
        } else {
            let process =
                BotProcess::spawn(&self.binary, self.dir.path(), &env, "info", &log).await;
            let up = self
                .fake
                .wait_until(WAIT, |f| {
                    f.identify_count() > identifies && f.live_shards().contains(&shard)
                })
                .await;
            assert!(
                up,
                "shard {shard}'s process did not connect:\n{}",
                tail(&log)
            );
            process
        };
        let identified = self.fake.identifies();
        assert_eq!(
            identified.last().and_then(|i| i.shard),
            Some([shard, 2]),
            "the process identifies for its own shard only"
        );
        self.running[shard as usize] = Some(process);
    }

    /// How many times the process of `shard` logged that it started a walkthrough.
    fn started_by(&self, shard: u64) -> usize {
        std::fs::read_to_string(self.log(shard))
            .unwrap_or_default()
            .matches("walkthrough started")
            .count()
    }

    /// How many walkthroughs each process started, once the counts satisfy `done` (a process
    /// logs just after its first question is posted), or as they are after five seconds.
    async fn started(&self, done: impl Fn((usize, usize)) -> bool) -> (usize, usize) {
        let mut seen = (0, 0);
        for _ in 0..50 {
            seen = (self.started_by(0), self.started_by(1));
            if done(seen) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        seen
    }

    async fn count(&self, sql: &'static str) -> i64 {
        let counted: Result<i64, _> = sqlx::query_scalar::<sqlx::Postgres, i64>(sql)
            .fetch_one(&self.pool)
            .await;
        counted.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Every log line of both processes, for failure messages.
    fn logs(&self) -> String {
        format!("{}\n---\n{}", tail(&self.log(0)), tail(&self.log(1)))
    }
}

/// A proposal by alice in the text channel of `guild`.
fn proposal_in(guild: u64, channel: u64) -> Value {
    payloads::guild_message_in(guild, channel, &ALICE, &[], PROPOSAL)
}

/// Alice, clicking in `thread` of `guild`.
fn alice_in(guild: u64, thread: u64) -> Invoker {
    Invoker {
        guild_id: guild,
        ..invoker(ALICE, vec![], thread)
    }
}

/// The POSTs of the bot in `channel` whose text contains `needle`.
fn posts_containing(fake: &FakeDiscord, channel: u64, needle: &str) -> usize {
    fake.requests_to("POST", &format!("/channels/{channel}/messages"))
        .iter()
        .filter(|r| r.status < 300)
        .filter(|r| {
            r.body
                .as_ref()
                .and_then(|b| b["content"].as_str())
                .is_some_and(|c| c.contains(needle))
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walkthroughs_run_on_both_shards_and_a_message_both_processes_see_opens_one_thread() {
    let Some(both) = TwoProcesses::start("two_processes_shards", &[]).await else {
        return;
    };
    let fake = &both.fake;

    // A proposal in each server: each is taken by the process that runs the server's shard.
    let (thread_zero, first_zero) = fake
        .propose_with(proposal_in(SHARD_ZERO_GUILD_ID, SHARD_ZERO_CHANNEL_ID))
        .await;
    assert_eq!(both.started(|c| c == (1, 0)).await, (1, 0));
    let (thread_one, first_one) = fake.propose_with(proposal_in(GUILD_ID, CHANNEL_ID)).await;
    assert_eq!(both.started(|c| c == (1, 1)).await, (1, 1));
    // Each walkthrough takes its answers through its own process.
    for (guild, thread, first) in [
        (SHARD_ZERO_GUILD_ID, thread_zero, &first_zero),
        (GUILD_ID, thread_one, &first_one),
    ] {
        let callback = answer(fake, first, &alice_in(guild, thread)).await;
        assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
    }
    assert_eq!(both.count("SELECT count(*) FROM answers").await, 2);

    // One message delivered to both sessions: one walkthrough, one thread.
    let message = proposal_in(GUILD_ID, CHANNEL_ID);
    let message_id: u64 = message["id"].as_str().unwrap().parse().unwrap();
    let threads_path = format!("/messages/{message_id}/threads");
    fake.dispatch_to_every_session("MESSAGE_CREATE", message)
        .await;
    let opened = fake
        .wait_for_request(|r| r.is("POST", &threads_path), WAIT)
        .await;
    assert!(opened.is_some(), "no thread opened:\n{}", both.logs());
    // Give the slower process every chance to open a second one.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        fake.requests_to("POST", &threads_path).len(),
        1,
        "one thread"
    );
    let recorded: i64 =
        sqlx::query_scalar("SELECT count(*) FROM walkthroughs WHERE message_id = $1")
            .bind(message_id as i64)
            .fetch_one(&both.pool)
            .await
            .unwrap();
    assert_eq!(recorded, 1, "one walkthrough:\n{}", both.logs());
    let (zero, one) = both.started(|(z, o)| z + o >= 3).await;
    assert_eq!(
        zero + one,
        3,
        "one more walkthrough started, by either process"
    );
    assert_eq!(fake.spec_violations(), Vec::<String>::new());
    assert_eq!(fake.unhandled_routes(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_clicks_through_both_processes_record_one_answer_and_a_killed_process_comes_back() {
    let Some(mut both) = TwoProcesses::start("two_processes_race", &[]).await else {
        return;
    };
    let (thread, first) = both
        .fake
        .propose_with(proposal_in(GUILD_ID, CHANNEL_ID))
        .await;
    let alice = alice_in(GUILD_ID, thread);
    let mut question = first;
    // The goal and two gates, each clicked twice at once: one click through each process.
    for round in 0..3 {
        let before = both.count("SELECT count(*) FROM answers").await;
        let mark = both.fake.mark();
        let twin = |_| {
            let ids = custom_ids(&question);
            let click = if let Some(pick) = ids.iter().find(|id| id.ends_with(":pick")) {
                payloads::select_choice(pick, &["tone_style"], &question)
            } else {
                payloads::button_click(&id_ending(&question, "yes"), &question)
            };
            payloads::with_invoker(click, &alice)
        };
        let (a, b) = (twin(0), twin(1));
        let paths = [a.clone(), b.clone()].map(|i| {
            let (id, _) = payloads::id_and_token(&i);
            format!("/interactions/{id}/")
        });
        tokio::join!(
            both.fake.dispatch_to_shard(0, "INTERACTION_CREATE", a),
            both.fake.dispatch_to_shard(1, "INTERACTION_CREATE", b),
        );
        let mut callbacks = Vec::new();
        for path in &paths {
            let callback = both
                .fake
                .wait_for_request(|r| r.is("POST", path), WAIT)
                .await;
            callbacks.push(callback.unwrap_or_else(|| {
                panic!("round {round}: no answer to a click:\n{}", both.logs())
            }));
        }
        let taken = callbacks
            .iter()
            .filter(|c| c.callback() == Some(Callback::UpdateMessage))
            .count();
        assert_eq!(taken, 1, "round {round}: one click is taken");
        assert_eq!(
            callbacks.iter().filter(|c| is_private_notice(c)).count(),
            1,
            "round {round}: the other gets a private notice"
        );
        assert_eq!(
            both.count("SELECT count(*) FROM answers").await,
            before + 1,
            "round {round}: one answer recorded:\n{}",
            both.logs()
        );
        question = both.fake.posted_in(mark, thread).await;
    }

    // SIGKILL the process of the walkthrough's shard, mid-walkthrough; start it again.
    both.running[1].take().unwrap().kill().await;
    both.launch(1).await;
    let mark = both.fake.mark();
    let callback = answer(&both.fake, &question, &alice).await;
    assert_eq!(
        callback.callback(),
        Some(Callback::UpdateMessage),
        "the restarted process takes the next answer:\n{}",
        both.logs()
    );
    both.fake.posted_in(mark, thread).await;
    assert_eq!(both.count("SELECT count(*) FROM answers").await, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_and_a_follow_up_are_posted_once_although_both_processes_sweep() {
    // Reminders after one idle minute (each process then sweeps every 15 s), follow-ups one
    // second after a verdict (each process looks every 2 s).
    let settings = [
        ("TUNEGATE_DISCORD__REMINDER_AFTER_MINUTES", "1"),
        ("TUNEGATE_OUTCOMES__FOLLOW_UP_AFTER", "1s"),
    ];
    let Some(both) = TwoProcesses::start("two_processes_sweeps", &settings).await else {
        return;
    };
    let fake = &both.fake;
    // A decision in the server of shard 0: its follow-up.
    let (decided, first) = fake
        .propose_with(proposal_in(SHARD_ZERO_GUILD_ID, SHARD_ZERO_CHANNEL_ID))
        .await;
    let alice = alice_in(SHARD_ZERO_GUILD_ID, decided);
    click_to_verdict_as(
        fake,
        &alice,
        decided,
        &first,
        ["yes", "no", "yes", "yes"],
        &["d1"],
    )
    .await;
    // An idle walkthrough in the server of shard 1: its reminder. Its last activity is moved
    // two minutes back, as if nobody had answered since.
    let (idle, _) = fake.propose_with(proposal_in(GUILD_ID, CHANNEL_ID)).await;
    let backdated = sqlx::query(
        "UPDATE walkthroughs SET updated_at = $1 WHERE thread_id = $2 AND status = 'open'",
    )
    .bind(tunegate::store::format_time(
        chrono::Utc::now() - chrono::Duration::minutes(2),
    ))
    .bind(idle as i64)
    .execute(&both.pool)
    .await
    .unwrap();
    assert_eq!(backdated.rows_affected(), 1);

    let follow_up = "Did the prompt work";
    let reminder = "still waiting";
    let both_posted = fake
        .wait_until(Duration::from_secs(45), |f| {
            posts_containing(f, decided, follow_up) > 0 && posts_containing(f, idle, reminder) > 0
        })
        .await;
    assert!(
        both_posted,
        "follow-ups {}, reminders {}:\n{}",
        posts_containing(fake, decided, follow_up),
        posts_containing(fake, idle, reminder),
        both.logs()
    );
    // Both processes sweep again (every 15 s at most) before the counts are taken.
    tokio::time::sleep(Duration::from_secs(20)).await;
    assert_eq!(
        posts_containing(fake, decided, follow_up),
        1,
        "one follow-up"
    );
    assert_eq!(posts_containing(fake, idle, reminder), 1, "one reminder");
}
