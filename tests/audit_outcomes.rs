//! The audit side of outcomes, below the front ends: a decision's detail lists its outcomes
//! and savings estimates oldest first, every export format carries the latest outcome and the
//! latest estimate's five figures (formulas defused in CSV, redacted notes redacted), and the
//! statistics count the team's own rate over the decisions the filter covers.

#[path = "support/answers.rs"]
mod answers;
#[path = "support/db.rs"]
mod db;

use chrono::{DateTime, TimeZone, Utc};
use db::{TestDb, alice, app_on, temp_db};
use tunegate::app::{App, OutcomeEntry, Recorder, Start};
use tunegate::checklist::cost::{CostInputs, FineTunedPrice};
use tunegate::checklist::outcome::OutcomeResult;
use tunegate::checklist::{Driver, GateAnswer, VerdictKind};
use tunegate::store::{
    ExportFormat, ListFilter, Person, Place, REDACTED_TEXT, RoomId, ServerId, Source, Store,
    WalkthroughId,
};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn lead() -> Person {
    Person::new("cli:lead", "lead")
}

/// A decision in `guild` with `verdict`, decided on `now`.
async fn decided(flow: &App, guild: u64, verdict: VerdictKind, now: DateTime<Utc>) -> i64 {
    let start = Start {
        source: Source::Command,
        place: Place {
            server: Some(ServerId(guild)),
            channel: Some(RoomId(guild * 10)),
            thread: Some(RoomId(guild * 100)),
            message: None,
        },
        requester: alice(),
        trigger_text: "we should fine-tune".to_string(),
        revisit_of: None,
    };
    let (rec, _) = flow.start(start, now).await.unwrap();
    let (gates, drivers) = match verdict {
        VerdictKind::Premature => ([GateAnswer::No; 4], vec![]),
        VerdictKind::NotJustifiedYet => ([GateAnswer::Yes; 4], vec![]),
        VerdictKind::Justified => ([GateAnswer::Yes; 4], vec![Driver::Volume]),
    };
    answers::answer_all(flow, rec.id, &alice(), gates, &drivers, now).await;
    rec.id.0
}

/// Records `result` (with `note`) for decision `id` from the terminal.
async fn record(
    flow: &App,
    id: i64,
    result: OutcomeResult,
    note: Option<&str>,
    now: DateTime<Utc>,
) {
    let who = lead();
    let entry = OutcomeEntry {
        walkthrough_id: WalkthroughId(id),
        result,
        note,
        follow_up_round: None,
        request_id: None,
    };
    flow.record_outcome(&entry, Recorder::Terminal(&who), now)
        .await
        .unwrap();
}

/// 10 million requests of 500 in / 200 out tokens at 2.50 / 10.00 per million, a ratio of 10,
/// 20,000 to train and 3,000 a month upkeep: generic 32,500 a month, fine-tuned 3,250, saving
/// 26,250, break-even after 20,000 / 26,250 months, 295,000 net after a year.
fn volume(requests_per_month: f64) -> CostInputs {
    CostInputs {
        requests_per_month,
        input_tokens: 500.0,
        output_tokens: 200.0,
        price_in: 2.5,
        price_out: 10.0,
        fine_tuned: FineTunedPrice::Ratio(10.0),
        training_cost: 20_000.0,
        upkeep_per_month: 3_000.0,
    }
}

async fn estimate(flow: &App, id: i64, inputs: CostInputs, now: DateTime<Utc>) {
    let who = lead();
    flow.estimate_savings(
        WalkthroughId(id),
        &inputs,
        Recorder::Terminal(&who),
        None,
        now,
    )
    .await
    .unwrap();
}

async fn export(store: &Store, filter: &ListFilter, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    store.export(filter, format, &mut out).await.unwrap();
    out
}

async fn setup() -> (TestDb, App) {
    let db = temp_db();
    let flow = app_on(&db.url).await;
    (db, flow)
}

