//! `tunegate db ...` and `tunegate decisions purge`: looking after the database file.
//!
//! `backup` copies the database while the bot keeps running; `check` looks for damage;
//! `redact` applies the retention rule of `[retention]` now. `decisions purge` deletes one
//! guild's records for good, after the operator types the guild id (or passes `--yes`).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, TimeDelta, Utc};
use clap::{Args, Subcommand};

use super::{CliError, open_app};
use crate::app::{App, OpenMode, PurgeReport, SchemaState, ServerId, format_time};
use crate::config::Settings;

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Copy the database to a new FILE, safely while the bot is running.
    Backup {
        /// Where to write the copy; it must not exist yet.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check the database file for damage; prints "ok", or the problems and exits 1.
    Check,
    /// Bring the database's schema up to date after an upgrade (stop the old bot first).
    Migrate,
    /// Copy every table from one database to another, SQLite or PostgreSQL either way, ids
    /// kept; the target must be empty (stop the bots first). Row counts are verified after.
    Copy {
        /// The database to copy from, e.g. sqlite://tunegate.db
        #[arg(long, value_name = "URL")]
        from: String,
        /// The empty database to copy into, e.g. postgres://USER:PASSWORD@HOST/DATABASE
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Redact old personal text now (proposals, notes, free-text goals, review notes, names),
    /// per `[retention] redact_after_days`.
    Redact,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// The Discord guild (server) id whose records go: walkthroughs, answers, notes,
    /// decisions, dismissals, reviews and their reminders.
    #[arg(long, value_name = "ID", value_parser = parse_guild_id)]
    pub guild: ServerId,
    /// Do not ask for confirmation (needed when stdin is not a terminal).
    #[arg(long)]
    pub yes: bool,
}

/// Runs a `db` subcommand.
pub async fn run(settings: &Settings, command: &DbCommand) -> Result<ExitCode, CliError> {
    if let DbCommand::Copy { from, to } = command {
        let report = crate::app::maintenance::copy_database(from, to).await?;
        println!(
            "Copied {} rows from {} to {}; every table has as many rows in both:",
            report.rows(),
            crate::app::redact_url(from),
            crate::app::redact_url(to)
        );
        for (table, rows) in &report.tables {
            println!("  {table}: {rows}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Only `migrate` changes the schema; a backup and a check are worth making before it, so
    // they accept an older schema. None of them creates a missing file.
    let mode = match command {
        DbCommand::Migrate | DbCommand::Backup { .. } | DbCommand::Check => {
            OpenMode::ExistingAnySchema
        }
        DbCommand::Redact | DbCommand::Copy { .. } => OpenMode::Existing,
    };
    let app = open_app(settings, mode).await?;
    let result = run_on(&app, settings, command).await;
    // Closing checkpoints the WAL, so the database is one self-contained file afterwards.
    app.close().await;
    result
}

async fn run_on(app: &App, settings: &Settings, command: &DbCommand) -> Result<ExitCode, CliError> {
    match command {
        DbCommand::Backup { file } => {
            warn_if_older(app, settings).await?;
            let report = app.backup_to(file).await?;
            println!(
                "Backed up to {}: {} bytes, {} walkthroughs, {} decisions.",
                report.path.display(),
                report.bytes,
                report.walkthroughs,
                report.decisions
            );
        }
        DbCommand::Migrate => {
            let url = &settings.database.url;
            match app.schema_state(url).await? {
                SchemaState::Current => {
                    println!("The database schema is already up to date; nothing was changed.")
                }
                SchemaState::Older { have, want } => {
                    app.migrate(url).await?;
                    println!("Migrated the database schema from {have} to {want}.");
                }
            }
        }
        DbCommand::Check => {
            warn_if_older(app, settings).await?;
            let problems = app.problems().await?;
            if !problems.is_empty() {
                for problem in &problems {
                    println!("{problem}");
                }
                eprintln!(
                    "error: the database has {} problem(s); restore it from a backup \
                     (see `tunegate db backup`) or keep a copy and ask for help",
                    problems.len()
                );
                return Ok(ExitCode::FAILURE);
            }
            println!("ok");
        }
        // Copies open their own two databases, before this function (see `run`).
        DbCommand::Copy { .. } => {}
        DbCommand::Redact => {
            let days = settings.retention.redact_after_days;
            if days == 0 {
                println!(
                    "Retention is off ([retention] redact_after_days = 0): nothing was redacted."
                );
                return Ok(ExitCode::SUCCESS);
            }
            let now = Utc::now();
            let Some(cutoff) = cutoff(days, now) else {
                println!("Nothing is {days} days old yet: nothing was redacted.");
                return Ok(ExitCode::SUCCESS);
            };
            let report = app.redact_older_than(cutoff, now).await?;
            println!(
                "Redacted {} proposal texts, {} notes, {} free-text goals, {} review notes and \
                 {} display names of walkthroughs started (and reviews written) before {}.",
                report.proposals,
                report.notes,
                report.goal_details,
                report.review_notes,
                report.names,
                format_time(report.cutoff)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr when the schema is older than this binary's (a backup or check still runs).
async fn warn_if_older(app: &App, settings: &Settings) -> Result<(), CliError> {
    if let SchemaState::Older { have, want } = app.schema_state(&settings.database.url).await? {
        eprintln!(
            "note: the database has an older schema (migration {have}; this tunegate needs \
             {want}); run `tunegate db migrate` after this"
        );
    }
    Ok(())
}

/// The time `days` days before `now`, if it is a representable time.
fn cutoff(days: u64, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let days = i64::try_from(days).ok()?;
    now.checked_sub_signed(TimeDelta::try_days(days)?)
}

/// `tunegate decisions purge --guild ID [--yes]`.
pub async fn purge(app: &App, args: &PurgeArgs) -> Result<ExitCode, CliError> {
    let found = app.guild_rows(args.guild).await?;
    if found.is_empty() {
        println!(
            "Nothing matched: guild {} has no data in this database; nothing was deleted.",
            args.guild
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(CliError::Usage(format!(
                "refusing to delete guild {}'s {} without confirmation: run it in a terminal \
                 to confirm, or add --yes",
                args.guild,
                describe(&found)
            )));
        }
        eprint!(
            "This deletes guild {}'s {} for good. Make a backup first (`tunegate db backup FILE`).\n\
             Type the guild id to confirm: ",
            args.guild,
            describe(&found)
        );
        std::io::stderr().flush()?;
        if !confirmed(&mut stdin.lock(), args.guild)? {
            return Err(CliError::Usage(
                "the answer was not the guild id; nothing was deleted".to_string(),
            ));
        }
    }
    let report = app.purge_guild(args.guild).await?;
    println!("Deleted guild {}'s {}.", args.guild, describe(&report));
    println!(
        "The removed text was overwritten in the database file; backups made before still hold it."
    );
    if report.revisits_unlinked > 0 {
        println!(
            "{} walkthroughs of other guilds revisited them; they are kept, without the link.",
            report.revisits_unlinked
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A guild id as typed: a positive whole number (Discord shows it under Copy Server ID).
pub(crate) fn parse_guild_id(text: &str) -> Result<ServerId, String> {
    match text.trim().parse::<u64>() {
        Ok(id) if id > 0 && i64::try_from(id).is_ok() => Ok(ServerId(id)),
        _ => Err(format!(
            "{text:?} is not a Discord server id: use the number that Discord's \
             \"Copy Server ID\" gives, like 1234567890123456789"
        )),
    }
}

/// Whether the next line typed is exactly the guild id.
fn confirmed(input: &mut impl BufRead, guild: ServerId) -> std::io::Result<bool> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    Ok(line.trim() == guild.to_string())
}

fn describe(r: &PurgeReport) -> String {
    format!(
        "{} walkthroughs (dismissals included), {} answers, {} notes, {} decisions, {} reviews, \
         {} revisit reminders, {} outcomes, {} follow-ups, {} savings estimates, {} \
         suggestions, {} settings changes and {} decision-log posts",
        r.walkthroughs,
        r.answers,
        r.notes,
        r.decisions,
        r.reviews,
        r.review_reminders,
        r.outcomes,
        r.follow_ups,
        r.cost_estimates,
        r.suggestions,
        r.setting_changes,
        r.log_posts
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guild_id_must_be_a_positive_snowflake() {
        assert_eq!(
            parse_guild_id("1234567890123456789"),
            Ok(ServerId(1234567890123456789))
        );
        assert_eq!(parse_guild_id(" 42 "), Ok(ServerId(42)));
        for bad in ["abc", "", "-5", "0", "1.5", "18446744073709551615"] {
            let err = parse_guild_id(bad).unwrap_err();
            assert!(err.contains("not a Discord server id"), "{bad}: {err}");
        }
    }

    #[test]
    fn only_the_exact_guild_id_confirms_a_purge() {
        assert!(confirmed(&mut "42\n".as_bytes(), ServerId(42)).unwrap());
        assert!(confirmed(&mut "  42  \n".as_bytes(), ServerId(42)).unwrap());
        assert!(!confirmed(&mut "y\n".as_bytes(), ServerId(42)).unwrap());
        assert!(!confirmed(&mut "420\n".as_bytes(), ServerId(42)).unwrap());
        assert!(!confirmed(&mut "".as_bytes(), ServerId(42)).unwrap());
    }

    #[test]
    fn an_absurd_retention_period_redacts_nothing_instead_of_overflowing() {
        let now = Utc::now();
        assert_eq!(cutoff(u64::MAX, now), None);
        assert_eq!(cutoff(i64::MAX as u64, now), None);
        assert_eq!(cutoff(1, now), Some(now - TimeDelta::days(1)));
    }
}
