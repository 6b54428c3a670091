//! The command line: what each command takes, and which module carries it out.
//!
//! `check` runs the checklist in the terminal; `decisions` audits past decisions offline;
//! `db` backs up, checks and redacts the database; `config check` validates the settings;
//! `detect` tries the detector; `run` starts the bot.

pub mod bot;
pub mod check;
pub mod db;
pub mod decisions;
pub mod detect;
pub mod detect_train;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::checklist::{ChecklistContent, content::ContentError};
use crate::config::{ConfigError, Settings};
use crate::store::{ExportError, Store, StoreError, StoreOptions};

/// tunegate: answer the right questions before you fine-tune a model.
#[derive(Debug, Parser)]
#[command(name = "tunegate", version = crate::detect::version_with_model(), about, long_about = None)]
pub struct Cli {
    /// A TOML config file that overrides the built-in defaults (also TUNEGATE_CONFIG).
    #[arg(long, global = true, env = "TUNEGATE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the fine-tuning checklist in the terminal and record the decision.
    Check(check::CheckArgs),
    /// Audit past decisions: list, show, export, stats.
    #[command(subcommand)]
    Decisions(decisions::DecisionsCommand),
    /// Look after the database: backup, check, redact.
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Inspect the configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Try the fine-tune proposal detector on messages (arguments, --file, or stdin).
    Detect(detect::DetectArgs),
    /// Start the Discord bot (needs DISCORD_TOKEN); stops on Ctrl-C or SIGTERM.
    Run,
    /// Ask a running bot's health endpoint (for container health checks).
    Health(bot::HealthArgs),
    /// Print the URL that adds the bot to a server, with exactly the permissions it needs.
    InviteUrl(bot::InviteArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate the configuration and print the effective settings, secrets redacted.
    Check,
}

/// Output formats of the audit commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
}

/// Everything that can stop a command, worded for the person at the terminal.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Content(#[from] ContentError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error("{0}")]
    Usage(String),
    #[error("could not write the output: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Detect(String),
    #[error("{0}")]
    Bot(String),
}

/// Runs the command the command line names.
pub async fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    match &cli.command {
        Command::Check(args) => check::run(cli, args).await,
        Command::Decisions(command) => decisions::run(cli, command).await,
        Command::Db(command) => db::run(cli, command).await,
        Command::Config(ConfigCommand::Check) => config_check(cli),
        Command::Detect(args) => match &args.command {
            Some(detect::DetectCommand::Feedback(feedback)) => {
                detect_train::feedback(cli, feedback).await
            }
            _ => detect_command(cli, args),
        },
        Command::Run => bot::run(cli).await,
        Command::Health(args) => bot::health(cli, args).await,
        Command::InviteUrl(args) => bot::invite_url(cli, args),
    }
}

/// `tunegate detect`: the detector as configured, on messages from arguments, a file or stdin.
fn detect_command(cli: &Cli, args: &detect::DetectArgs) -> Result<ExitCode, CliError> {
    if let Some(detect::DetectCommand::Train(train)) = &args.command {
        detect_train::run(train, &mut std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let settings = load_settings(cli)?;
    let detector = crate::detect::Detector::new(&settings.detect)
        .map_err(|e| CliError::Detect(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    detect::run(args, &detector, std::io::stdin().lock(), &mut out)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads settings for a command.
pub fn load_settings(cli: &Cli) -> Result<Settings, CliError> {
    Ok(Settings::load(&crate::config::Sources {
        file: cli.config.clone(),
        local_file: true,
    })?)
}

/// Opens the database named by the settings.
pub async fn open_store(settings: &Settings) -> Result<Store, CliError> {
    Ok(Store::open(&StoreOptions {
        url: settings.database.url.clone(),
        busy_timeout: std::time::Duration::from_millis(settings.database.busy_timeout_ms),
        max_connections: settings.database.max_connections,
    })
    .await?)
}

/// Loads the checklist content named by the settings.
pub fn load_content(settings: &Settings) -> Result<ChecklistContent, CliError> {
    Ok(ChecklistContent::load(&settings.checklist.file)?)
}

/// `tunegate config check`.
pub fn config_check(cli: &Cli) -> Result<ExitCode, CliError> {
    let settings = load_settings(cli)?;
    let content = load_content(&settings)?;
    crate::detect::Detector::new(&settings.detect).map_err(|e| CliError::Detect(e.to_string()))?;
    println!("{}", settings.redacted_toml());
    println!("# checklist version: {}", content.version());
    println!("# the configuration is valid");
    Ok(ExitCode::SUCCESS)
}
