//! The health and metrics endpoint over real HTTP on 127.0.0.1, with the bot against the fake
//! Discord; and `tunegate health` as a container health check would run it.

mod support;

use support::bot::*;
use support::fake_discord::*;

async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.expect("the endpoint answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

async fn harness() -> (BotHarness, String) {
    let h = BotHarness::start_with(|s| s.http.listen = "127.0.0.1:0".into()).await;
    let addr = h
        .running
        .as_ref()
        .unwrap()
        .http_addr()
        .expect("endpoint on");
    (h, format!("http://{addr}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_is_ok_while_connected_and_says_which_part_fails() {
    let (h, base) = harness().await;
    let (status, body) = get(&format!("{base}/healthz")).await;
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["gateway"], "connected");
    assert_eq!(json["database"], "writable");

    // A lock held by another process: the database part is reported unhealthy.
    let mut holder = h
        .store
        .sqlite_pool()
        .expect("a SQLite store")
        .acquire()
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let (status, body) = get(&format!("{base}/healthz")).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("not writable"), "{body}");
    sqlx::query("ROLLBACK").execute(&mut *holder).await.unwrap();
    drop(holder);
    assert_eq!(
        get(&format!("{base}/healthz")).await.0,
        200,
        "recovers without a restart"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_a_lost_gateway() {
    let (mut h, base) = harness().await;
    // Discord closes the connection for good (an invalidated token): no Gateway any more.
    h.fake.close_with(4004);
    let gone = h.fake.wait_until(WAIT, |f| !f.is_connected()).await;
    assert!(gone);
    let mut last = (0, String::new());
    for _ in 0..50 {
        last = get(&format!("{base}/healthz")).await;
        if last.0 == 503 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(last.0, 503, "{}", last.1);
    assert!(
        last.1.contains("\"gateway\":\"disconnected\""),
        "{}",
        last.1
    );
    let running = h.running.take().unwrap();
    let _ = running.stop().await;
    assert!(
        reqwest::get(format!("{base}/healthz")).await.is_err(),
        "the endpoint stops with the bot"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_walkthroughs_detections_decisions_and_latency() {
    let (h, base) = harness().await;
    let (thread, first) = h.propose("we should fine-tune the model").await;
    let mark = h.mark();
    h.click(
        &id_ending(&first, "dismiss"),
        &first,
        &invoker(ALICE, vec![], thread),
    )
    .await;
    h.expect(mark, "PATCH", &format!("/channels/{thread}"))
        .await;
    let (status, text) = get(&format!("{base}/metrics")).await;
    assert_eq!(status, 200);
    for name in [
        "tunegate_walkthroughs_started_total{source=\"chat\"}",
        "tunegate_detections_total",
        "tunegate_dismissals_total",
    ] {
        assert!(text.contains(name), "{name} missing from:\n{text}");
    }
    let (thread, first) = h.propose("let's fine-tune the model on our tickets").await;
    let alice = invoker(ALICE, vec![], thread);
    let mark = h.mark();
    h.choose(&id_ending(&first, "pick"), &["tone_style"], &first, &alice)
        .await;
    h.posted_in(mark, thread).await;
    let (_, text) = get(&format!("{base}/metrics")).await;
    assert!(
        text.contains("tunegate_interaction_seconds_bucket"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_port_in_use_is_a_clear_error_at_start() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let mut settings = test_settings(&fake, &url);
    settings.http.listen = addr.clone();
    let flow = tunegate::app::App::new(
        tunegate::store::Store::open_url(&url).await.unwrap(),
        tunegate::checklist::ChecklistContent::built_in(),
    );
    let err = match tunegate::discord::start(settings, flow, std::sync::Arc::new(chrono::Utc::now))
        .await
    {
        Err(e) => e.to_string(),
        Ok(_) => panic!("started on a port in use"),
    };
    assert!(err.contains(&addr) && err.contains("http.listen"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_health_command_exits_zero_when_healthy_and_one_otherwise() {
    let (h, base) = harness().await;
    let run = |url: String| async move {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_tunegate"))
            .args(["health", "--url", &url])
            .output()
            .await
            .unwrap()
    };
    let ok = run(base.clone()).await;
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("\"status\":\"ok\""));
    h.fake.close_with(4004);
    h.fake.wait_until(WAIT, |f| !f.is_connected()).await;
    let sick = run(base.clone()).await;
    assert_eq!(sick.status.code(), Some(1));
    let nobody = run("http://127.0.0.1:1".into()).await;
    assert_eq!(nobody.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("no answer"));
}
