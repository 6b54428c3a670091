//! The audit commands: `/finetune-audit history|show|review|outcome|stats|export|settings|help`
//! (settings in [`super::settings`]), and
//! the autocomplete of checklist ids.
//!
//! They form their own top-level command, registered with `default_member_permissions` =
//! Manage Server, so a server's admins see it by default and can grant it to other roles or
//! channels in Server Settings -> Integrations (Discord applies that setting only to a whole
//! top-level command; `/finetune check` stays open to everyone). Discord's setting is only the
//! first gate: access is still checked here, on every call and every autocomplete: members with
//! Manage Server (as Discord computed it for the interaction) or one of `discord.audit_roles`.
//! `outcome` is also open to a decision's requester and the answer roles (the app decides), when
//! the server lets them use the command. Every query is scoped to the guild the command is used
//! in. Answers are ephemeral unless `share:` is true.

use chrono::{Duration, NaiveDate};
use poise::serenity_prelude as serenity;
use serenity::{
    AutocompleteChoice, CreateActionRow, CreateAttachment, CreateAutocompleteResponse, CreateEmbed,
    Permissions, RoleId,
};

use super::audit_id::{HistoryQuery, TEXT_MAX_CHARS};
use super::audit_render::{self, PAGE_SIZE};
use super::render::TimeStyle;
use super::reply::{CommandError, Ctx, lang_of, refusal_in, refuse};
use super::{Bot, access, export_files, render};
use crate::app::{
    AppError, ExportFormat, Lang, ListFilter, NewReview, OutcomeEntry, OutcomeRecorded, Person,
    Recorder, ReviewOutcome, ServerId, Status, WalkthroughId, words,
};
use crate::checklist::VerdictKind;
use crate::checklist::outcome::OutcomeResult;
use crate::text::truncate_chars;

/// More rows than this are not exported through Discord (the CLI streams any number).
pub const MAX_EXPORT_ROWS: u64 = 200_000;

/// Audit this server's fine-tuning decisions (Manage Server, or as set in Server Settings).
#[poise::command(
    slash_command,
    rename = "finetune-audit",
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands(
        "history",
        "show",
        "review",
        "outcome",
        "stats",
        "export",
        "crate::discord::settings::settings",
        "audit_help"
    ),
    subcommand_required
)]
pub async fn finetune_audit(_ctx: Ctx<'_>) -> Result<(), CommandError> {
    Ok(())
}

/// Who may audit, and what each audit command does.
#[poise::command(slash_command, rename = "help", guild_only)]
async fn audit_help(ctx: Ctx<'_>) -> Result<(), CommandError> {
    let lang = lang_of(ctx);
    let text = format!(
        "{}\n\n{}",
        words::say_in(lang, "audit-help-commands", &[]),
        who_may_audit_in(lang, ctx.data())
    );
    ctx.send(reply(None).content(truncate_chars(&text, render::MESSAGE_LIMIT)))
        .await?;
    Ok(())
}

/// Who may use `/finetune-audit`, for both helps.
pub fn who_may_audit(bot: &Bot) -> String {
    who_may_audit_in(crate::app::Lang::En, bot)
}

/// [`who_may_audit`] in `lang`.
pub fn who_may_audit_in(lang: crate::app::Lang, bot: &Bot) -> String {
    let roles = if bot.app.rules().audit_roles.is_empty() {
        String::new()
    } else {
        words::say_in(lang, "audit-help-roles", &[])
    };
    words::say_in(lang, "audit-help-who", &[("roles", &roles)])
}

// The choice enums below are listed by Discord in the order written, with their names from
// `locales/*/commands.ftl` (`choice-<option>-<variant>`, see `commands::localise`). Discord sends
// a choice back by its position: append new variants, never reorder them.

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum VerdictChoice {
    Premature,
    NotJustifiedYet,
    Justified,
}

