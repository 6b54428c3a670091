//! What the audit commands show in Discord: history pages with their buttons, one decision in
//! full with its outcomes and latest savings estimate (split over several embeds when it is
//! long), statistics with the team's own rate, revisit reminders. Pure
//! functions from store records to serenity builders.
//!
//! Every stored text written by people passes through [`render::safe_text`]; Discord's limits
//! (embed 6000 characters, field 1024, 25 fields, 10 embeds) are respected by cutting, and a
//! cut is always said.

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, CreateActionRow, CreateButton, CreateEmbed, CreateEmbedFooter, CreateMessage,
    UserId,
};

use super::audit_id::{AuditId, HistoryQuery};
use super::render::{self, FIELD_LIMIT, TimeStyle, safe_text, verdict_colour};
use crate::app::{
    CostEstimateRecord, DecisionDetail, DecisionSummary, DueRevisit, OutcomeRecord, ReviewRecord,
    Stats, words,
};
use crate::checklist::{ChecklistContent, Driver, Gate, GateAnswer, Goal, Step};
use crate::text::truncate_chars;

/// Entries on one history page.
pub const PAGE_SIZE: u32 = 10;
/// What one embed may hold, kept a little below Discord's 6000 characters.
const EMBED_BUDGET: usize = 5800;
/// Discord's limit of fields in one embed.
const MAX_FIELDS: usize = 25;
/// Discord's limit for an embed description.
const DESCRIPTION_LIMIT: usize = 4096;
/// At most this many messages show one decision; the rest is summarised.
pub const MAX_DETAIL_MESSAGES: usize = 4;
/// Said where a text was cut to fit.
const CUT: &str = " … (cut to fit Discord)";

/// A day, in the reader's time zone.
fn day(t: DateTime<Utc>) -> String {
    render::time(t, TimeStyle::Date)
}

/// A moment, date and time in the reader's time zone.
fn when(t: DateTime<Utc>) -> String {
    render::time(t, TimeStyle::DateTime)
}

/// The moment a revisit day begins (UTC midnight, when its reminder becomes due).
pub fn revisit_start(day: chrono::NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// `<@id>` for a Discord user, the (escaped) name for anyone else (a terminal user).
pub fn person(id: &str, name: &str) -> String {
    match id.parse::<u64>() {
        Ok(id) if id > 0 => format!("<@{id}>"),
        _ => safe_text(name, 80),
    }
}

/// The link to a walkthrough's thread (or channel) in `guild`.
pub fn place_link(guild: u64, thread: Option<u64>, channel: Option<u64>) -> Option<String> {
    match (thread, channel) {
        (Some(t), _) => Some(format!(
            "[thread](https://discord.com/channels/{guild}/{t})"
        )),
        (None, Some(c)) => Some(format!(
            "[channel](https://discord.com/channels/{guild}/{c})"
        )),
        (None, None) => None,
    }
}

/// Cuts `text` to `max` characters, saying so when it was cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = truncate_chars(text, max.saturating_sub(CUT.chars().count()));
    out.push_str(CUT);
    out
}

/// The filters of a history listing in words.
fn filter_words(q: &HistoryQuery) -> String {
    let mut parts = Vec::new();
    if let Some(v) = q.verdict {
        parts.push(format!("verdict {}", v.headline()));
    }
    if let Some(s) = q.status {
        parts.push(format!("status {}", s.key()));
    }
    if let Some(r) = q.requester {
        parts.push(format!("requested by <@{r}>"));
    }
    if let Some(d) = q.since {
        parts.push(format!("since {d}"));
    }
    if let Some(d) = q.until {
        parts.push(format!("until {d}"));
    }
    if let Some(t) = &q.text {
        parts.push(format!("text \"{}\"", safe_text(t, 40)));
    }
    if parts.is_empty() {
        "all checklists".to_string()
    } else {
        parts.join(" · ")
    }
}

