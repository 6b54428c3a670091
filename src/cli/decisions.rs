//! `tunegate decisions ...`: the offline audit of past decisions.
//!
//! `list` and `stats` answer from indexed queries (`stats --chart` also draws them as a PNG);
//! `export` streams every matching row to stdout or a file without holding them in memory;
//! `show` prints one walkthrough in full with its reviews, outcomes and latest savings
//! estimate; `review` records the team's view of a decision; `outcome` records how it turned
//! out.
//! The CLI runs on the machine that holds the database, so it may look across guilds;
//! `--guild` narrows any command to one. `purge` (in `db.rs`) deletes one guild's records.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::{CliError, OutputFormat, open_app, render};
use crate::app::{
    App, AppError, ExportFormat, ListFilter, MAX_OUTCOME_NOTE_CHARS, NewReview, OpenMode,
    OutcomeEntry, OutcomeRecorded, Person, Recorder, ReviewOutcome, ServerId, Status,
    WalkthroughId, defuse_formula, format_time, words,
};
use crate::checklist::VerdictKind;
use crate::checklist::outcome::OutcomeResult;
use crate::config::Settings;

#[derive(Debug, Subcommand)]
pub enum DecisionsCommand {
    /// List walkthroughs and their verdicts, newest first.
    List(ListArgs),
    /// Show one walkthrough in full: proposal, every answer, verdict, notes.
    Show(ShowArgs),
    /// Export walkthroughs and verdicts as CSV, JSON or JSON Lines (streamed).
    Export(ExportArgs),
    /// Counts by verdict and month, share premature, failing gates, drivers, dismissals.
    Stats(StatsArgs),
    /// Delete one guild's walkthroughs, answers, notes and decisions for good.
    Purge(super::db::PurgeArgs),
    /// Record the team's review of a decision: agreed, overruled (with a note), revisit later.
    Review(ReviewArgs),
    /// Record how a decision turned out (after PREMATURE or NOT JUSTIFIED YET: solved, partly,
    /// still-needed, not-tried; after JUSTIFIED: paid-off, no-gain, not-yet, dropped).
    Outcome(OutcomeArgs),
}

/// Filters shared by list, export and stats.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only this verdict: premature, not-justified-yet or justified.
    #[arg(long, value_parser = parse_verdict)]
    pub verdict: Option<VerdictKind>,
    /// Only this status: open, decided, abandoned, cancelled or dismissed.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Only this requester (Discord user id, cli:NAME, or display name).
    #[arg(long, value_name = "WHO")]
    pub requester: Option<String>,
    /// Only walkthroughs started on or after this date (YYYY-MM-DD, UTC) or time (RFC 3339).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<DateTime<Utc>>,
    /// Only walkthroughs started on or before this date (YYYY-MM-DD, inclusive) or before
    /// this time (RFC 3339).
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<DateTime<Utc>>,
    /// Only this Discord guild (server) id.
    #[arg(long, value_name = "ID", value_parser = super::db::parse_guild_id)]
    pub guild: Option<ServerId>,
    /// Only proposals containing this text (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
}

impl FilterArgs {
    fn to_filter(&self) -> Result<ListFilter, CliError> {
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since >= until
        {
            return Err(CliError::Usage(
                "--since must be earlier than --until; nothing could match".to_string(),
            ));
        }
        Ok(ListFilter {
            guild_id: self.guild,
            verdict: self.verdict,
            status: self.status,
            requester: self.requester.clone(),
            since: self.since,
            until: self.until,
            text: self.text.clone(),
        })
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How many rows at most.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: u32,
    /// Skip this many rows first (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The walkthrough's id, as shown by `list` (a leading # is fine).
    #[arg(value_parser = parse_id)]
    pub id: WalkthroughId,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = ExportFormatArg::Csv)]
    pub format: ExportFormatArg,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Also draw the statistics as a PNG chart into this file.
    #[arg(long, value_name = "FILE")]
    pub chart: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The decision's id, as shown by `list` (a leading # is fine).
    #[arg(value_parser = parse_id)]
    pub id: WalkthroughId,
    /// agreed, overruled (needs --note) or revisit-later.
    #[arg(long, value_parser = parse_outcome)]
    pub outcome: ReviewOutcome,
    /// Why; required with --outcome overruled.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A day (YYYY-MM-DD, UTC) on which the bot posts a reminder in the decision's thread.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub revisit: Option<NaiveDate>,
    /// Who reviews, recorded as cli:NAME (default: $USER).
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
}

