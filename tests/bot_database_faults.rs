//! The database failing under a running bot: the file turns read-only, the disk fills up,
//! another process locks it, it cannot grow. The clicker gets a private "could not record,
//! try again", nothing is half-written, and the bot records again without a restart once the
//! fault clears.
//!
//! Read-only and disk-full faults are real when this machine allows it (root, `chattr`, tmpfs
//! mounts; see `support::db_faults`). Where it does not, those two tests say so on stderr and
//! run the SQLite-level emulation instead (a held EXCLUSIVE lock, a page cap), which the other
//! two tests always run.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::bot::*;
use support::db_faults::*;
use support::fake_discord::*;
use support::walk::*;
use tunegate::store::{Status, WalkthroughId};

/// The bot's pool size in these tests (`database.max_connections`).
const CONNECTIONS: u32 = 2;

/// A bot on `db` whose writes give up on a lock after 300 ms instead of 5 s.
async fn bot_on(db: Option<&Path>) -> BotHarness {
    BotHarness::start_on(db, |s| {
        s.database.busy_timeout_ms = 300;
        s.database.max_connections = CONNECTIONS;
    })
    .await
}

fn bot_pool(h: &BotHarness) -> sqlx::SqlitePool {
    h.running
        .as_ref()
        .expect("running")
        .bot()
        .app
        .store()
        .sqlite_pool()
        .expect("a SQLite store")
        .clone()
}

/// How many answers carry this interaction.
async fn answers_of(h: &BotHarness, interaction: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM answers WHERE interaction_id = ?")
        .bind(interaction)
        .fetch_one(h.store.sqlite_pool().expect("a SQLite store"))
        .await
        .unwrap();
    n
}

/// A walkthrough in progress: its thread, its id, the question on screen.
struct InProgress {
    thread: u64,
    id: WalkthroughId,
    question: Value,
}

async fn one_answer_in(h: &BotHarness) -> InProgress {
    let (thread, first) = propose(h, "we should fine-tune the model").await;
    let alice = invoker(ALICE, vec![], thread);
    let question = answer_and_next(h, thread, &first, &alice).await;
    InProgress {
        thread,
        id: walkthrough_of(&first),
        question,
    }
}

/// With the fault in place, clicks the question on screen until one is refused (each click
/// before that must have been recorded as usual); returns the refusal's text. Real faults
/// refuse the first click; the page cap may let a click through that fits in existing pages.
async fn clicks_until_refused(h: &BotHarness, w: &mut InProgress) -> String {
    let alice = invoker(ALICE, vec![], w.thread);
    for _ in 0..5 {
        let before = recorded(h, w.id).await;
        let mark = h.mark();
        let callback = answer(h, &w.question, &alice).await;
        let interaction = callback.path.split('/').nth(2).unwrap().to_string();
        if is_private_notice(&callback) {
            let after = recorded(h, w.id).await;
            assert_eq!(
                answers_of(h, &interaction).await,
                0,
                "a refused click records nothing"
            );
            assert_eq!(after.answers.len(), before.answers.len());
            assert_eq!(
                after.walkthrough.step, before.walkthrough.step,
                "the step did not move"
            );
            return callback_text(&callback);
        }
        assert_eq!(callback.callback(), Some(Callback::UpdateMessage));
        assert_eq!(
            answers_of(h, &interaction).await,
            1,
            "an accepted click is recorded"
        );
        w.question = h.posted_in(mark, w.thread).await;
        assert!(
            !custom_ids(&w.question).is_empty(),
            "the fault never refused a click"
        );
    }
    panic!("five clicks went through the database fault");
}

/// The refusal is private, says nothing was recorded and to try again.
fn assert_tells_to_try_again(text: &str) {
    assert!(text.contains("could not record"), "{text}");
    assert!(text.contains("try again"), "{text}");
}

/// After the fault cleared: the same question is answered, the walkthrough finishes, the
/// file is sound.
async fn recovers(h: &BotHarness, mut w: InProgress) {
    let alice = invoker(ALICE, vec![], w.thread);
    while !custom_ids(&w.question).is_empty() {
        w.question = answer_and_next(h, w.thread, &w.question, &alice).await;
    }
    let detail = recorded(h, w.id).await;
    assert_eq!(detail.walkthrough.status, Status::Decided);
    assert_eq!(detail.answers.len(), 6);
    assert!(detail.decision.is_some());
    assert_eq!(h.store.integrity_check().await.unwrap(), vec!["ok"]);
    h.assert_clean();
}