/// One page of `/finetune-audit history` and its Previous / Next buttons. `rows` holds at most
/// [`PAGE_SIZE`] entries; `has_next` says whether a later page exists.
pub fn history_page(
    guild: u64,
    query: &HistoryQuery,
    rows: &[DecisionSummary],
    has_next: bool,
) -> (CreateEmbed, Vec<CreateActionRow>) {
    let mut lines = vec![format!("Filters: {}", filter_words(query)), String::new()];
    if rows.is_empty() {
        lines.push(if query.page == 0 {
            "No checklist in this server matches these filters.".to_string()
        } else {
            "No more checklists on this page; go back with Previous.".to_string()
        });
    }
    for r in rows {
        let outcome = match r.verdict {
            Some(v) => format!("**{}**", v.headline()),
            None => format!("_{}_", r.status.key()),
        };
        let link =
            place_link(guild, r.thread_id, r.channel_id).unwrap_or_else(|| "no thread".to_string());
        lines.push(format!(
            "**#{}** · {} · {} · {outcome} · {link}",
            r.id,
            day(r.decided_at.unwrap_or(r.created_at)),
            person(&r.requester.id, &r.requester.name),
        ));
        let quote = safe_text(&r.trigger_text.replace('\n', " "), 90);
        if !quote.is_empty() {
            lines.push(format!("> {quote}"));
        }
    }
    let first = query.page * PAGE_SIZE + 1;
    let last = query.page * PAGE_SIZE + rows.len() as u32;
    let footer = if rows.is_empty() {
        format!("Page {}", query.page + 1)
    } else {
        format!(
            "Page {} · entries {first}–{last} · /finetune-audit show id: for one in full",
            query.page + 1
        )
    };
    let embed = CreateEmbed::new()
        .title("Fine-tuning decisions in this server")
        .description(truncate_chars(&lines.join("\n"), DESCRIPTION_LIMIT))
        .footer(CreateEmbedFooter::new(footer));
    let page = |page: u32| {
        AuditId::Page(HistoryQuery {
            page,
            ..query.clone()
        })
        .encode()
    };
    let previous = query.page.checked_sub(1).and_then(page);
    let next = page(query.page + 1);
    let mut buttons = Vec::new();
    if let Some(id) = previous.clone().or_else(|| page(0)) {
        buttons.push(
            CreateButton::new(id)
                .label("Previous")
                .style(ButtonStyle::Secondary)
                .disabled(previous.is_none()),
        );
    }
    if let Some(id) = next {
        buttons.push(
            CreateButton::new(id)
                .label("Next")
                .style(ButtonStyle::Secondary)
                .disabled(!has_next),
        );
    }
    // Two disabled buttons on a single page would only be noise.
    let rows = if buttons.is_empty() || (query.page == 0 && !has_next) {
        Vec::new()
    } else {
        vec![CreateActionRow::Buttons(buttons)]
    };
    (embed, rows)
}

/// Human words for a stored answer.
fn answer_words(
    content: &ChecklistContent,
    step: &str,
    value: &str,
    detail: Option<&str>,
) -> String {
    match Step::from_key(step) {
        Some(Step::Goal) => match Goal::from_key(value) {
            Some(g) => render::goal_words(content, g, detail),
            None => safe_text(value, 100),
        },
        Some(Step::Gate(_)) => GateAnswer::from_key(value)
            .map(|a| content.answer_label(a).to_string())
            .unwrap_or_else(|| safe_text(value, 100)),
        Some(Step::Drivers) => {
            let drivers: Vec<Driver> = value
                .split(',')
                .filter_map(|k| Driver::from_key(k.trim()))
                .collect();
            render::driver_words(crate::app::Lang::En, content, &drivers)
        }
        _ => safe_text(value, 100),
    }
}

/// The question an answer belongs to, as "Q2 · G1 Baseline measured".
fn question_name(content: &ChecklistContent, step: &str) -> String {
    match Step::from_key(step) {
        Some(Step::Goal) => format!("Q1 · {}", content.render(&content.goal.question)),
        Some(s @ Step::Gate(g)) => format!(
            "Q{} · {} {}",
            s.number(),
            g.key().to_uppercase(),
            content.render(&content.gate(g).short)
        ),
        Some(s @ Step::Drivers) => format!("Q{} · Drivers", s.number()),
        _ => safe_text(step, 40),
    }
}

