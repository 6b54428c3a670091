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
use crate::app::{App, PurgeReport, format_time};
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
    /// Redact old proposal texts and notes now, per `[retention] redact_after_days`.
    Redact,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// The Discord guild (server) id whose walkthroughs, answers, notes and decisions go.
    #[arg(long, value_name = "ID")]
    pub guild: u64,
    /// Do not ask for confirmation (needed when stdin is not a terminal).
    #[arg(long)]
    pub yes: bool,
}

/// Runs a `db` subcommand.
pub async fn run(settings: &Settings, command: &DbCommand) -> Result<ExitCode, CliError> {
    let app = open_app(settings).await?;
    let result = run_on(&app, settings, command).await;
    // Closing checkpoints the WAL, so the database is one self-contained file afterwards.
    app.close().await;
    result
}

async fn run_on(app: &App, settings: &Settings, command: &DbCommand) -> Result<ExitCode, CliError> {
    match command {
        DbCommand::Backup { file } => {
            let report = app.backup_to(file).await?;
            println!(
                "Backed up to {}: {} bytes, {} walkthroughs, {} decisions.",
                report.path.display(),
                report.bytes,
                report.walkthroughs,
                report.decisions
            );
        }
        DbCommand::Check => {
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
                "Redacted {} proposal texts and {} notes of walkthroughs started before {}.",
                report.proposals,
                report.notes,
                format_time(report.cutoff)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
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
            "Nothing matched: guild {} has no walkthroughs here; nothing was deleted.",
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
    if report.revisits_unlinked > 0 {
        println!(
            "{} walkthroughs of other guilds revisited them; they are kept, without the link.",
            report.revisits_unlinked
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the next line typed is exactly the guild id.
fn confirmed(input: &mut impl BufRead, guild: u64) -> std::io::Result<bool> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    Ok(line.trim() == guild.to_string())
}

fn describe(r: &PurgeReport) -> String {
    format!(
        "{} walkthroughs, {} answers, {} notes and {} decisions",
        r.walkthroughs, r.answers, r.notes, r.decisions
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_guild_id_confirms_a_purge() {
        assert!(confirmed(&mut "42\n".as_bytes(), 42).unwrap());
        assert!(confirmed(&mut "  42  \n".as_bytes(), 42).unwrap());
        assert!(!confirmed(&mut "y\n".as_bytes(), 42).unwrap());
        assert!(!confirmed(&mut "420\n".as_bytes(), 42).unwrap());
        assert!(!confirmed(&mut "".as_bytes(), 42).unwrap());
    }

    #[test]
    fn an_absurd_retention_period_redacts_nothing_instead_of_overflowing() {
        let now = Utc::now();
        assert_eq!(cutoff(u64::MAX, now), None);
        assert_eq!(cutoff(i64::MAX as u64, now), None);
        assert_eq!(cutoff(1, now), Some(now - TimeDelta::days(1)));
    }
}