#[tokio::test]
async fn a_decisions_detail_lists_its_outcomes_and_estimates_oldest_first() {
    let (_db, flow) = setup().await;
    let id = decided(&flow, 7, VerdictKind::Justified, at(1)).await;
    let bare = flow.detail(WalkthroughId(id), None).await.unwrap();
    assert!(bare.outcomes.is_empty() && bare.cost_estimates.is_empty());
    assert!(bare.latest_estimate().is_none());

    record(&flow, id, OutcomeResult::NotYet, None, at(2)).await;
    record(
        &flow,
        id,
        OutcomeResult::PaidOff,
        Some("30% cheaper"),
        at(3),
    )
    .await;
    estimate(&flow, id, volume(1_000.0), at(2)).await;
    estimate(&flow, id, volume(10_000_000.0), at(3)).await;

    let detail = flow
        .detail(WalkthroughId(id), Some(ServerId(7)))
        .await
        .unwrap();
    let results: Vec<OutcomeResult> = detail.outcomes.iter().map(|o| o.result).collect();
    assert_eq!(results, [OutcomeResult::NotYet, OutcomeResult::PaidOff]);
    assert_eq!(detail.outcomes[1].note.as_deref(), Some("30% cheaper"));
    assert_eq!(detail.outcomes[1].recorded_by, lead());
    assert_eq!(detail.cost_estimates.len(), 2);
    let latest = detail.latest_estimate().unwrap();
    assert_eq!(latest.inputs.requests_per_month, 10_000_000.0);
    assert_eq!(latest.estimate.generic_monthly, 32_500.0);
    assert_eq!(latest.estimate.monthly_saving, 26_250.0);
    assert!(
        detail.cost_estimates[0]
            .estimate
            .break_even_months
            .is_none()
    );

    let json = serde_json::to_value(&detail).unwrap();
    assert_eq!(json["outcomes"][1]["result"], "paid_off");
    assert_eq!(
        json["outcomes"][0]["follow_up_round"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["cost_estimates"][1]["estimate"]["net_12_months"],
        295_000.0
    );
    assert_eq!(
        json["cost_estimates"][0]["estimate"]["break_even_months"],
        serde_json::Value::Null
    );
}

#[tokio::test]
async fn every_export_format_carries_the_latest_outcome_and_the_latest_estimate() {
    let (_db, flow) = setup().await;
    let justified = decided(&flow, 7, VerdictKind::Justified, at(1)).await;
    let premature = decided(&flow, 7, VerdictKind::Premature, at(2)).await;
    let untouched = decided(&flow, 7, VerdictKind::Premature, at(3)).await;
    record(
        &flow,
        justified,
        OutcomeResult::NotYet,
        Some("later"),
        at(4),
    )
    .await;
    record(&flow, justified, OutcomeResult::PaidOff, None, at(5)).await;
    record(
        &flow,
        premature,
        OutcomeResult::Solved,
        Some("=cmd|' /C calc'!A0"),
        at(6),
    )
    .await;
    estimate(&flow, justified, volume(1_000.0), at(4)).await;
    estimate(&flow, justified, volume(10_000_000.0), at(5)).await;
    estimate(&flow, premature, volume(1_000.0), at(6)).await;
    let store = flow.store();

    let csv_bytes = export(store, &ListFilter::default(), ExportFormat::Csv).await;
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let cell = |row: usize, name: &str| {
        let col = headers.iter().position(|h| h == name).unwrap_or_else(|| {
            panic!("no column {name} in {headers:?}");
        });
        rows[row][col].to_string()
    };
    assert_eq!(cell(0, "id"), justified.to_string());
    assert_eq!(cell(0, "outcome"), "paid_off");
    assert_eq!(cell(0, "outcome_recorded_at"), "2026-11-05T09:00:00.000Z");
    assert_eq!(
        cell(0, "outcome_note"),
        "",
        "the latest outcome's note, not an older one"
    );
    assert_eq!(cell(0, "generic_monthly"), "32500.0");
    assert_eq!(cell(0, "fine_tuned_monthly"), "3250.0");
    assert_eq!(cell(0, "monthly_saving"), "26250.0");
    assert!(cell(0, "break_even_months").starts_with("0.76"));
    assert_eq!(cell(0, "net_12_months"), "295000.0");
    assert_eq!(cell(1, "outcome"), "solved");
    assert_eq!(
        cell(1, "outcome_note"),
        "'=cmd|' /C calc'!A0",
        "a formula in a note is defused"
    );
    assert_eq!(cell(1, "break_even_months"), "", "never pays back");
    assert!(cell(1, "monthly_saving").starts_with('-'));
    assert_eq!(cell(2, "id"), untouched.to_string());
    for column in [
        "outcome",
        "outcome_recorded_at",
        "outcome_note",
        "generic_monthly",
        "fine_tuned_monthly",
        "monthly_saving",
        "break_even_months",
        "net_12_months",
    ] {
        assert_eq!(cell(2, column), "", "{column} of a decision without one");
    }

    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&export(store, &ListFilter::default(), ExportFormat::Json).await)
            .unwrap();
    assert_eq!(json[0]["outcome"], "paid_off");
    assert_eq!(json[0]["net_12_months"], 295_000.0);
    assert_eq!(
        json[1]["outcome_note"], "=cmd|' /C calc'!A0",
        "JSON keeps text as stored"
    );
    assert_eq!(json[1]["break_even_months"], serde_json::Value::Null);
    assert_eq!(json[2]["outcome"], serde_json::Value::Null);
    assert_eq!(json[2]["generic_monthly"], serde_json::Value::Null);

    let lines = export(store, &ListFilter::default(), ExportFormat::JsonLines).await;
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(lines).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["outcome"], "paid_off");
    assert_eq!(first["monthly_saving"], 26_250.0);
}

