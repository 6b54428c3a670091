//! Plain-text rendering of verdicts, listings, details and statistics for the terminal.
//!
//! Every piece of stored user text passes through `text::for_terminal` or `text::one_line`
//! here, so a hostile proposal cannot move the cursor or hide characters.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::app::{DecisionDetail, DecisionRecord, DecisionSummary, Stats, words};
use crate::checklist::cost::CostEstimate;
use crate::checklist::{ChecklistContent, Driver, Gate, GateAnswer, Goal, Step};
use crate::text::{for_terminal, one_line};

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A verdict as the terminal shows it at the end of `check`.
pub fn verdict(id: i64, d: &DecisionRecord) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nVerdict for walkthrough #{id}: {}",
        d.verdict.headline()
    );
    let _ = writeln!(out, "{}", d.summary);
    let _ = writeln!(out, "\nWhy:");
    for r in &d.reasons {
        let _ = writeln!(out, "  - {r}");
    }
    let _ = writeln!(out, "\nNext steps:");
    for (i, s) in d.next_steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {s}", i + 1);
    }
    let _ = writeln!(out, "\n(checklist {})", d.checklist_version);
    out
}

/// The savings estimate under a verdict, with the plain warning when volume alone carries a
/// JUSTIFIED verdict that does not pay back within a year.
pub fn savings(estimate: &crate::app::SavingsEstimate) -> String {
    let mut out = String::from("\nSavings estimate (stored with the decision):\n");
    for line in super::cost::text(&estimate.record.estimate).lines() {
        let _ = writeln!(out, "  {line}");
    }
    if estimate.volume_alone_does_not_pay {
        let _ = writeln!(
            out,
            "\nAt these figures fine-tuning does not pay back within 12 months, and volume is the \
             only reason this verdict gives for it. Check the figures; until they change, prompt \
             work on the generic model (or a cheaper generic model) is the better investment."
        );
    }
    out
}

/// Human words for a stored answer value at a step.
pub fn answer_words(content: &ChecklistContent, step: &str, value: &str) -> String {
    match Step::from_key(step) {
        Some(Step::Goal) => Goal::from_key(value)
            .map(|g| content.goal(g).label.clone())
            .unwrap_or_else(|| value.to_string()),
        Some(Step::Gate(_)) => GateAnswer::from_key(value)
            .map(|a| content.answer_label(a).to_string())
            .unwrap_or_else(|| value.to_string()),
        Some(Step::Drivers) => {
            let labels: Vec<String> = value
                .split(',')
                .filter_map(|k| Driver::from_key(k.trim()))
                .map(|d| format!("{} ({})", content.driver(d).label, d.key().to_uppercase()))
                .collect();
            if labels.is_empty() {
                "none".to_string()
            } else {
                labels.join(", ")
            }
        }
        _ => value.to_string(),
    }
}

/// A listing as an aligned table.
pub fn table(rows: &[DecisionSummary]) -> String {
    let headers = [
        "ID",
        "STARTED",
        "SOURCE",
        "STATUS",
        "VERDICT",
        "REQUESTER",
        "PROPOSAL",
    ];
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                r.source.key().to_string(),
                r.status.key().to_string(),
                r.verdict
                    .map(|v| v.key().to_string())
                    .unwrap_or_else(|| "-".into()),
                one_line(&r.requester.name, 20),
                one_line(&r.trigger_text, 60),
            ]
        })
        .collect();
    let mut widths = headers.map(|h| h.chars().count());
    for row in &cells {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, row: &[String]| {
        let padded: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i].saturating_sub(c.chars().count());
                format!("{c}{}", " ".repeat(pad))
            })
            .collect();
        let _ = writeln!(out, "{}", padded.join("  ").trim_end());
    };
    line(&mut out, &headers.map(String::from));
    for row in &cells {
        line(&mut out, row);
    }
    out
}