/// Links found in note text (`http://` or `https://`, up to the next space), shown unescaped
/// inside `<...>` so they stay clickable without previews. Characters that could break out of
/// the link end it.
fn links(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
        .map(|w| {
            w.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "-._~:/?#!$&'*+,;=%@".contains(*c))
                .collect::<String>()
        })
        .filter(|l| l.len() > "https://".len())
        .map(|l| format!("<{}>", truncate_chars(&l, 300)))
        .collect()
}

/// A review in words: outcome, who, when, note, revisit date.
fn review_field(r: &ReviewRecord) -> (String, String) {
    let name = format!(
        "Review #{} · {}",
        r.id,
        r.outcome.key().replace('_', " ").to_uppercase()
    );
    let mut value = format!(
        "by {} on {}",
        person(&r.reviewer.id, &r.reviewer.name),
        when(r.created_at)
    );
    if let Some(note) = &r.note {
        value.push_str(&format!("\n{}", safe_text(note, 700)));
    }
    if let Some(on) = r.revisit_on {
        let start = revisit_start(on);
        value.push_str(&format!(
            "\nRevisit on {on} (UTC): from {}",
            render::time(start, TimeStyle::DateTime)
        ));
        if let Some(at) = r.reminded_at {
            value.push_str(&format!(
                " (reminder posted {})",
                render::time(at, TimeStyle::Relative)
            ));
        }
    }
    (name, value)
}

/// An outcome in words: the result as its button says it, who, when, how, and the note.
fn outcome_field(o: &OutcomeRecord) -> (String, String) {
    let name = format!("Outcome #{} · {}", o.id, words::outcome_result(o.result));
    let how = match o.follow_up_round {
        Some(round) => words::say("outcome-follow-up-round", &[("round", &round.to_string())]),
        None => words::say("outcome-by-hand", &[]),
    };
    let mut value = format!(
        "by {} on {} · {how}",
        person(&o.recorded_by.id, &o.recorded_by.name),
        when(o.created_at)
    );
    if let Some(note) = &o.note {
        value.push_str(&format!("\n{}", safe_text(note, 700)));
    }
    (name, value)
}

/// The latest savings estimate's five figures; `of` is how many estimates were given.
fn estimate_field(e: &CostEstimateRecord, of: usize) -> (String, String) {
    let f = &e.estimate;
    let break_even = f.break_even_months.map_or_else(
        || words::say("outcome-estimate-never", &[]),
        |m| format!("{m:.1} months"),
    );
    let value = format!(
        "Generic model: {:.2} a month\nFine-tuned model: {:.2} a month\nSaving after upkeep: \
         {:.2} a month\nBreak-even: {break_even}\nNet after 12 months: {:.2}\n_by {} on {}_",
        f.generic_monthly,
        f.fine_tuned_monthly,
        f.monthly_saving,
        f.net_12_months,
        person(&e.recorded_by.id, &e.recorded_by.name),
        when(e.created_at)
    );
    let name = if of > 1 {
        format!("Savings estimate (latest of {of})")
    } else {
        "Savings estimate".to_string()
    };
    (name, value)
}

