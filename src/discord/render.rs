//! What tunegate posts in Discord: questions with their buttons, answered questions, the
//! verdict embed, notices. Pure functions from records to serenity builders.
//!
//! Echoed user text is made safe here: invisible characters are dropped, markdown is escaped,
//! `@` cannot form a mention, and every message carries `allowed_mentions` that lets at most
//! the requester be pinged. Texts are cut to Discord's limits.
//!
//! Times are Discord timestamps (`<t:UNIX:f>`, `<t:UNIX:R>`, embed timestamps), so each reader
//! sees them in their own time zone and language; the CLI keeps its UTC text.

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, Colour, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInputText, CreateMessage, CreateModal, CreateSelectMenu,
    CreateSelectMenuKind, CreateSelectMenuOption, InputTextStyle, Timestamp, UserId,
};

use super::custom_id::{Action, ComponentId};
use super::outcome_id::OutcomeId;
use crate::app::outcomes::offers_savings_estimate;
use crate::app::words::{headline_in, say_in};
use crate::app::{DecisionRecord, Lang, SavingsEstimate, WalkthroughId};
use crate::checklist::cost::format_amount;
use crate::checklist::{ChecklistContent, Driver, GateAnswer, Goal, Step, VerdictKind};
use crate::text::{is_invisible_format_char, truncate_chars};

/// Discord's limit for a message's content.
pub const MESSAGE_LIMIT: usize = 2000;
/// Discord's limit for an embed field's value.
pub const FIELD_LIMIT: usize = 1024;
/// Discord's limit for a thread name.
pub const THREAD_NAME_LIMIT: usize = 100;
/// How much of a proposal is quoted in the first message.
const QUOTE_CHARS: usize = 300;

/// Mentions nobody: for every message that echoes user text or reports.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().empty_users().empty_roles()
}

/// Mentions only `user` (the requester, once, when a walkthrough starts or is reminded).
pub fn only_user(user: UserId) -> CreateAllowedMentions {
    CreateAllowedMentions::new().users([user]).empty_roles()
}

/// User text made safe to echo: invisible characters dropped, markdown escaped, mentions
/// broken, cut to `max` characters.
pub fn safe_text(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 2));
    for c in text.chars() {
        if is_invisible_format_char(c) || (c.is_control() && c != '\n') {
            continue;
        }
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' | '-' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            '<' => out.push_str("<\u{200B}"),
            _ => out.push(c),
        }
    }
    truncate_chars(out.trim(), max)
}

/// A thread name from the proposal: one line, 1 to 100 characters, never empty.
pub fn thread_name(lang: Lang, proposal: &str, walkthrough_id: WalkthroughId) -> String {
    let words: String = proposal
        .chars()
        // Whitespace first: a newline is a control character too, and must part two words.
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !is_invisible_format_char(*c) && !c.is_control())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name = if words.is_empty() {
        say_in(
            lang,
            "thread-name-empty",
            &[("id", &walkthrough_id.to_string())],
        )
    } else {
        say_in(lang, "thread-name", &[("words", &words)])
    };
    truncate_chars(&name, THREAD_NAME_LIMIT)
}

fn question_header(lang: Lang, content: &ChecklistContent, step: Step) -> String {
    let text = match step {
        Step::Goal => &content.goal.question,
        Step::Gate(g) => &content.gate(g).question,
        Step::Drivers => &content.drivers_question.question,
        Step::Done => "",
    };
    say_in(
        lang,
        "question-header",
        &[
            ("number", &step.number().to_string()),
            ("total", &Step::QUESTIONS.to_string()),
            ("question", &content.render(text)),
        ],
    )
}

fn button(
    id: WalkthroughId,
    step: Step,
    action: Action,
    label: &str,
    style: ButtonStyle,
) -> CreateButton {
    CreateButton::new(ComponentId::new(id, step, action).to_string())
        .label(truncate_chars(label, 80))
        .style(style)
}