/// One walkthrough in full, for `decisions show`.
pub fn detail(d: &DecisionDetail, content: &ChecklistContent) -> String {
    let w = &d.walkthrough;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Walkthrough #{}  ({}, started from {})",
        w.id, w.status, w.source
    );
    let _ = writeln!(
        out,
        "Requester  {} ({})",
        one_line(&w.requester.name, 80),
        one_line(&w.requester.id, 80)
    );
    let _ = writeln!(out, "Started    {}", when(w.created_at));
    if let Some(closed) = w.closed_at {
        let _ = writeln!(out, "Closed     {}", when(closed));
    }
    let place = &w.place;
    if let Some(guild) = place.guild_id {
        let _ = writeln!(
            out,
            "Where      guild {guild}, channel {}, thread {}",
            place.channel_id.map_or("-".into(), |c| c.to_string()),
            place.thread_id.map_or("-".into(), |c| c.to_string())
        );
    }
    if let Some(of) = w.revisit_of {
        let _ = writeln!(out, "Revisits   #{of}");
    }
    let _ = writeln!(out, "Checklist  {}", w.checklist_version);
    let _ = writeln!(
        out,
        "\nProposal:\n{}",
        indent(&for_terminal(&w.trigger_text))
    );

    let _ = writeln!(
        out,
        "\nAnswers, in the order given (changed answers included):"
    );
    if d.answers.is_empty() {
        let _ = writeln!(out, "  (none yet)");
    }
    for a in &d.answers {
        let question = question_label(&a.step);
        let _ = writeln!(
            out,
            "  {}  {:<8} {}  (by {})",
            when(a.answered_at),
            question,
            answer_words(content, &a.step, &a.value),
            one_line(&a.answered_by.name, 40)
        );
        if let Some(detail) = &a.detail {
            let _ = writeln!(out, "{}", indent(&indent(&for_terminal(detail))));
        }
    }

    match &d.decision {
        Some(dec) => {
            let _ = writeln!(
                out,
                "\nVerdict: {}  ({})",
                dec.verdict.headline(),
                when(dec.decided_at)
            );
            let _ = writeln!(out, "{}", dec.summary);
            let _ = writeln!(out, "Why:");
            for r in &dec.reasons {
                let _ = writeln!(out, "  - {r}");
            }
            let _ = writeln!(out, "Next steps:");
            for (i, s) in dec.next_steps.iter().enumerate() {
                let _ = writeln!(out, "  {}. {s}", i + 1);
            }
            let _ = writeln!(out, "Decided with checklist {}", dec.checklist_version);
        }
        None => {
            let _ = writeln!(out, "\nNo verdict: the walkthrough is {}.", w.status);
        }
    }
    if !d.reviews.is_empty() {
        let _ = writeln!(out, "\nReviews:");
        for r in &d.reviews {
            let _ = writeln!(
                out,
                "  #{} {} {} by {}",
                r.id,
                when(r.created_at),
                r.outcome.key(),
                one_line(&r.reviewer.name, 40)
            );
            if let Some(note) = &r.note {
                let _ = writeln!(out, "{}", indent(&indent(&for_terminal(note))));
            }
            if let Some(day) = r.revisit_on {
                let reminded = r
                    .reminded_at
                    .map(|t| format!(" (reminder posted {})", when(t)))
                    .unwrap_or_default();
                let _ = writeln!(out, "    revisit on {day}{reminded}");
            }
        }
    }
    if !d.outcomes.is_empty() {
        let _ = writeln!(out, "\nOutcomes:");
        for o in &d.outcomes {
            let _ = writeln!(
                out,
                "  #{} {} {} by {} ({})",
                o.id,
                when(o.created_at),
                words::outcome_result(o.result),
                one_line(&o.recorded_by.name, 40),
                outcome_source(o.follow_up_round)
            );
            if let Some(note) = &o.note {
                let _ = writeln!(out, "{}", indent(&indent(&for_terminal(note))));
            }
        }
    }
    if let Some(e) = d.latest_estimate() {
        let _ = writeln!(
            out,
            "\nSavings estimate (latest of {}, by {}, {}):",
            d.cost_estimates.len(),
            one_line(&e.recorded_by.name, 40),
            when(e.created_at)
        );
        for (label, figure) in estimate_figures(&e.estimate) {
            let _ = writeln!(out, "  {label:<30}{figure:>16}");
        }
    }
    if !d.notes.is_empty() {
        let _ = writeln!(out, "\nNotes:");
        for n in &d.notes {
            let _ = writeln!(
                out,
                "  {} {}:\n{}",
                when(n.created_at),
                one_line(&n.author.name, 40),
                indent(&indent(&for_terminal(&n.body)))
            );
        }
    }
    out
}

