//! Plain-text rendering of verdicts, listings, details and statistics for the terminal.
//!
//! Every piece of stored user text passes through `text::for_terminal` or `text::one_line`
//! here, so a hostile proposal cannot move the cursor or hide characters.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::app::words::{headline_in, say_in};
use crate::app::{
    DecisionDetail, DecisionRecord, DecisionSummary, Lang, Stats, WalkthroughId, words,
};
use crate::checklist::cost::CostEstimate;
use crate::checklist::{ChecklistContent, Driver, Gate, GateAnswer, Goal, Step};
use crate::text::{for_terminal, one_line};

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A verdict as the terminal shows it at the end of `check`.
pub fn verdict(lang: Lang, id: WalkthroughId, d: &DecisionRecord) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let mut out = String::new();
    let headline = headline_in(lang, d.verdict);
    let _ = writeln!(
        out,
        "\n{}",
        say(
            "cli-verdict",
            &[("id", &id.to_string()), ("headline", &headline)]
        )
    );
    let _ = writeln!(out, "{}", d.summary);
    let _ = writeln!(out, "\n{}", say("cli-why", &[]));
    for r in &d.reasons {
        let _ = writeln!(out, "  - {r}");
    }
    let _ = writeln!(out, "\n{}", say("cli-next-steps", &[]));
    for (i, s) in d.next_steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {s}", i + 1);
    }
    let version = say(
        "cli-checklist-version",
        &[("version", &d.checklist_version)],
    );
    let _ = writeln!(out, "\n{version}");
    out
}

/// The savings estimate under a verdict, with the plain warning when volume alone carries a
/// JUSTIFIED verdict that does not pay back within a year.
pub fn savings(lang: Lang, estimate: &crate::app::SavingsEstimate) -> String {
    let mut out = format!("\n{}\n", say_in(lang, "cli-savings", &[]));
    for line in super::cost::text(&estimate.record.estimate).lines() {
        let _ = writeln!(out, "  {line}");
    }
    if estimate.volume_alone_does_not_pay {
        let _ = writeln!(out, "\n{}", say_in(lang, "cli-savings-does-not-pay", &[]));
    }
    out
}