/// The message asking the question at `step`, with its components.
pub fn question(
    lang: Lang,
    content: &ChecklistContent,
    walkthrough_id: WalkthroughId,
    step: Step,
    intro: Option<String>,
) -> (String, Vec<CreateActionRow>) {
    let id = walkthrough_id;
    let mut text = intro.map(|i| format!("{i}\n\n")).unwrap_or_default();
    text.push_str(&question_header(lang, content, step));
    let say = |key: &str| say_in(lang, key, &[]);
    let note = button(
        id,
        step,
        Action::AddNote,
        &say("button-add-note"),
        ButtonStyle::Secondary,
    );
    let back = button(
        id,
        step,
        Action::Back,
        &say("button-back"),
        ButtonStyle::Secondary,
    );
    let rows = match step {
        Step::Goal => {
            let options = Goal::ALL
                .iter()
                .map(|g| {
                    let t = content.goal(*g);
                    CreateSelectMenuOption::new(truncate_chars(&t.label, 100), g.key())
                        .description(truncate_chars(&t.example, 100))
                })
                .collect();
            vec![
                CreateActionRow::SelectMenu(
                    CreateSelectMenu::new(
                        ComponentId::new(id, step, Action::PickGoal).to_string(),
                        CreateSelectMenuKind::String { options },
                    )
                    .placeholder(say("select-goal")),
                ),
                CreateActionRow::Buttons(vec![
                    note,
                    button(
                        id,
                        step,
                        Action::Dismiss,
                        &say("button-dismiss"),
                        ButtonStyle::Danger,
                    ),
                ]),
            ]
        }
        Step::Gate(_) => vec![CreateActionRow::Buttons(vec![
            button(
                id,
                step,
                Action::Gate(GateAnswer::Yes),
                content.answer_label(GateAnswer::Yes),
                ButtonStyle::Success,
            ),
            button(
                id,
                step,
                Action::Gate(GateAnswer::No),
                content.answer_label(GateAnswer::No),
                ButtonStyle::Danger,
            ),
            button(
                id,
                step,
                Action::Gate(GateAnswer::NotSure),
                content.answer_label(GateAnswer::NotSure),
                ButtonStyle::Secondary,
            ),
            back,
            note,
        ])],
        Step::Drivers => {
            for d in Driver::ALL {
                let t = content.driver(*d);
                text.push_str(&format!(
                    "\n- **{} ({})**: {}",
                    t.label,
                    d.key().to_uppercase(),
                    content.render(&t.description)
                ));
            }
            let options = Driver::ALL
                .iter()
                .map(|d| {
                    CreateSelectMenuOption::new(
                        truncate_chars(&content.driver(*d).label, 100),
                        d.key(),
                    )
                })
                .collect();
            vec![
                CreateActionRow::SelectMenu(
                    CreateSelectMenu::new(
                        ComponentId::new(id, step, Action::PickDrivers).to_string(),
                        CreateSelectMenuKind::String { options },
                    )
                    .placeholder(say("select-drivers"))
                    .min_values(1)
                    .max_values(Driver::ALL.len() as u8),
                ),
                CreateActionRow::Buttons(vec![
                    button(
                        id,
                        step,
                        Action::NoDrivers,
                        &say("button-no-drivers"),
                        ButtonStyle::Primary,
                    ),
                    back,
                    note,
                ]),
            ]
        }
        Step::Done => Vec::new(),
    };
    (truncate_chars(&text, MESSAGE_LIMIT), rows)
}

/// A question as it reads once answered: the answer shown, the buttons gone.
pub fn answered(
    lang: Lang,
    content: &ChecklistContent,
    step: Step,
    answer: &str,
    by: UserId,
) -> String {
    let line = say_in(
        lang,
        "answered",
        &[("answer", answer), ("by", &format!("<@{by}>"))],
    );
    truncate_chars(
        &format!("{}\n{line}", question_header(lang, content, step)),
        MESSAGE_LIMIT,
    )
}

/// A question left by going back.
pub fn went_back(lang: Lang, content: &ChecklistContent, step: Step, by: UserId) -> String {
    let line = say_in(lang, "went-back", &[("by", &format!("<@{by}>"))]);
    truncate_chars(
        &format!("{}\n{line}", question_header(lang, content, step)),
        MESSAGE_LIMIT,
    )
}

/// Words for a goal choice, with its (escaped) description.
pub fn goal_words(content: &ChecklistContent, goal: Goal, detail: Option<&str>) -> String {
    match detail {
        Some(d) => format!("{}: {}", content.goal(goal).label, safe_text(d, 500)),
        None => content.goal(goal).label.clone(),
    }
}