impl From<VerdictChoice> for VerdictKind {
    fn from(v: VerdictChoice) -> VerdictKind {
        match v {
            VerdictChoice::Premature => VerdictKind::Premature,
            VerdictChoice::NotJustifiedYet => VerdictKind::NotJustifiedYet,
            VerdictChoice::Justified => VerdictKind::Justified,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum StatusChoice {
    Open,
    Decided,
    Abandoned,
    Cancelled,
    Dismissed,
}

impl From<StatusChoice> for Status {
    fn from(s: StatusChoice) -> Status {
        match s {
            StatusChoice::Open => Status::Open,
            StatusChoice::Decided => Status::Decided,
            StatusChoice::Abandoned => Status::Abandoned,
            StatusChoice::Cancelled => Status::Cancelled,
            StatusChoice::Dismissed => Status::Dismissed,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OutcomeChoice {
    Agreed,
    Overruled,
    RevisitLater,
}

impl From<OutcomeChoice> for ReviewOutcome {
    fn from(o: OutcomeChoice) -> ReviewOutcome {
        match o {
            OutcomeChoice::Agreed => ReviewOutcome::Agreed,
            OutcomeChoice::Overruled => ReviewOutcome::Overruled,
            OutcomeChoice::RevisitLater => ReviewOutcome::RevisitLater,
        }
    }
}

/// How a decision turned out, in the words of the follow-up buttons.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ResultChoice {
    Solved,
    Partly,
    StillNeeded,
    NotTried,
    PaidOff,
    NoGain,
    NotYet,
    Dropped,
}

impl From<ResultChoice> for OutcomeResult {
    fn from(r: ResultChoice) -> OutcomeResult {
        match r {
            ResultChoice::Solved => OutcomeResult::Solved,
            ResultChoice::Partly => OutcomeResult::Partly,
            ResultChoice::StillNeeded => OutcomeResult::StillNeeded,
            ResultChoice::NotTried => OutcomeResult::NotTried,
            ResultChoice::PaidOff => OutcomeResult::PaidOff,
            ResultChoice::NoGain => OutcomeResult::NoGain,
            ResultChoice::NotYet => OutcomeResult::NotYet,
            ResultChoice::Dropped => OutcomeResult::Dropped,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum PeriodChoice {
    Days30,
    Days90,
    Days365,
    All,
}

impl PeriodChoice {
    fn days(self) -> Option<i64> {
        match self {
            PeriodChoice::Days30 => Some(30),
            PeriodChoice::Days90 => Some(90),
            PeriodChoice::Days365 => Some(365),
            PeriodChoice::All => None,
        }
    }

    fn words(self, lang: Lang) -> String {
        match self.days() {
            Some(n) => words::say_in(lang, "audit-period-days", &[("days", &n.to_string())]),
            None => words::say_in(lang, "audit-period-all", &[]),
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum FormatChoice {
    Csv,
    Json,
}

/// The member's permissions (as Discord computed them for this interaction) and roles.
pub(super) fn member_access(ctx: Ctx<'_>) -> (Option<Permissions>, Vec<RoleId>) {
    match ctx {
        poise::Context::Application(app) => app
            .interaction
            .member
            .as_ref()
            .map(|m| (m.permissions, m.roles.clone()))
            .unwrap_or_default(),
        poise::Context::Prefix(_) => (None, Vec::new()),
    }
}

/// The guild the command is used in, once the member is known to may audit it.
pub(super) fn auditor(ctx: Ctx<'_>) -> Result<ServerId, CommandError> {
    let lang = lang_of(ctx);
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse(words::say_in(lang, "use-in-server", &[])))?;
    let (permissions, roles) = member_access(ctx);
    let roles: Vec<u64> = roles.iter().map(|r| r.get()).collect();
    let allowed = ctx
        .data()
        .app
        .rules()
        .check_may_audit(access::can_manage(permissions), &roles);
    if let Err(e) = allowed {
        tracing::info!(
            guild_id = guild.get(),
            user_id = ctx.author().id.get(),
            "audit refused"
        );
        return Err(refusal_in(lang, e));
    }
    Ok(guild.into())
}

/// A `YYYY-MM-DD` option, explained when malformed.
fn parse_day(
    lang: Lang,
    option: &str,
    text: Option<String>,
) -> Result<Option<NaiveDate>, CommandError> {
    let Some(text) = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            refuse(words::say_in(
                lang,
                "audit-bad-day",
                &[("option", option), ("text", &render::safe_text(&text, 20))],
            ))
        })
}

fn midnight(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// The filter of a history query, always scoped to `guild`.
pub fn history_filter(guild: ServerId, q: &HistoryQuery) -> ListFilter {
    ListFilter {
        guild_id: Some(guild),
        verdict: q.verdict,
        status: q.status,
        requester: q.requester.map(|r| r.to_string()),
        since: q.since.map(midnight),
        until: q.until.map(|d| midnight(d) + Duration::days(1)),
        text: q.text.clone(),
    }
}

/// One page of history for `guild`, ready to send or to replace a page with.
pub async fn history_view(
    bot: &Bot,
    lang: Lang,
    guild: ServerId,
    query: &HistoryQuery,
) -> Result<(CreateEmbed, Vec<CreateActionRow>), AppError> {
    let filter = history_filter(guild, query);
    let mut rows = bot
        .app
        .list(&filter, PAGE_SIZE + 1, query.page.saturating_mul(PAGE_SIZE))
        .await?;
    let has_next = rows.len() > PAGE_SIZE as usize;
    rows.truncate(PAGE_SIZE as usize);
    Ok(audit_render::history_page(
        lang, guild, query, &rows, has_next,
    ))
}

fn reply(share: Option<bool>) -> poise::CreateReply {
    poise::CreateReply::default()
        .ephemeral(!share.unwrap_or(false))
        .allowed_mentions(render::no_mentions())
}

async fn defer(ctx: Ctx<'_>, share: Option<bool>) -> Result<(), CommandError> {
    if share.unwrap_or(false) {
        ctx.defer().await?;
    } else {
        ctx.defer_ephemeral().await?;
    }
    Ok(())
}

/// Past checklists of this server, 10 a page (Manage Server or an audit role).
#[allow(clippy::too_many_arguments)] // one per slash-command option
#[poise::command(slash_command, guild_only)]
pub async fn history(
    ctx: Ctx<'_>,
    verdict: Option<VerdictChoice>,
    status: Option<StatusChoice>,
    requester: Option<serenity::User>,
    #[max_length = 10] since: Option<String>,
    #[max_length = 10] until: Option<String>,
    #[max_length = 40] text: Option<String>,
    share: Option<bool>,
) -> Result<(), CommandError> {
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    let since = parse_day(lang, "since", since)?;
    let until = parse_day(lang, "until", until)?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        return Err(refuse(words::say_in(lang, "audit-since-after-until", &[])));
    }
    let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    if text
        .as_ref()
        .is_some_and(|t| t.chars().count() > TEXT_MAX_CHARS)
    {
        return Err(refuse(words::say_in(
            lang,
            "audit-text-too-long",
            &[("max", &TEXT_MAX_CHARS.to_string())],
        )));
    }
    let query = HistoryQuery {
        page: 0,
        verdict: verdict.map(Into::into),
        status: status.map(Into::into),
        requester: requester.map(|u| u.id.get()),
        since,
        until,
        text,
    };
    let (embed, rows) = history_view(ctx.data(), lang, guild, &query)
        .await
        .map_err(|e| refusal_in(lang, e))?;
    ctx.send(reply(share).embed(embed).components(rows)).await?;
    Ok(())
}

/// Autocomplete: this server's recent checklists matching what is typed (auditors only).
async fn suggest(ctx: Ctx<'_>, partial: &str, decided_only: bool) -> CreateAutocompleteResponse {
    let Ok(guild) = auditor(ctx) else {
        return CreateAutocompleteResponse::new();
    };
    let lang = lang_of(ctx);
    let found = ctx
        .data()
        .app
        .suggest(guild, partial, decided_only, 25)
        .await;
    let rows = match found {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(guild_id = %guild, error = ?e.operator_cause(), "autocomplete failed");
            Vec::new()
        }
    };
    let choices = rows
        .iter()
        .map(|r| {
            let outcome = r.verdict.map_or_else(
                || words::say_in(lang, &format!("status-{}", r.status.key()), &[]),
                |v| words::headline_in(lang, v),
            );
            let proposal: String = r
                .trigger_text
                .chars()
                .filter(|c| !c.is_control() && !crate::text::is_invisible_format_char(*c))
                .collect();
            let name = format!(
                "#{} · {} · {outcome} · {}",
                r.id,
                r.created_at.format("%Y-%m-%d"),
                proposal.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            AutocompleteChoice::new(truncate_chars(&name, 100), r.id.0)
        })
        .collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}

async fn suggest_any(ctx: Ctx<'_>, partial: &str) -> CreateAutocompleteResponse {
    suggest(ctx, partial, false).await
}

async fn suggest_decided(ctx: Ctx<'_>, partial: &str) -> CreateAutocompleteResponse {
    suggest(ctx, partial, true).await
}

/// One checklist of this server in full: answers, verdict, notes, reviews.
#[poise::command(slash_command, guild_only)]
pub async fn show(
    ctx: Ctx<'_>,
    #[autocomplete = "suggest_any"]
    #[min = 1]
    id: i64,
    share: Option<bool>,
) -> Result<(), CommandError> {
    let id = WalkthroughId(id);
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    let bot = ctx.data();
    let detail = bot
        .app
        .detail(id, Some(guild))
        .await
        .map_err(|e| refusal_in(lang, e))?;
    for embed in audit_render::detail_embeds(lang, bot.app.content_in(lang), &detail) {
        ctx.send(reply(share).embed(embed)).await?;
    }
    Ok(())
}

/// Record the team's view of a decision: agreed, overruled (say why), or revisit later.
#[poise::command(slash_command, guild_only)]
pub async fn review(
    ctx: Ctx<'_>,
    #[autocomplete = "suggest_decided"]
    #[min = 1]
    id: i64,
    outcome: OutcomeChoice,
    #[max_length = 1000] note: Option<String>,
    #[max_length = 10] revisit: Option<String>,
    share: Option<bool>,
) -> Result<(), CommandError> {
    let id = WalkthroughId(id);
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    let revisit_on = parse_day(lang, "revisit", revisit)?;
    let bot = ctx.data();
    let author = ctx.author();
    let new = NewReview {
        walkthrough_id: id,
        guild_id: Some(guild),
        reviewer: Person::new(author.id.get().to_string(), author.name.clone()),
        outcome: outcome.into(),
        note,
        revisit_on,
        now: bot.now(),
    };
    let recorded = match bot.app.review(&new).await {
        Ok(r) => r,
        Err(e @ AppError::Review(_)) => {
            let reason = e.words_in(lang, &super::reply::DiscordMentions);
            let refused = words::say_in(lang, "review-refused", &[("reason", &reason)]);
            return Err(refuse(refused));
        }
        Err(e) => return Err(refusal_in(lang, e)),
    };
    let mut text = words::say_in(
        lang,
        "audit-review-recorded",
        &[
            ("review", &recorded.id.to_string()),
            ("id", &id.to_string()),
            (
                "outcome",
                &audit_render::review_outcome_words(lang, recorded.outcome),
            ),
        ],
    );
    if let Some(note) = &recorded.note {
        text.push('\n');
        let note = render::safe_text(note, 1000);
        text.push_str(&words::say_in(lang, "audit-note", &[("note", &note)]));
    }
    if let Some(day) = recorded.revisit_on {
        let place = bot
            .app
            .walkthrough(id)
            .await
            .map_err(|e| refusal_in(lang, e))?
            .place;
        let fallback = bot.settings.discord.audit_channel_id;
        let home = place.thread.or(place.channel);
        let start = audit_render::revisit_start(day);
        let on = words::say_in(
            lang,
            "audit-revisit-when",
            &[
                ("day", &day.to_string()),
                ("start", &render::time(start, TimeStyle::DateTime)),
                ("relative", &render::time(start, TimeStyle::Relative)),
            ],
        );
        let (key, home) = match (home, fallback) {
            (Some(h), _) => ("audit-revisit-in-thread", format!("<#{h}>")),
            (None, f) if f != 0 => ("audit-revisit-in-channel", format!("<#{f}>")),
            (None, _) => ("audit-revisit-logged", String::new()),
        };
        text.push('\n');
        text.push_str(&words::say_in(lang, key, &[("on", &on), ("home", &home)]));
    }
    ctx.send(reply(share).content(truncate_chars(&text, render::MESSAGE_LIMIT)))
        .await?;
    Ok(())
}

/// Record how a decision turned out (its requester, the answer roles, or auditors).
#[poise::command(slash_command, guild_only)]
pub async fn outcome(
    ctx: Ctx<'_>,
    #[autocomplete = "suggest_decided"]
    #[min = 1]
    id: i64,
    result: ResultChoice,
    #[max_length = 1000] note: Option<String>,
) -> Result<(), CommandError> {
    let id = WalkthroughId(id);
    let lang = lang_of(ctx);
    let guild = ctx
        .guild_id()
        .ok_or_else(|| refuse(words::say_in(lang, "use-in-server", &[])))?;
    let (permissions, roles) = member_access(ctx);
    let actor = access::actor(ctx.author(), &roles);
    let bot = ctx.data();
    // Not only auditors: the requester and the answer roles may record too (the app checks).
    let may_audit = bot
        .app
        .rules()
        .may_audit(access::can_manage(permissions), &actor.roles);
    let request = ctx.id().to_string();
    let entry = OutcomeEntry {
        walkthrough_id: id,
        result: result.into(),
        note: note.as_deref(),
        follow_up_round: None,
        request_id: Some(&request),
    };
    let recorder = Recorder::Member {
        guild: guild.into(),
        actor: &actor,
        may_audit,
    };
    let recorded = bot
        .app
        .record_outcome(&entry, recorder, bot.now())
        .await
        .map_err(|e| refusal_in(lang, e))?;
    let (key, outcome) = match &recorded {
        OutcomeRecorded::New { outcome, .. } => ("outcome-recorded", outcome),
        OutcomeRecorded::Already(outcome) => ("outcome-already-recorded", outcome),
    };
    let mut text = words::say_in(
        lang,
        key,
        &[
            ("outcome", &outcome.id.to_string()),
            ("id", &outcome.walkthrough_id.to_string()),
            ("result", &words::outcome_result_in(lang, outcome.result)),
        ],
    );
    if let Some(note) = &outcome.note {
        text.push('\n');
        let note = render::safe_text(note, 1000);
        text.push_str(&words::say_in(lang, "audit-note", &[("note", &note)]));
    }
    ctx.send(reply(None).content(truncate_chars(&text, render::MESSAGE_LIMIT)))
        .await?;
    Ok(())
}

/// Counts by verdict, share premature, failing gates, drivers, dismissals, and a chart.
#[poise::command(slash_command, guild_only)]
pub async fn stats(
    ctx: Ctx<'_>,
    period: Option<PeriodChoice>,
    share: Option<bool>,
) -> Result<(), CommandError> {
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    defer(ctx, share).await?;
    let bot = ctx.data();
    let period = period.unwrap_or(PeriodChoice::Days90);
    let filter = ListFilter {
        guild_id: Some(guild),
        since: period.days().map(|d| bot.now() - Duration::days(d)),
        ..ListFilter::default()
    };
    let stats = bot
        .app
        .stats(&filter)
        .await
        .map_err(|e| refusal_in(lang, e))?;
    let period_words = period.words(lang);
    let title = words::say_in(
        lang,
        "audit-stats-chart-title",
        &[("period", &period_words)],
    );
    let for_chart = stats.clone();
    let chart =
        tokio::task::spawn_blocking(move || crate::chart::stats_png_in(lang, &for_chart, &title))
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r.map_err(|e| e.to_string()));
    let mut message = reply(share);
    let name = "tunegate-stats.png";
    let content = bot.app.content_in(lang);
    let embed = match chart {
        Ok(png) => {
            message = message.attachment(CreateAttachment::bytes(png, name));
            audit_render::stats_embed(lang, content, &stats, &period_words, Some(name))
        }
        Err(e) => {
            tracing::error!(guild_id = %guild, error = %e, "could not draw the statistics chart");
            audit_render::stats_embed(lang, content, &stats, &period_words, None)
        }
    };
    ctx.send(message.embed(embed)).await?;
    Ok(())
}

/// This server's checklists and decisions as a CSV or JSON file.
#[poise::command(slash_command, guild_only)]
pub async fn export(
    ctx: Ctx<'_>,
    format: Option<FormatChoice>,
    #[max_length = 10] since: Option<String>,
    share: Option<bool>,
) -> Result<(), CommandError> {
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    let since = parse_day(lang, "since", since)?;
    defer(ctx, share).await?;
    let bot = ctx.data();
    let filter = ListFilter {
        guild_id: Some(guild),
        since: since.map(midnight),
        ..ListFilter::default()
    };
    let rows = bot
        .app
        .count(&filter)
        .await
        .map_err(|e| refusal_in(lang, e))?;
    if rows > MAX_EXPORT_ROWS {
        return Err(refuse(words::say_in(
            lang,
            "audit-export-too-many",
            &[
                ("rows", &rows.to_string()),
                ("max", &MAX_EXPORT_ROWS.to_string()),
                ("guild", &guild.to_string()),
            ],
        )));
    }
    let (format, ext, label) = match format.unwrap_or(FormatChoice::Csv) {
        FormatChoice::Csv => (ExportFormat::Csv, "csv", "CSV"),
        FormatChoice::Json => (ExportFormat::Json, "json", "JSON"),
    };
    let mut bytes = Vec::new();
    let written = bot.app.export(&filter, format, &mut bytes).await?;
    let limit = match ctx {
        poise::Context::Application(app) => {
            export_files::limit_from(app.interaction.attachment_size_limit)
        }
        poise::Context::Prefix(_) => export_files::DEFAULT_LIMIT,
    };
    let name = format!("tunegate-decisions-{guild}.{ext}");
    let package = export_files::package(lang, bytes, &name, limit).map_err(|e| {
        let error = export_files::error_words(lang, &e);
        refuse(words::say_in(
            lang,
            "audit-export-could-not-attach",
            &[("error", &error)],
        ))
    })?;
    let since_words = since
        .map(|d| words::say_in(lang, "audit-export-since", &[("day", &d.to_string())]))
        .unwrap_or_default();
    let mut text = words::say_in(
        lang,
        "audit-export",
        &[
            ("count", &written.to_string()),
            ("format", label),
            ("since", &since_words),
        ],
    );
    if let Some(note) = &package.note {
        text.push(' ');
        text.push_str(note);
    }
    let parts = package.files.len();
    for (i, (file, data)) in package.files.into_iter().enumerate() {
        let content = if i == 0 {
            text.clone()
        } else {
            words::say_in(
                lang,
                "audit-export-part",
                &[
                    ("part", &(i + 1).to_string()),
                    ("parts", &parts.to_string()),
                ],
            )
        };
        ctx.send(
            reply(share)
                .content(truncate_chars(&content, render::MESSAGE_LIMIT))
                .attachment(CreateAttachment::bytes(data, file)),
        )
        .await?;
    }
    tracing::info!(guild_id = %guild, rows = written, parts, "export sent");
    Ok(())
}