/// Human words for a stored answer value at a step.
pub fn answer_words(lang: Lang, content: &ChecklistContent, step: &str, value: &str) -> String {
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
                say_in(lang, "cli-drivers-none", &[])
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
pub fn detail(lang: Lang, d: &DecisionDetail, content: &ChecklistContent) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let status = |s: crate::app::Status| say(&format!("status-{}", s.key()), &[]);
    let w = &d.walkthrough;
    let mut out = String::new();
    let id = w.id.to_string();
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-walkthrough",
            &[
                ("id", &id),
                ("status", &status(w.status)),
                ("source", w.source.key()),
            ],
        )
    );
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-requester",
            &[
                ("name", &one_line(&w.requester.name, 80)),
                ("id", &one_line(&w.requester.id, 80)),
            ],
        )
    );
    let _ = writeln!(
        out,
        "{}",
        say("cli-started", &[("when", &when(w.created_at))])
    );
    if let Some(closed) = w.closed_at {
        let _ = writeln!(out, "{}", say("cli-closed", &[("when", &when(closed))]));
    }
    let place = &w.place;
    if let Some(guild) = place.server {
        let _ = writeln!(
            out,
            "{}",
            say(
                "cli-where",
                &[
                    ("guild", &guild.to_string()),
                    (
                        "channel",
                        &place.channel.map_or("-".into(), |c| c.to_string()),
                    ),
                    (
                        "thread",
                        &place.thread.map_or("-".into(), |c| c.to_string()),
                    ),
                ],
            )
        );
    }
    if let Some(of) = w.revisit_of {
        let _ = writeln!(out, "{}", say("cli-revisits", &[("id", &of.to_string())]));
    }
    let _ = writeln!(
        out,
        "{}",
        say("cli-checklist", &[("version", &w.checklist_version)])
    );
    let _ = writeln!(
        out,
        "\n{}\n{}",
        say("cli-proposal", &[]),
        indent(&for_terminal(&w.trigger_text))
    );

    let _ = writeln!(out, "\n{}", say("cli-answers", &[]));
    if d.answers.is_empty() {
        let _ = writeln!(out, "  {}", say("cli-none-yet", &[]));
    }
    for a in &d.answers {
        let question = question_label(&a.step);
        let _ = writeln!(
            out,
            "  {}  {:<8} {}  {}",
            when(a.answered_at),
            question,
            answer_words(lang, content, &a.step, &a.value),
            say(
                "cli-answer-by",
                &[("name", &one_line(&a.answered_by.name, 40))]
            )
        );
        if let Some(detail) = &a.detail {
            let _ = writeln!(out, "{}", indent(&indent(&for_terminal(detail))));
        }
    }

    match &d.decision {
        Some(dec) => {
            let _ = writeln!(
                out,
                "\n{}",
                say(
                    "cli-verdict-line",
                    &[
                        ("headline", &headline_in(lang, dec.verdict)),
                        ("when", &when(dec.decided_at)),
                    ],
                )
            );
            let _ = writeln!(out, "{}", dec.summary);
            let _ = writeln!(out, "{}", say("cli-why", &[]));
            for r in &dec.reasons {
                let _ = writeln!(out, "  - {r}");
            }
            let _ = writeln!(out, "{}", say("cli-next-steps", &[]));
            for (i, s) in dec.next_steps.iter().enumerate() {
                let _ = writeln!(out, "  {}. {s}", i + 1);
            }
            let _ = writeln!(
                out,
                "{}",
                say("cli-decided-with", &[("version", &dec.checklist_version)])
            );
        }
        None => {
            let _ = writeln!(
                out,
                "\n{}",
                say("cli-no-verdict", &[("status", &status(w.status))])
            );
        }
    }
    if !d.reviews.is_empty() {
        let _ = writeln!(out, "\n{}", say("cli-reviews", &[]));
        for r in &d.reviews {
            let _ = writeln!(
                out,
                "  {}",
                say(
                    "cli-review",
                    &[
                        ("id", &r.id.to_string()),
                        ("when", &when(r.created_at)),
                        ("outcome", r.outcome.key()),
                        ("name", &one_line(&r.reviewer.name, 40)),
                    ],
                )
            );
            if let Some(note) = &r.note {
                let _ = writeln!(out, "{}", indent(&indent(&for_terminal(note))));
            }
            if let Some(day) = r.revisit_on {
                let reminded = r
                    .reminded_at
                    .map(|t| say("cli-reminder-posted", &[("when", &when(t))]))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {}",
                    say(
                        "cli-revisit-on",
                        &[("day", &day.to_string()), ("reminded", &reminded)],
                    )
                );
            }
        }
    }
    if !d.outcomes.is_empty() {
        let _ = writeln!(out, "\n{}", say("cli-outcomes", &[]));
        for o in &d.outcomes {
            let _ = writeln!(
                out,
                "  {}",
                say(
                    "cli-outcome",
                    &[
                        ("id", &o.id.to_string()),
                        ("when", &when(o.created_at)),
                        ("result", &words::outcome_result_in(lang, o.result)),
                        ("name", &one_line(&o.recorded_by.name, 40)),
                        ("how", &outcome_source(lang, o.follow_up_round)),
                    ],
                )
            );
            if let Some(note) = &o.note {
                let _ = writeln!(out, "{}", indent(&indent(&for_terminal(note))));
            }
        }
    }
    if let Some(e) = d.latest_estimate() {
        let _ = writeln!(
            out,
            "\n{}",
            say(
                "cli-estimate",
                &[
                    ("count", &d.cost_estimates.len().to_string()),
                    ("name", &one_line(&e.recorded_by.name, 40)),
                    ("when", &when(e.created_at)),
                ],
            )
        );
        for (label, figure) in estimate_figures(lang, &e.estimate) {
            let _ = writeln!(out, "  {label:<30}{figure:>16}");
        }
    }
    if !d.notes.is_empty() {
        let _ = writeln!(out, "\n{}", say("cli-notes", &[]));
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
fn outcome_source(lang: Lang, round: Option<u32>) -> String {
    match round {
        Some(round) => say_in(
            lang,
            "outcome-follow-up-round",
            &[("round", &round.to_string())],
        ),
        None => say_in(lang, "outcome-by-hand", &[]),
    }
}

/// The five figures of a savings estimate, labelled as `tunegate cost` labels them.
fn estimate_figures(lang: Lang, e: &CostEstimate) -> [(String, String); 5] {
    let label = |key: &str| say_in(lang, key, &[]);
    [
        (
            label("cli-estimate-generic"),
            format!("{:.2}", e.generic_monthly),
        ),
        (
            label("cli-estimate-tuned"),
            format!("{:.2}", e.fine_tuned_monthly),
        ),
        (
            label("cli-estimate-saving"),
            format!("{:.2}", e.monthly_saving),
        ),
        (
            label("cli-estimate-break-even"),
            e.break_even_months.map_or_else(
                || say_in(lang, "outcome-estimate-never", &[]),
                |m| format!("{m:.1}"),
            ),
        ),
        (label("cli-estimate-net"), format!("{:.2}", e.net_12_months)),
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
pub fn stats(lang: Lang, s: &Stats, content: &ChecklistContent) -> String {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let mut out = String::new();
    let statuses: Vec<String> = s
        .by_status
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    let statuses = if statuses.is_empty() {
        say("cli-stats-none", &[])
    } else {
        statuses.join(", ")
    };
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-stats-walkthroughs",
            &[
                ("count", &s.walkthroughs.to_string()),
                ("statuses", &statuses)
            ],
        )
    );
    let count = |k: &str| s.by_verdict.get(k).copied().unwrap_or(0).to_string();
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-stats-decisions",
            &[
                ("count", &s.decisions.to_string()),
                ("premature", &count("premature")),
                ("not_justified", &count("not_justified_yet")),
                ("justified", &count("justified")),
            ],
        )
    );
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-stats-premature",
            &[("share", &percent(s.premature_share))]
        )
    );
    match s.most_failing_gate().and_then(Gate::from_key) {
        Some(g) => {
            let n = s.failing_gates.first().map_or(0, |(_, n)| *n);
            let _ = writeln!(
                out,
                "{}",
                say(
                    "cli-stats-gate",
                    &[
                        ("gate", &g.key().to_uppercase()),
                        ("short", &content.render(&content.gate(g).short)),
                        ("count", &n.to_string()),
                    ],
                )
            );
        }
        None => {
            let _ = writeln!(out, "{}", say("cli-stats-gate-none", &[]));
        }
    }
    let gates: Vec<String> = s
        .failing_gates
        .iter()
        .map(|(g, n)| format!("{} {n}", g.to_uppercase()))
        .collect();
    let _ = writeln!(
        out,
        "{}",
        say("cli-stats-gate-failures", &[("list", &gates.join(", "))])
    );
    let drivers: Vec<String> = s
        .drivers
        .iter()
        .map(|(d, n)| format!("{} {n}", d.to_uppercase()))
        .collect();
    let _ = writeln!(
        out,
        "{}",
        say("cli-stats-drivers", &[("list", &drivers.join(", "))])
    );
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-stats-detections",
            &[
                ("count", &s.detections.to_string()),
                ("dismissed", &s.dismissed_detections.to_string()),
                ("rate", &percent(s.dismissal_rate)),
            ],
        )
    );
    let _ = writeln!(out, "\n{}", say("cli-stats-detector", &[]));
    for line in words::detection_precision_lines_in(lang, &s.detection) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\n{}", say("cli-stats-outcomes", &[]));
    for line in words::outcome_stats_lines_in(lang, &s.outcomes) {
        let _ = writeln!(out, "  {line}");
    }
    if !s.by_month.is_empty() {
        let _ = writeln!(out, "\n{}", say("cli-stats-by-month", &[]));
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