/// Whether an outcome answered a follow-up (and which) or was recorded by hand.
fn outcome_source(round: Option<u32>) -> String {
    match round {
        Some(round) => words::say("outcome-follow-up-round", &[("round", &round.to_string())]),
        None => words::say("outcome-by-hand", &[]),
    }
}

/// The five figures of a savings estimate, labelled as `tunegate cost` labels them.
fn estimate_figures(e: &CostEstimate) -> [(&'static str, String); 5] {
    [
        (
            "generic model, a month",
            format!("{:.2}", e.generic_monthly),
        ),
        (
            "fine-tuned model, a month",
            format!("{:.2}", e.fine_tuned_monthly),
        ),
        (
            "saving a month, after upkeep",
            format!("{:.2}", e.monthly_saving),
        ),
        (
            "break-even, months",
            e.break_even_months.map_or_else(
                || words::say("outcome-estimate-never", &[]),
                |m| format!("{m:.1}"),
            ),
        ),
        ("net after 12 months", format!("{:.2}", e.net_12_months)),
    ]
}

fn question_label(step: &str) -> String {
    match Step::from_key(step) {
        Some(Step::Gate(g)) => g.key().to_uppercase(),
        Some(s) => s.key().to_string(),
        None => one_line(step, 12),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn percent(share: Option<f64>) -> String {
    share.map_or("-".into(), |s| format!("{:.1}%", s * 100.0))
}

/// Statistics as text, for `decisions stats`.
pub fn stats(s: &Stats, content: &ChecklistContent) -> String {
    let mut out = String::new();
    let statuses: Vec<String> = s
        .by_status
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    let _ = writeln!(
        out,
        "Walkthroughs: {} ({})",
        s.walkthroughs,
        if statuses.is_empty() {
            "none".into()
        } else {
            statuses.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "Decisions:    {}  (premature {}, not justified yet {}, justified {})",
        s.decisions,
        s.by_verdict.get("premature").copied().unwrap_or(0),
        s.by_verdict.get("not_justified_yet").copied().unwrap_or(0),
        s.by_verdict.get("justified").copied().unwrap_or(0),
    );
    let _ = writeln!(out, "Premature:    {}", percent(s.premature_share));
    match s.most_failing_gate().and_then(Gate::from_key) {
        Some(g) => {
            let n = s.failing_gates.first().map_or(0, |(_, n)| *n);
            let _ = writeln!(
                out,
                "Most often failing gate: {} ({}), not passed in {n} decisions",
                g.key().to_uppercase(),
                content.render(&content.gate(g).short)
            );
        }
        None => {
            let _ = writeln!(out, "Most often failing gate: none");
        }
    }
    let gates: Vec<String> = s
        .failing_gates
        .iter()
        .map(|(g, n)| format!("{} {n}", g.to_uppercase()))
        .collect();
    let _ = writeln!(out, "Gate failures: {}", gates.join(", "));
    let drivers: Vec<String> = s
        .drivers
        .iter()
        .map(|(d, n)| format!("{} {n}", d.to_uppercase()))
        .collect();
    let _ = writeln!(out, "Drivers cited: {}", drivers.join(", "));
    let _ = writeln!(
        out,
        "Detections in chat: {}, dismissed as not a request: {} ({})",
        s.detections,
        s.dismissed_detections,
        percent(s.dismissal_rate)
    );
    let _ = writeln!(
        out,
        "\nDetector in production (started / (started + dismissed)):"
    );
    for line in words::detection_precision_lines(&s.detection) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(
        out,
        "\nDetector in production (started / (started + dismissed)):"
    );
    for line in words::detection_precision_lines(&s.detection) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nOutcomes:");
    for line in words::outcome_stats_lines(&s.outcomes) {
        let _ = writeln!(out, "  {line}");
    }
    if !s.by_month.is_empty() {
        let _ = writeln!(
            out,
            "\nBy month:      premature  not-justified-yet  justified"
        );
        for m in &s.by_month {
            let _ = writeln!(
                out,
                "  {}     {:>9}  {:>17}  {:>9}",
                m.month, m.premature, m.not_justified_yet, m.justified
            );
        }
    }
    out
}