/// Words for chosen drivers.
pub fn driver_words(lang: Lang, content: &ChecklistContent, drivers: &[Driver]) -> String {
    if drivers.is_empty() {
        return say_in(lang, "no-drivers", &[]);
    }
    drivers
        .iter()
        .map(|d| format!("{} ({})", content.driver(*d).label, d.key().to_uppercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first message of a walkthrough: the requester mentioned once, the proposal quoted.
pub fn opening(
    lang: Lang,
    content: &ChecklistContent,
    requester: UserId,
    proposal: &str,
) -> String {
    let quote = safe_text(proposal, QUOTE_CHARS);
    let quoted = if quote.is_empty() {
        String::new()
    } else {
        format!("\n> {}", quote.replace('\n', "\n> "))
    };
    let first = say_in(
        lang,
        "opening",
        &[
            ("requester", &format!("<@{requester}>")),
            ("quote", &quoted),
        ],
    );
    format!("{first}\n\n{}", content.render(content.intro.trim()))
}

/// The embed colour of each verdict.
/// How Discord shows a timestamp to each reader, in their time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStyle {
    /// `f`: date and time ("2 December 2026 07:15").
    DateTime,
    /// `d`: short date ("02/12/2026").
    Date,
    /// `R`: relative ("2 hours ago", "in 3 weeks").
    Relative,
}

/// `t` as a Discord timestamp (`<t:UNIX:f>` and the like).
pub fn time(t: DateTime<Utc>, style: TimeStyle) -> String {
    let letter = match style {
        TimeStyle::DateTime => 'f',
        TimeStyle::Date => 'd',
        TimeStyle::Relative => 'R',
    };
    format!("<t:{}:{letter}>", t.timestamp())
}

/// `t` as an embed timestamp (shown in the embed's footer, in the reader's time zone).
pub fn embed_time(t: DateTime<Utc>) -> Timestamp {
    Timestamp::from(t)
}

/// A verdict's colour, the same colour-blind-safe (Okabe–Ito) one as in the statistics chart;
/// the verdict is always named in words too.
pub fn verdict_colour(verdict: VerdictKind) -> Colour {
    match verdict {
        VerdictKind::Premature => Colour::new(0xD55E00),
        VerdictKind::NotJustifiedYet => Colour::new(0xF0E442),
        VerdictKind::Justified => Colour::new(0x0072B2),
    }
}

fn bullet_field(items: &[String], numbered: bool) -> String {
    let lines: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if numbered {
                format!("{}. {s}", i + 1)
            } else {
                format!("- {s}")
            }
        })
        .collect();
    truncate_chars(&lines.join("\n"), FIELD_LIMIT)
}

/// The verdict embed; with the volume driver or a cost goal, an "Estimate the savings" button.
pub fn verdict(lang: Lang, content: &ChecklistContent, d: &DecisionRecord) -> CreateMessage {
    let (embed, rows) = verdict_parts(lang, content, d, None);
    CreateMessage::new()
        .content(say_in(
            lang,
            "verdict-message",
            &[("id", &d.walkthrough_id.to_string())],
        ))
        .embed(embed)
        .components(rows)
        .allowed_mentions(no_mentions())
}

/// The verdict's embed and buttons, quoting a savings estimate when there is one.
pub fn verdict_parts(
    lang: Lang,
    content: &ChecklistContent,
    d: &DecisionRecord,
    savings: Option<&SavingsEstimate>,
) -> (CreateEmbed, Vec<CreateActionRow>) {
    let title = match d.verdict {
        VerdictKind::Premature => &content.verdicts.premature.title,
        VerdictKind::NotJustifiedYet => &content.verdicts.not_justified_yet.title,
        VerdictKind::Justified => &content.verdicts.justified.title,
    };
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let mut embed = CreateEmbed::new()
        .title(truncate_chars(
            &say(
                "verdict-title",
                &[
                    ("headline", &headline_in(lang, d.verdict)),
                    ("title", title),
                ],
            ),
            256,
        ))
        .description(truncate_chars(&d.summary, 4096))
        .colour(verdict_colour(d.verdict))
        .field(
            say("verdict-why", &[]),
            bullet_field(&d.reasons, false),
            false,
        )
        .field(
            say("verdict-next-steps", &[]),
            bullet_field(&d.next_steps, true),
            false,
        )
        .footer(CreateEmbedFooter::new(say(
            "verdict-footer",
            &[
                ("id", &d.walkthrough_id.to_string()),
                ("version", &d.checklist_version),
            ],
        )))
        .timestamp(embed_time(d.decided_at));
    if let Some(savings) = savings {
        embed = embed.field(
            say("verdict-savings", &[]),
            truncate_chars(&savings_lines(lang, savings), FIELD_LIMIT),
            false,
        );
    }
    let drivers: Vec<Driver> = d.drivers.iter().copied().collect();
    let mut rows = Vec::new();
    if offers_savings_estimate(d.goal, &drivers) {
        let label = if savings.is_some() {
            say("button-estimate-again", &[])
        } else {
            say("button-estimate", &[])
        };
        let id = OutcomeId::Estimate {
            walkthrough_id: d.walkthrough_id,
        };
        rows.push(CreateActionRow::Buttons(vec![
            CreateButton::new(id.to_string())
                .label(label)
                .style(ButtonStyle::Secondary),
        ]));
    }
    (embed, rows)
}