#[derive(Debug, Args)]
pub struct OutcomeArgs {
    /// The decision's id, as shown by `list` (a leading # is fine).
    #[arg(value_parser = parse_id)]
    pub id: WalkthroughId,
    /// How it turned out.
    #[arg(long, value_enum)]
    pub result: ResultArg,
    /// What worked, what did not (at most 1000 characters).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who records it, as cli:NAME (default: $USER).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// A result as the command line spells it (the stored keys, with underscores, work too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultArg {
    /// After prompt work: solved without fine-tuning.
    Solved,
    /// After prompt work: partly solved.
    Partly,
    /// After prompt work: fine-tuning is still needed.
    #[value(alias = "still_needed")]
    StillNeeded,
    /// After prompt work: not tried yet.
    #[value(alias = "not_tried")]
    NotTried,
    /// After JUSTIFIED: fine-tuned, and it paid off.
    #[value(alias = "paid_off")]
    PaidOff,
    /// After JUSTIFIED: fine-tuned, no clear gain.
    #[value(alias = "no_gain")]
    NoGain,
    /// After JUSTIFIED: not fine-tuned yet.
    #[value(alias = "not_yet")]
    NotYet,
    /// After JUSTIFIED: the fine-tuning was dropped.
    Dropped,
}

impl From<ResultArg> for OutcomeResult {
    fn from(r: ResultArg) -> OutcomeResult {
        match r {
            ResultArg::Solved => OutcomeResult::Solved,
            ResultArg::Partly => OutcomeResult::Partly,
            ResultArg::StillNeeded => OutcomeResult::StillNeeded,
            ResultArg::NotTried => OutcomeResult::NotTried,
            ResultArg::PaidOff => OutcomeResult::PaidOff,
            ResultArg::NoGain => OutcomeResult::NoGain,
            ResultArg::NotYet => OutcomeResult::NotYet,
            ResultArg::Dropped => OutcomeResult::Dropped,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Json,
    Jsonl,
}

fn parse_verdict(text: &str) -> Result<VerdictKind, String> {
    VerdictKind::parse(text)
        .ok_or_else(|| "use premature, not-justified-yet or justified".to_string())
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text)
        .ok_or_else(|| "use open, decided, abandoned, cancelled or dismissed".to_string())
}

fn parse_outcome(text: &str) -> Result<ReviewOutcome, String> {
    ReviewOutcome::parse(text).ok_or_else(|| "use agreed, overruled or revisit-later".to_string())
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{:?} is not a date; use YYYY-MM-DD", text.trim()))
}

fn parse_id(text: &str) -> Result<WalkthroughId, String> {
    text.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(WalkthroughId)
        .ok_or_else(|| "an id is a positive whole number, as shown by `decisions list`".to_string())
}

/// A date (midnight UTC) or an RFC 3339 time.
fn parse_time_arg(text: &str) -> Result<(DateTime<Utc>, bool), String> {
    let t = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let midnight = date
            .and_hms_opt(0, 0, 0)
            .ok_or_else(|| format!("{t:?} is not a valid date"))?;
        return Ok((midnight.and_utc(), true));
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| (d.with_timezone(&Utc), false))
        .map_err(|_| {
            format!("{t:?} is not a date; use YYYY-MM-DD or a time like 2026-11-29T14:30:00Z")
        })
}

fn parse_since(text: &str) -> Result<DateTime<Utc>, String> {
    parse_time_arg(text).map(|(t, _)| t)
}

fn parse_until(text: &str) -> Result<DateTime<Utc>, String> {
    // A bare date includes that whole day.
    parse_time_arg(text).map(|(t, whole_day)| if whole_day { t + Duration::days(1) } else { t })
}