/// Emulated read-only: a lock another process holds (SQLITE_BUSY).
async fn locked_database_scenario() {
    let h = bot_on(None).await;
    let mut w = one_answer_in(&h).await;
    let lock = ExclusiveLock::take(&h.db_url).await;
    let text = clicks_until_refused(&h, &mut w).await;
    assert_tells_to_try_again(&text);
    assert!(text.contains("busy"), "{text}");
    lock.release().await;
    recovers(&h, w).await;
}

/// "Something else" described at length (4000 four-byte characters): an answer that needs
/// new pages, so a database that may not grow refuses it.
fn long_goal(id: WalkthroughId, thread: u64) -> Value {
    let text = "\u{1F9EA}".repeat(tunegate::checklist::walkthrough::MAX_DETAIL_CHARS);
    payloads::with_invoker(
        payloads::modal_submit(&format!("tg1:{id}:goal:describe"), &[("detail", &text)]),
        &invoker(ALICE, vec![], thread),
    )
}

/// Emulated disk full: a database that may not grow (SQLITE_FULL). Small answers may still
/// fit in the pages the file has, so the refused answer is a long goal description.
async fn capped_database_scenario() {
    let h = bot_on(None).await;
    let (thread, first) = propose(&h, "we should fine-tune the model").await;
    let id = walkthrough_of(&first);
    let pool = bot_pool(&h);
    cap_pages(
        h.store.sqlite_pool().expect("a SQLite store"),
        &pool,
        CONNECTIONS,
    )
    .await;
    let refused = h.interact(long_goal(id, thread)).await;
    assert!(is_private_notice(&refused), "{:?}", refused.body);
    let text = callback_text(&refused);
    assert_tells_to_try_again(&text);
    assert!(text.contains("full"), "{text}");
    let detail = recorded(&h, id).await;
    assert!(detail.answers.is_empty(), "nothing was half-written");
    assert_eq!(detail.walkthrough.step.key(), "goal");

    lift_page_limit(&pool, CONNECTIONS).await;
    let mark = h.mark();
    let accepted = h.interact(long_goal(id, thread)).await;
    assert_eq!(accepted.callback(), Some(Callback::UpdateMessage));
    let question = h.posted_in(mark, thread).await;
    recovers(
        &h,
        InProgress {
            thread,
            id,
            question,
        },
    )
    .await;
}

fn wal_of(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", db.display()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_database_refuses_clicks_privately_and_records_again_once_released() {
    locked_database_scenario().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_cannot_grow_refuses_clicks_privately_and_records_again_once_it_can() {
    capped_database_scenario().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_file_turned_read_only_refuses_clicks_and_recovers_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    if let Err(why) = Immutable::supported_in(dir.path()) {
        eprintln!(
            "NOT TESTED HERE: a real read-only database file ({why}); running the SQLite-level \
             emulation (a held EXCLUSIVE lock) instead"
        );
        return locked_database_scenario().await;
    }
    let db = dir.path().join("bot.db");
    let h = bot_on(Some(&db)).await;
    let mut w = one_answer_in(&h).await;
    let frozen = Immutable::set(&[db.clone(), wal_of(&db)]).expect("chattr +i");
    let text = clicks_until_refused(&h, &mut w).await;
    assert_tells_to_try_again(&text);
    assert!(
        !text.contains("full"),
        "a read-only file is not a full disk: {text}"
    );
    frozen.clear();
    recovers(&h, w).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_clicks_and_recovers_when_space_is_freed() {
    let disk = match Tmpfs::mount("4m") {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!(
                "NOT TESTED HERE: a real full disk ({why}); running the SQLite-level emulation \
                 (PRAGMA max_page_count) instead"
            );
            return capped_database_scenario().await;
        }
    };
    let db = disk.path().join("bot.db");
    let h = bot_on(Some(&db)).await;
    let mut w = one_answer_in(&h).await;
    let filler = disk.fill();
    let text = clicks_until_refused(&h, &mut w).await;
    assert_tells_to_try_again(&text);
    assert!(text.contains("full"), "{text}");
    std::fs::remove_file(filler).unwrap();
    recovers(&h, w).await;
    drop(h);
}