/// One decision in full, as embeds to send one per message (so each stays under 6000
/// characters). Long texts are cut and anything past [`MAX_DETAIL_MESSAGES`] messages is
/// summarised, saying so.
pub fn detail_embeds(content: &ChecklistContent, d: &DecisionDetail) -> Vec<CreateEmbed> {
    let w = &d.walkthrough;
    let guild = w.place.guild_id.unwrap_or_default();
    let mut head = vec![format!(
        "Requested by {} · started {} · {} · from {}",
        person(&w.requester.id, &w.requester.name),
        when(w.created_at),
        w.status.key(),
        w.source.key()
    )];
    if let Some(link) = place_link(guild, w.place.thread_id, w.place.channel_id) {
        head.push(format!("Discussion: {link}"));
    }
    if let Some(of) = w.revisit_of {
        head.push(format!("Revisits decision #{of}"));
    }
    let quote = safe_text(&w.trigger_text, 1500);
    let description = format!(
        "{}\n\n**Proposal**\n> {}",
        head.join("\n"),
        if quote.is_empty() {
            "(no text)".to_string()
        } else {
            quote.replace('\n', "\n> ")
        }
    );

    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, a) in d.answers.iter().enumerate() {
        let changed_later = d.answers[i + 1..].iter().any(|b| b.step == a.step);
        let mut value = format!(
            "{}\nby {} · {}",
            answer_words(content, &a.step, &a.value, a.detail.as_deref()),
            person(&a.answered_by.id, &a.answered_by.name),
            when(a.answered_at)
        );
        if changed_later {
            value.push_str(" · _changed later_");
        }
        fields.push((question_name(content, &a.step), value));
    }
    if d.answers.is_empty() {
        fields.push(("Answers".into(), "None yet.".into()));
    }
    match &d.decision {
        Some(dec) => {
            fields.push((
                format!("Verdict: {}", dec.verdict.headline()),
                format!("{}\n_decided {}_", dec.summary, when(dec.decided_at)),
            ));
            let reasons: Vec<String> = dec.reasons.iter().map(|r| format!("- {r}")).collect();
            if !reasons.is_empty() {
                fields.push(("Why".into(), reasons.join("\n")));
            }
            let steps: Vec<String> = dec
                .next_steps
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect();
            if !steps.is_empty() {
                fields.push(("Next steps".into(), steps.join("\n")));
            }
        }
        None => fields.push((
            "Verdict".into(),
            format!("None: this checklist is {}.", w.status.key()),
        )),
    }
    let mut evidence = Vec::new();
    for n in &d.notes {
        evidence.extend(links(&n.body));
        fields.push((
            format!("Note by {}", truncate_chars(&n.author.name, 60)),
            format!("{}\n_{}_", safe_text(&n.body, 900), when(n.created_at)),
        ));
    }
    if !evidence.is_empty() {
        fields.push(("Evidence links".into(), evidence.join("\n")));
    }
    for r in &d.reviews {
        fields.push(review_field(r));
    }
    if d.reviews.is_empty() && d.decision.is_some() {
        fields.push((
            "Reviews".into(),
            format!(
                "None yet. `/finetune-audit review id:{}` records the team's view.",
                w.id
            ),
        ));
    }

    for o in &d.outcomes {
        fields.push(outcome_field(o));
    }
    if d.outcomes.is_empty() && d.decision.is_some() {
        fields.push((
            "Outcome".into(),
            words::say("outcome-none-yet", &[("id", &w.id.to_string())]),
        ));
    }
    if let Some(e) = d.latest_estimate() {
        fields.push(estimate_field(e, d.cost_estimates.len()));
    }

    let colour = d.decision.as_ref().map(|dec| verdict_colour(dec.verdict));
    let at = d
        .decision
        .as_ref()
        .map_or(w.created_at, |dec| dec.decided_at);
    let footer = format!(
        "Checklist #{} · checklist version {}",
        w.id, w.checklist_version
    );
    pack(
        format!("Checklist #{}", w.id),
        fit(&description, DESCRIPTION_LIMIT.min(2500)),
        fields,
        &footer,
        colour,
        w.id,
    )
    .into_iter()
    .map(|embed| embed.timestamp(render::embed_time(at)))
    .collect()
}