#[tokio::test]
async fn an_empty_export_names_the_outcome_and_estimate_columns() {
    let (_db, flow) = setup().await;
    let csv =
        String::from_utf8(export(flow.store(), &ListFilter::default(), ExportFormat::Csv).await)
            .unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(
            "decided_at,outcome,outcome_recorded_at,outcome_note,generic_monthly,\
             fine_tuned_monthly,monthly_saving,break_even_months,net_12_months"
        ),
        "{header}"
    );
}

#[tokio::test]
async fn a_redacted_outcome_note_stays_redacted_in_the_export() {
    let (_db, flow) = setup().await;
    let id = decided(&flow, 7, VerdictKind::Premature, at(1)).await;
    record(
        &flow,
        id,
        OutcomeResult::Partly,
        Some("alice's private notes"),
        at(2),
    )
    .await;
    flow.store()
        .redact_older_than(at(10), at(10))
        .await
        .unwrap();
    for format in [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::JsonLines,
    ] {
        let text =
            String::from_utf8(export(flow.store(), &ListFilter::default(), format).await).unwrap();
        assert!(!text.contains("private notes"), "{text}");
        assert!(text.contains(REDACTED_TEXT), "{text}");
    }
    let detail = flow.detail(WalkthroughId(id), None).await.unwrap();
    assert_eq!(detail.outcomes[0].note.as_deref(), Some(REDACTED_TEXT));
}

#[tokio::test]
async fn the_statistics_count_the_teams_rate_over_the_filtered_decisions() {
    let (_db, flow) = setup().await;
    let mut premature = Vec::new();
    for day in 1..=4 {
        premature.push(decided(&flow, 7, VerdictKind::Premature, at(day)).await);
    }
    let justified = decided(&flow, 7, VerdictKind::Justified, at(5)).await;
    let _not_yet = decided(&flow, 7, VerdictKind::NotJustifiedYet, at(6)).await;
    let elsewhere = decided(&flow, 8, VerdictKind::Premature, at(6)).await;
    record(&flow, premature[0], OutcomeResult::Solved, None, at(10)).await;
    record(
        &flow,
        premature[1],
        OutcomeResult::StillNeeded,
        None,
        at(10),
    )
    .await;
    // The latest final result counts: solved after "still needed".
    record(&flow, premature[1], OutcomeResult::Solved, None, at(11)).await;
    record(&flow, premature[2], OutcomeResult::Partly, None, at(10)).await;
    // "Not tried yet" is no outcome: still awaited.
    record(&flow, premature[3], OutcomeResult::NotTried, None, at(10)).await;
    record(&flow, justified, OutcomeResult::NoGain, None, at(10)).await;
    record(&flow, elsewhere, OutcomeResult::StillNeeded, None, at(10)).await;

    let guild = ListFilter {
        guild_id: Some(ServerId(7)),
        ..ListFilter::default()
    };
    let stats = flow.stats(&guild).await.unwrap();
    let o = &stats.outcomes;
    assert_eq!(o.premature_with_outcome, 3);
    assert_eq!((o.solved, o.partly, o.still_needed), (2, 1, 0));
    assert_eq!(o.solved_share, Some(2.0 / 3.0));
    assert_eq!(o.assumed_solved_share, 0.8);
    assert_eq!((o.justified_with_outcome, o.no_gain, o.paid_off), (1, 1, 0));
    assert_eq!(o.paid_off_share, Some(0.0));
    assert_eq!(
        o.awaiting, 2,
        "the not-tried premature and the not-justified-yet"
    );
    assert_eq!(o, &flow.outcome_stats(Some(ServerId(7))).await.unwrap());

    // Decided from day 3 on: two premature (one partly, one not tried), the justified one and
    // the not-justified-yet one.
    let recent = flow
        .stats(&ListFilter {
            since: Some(at(3)),
            ..guild.clone()
        })
        .await
        .unwrap();
    assert_eq!(recent.outcomes.premature_with_outcome, 1);
    assert_eq!(recent.outcomes.partly, 1);
    assert_eq!(recent.outcomes.solved, 0);
    assert_eq!(recent.outcomes.awaiting, 2);

    let everything = flow.stats(&ListFilter::default()).await.unwrap();
    assert_eq!(everything.outcomes.premature_with_outcome, 4);
    assert_eq!(everything.outcomes.still_needed, 1);
    let json = serde_json::to_value(&everything).unwrap();
    assert_eq!(json["outcomes"]["premature_with_outcome"], 4);
    assert_eq!(json["outcomes"]["assumed_solved_share"], 0.8);
    assert_eq!(json["outcomes"]["awaiting"], 2);

    let none = flow
        .stats(&ListFilter {
            guild_id: Some(ServerId(99)),
            ..ListFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(none.outcomes.solved_share, None);
    assert_eq!(none.outcomes.awaiting, 0);
}
