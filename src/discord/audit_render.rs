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
use crate::app::words::{headline_in, say_in};
use crate::app::{
    CostEstimateRecord, DecisionDetail, DecisionSummary, DueRevisit, Lang, OutcomeRecord,
    ReviewRecord, RoomId, ServerId, Stats, WalkthroughId, words,
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
pub fn place_link(
    lang: Lang,
    guild: ServerId,
    thread: Option<RoomId>,
    channel: Option<RoomId>,
) -> Option<String> {
    let (word, id) = match (thread, channel) {
        (Some(t), _) => (say_in(lang, "audit-link-thread", &[]), t),
        (None, Some(c)) => (say_in(lang, "audit-link-channel", &[]), c),
        (None, None) => return None,
    };
    Some(format!(
        "[{word}](https://discord.com/channels/{guild}/{id})"
    ))
}

/// Cuts `text` to `max` characters, saying so when it was cut.
fn fit(lang: Lang, text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = say_in(lang, "audit-cut", &[]);
    let mut out = truncate_chars(text, max.saturating_sub(cut.chars().count()));
    out.push_str(&cut);
    out
}

/// A walkthrough's status in words.
fn status_words(lang: Lang, status: crate::app::Status) -> String {
    say_in(lang, &format!("status-{}", status.key()), &[])
}

/// The filters of a history listing in words.
fn filter_words(lang: Lang, q: &HistoryQuery) -> String {
    let say = |key: &str, name: &str, value: &str| say_in(lang, key, &[(name, value)]);
    let mut parts = Vec::new();
    if let Some(v) = q.verdict {
        parts.push(say(
            "audit-filter-verdict",
            "verdict",
            &headline_in(lang, v),
        ));
    }
    if let Some(s) = q.status {
        parts.push(say("audit-filter-status", "status", &status_words(lang, s)));
    }
    if let Some(r) = q.requester {
        parts.push(say(
            "audit-filter-requester",
            "requester",
            &format!("<@{r}>"),
        ));
    }
    if let Some(d) = q.since {
        parts.push(say("audit-filter-since", "day", &d.to_string()));
    }
    if let Some(d) = q.until {
        parts.push(say("audit-filter-until", "day", &d.to_string()));
    }
    if let Some(t) = &q.text {
        parts.push(say("audit-filter-text", "text", &safe_text(t, 40)));
    }
    if parts.is_empty() {
        say_in(lang, "audit-filter-none", &[])
    } else {
        parts.join(" · ")
    }
}

/// One page of `/finetune-audit history` and its Previous / Next buttons. `rows` holds at most
/// [`PAGE_SIZE`] entries; `has_next` says whether a later page exists.
pub fn history_page(
    lang: Lang,
    guild: ServerId,
    query: &HistoryQuery,
    rows: &[DecisionSummary],
    has_next: bool,
) -> (CreateEmbed, Vec<CreateActionRow>) {
    let say = |key: &str| say_in(lang, key, &[]);
    let filters = say_in(
        lang,
        "audit-filters",
        &[("filters", &filter_words(lang, query))],
    );
    let mut lines = vec![filters, String::new()];
    if rows.is_empty() {
        lines.push(if query.page == 0 {
            say("audit-history-empty")
        } else {
            say("audit-history-past-end")
        });
    }
    for r in rows {
        let outcome = match r.verdict {
            Some(v) => format!("**{}**", headline_in(lang, v)),
            None => format!("_{}_", status_words(lang, r.status)),
        };
        let link = place_link(lang, guild, r.thread_id, r.channel_id)
            .unwrap_or_else(|| say("audit-no-thread"));
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
    let page_number = (query.page + 1).to_string();
    let footer = if rows.is_empty() {
        say_in(lang, "audit-page", &[("page", &page_number)])
    } else {
        say_in(
            lang,
            "audit-page-entries",
            &[
                ("page", &page_number),
                ("first", &first.to_string()),
                ("last", &last.to_string()),
            ],
        )
    };
    let embed = CreateEmbed::new()
        .title(say("audit-history-title"))
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
                .label(say("audit-previous"))
                .style(ButtonStyle::Secondary)
                .disabled(previous.is_none()),
        );
    }
    if let Some(id) = next {
        buttons.push(
            CreateButton::new(id)
                .label(say("audit-next"))
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
    lang: Lang,
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
            render::driver_words(lang, content, &drivers)
        }
        _ => safe_text(value, 100),
    }
}