/// Packs fields into embeds of at most [`MAX_FIELDS`] fields and [`EMBED_BUDGET`] characters,
/// at most [`MAX_DETAIL_MESSAGES`] of them.
fn pack(
    title: String,
    description: String,
    fields: Vec<(String, String)>,
    footer: &str,
    colour: Option<serenity::all::Colour>,
    id: i64,
) -> Vec<CreateEmbed> {
    let fields: Vec<(String, String)> = fields
        .into_iter()
        .map(|(name, value)| (truncate_chars(&name, 256), fit(&value, FIELD_LIMIT)))
        .collect();
    let mut groups: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let fixed = title.chars().count() + footer.chars().count() + 40;
    let mut used = fixed + description.chars().count();
    for (name, value) in fields {
        let size = name.chars().count() + value.chars().count();
        let full = groups.last().is_some_and(|g| g.len() >= MAX_FIELDS - 1);
        if full || used + size > EMBED_BUDGET {
            groups.push(Vec::new());
            used = fixed;
        }
        used += size;
        if let Some(g) = groups.last_mut() {
            g.push((name, value));
        }
    }
    let total = groups.len();
    let shown = total.min(MAX_DETAIL_MESSAGES);
    let hidden: usize = groups[shown..].iter().map(Vec::len).sum();
    let mut embeds = Vec::new();
    for (i, group) in groups.into_iter().take(shown).enumerate() {
        let mut embed = if i == 0 {
            CreateEmbed::new().title(&title).description(&description)
        } else {
            CreateEmbed::new().title(format!("{title} (continued, {}/{shown})", i + 1))
        };
        for (name, value) in group {
            embed = embed.field(name, value, false);
        }
        if i + 1 == shown && hidden > 0 {
            embed = embed.field(
                "Not shown",
                format!(
                    "{hidden} more entries did not fit in Discord. On the bot's host, \
                     `tunegate decisions show {id}` prints everything."
                ),
                false,
            );
        }
        if let Some(c) = colour {
            embed = embed.colour(c);
        }
        embeds.push(embed.footer(CreateEmbedFooter::new(footer)));
    }
    embeds
}

fn percent(share: Option<f64>) -> String {
    share.map_or("-".into(), |s| format!("{:.1}%", s * 100.0))
}

/// The statistics embed; `chart` names the attached PNG, if any.
pub fn stats_embed(
    content: &ChecklistContent,
    s: &Stats,
    period: &str,
    chart: Option<&str>,
) -> CreateEmbed {
    let count = |k: &str| s.by_verdict.get(k).copied().unwrap_or(0);
    let mut embed = CreateEmbed::new()
        .title(format!("Fine-tuning decisions: {period}"))
        .field(
            "Decisions",
            format!(
                "{} in all\nPREMATURE {}\nNOT JUSTIFIED YET {}\nJUSTIFIED {}",
                s.decisions,
                count("premature"),
                count("not_justified_yet"),
                count("justified")
            ),
            true,
        )
        .field("Share premature", percent(s.premature_share), true);
    let gate = match s.most_failing_gate().and_then(Gate::from_key) {
        Some(g) => {
            let n = s.failing_gates.first().map_or(0, |(_, n)| *n);
            format!(
                "{} {}: not passed in {n} decisions",
                g.key().to_uppercase(),
                content.render(&content.gate(g).short)
            )
        }
        None => "none".to_string(),
    };
    embed = embed.field("Gate that fails most", gate, false);
    let drivers: Vec<String> = s
        .drivers
        .iter()
        .filter_map(|(k, n)| {
            let d = Driver::from_key(k)?;
            Some(format!(
                "{} ({}) {n}",
                content.driver(d).label,
                k.to_uppercase()
            ))
        })
        .collect();
    embed = embed.field(
        "Drivers cited",
        fit(
            &if drivers.is_empty() {
                "none".to_string()
            } else {
                drivers.join("\n")
            },
            FIELD_LIMIT,
        ),
        true,
    );
    embed = embed.field(
        "Chat detections",
        format!(
            "{} detected, {} dismissed as not a request ({})",
            s.detections,
            s.dismissed_detections,
            percent(s.dismissal_rate)
        ),
        true,
    );
    let trend: Vec<String> = s
        .by_month
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(|m| {
            format!(
                "`{}` {} premature · {} not yet · {} justified",
                m.month, m.premature, m.not_justified_yet, m.justified
            )
        })
        .collect();
    if !trend.is_empty() {
        embed = embed.field("Last months", fit(&trend.join("\n"), FIELD_LIMIT), false);
    }
    embed = embed.field(
        "Detector in production",
        fit(
            &words::detection_precision_lines(&s.detection).join("\n"),
            FIELD_LIMIT,
        ),
        false,
    );
    embed = embed.field(
        "Outcomes",
        fit(
            &words::outcome_stats_lines(&s.outcomes).join("\n"),
            FIELD_LIMIT,
        ),
        false,
    );
    if let Some(name) = chart {
        embed = embed.image(format!("attachment://{name}"));
    }
    embed
}