/// The five figures of an estimate, and the plain warning when volume alone carries a
/// JUSTIFIED verdict that does not pay back within a year.
pub fn savings_lines(lang: Lang, savings: &SavingsEstimate) -> String {
    let e = &savings.record.estimate;
    let break_even = match e.break_even_months {
        Some(months) => say_in(
            lang,
            "savings-months",
            &[("months", &format!("{months:.1}"))],
        ),
        None => say_in(lang, "savings-never", &[]),
    };
    let mut text = say_in(
        lang,
        "savings-lines",
        &[
            ("generic", &format_amount(e.generic_monthly)),
            ("tuned", &format_amount(e.fine_tuned_monthly)),
            ("saving", &format_amount(e.monthly_saving)),
            ("break_even", &break_even),
            ("net", &format_amount(e.net_12_months)),
        ],
    );
    if savings.volume_alone_does_not_pay {
        text.push('\n');
        text.push_str(&say_in(lang, "savings-does-not-pay", &[]));
    }
    text
}

/// The modal asking what "something else" means.
pub fn describe_goal_modal(lang: Lang, walkthrough_id: WalkthroughId) -> CreateModal {
    let id = ComponentId::new(walkthrough_id, Step::Goal, Action::DescribeGoal).to_string();
    let title = say_in(lang, "modal-goal-title", &[]);
    CreateModal::new(id, title).components(vec![CreateActionRow::InputText(
        CreateInputText::new(
            InputTextStyle::Paragraph,
            say_in(lang, "modal-goal-label", &[]),
            "detail",
        )
        .min_length(3)
        .max_length(crate::checklist::walkthrough::MAX_DETAIL_CHARS as u16)
        .required(true),
    )])
}

/// The modal for a free-text note or evidence links.
pub fn note_modal(lang: Lang, walkthrough_id: WalkthroughId, step: Step) -> CreateModal {
    let id = ComponentId::new(walkthrough_id, step, Action::SubmitNote).to_string();
    let title = say_in(lang, "modal-note-title", &[]);
    let label = say_in(lang, "modal-note-label", &[]);
    CreateModal::new(id, title).components(vec![CreateActionRow::InputText(
        CreateInputText::new(InputTextStyle::Paragraph, label, "note")
            .max_length(4000)
            .required(true),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_discord_timestamps_in_the_readers_zone() {
        let t = DateTime::parse_from_rfc3339("2026-12-02T07:15:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(time(t, TimeStyle::DateTime), "<t:1796195700:f>");
        assert_eq!(time(t, TimeStyle::Date), "<t:1796195700:d>");
        assert_eq!(time(t, TimeStyle::Relative), "<t:1796195700:R>");
        assert_eq!(embed_time(t).unix_timestamp(), 1_796_195_700);
    }

    #[test]
    fn echoed_text_cannot_ping_or_format_and_loses_invisible_characters() {
        let shown = safe_text("@everyone <@&1> **big** `x`\u{200b}\u{202e} > q", 100);
        assert!(!shown.contains("@everyone"));
        assert!(!shown.contains("<@&"));
        assert!(!shown.contains("**"));
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.contains("@\u{200B}everyone"));
        assert!(shown.contains("\\*\\*big\\*\\*"));
    }

    #[test]
    fn thread_names_are_one_line_and_within_limits() {
        let en = Lang::En;
        assert_eq!(
            thread_name(en, "  \n\u{200b} ", WalkthroughId(9)),
            "Fine-tune check #9"
        );
        let long = thread_name(en, &"word ".repeat(100), WalkthroughId(1));
        assert_eq!(long.chars().count(), THREAD_NAME_LIMIT);
        assert!(!thread_name(en, "a\nb\tc", WalkthroughId(1)).contains('\n'));
        assert_eq!(
            thread_name(en, "a\nb", WalkthroughId(1)),
            "Fine-tune check: a b"
        );
    }

    #[test]
    fn every_question_fits_discords_component_rules() {
        let content = ChecklistContent::built_in();
        for step in Step::ALL.into_iter().filter(|s| *s != Step::Done) {
            let (text, rows) = question(
                Lang::En,
                &content,
                WalkthroughId(i64::MAX),
                step,
                Some("x".repeat(3000)),
            );
            assert!(text.chars().count() <= MESSAGE_LIMIT);
            assert!(!rows.is_empty() && rows.len() <= 5);
            let json = serde_json::to_value(&rows).unwrap();
            for row in json.as_array().unwrap() {
                let parts = row["components"].as_array().unwrap();
                assert!(parts.len() <= 5, "{step:?}: {row}");
                for c in parts {
                    let id = c["custom_id"].as_str().unwrap();
                    assert!(id.len() <= 100);
                    assert!(ComponentId::decode(id).is_some(), "{id}");
                }
            }
        }
    }
}