/// The question an answer belongs to, as "Q2 · G1 Baseline measured".
fn question_name(lang: Lang, content: &ChecklistContent, step: &str) -> String {
    match Step::from_key(step) {
        Some(Step::Goal) => say_in(
            lang,
            "audit-question-goal",
            &[("question", &content.render(&content.goal.question))],
        ),
        Some(s @ Step::Gate(g)) => say_in(
            lang,
            "audit-question-gate",
            &[
                ("number", &s.number().to_string()),
                ("gate", &g.key().to_uppercase()),
                ("short", &content.render(&content.gate(g).short)),
            ],
        ),
        Some(s @ Step::Drivers) => say_in(
            lang,
            "audit-question-drivers",
            &[("number", &s.number().to_string())],
        ),
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
fn review_field(lang: Lang, r: &ReviewRecord) -> (String, String) {
    let name = say_in(
        lang,
        "audit-review-name",
        &[
            ("id", &r.id.to_string()),
            ("outcome", &review_outcome_words(lang, r.outcome)),
        ],
    );
    let mut value = say_in(
        lang,
        "audit-by-on",
        &[
            ("by", &person(&r.reviewer.id, &r.reviewer.name)),
            ("when", &when(r.created_at)),
        ],
    );
    if let Some(note) = &r.note {
        value.push_str(&format!("\n{}", safe_text(note, 700)));
    }
    if let Some(on) = r.revisit_on {
        let start = revisit_start(on);
        value.push('\n');
        value.push_str(&say_in(
            lang,
            "audit-revisit-on",
            &[
                ("day", &on.to_string()),
                ("start", &render::time(start, TimeStyle::DateTime)),
            ],
        ));
        if let Some(at) = r.reminded_at {
            value.push_str(&say_in(
                lang,
                "audit-reminder-posted",
                &[("when", &render::time(at, TimeStyle::Relative))],
            ));
        }
    }
    (name, value)
}

/// A review's outcome in words (AGREED, OVERRULED, REVISIT LATER).
pub fn review_outcome_words(lang: Lang, outcome: crate::app::ReviewOutcome) -> String {
    let key = format!("audit-review-outcome-{}", outcome.key().replace('_', "-"));
    say_in(lang, &key, &[])
}

/// An outcome in words: the result as its button says it, who, when, how, and the note.
fn outcome_field(lang: Lang, o: &OutcomeRecord) -> (String, String) {
    let name = say_in(
        lang,
        "audit-outcome-name",
        &[
            ("id", &o.id.to_string()),
            ("result", &words::outcome_result_in(lang, o.result)),
        ],
    );
    let how = match o.follow_up_round {
        Some(round) => say_in(
            lang,
            "outcome-follow-up-round",
            &[("round", &round.to_string())],
        ),
        None => say_in(lang, "outcome-by-hand", &[]),
    };
    let mut value = say_in(
        lang,
        "audit-outcome-by",
        &[
            ("by", &person(&o.recorded_by.id, &o.recorded_by.name)),
            ("when", &when(o.created_at)),
            ("how", &how),
        ],
    );
    if let Some(note) = &o.note {
        value.push_str(&format!("\n{}", safe_text(note, 700)));
    }
    (name, value)
}

/// The latest savings estimate's five figures; `of` is how many estimates were given.
fn estimate_field(lang: Lang, e: &CostEstimateRecord, of: usize) -> (String, String) {
    let f = &e.estimate;
    let break_even = f.break_even_months.map_or_else(
        || say_in(lang, "outcome-estimate-never", &[]),
        |m| {
            say_in(
                lang,
                "audit-estimate-months",
                &[("months", &format!("{m:.1}"))],
            )
        },
    );
    let value = say_in(
        lang,
        "audit-estimate-lines",
        &[
            ("generic", &format!("{:.2}", f.generic_monthly)),
            ("tuned", &format!("{:.2}", f.fine_tuned_monthly)),
            ("saving", &format!("{:.2}", f.monthly_saving)),
            ("break_even", &break_even),
            ("net", &format!("{:.2}", f.net_12_months)),
            ("by", &person(&e.recorded_by.id, &e.recorded_by.name)),
            ("when", &when(e.created_at)),
        ],
    );
    let name = if of > 1 {
        say_in(
            lang,
            "audit-estimate-name-of",
            &[("count", &of.to_string())],
        )
    } else {
        say_in(lang, "audit-estimate-name", &[])
    };
    (name, value)
}

/// One decision in full, as embeds to send one per message (so each stays under 6000
/// characters). Long texts are cut and anything past [`MAX_DETAIL_MESSAGES`] messages is
/// summarised, saying so.
pub fn detail_embeds(
    lang: Lang,
    content: &ChecklistContent,
    d: &DecisionDetail,
) -> Vec<CreateEmbed> {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let w = &d.walkthrough;
    let guild = w.place.server.unwrap_or(ServerId(0));
    let mut head = vec![say(
        "audit-requested-by",
        &[
            ("requester", &person(&w.requester.id, &w.requester.name)),
            ("when", &when(w.created_at)),
            ("status", &status_words(lang, w.status)),
            (
                "source",
                &say(&format!("audit-source-{}", w.source.key()), &[]),
            ),
        ],
    )];
    if let Some(link) = place_link(lang, guild, w.place.thread, w.place.channel) {
        head.push(say("audit-discussion", &[("link", &link)]));
    }
    if let Some(of) = w.revisit_of {
        head.push(say("audit-revisits", &[("id", &of.to_string())]));
    }
    let quote = safe_text(&w.trigger_text, 1500);
    let description = format!(
        "{}\n\n{}\n> {}",
        head.join("\n"),
        say("audit-proposal", &[]),
        if quote.is_empty() {
            say("audit-no-text", &[])
        } else {
            quote.replace('\n', "\n> ")
        }
    );

    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, a) in d.answers.iter().enumerate() {
        let changed_later = d.answers[i + 1..].iter().any(|b| b.step == a.step);
        let by = say(
            "audit-answer-by",
            &[
                ("by", &person(&a.answered_by.id, &a.answered_by.name)),
                ("when", &when(a.answered_at)),
            ],
        );
        let mut value = format!(
            "{}\n{by}",
            answer_words(lang, content, &a.step, &a.value, a.detail.as_deref()),
        );
        if changed_later {
            value.push_str(&say("audit-changed-later", &[]));
        }
        fields.push((question_name(lang, content, &a.step), value));
    }
    if d.answers.is_empty() {
        fields.push((say("audit-answers", &[]), say("audit-none-yet", &[])));
    }
    match &d.decision {
        Some(dec) => {
            fields.push((
                say(
                    "audit-verdict-name",
                    &[("verdict", &headline_in(lang, dec.verdict))],
                ),
                format!(
                    "{}\n{}",
                    dec.summary,
                    say("audit-decided", &[("when", &when(dec.decided_at))])
                ),
            ));
            let reasons: Vec<String> = dec.reasons.iter().map(|r| format!("- {r}")).collect();
            if !reasons.is_empty() {
                fields.push((say("audit-why", &[]), reasons.join("\n")));
            }
            let steps: Vec<String> = dec
                .next_steps
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect();
            if !steps.is_empty() {
                fields.push((say("audit-next-steps", &[]), steps.join("\n")));
            }
        }
        None => fields.push((
            say("audit-verdict", &[]),
            say(
                "audit-no-verdict",
                &[("status", &status_words(lang, w.status))],
            ),
        )),
    }
    let mut evidence = Vec::new();
    for n in &d.notes {
        evidence.extend(links(&n.body));
        fields.push((
            say(
                "audit-note-by",
                &[("name", &truncate_chars(&n.author.name, 60))],
            ),
            format!("{}\n_{}_", safe_text(&n.body, 900), when(n.created_at)),
        ));
    }
    if !evidence.is_empty() {
        fields.push((say("audit-evidence", &[]), evidence.join("\n")));
    }
    for r in &d.reviews {
        fields.push(review_field(lang, r));
    }
    let id = w.id.to_string();
    if d.reviews.is_empty() && d.decision.is_some() {
        fields.push((
            say("audit-reviews", &[]),
            say("audit-reviews-none", &[("id", &id)]),
        ));
    }

    for o in &d.outcomes {
        fields.push(outcome_field(lang, o));
    }
    if d.outcomes.is_empty() && d.decision.is_some() {
        fields.push((
            say("audit-outcome", &[]),
            say("outcome-none-yet", &[("id", &id)]),
        ));
    }
    if let Some(e) = d.latest_estimate() {
        fields.push(estimate_field(lang, e, d.cost_estimates.len()));
    }

    let colour = d.decision.as_ref().map(|dec| verdict_colour(dec.verdict));
    let at = d
        .decision
        .as_ref()
        .map_or(w.created_at, |dec| dec.decided_at);
    let footer = say(
        "audit-detail-footer",
        &[("id", &id), ("version", &w.checklist_version)],
    );
    pack(
        lang,
        say("audit-detail-title", &[("id", &id)]),
        fit(lang, &description, DESCRIPTION_LIMIT.min(2500)),
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
    lang: Lang,
    title: String,
    description: String,
    fields: Vec<(String, String)>,
    footer: &str,
    colour: Option<serenity::all::Colour>,
    id: WalkthroughId,
) -> Vec<CreateEmbed> {
    let fields: Vec<(String, String)> = fields
        .into_iter()
        .map(|(name, value)| (truncate_chars(&name, 256), fit(lang, &value, FIELD_LIMIT)))
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
            CreateEmbed::new().title(say_in(
                lang,
                "audit-continued",
                &[
                    ("title", &title),
                    ("part", &(i + 1).to_string()),
                    ("parts", &shown.to_string()),
                ],
            ))
        };
        for (name, value) in group {
            embed = embed.field(name, value, false);
        }
        if i + 1 == shown && hidden > 0 {
            embed = embed.field(
                say_in(lang, "audit-not-shown", &[]),
                say_in(
                    lang,
                    "audit-not-shown-text",
                    &[("hidden", &hidden.to_string()), ("id", &id.to_string())],
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
    lang: Lang,
    content: &ChecklistContent,
    s: &Stats,
    period: &str,
    chart: Option<&str>,
) -> CreateEmbed {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let count = |k: &str| s.by_verdict.get(k).copied().unwrap_or(0).to_string();
    use crate::checklist::VerdictKind;
    let mut embed = CreateEmbed::new()
        .title(say("audit-stats-title", &[("period", period)]))
        .field(
            say("audit-stats-decisions", &[]),
            say(
                "audit-stats-decisions-value",
                &[
                    ("all", &s.decisions.to_string()),
                    ("premature_name", &headline_in(lang, VerdictKind::Premature)),
                    ("premature", &count("premature")),
                    (
                        "not_justified_name",
                        &headline_in(lang, VerdictKind::NotJustifiedYet),
                    ),
                    ("not_justified", &count("not_justified_yet")),
                    ("justified_name", &headline_in(lang, VerdictKind::Justified)),
                    ("justified", &count("justified")),
                ],
            ),
            true,
        )
        .field(
            say("audit-stats-share", &[]),
            percent(s.premature_share),
            true,
        );
    let gate = match s.most_failing_gate().and_then(Gate::from_key) {
        Some(g) => {
            let n = s.failing_gates.first().map_or(0, |(_, n)| *n);
            say(
                "audit-stats-gate-value",
                &[
                    ("gate", &g.key().to_uppercase()),
                    ("short", &content.render(&content.gate(g).short)),
                    ("count", &n.to_string()),
                ],
            )
        }
        None => say("audit-stats-none", &[]),
    };
    embed = embed.field(say("audit-stats-gate", &[]), gate, false);
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
        say("audit-stats-drivers", &[]),
        fit(
            lang,
            &if drivers.is_empty() {
                say("audit-stats-none", &[])
            } else {
                drivers.join("\n")
            },
            FIELD_LIMIT,
        ),
        true,
    );
    embed = embed.field(
        say("audit-stats-detections", &[]),
        say(
            "audit-stats-detections-value",
            &[
                ("detected", &s.detections.to_string()),
                ("dismissed", &s.dismissed_detections.to_string()),
                ("rate", &percent(s.dismissal_rate)),
            ],
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
            say(
                "audit-stats-month",
                &[
                    ("month", &m.month),
                    ("premature", &m.premature.to_string()),
                    ("not_justified", &m.not_justified_yet.to_string()),
                    ("justified", &m.justified.to_string()),
                ],
            )
        })
        .collect();
    if !trend.is_empty() {
        embed = embed.field(
            say("audit-stats-months", &[]),
            fit(lang, &trend.join("\n"), FIELD_LIMIT),
            false,
        );
    }
    embed = embed.field(
        say("audit-stats-detector", &[]),
        fit(
            lang,
            &words::detection_precision_lines_in(lang, &s.detection).join("\n"),
            FIELD_LIMIT,
        ),
        false,
    );
    embed = embed.field(
        say("audit-stats-outcomes", &[]),
        fit(
            lang,
            &words::outcome_stats_lines_in(lang, &s.outcomes).join("\n"),
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
/// mentioned, and a button runs the checklist again. Posted without an interaction, so in the
/// walkthrough's language.
pub fn revisit_reminder(lang: Lang, due: &DueRevisit) -> CreateMessage {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let r = &due.review;
    let reviewer = r.reviewer.id.parse::<u64>().ok().filter(|id| *id > 0);
    let verdict = due
        .verdict
        .map(|v| headline_in(lang, v))
        .unwrap_or_else(|| say("revisit-no-verdict", &[]));
    let thread = match due.place.server.zip(due.place.thread) {
        Some((g, t)) => say(
            "revisit-due-thread",
            &[("link", &format!("https://discord.com/channels/{g}/{t}"))],
        ),
        None => String::new(),
    };
    let mut text = say(
        "revisit-due",
        &[
            (
                "mention",
                &reviewer.map(|u| format!("<@{u}> ")).unwrap_or_default(),
            ),
            ("id", &r.walkthrough_id.to_string()),
            ("verdict", &verdict),
            ("review", &r.id.to_string()),
            ("thread", &thread),
        ],
    );
    let quote = safe_text(&due.trigger_text.replace('\n', " "), 200);
    if !quote.is_empty() {
        text.push_str(&format!("\n> {quote}"));
    }
    if let Some(note) = &r.note {
        text.push('\n');
        text.push_str(&say(
            "revisit-review-note",
            &[("note", &safe_text(note, 500))],
        ));
    }
    text.push('\n');
    text.push_str(&say("revisit-run-again-text", &[]));
    let mut message = CreateMessage::new().content(truncate_chars(&text, render::MESSAGE_LIMIT));
    if let Some(id) = (AuditId::Revisit { review_id: r.id }).encode() {
        message = message.components(vec![CreateActionRow::Buttons(vec![
            CreateButton::new(id)
                .label(say("revisit-run-again", &[]))
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
        let cut = fit(Lang::En, &long, FIELD_LIMIT);
        assert!(cut.chars().count() <= FIELD_LIMIT);
        assert!(cut.ends_with(" … (cut to fit Discord)"));
        assert_eq!(fit(Lang::En, "short", FIELD_LIMIT), "short");
    }

    #[test]
    fn many_fields_split_into_embeds_within_discords_limits() {
        let fields: Vec<(String, String)> = (0..200)
            .map(|i| (format!("field {i}"), "y".repeat(900)))
            .collect();
        let embeds = pack(
            Lang::En,
            "T".into(),
            "d".into(),
            fields,
            "f",
            None,
            WalkthroughId(7),
        );
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