/// Runs a `decisions` subcommand on the database the settings name.
pub async fn run(
    settings: &Settings,
    command: &DecisionsCommand,
    lang: crate::app::Lang,
) -> Result<ExitCode, CliError> {
    // Audit commands never create or migrate: a mistyped path must not look like data loss.
    let app = open_app(settings, OpenMode::Existing).await?;
    let result = match command {
        DecisionsCommand::Purge(args) => super::db::purge(&app, args).await,
        DecisionsCommand::List(args) => list(&app, args).await,
        DecisionsCommand::Show(args) => show(&app, args, lang).await,
        DecisionsCommand::Export(args) => export(&app, args).await,
        DecisionsCommand::Stats(args) => stats(&app, args, lang).await,
        DecisionsCommand::Review(args) => review(&app, args).await,
        DecisionsCommand::Outcome(args) => outcome(&app, args).await,
    };
    app.close().await;
    result
}

/// `decisions list`.
async fn list(app: &App, args: &ListArgs) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let rows = app
        .list(&args.filter.to_filter()?, args.limit, args.offset)
        .await?;
    let mut out = stdout.lock();
    match args.format {
        OutputFormat::Table if rows.is_empty() => {
            writeln!(out, "No walkthroughs match these filters.")?
        }
        OutputFormat::Table => write!(out, "{}", render::table(&rows))?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "id",
                "created_at",
                "source",
                "status",
                "verdict",
                "guild_id",
                "requester_id",
                "requester_name",
                "trigger_text",
            ])
            .map_err(std::io::Error::other)?;
            for r in &rows {
                w.write_record([
                    r.id.to_string(),
                    format_time(r.created_at),
                    r.source.key().to_string(),
                    r.status.key().to_string(),
                    r.verdict.map(|v| v.key().to_string()).unwrap_or_default(),
                    r.guild_id.map(|g| g.to_string()).unwrap_or_default(),
                    defuse_formula(r.requester.id.clone()),
                    defuse_formula(r.requester.name.clone()),
                    defuse_formula(r.trigger_text.clone()),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `decisions show`.
async fn show(app: &App, args: &ShowArgs, lang: crate::app::Lang) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let detail = match app.detail(args.id, None).await {
        Err(AppError::NotInThisServer(id)) => {
            return Err(CliError::Usage(format!(
                "there is no walkthrough #{id}; `tunegate decisions list` shows the ids"
            )));
        }
        other => other?,
    };
    let mut out = stdout.lock();
    match args.format {
        TextOrJson::Text => {
            write!(
                out,
                "{}",
                render::detail(lang, &detail, app.content_in(lang))
            )?;
        }
        TextOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &detail).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `decisions export`.
async fn export(app: &App, args: &ExportArgs) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let filter = args.filter.to_filter()?;
    let format = match args.format {
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Json => ExportFormat::Json,
        ExportFormatArg::Jsonl => ExportFormat::JsonLines,
    };
    let written = match &args.out {
        Some(path) => {
            let file = File::create(path).map_err(|e| {
                CliError::Usage(format!(
                    "could not create {}: {e}; check the folder exists and is writable",
                    path.display()
                ))
            })?;
            let mut w = BufWriter::new(file);
            let n = app.export(&filter, format, &mut w).await?;
            w.flush()?;
            n
        }
        None => {
            let mut w = BufWriter::new(stdout.lock());
            app.export(&filter, format, &mut w).await?
        }
    };
    if let Some(path) = &args.out {
        eprintln!("Exported {written} walkthroughs to {}.", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `decisions stats`.
async fn stats(app: &App, args: &StatsArgs, lang: crate::app::Lang) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let stats = app.stats(&args.filter.to_filter()?).await?;
    if let Some(path) = &args.chart {
        let title = crate::app::words::say_in(lang, "cli-stats-chart-title", &[]);
        let png = crate::chart::stats_png_in(lang, &stats, &title)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        std::fs::write(path, png).map_err(|e| {
            CliError::Usage(format!(
                "could not write the chart to {}: {e}; check the folder exists and is \
                 writable",
                path.display()
            ))
        })?;
        eprintln!("Chart written to {}.", path.display());
    }
    let mut out = stdout.lock();
    match args.format {
        TextOrJson::Text => {
            write!(out, "{}", render::stats(lang, &stats, app.content_in(lang)))?;
        }
        TextOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &stats).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `decisions review`.
async fn review(app: &App, args: &ReviewArgs) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let review = NewReview {
        walkthrough_id: args.id,
        // The terminal runs next to the database: it may review any guild's decisions.
        guild_id: None,
        reviewer: terminal_person(args.reviewer.as_ref()),
        outcome: args.outcome,
        note: args.note.clone(),
        revisit_on: args.revisit,
        now: Utc::now(),
    };
    let recorded = match app.review(&review).await {
        Ok(r) => r,
        Err(e @ AppError::Review(_)) => return Err(CliError::Usage(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let mut out = stdout.lock();
    writeln!(
        out,
        "Review #{} recorded for decision #{}: {}.",
        recorded.id,
        recorded.walkthrough_id,
        recorded.outcome.key()
    )?;
    if let Some(day) = recorded.revisit_on {
        writeln!(
            out,
            "On {day} (UTC) the bot posts a reminder in the decision's thread."
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The person the terminal records as: `cli:NAME`, NAME given or $USER (else "terminal").
fn terminal_person(name: Option<&String>) -> Person {
    let name = name
        .cloned()
        .or_else(|| std::env::var("USER").ok())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "terminal".to_string());
    Person::new(format!("cli:{}", name.trim()), name.trim())
}

/// `decisions outcome`. A note over the limit is a bad argument (exit 2, nothing opened); a
/// decision that is not there, not decided, or whose verdict the result does not fit is
/// refused with the app's sentence (exit 1).
async fn outcome(app: &App, args: &OutcomeArgs) -> Result<ExitCode, CliError> {
    if args
        .note
        .as_ref()
        .is_some_and(|n| n.trim().chars().count() > MAX_OUTCOME_NOTE_CHARS)
    {
        eprintln!(
            "error: --note: {}",
            words::say(
                "outcome-note-too-long",
                &[("max", &MAX_OUTCOME_NOTE_CHARS.to_string())]
            )
        );
        return Ok(ExitCode::from(2));
    }
    let person = terminal_person(args.by.as_ref());
    let entry = OutcomeEntry {
        walkthrough_id: args.id,
        result: args.result.into(),
        note: args.note.as_deref(),
        follow_up_round: None,
        request_id: None,
    };
    // The terminal runs next to the database: it may record for any guild's decision.
    let recorded = app
        .record_outcome(&entry, Recorder::Terminal(&person), Utc::now())
        .await?;
    let (key, o) = match &recorded {
        OutcomeRecorded::New { outcome, .. } => ("outcome-recorded", outcome),
        OutcomeRecorded::Already(outcome) => ("outcome-already-recorded", outcome),
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        words::say(
            key,
            &[
                ("outcome", &o.id.to_string()),
                ("id", &o.walkthrough_id.to_string()),
                ("result", &words::outcome_result(o.result)),
            ],
        )
    )?;
    if let Some(note) = &o.note {
        writeln!(out, "Note: {}", crate::text::one_line(note, 200))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_until_date_includes_the_whole_day() {
        let until = parse_until("2026-11-29").unwrap();
        assert_eq!(format_time(until), "2026-11-30T00:00:00.000Z");
        let exact = parse_until("2026-11-29T10:00:00Z").unwrap();
        assert_eq!(format_time(exact), "2026-11-29T10:00:00.000Z");
    }

    #[test]
    fn malformed_dates_and_ids_are_explained() {
        assert!(
            parse_since("29/11/2026")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(parse_since("2026-02-30").is_err());
        assert!(parse_id("#12").is_ok());
        assert!(parse_id("0").is_err());
        assert!(
            parse_id("abc")
                .unwrap_err()
                .contains("positive whole number")
        );
    }
}