/// The revisit reminder posted in a decision's thread (or the audit channel): the reviewer is
/// mentioned, and a button runs the checklist again.
pub fn revisit_reminder(due: &DueRevisit) -> CreateMessage {
    let r = &due.review;
    let reviewer = r.reviewer.id.parse::<u64>().ok().filter(|id| *id > 0);
    let verdict = due
        .verdict
        .map(|v| v.headline().to_string())
        .unwrap_or_else(|| "no verdict".to_string());
    let mut text = format!(
        "{}decision #{} ({verdict}) is due for a second look today, as review #{} asked{}.",
        reviewer.map(|u| format!("<@{u}> ")).unwrap_or_default(),
        r.walkthrough_id,
        r.id,
        match due.place.guild_id.zip(due.place.thread_id) {
            Some((g, t)) => format!(" (its thread: https://discord.com/channels/{g}/{t})"),
            None => String::new(),
        }
    );
    let quote = safe_text(&due.trigger_text.replace('\n', " "), 200);
    if !quote.is_empty() {
        text.push_str(&format!("\n> {quote}"));
    }
    if let Some(note) = &r.note {
        text.push_str(&format!("\nReview note: {}", safe_text(note, 500)));
    }
    text.push_str("\nRun the checklist again to see whether the verdict still holds.");
    let mut message = CreateMessage::new().content(truncate_chars(&text, render::MESSAGE_LIMIT));
    if let Some(id) = (AuditId::Revisit { review_id: r.id }).encode() {
        message = message.components(vec![CreateActionRow::Buttons(vec![
            CreateButton::new(id)
                .label("Run the checklist again")
                .style(ButtonStyle::Primary),
        ])]);
    }
    message.allowed_mentions(match reviewer {
        Some(u) => render::only_user(UserId::new(u)),
        None => render::no_mentions(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_stay_clickable_and_cannot_break_out() {
        let found = links("see https://example.com/a_b?x=1 and http://x.io/<@&1> or ftp://no");
        assert_eq!(
            found,
            vec!["<https://example.com/a_b?x=1>", "<http://x.io/>"]
        );
    }

    #[test]
    fn a_cut_text_says_so_and_fits() {
        let long = "x".repeat(5000);
        let cut = fit(&long, FIELD_LIMIT);
        assert!(cut.chars().count() <= FIELD_LIMIT);
        assert!(cut.ends_with(CUT));
        assert_eq!(fit("short", FIELD_LIMIT), "short");
    }

    #[test]
    fn many_fields_split_into_embeds_within_discords_limits() {
        let fields: Vec<(String, String)> = (0..200)
            .map(|i| (format!("field {i}"), "y".repeat(900)))
            .collect();
        let embeds = pack("T".into(), "d".into(), fields, "f", None, 7);
        assert_eq!(embeds.len(), MAX_DETAIL_MESSAGES);
        for e in &embeds {
            let json = serde_json::to_value(e).unwrap();
            let fields = json["fields"].as_array().unwrap();
            assert!(fields.len() <= MAX_FIELDS);
            let size: usize = fields
                .iter()
                .map(|f| {
                    f["name"].as_str().unwrap().chars().count()
                        + f["value"].as_str().unwrap().chars().count()
                })
                .sum::<usize>()
                + json["title"].as_str().unwrap().chars().count();
            assert!(size <= 6000, "{size}");
        }
        let last = serde_json::to_value(embeds.last().unwrap()).unwrap();
        assert!(last.to_string().contains("more entries did not fit"));
    }
}
