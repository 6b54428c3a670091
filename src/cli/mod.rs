//! The command line: what each command takes, and which module carries it out.
//!
//! `check` runs the checklist in the terminal; `decisions` audits past decisions offline;
//! `db` backs up, checks and redacts the database; `config check` validates the settings;
//! `guild settings` shows a server's own settings; `detect` tries the detector; `health` and `invite-url` help run the bot. `run` (the bot
//! itself) is not carried out here: `crate::serve` wires the Discord front end.
//!
//! Every command goes through the application layer ([`crate::app::App`]); none names the
//! store or the Discord front end (`tests/layering.rs`).

pub mod bot;
pub mod check;
pub mod cost;
pub mod db;
pub mod decisions;
pub mod detect;
pub mod detect_train;
pub mod guild;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{App, AppError, ExportError, OpenMode, StoreError};
use crate::checklist::{ChecklistContent, content::ContentError};
use crate::config::{ConfigError, Settings};

/// tunegate: answer the right questions before you fine-tune a model.
#[derive(Debug, Parser)]
#[command(name = "tunegate", version = crate::detect::version_with_model(), about, long_about = None)]
pub struct Cli {
    /// A TOML config file that overrides the built-in defaults (also TUNEGATE_CONFIG).
    #[arg(long, global = true, env = "TUNEGATE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The language of `check` and of the audit output (en, fr, de, es; a region such as
    /// fr_FR.UTF-8 is fine). Default: the terminal's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG);
    /// a language tunegate does not speak means English. Error messages stay English.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The language asked for with `--lang`, else the terminal's, else English.
    pub fn language(&self) -> crate::app::Lang {
        match &self.lang {
            Some(tag) => crate::app::Lang::from_locale(Some(tag)),
            None => crate::app::Lang::from_environment(
                &["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"].map(|v| std::env::var(v).ok()),
            ),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the fine-tuning checklist in the terminal and record the decision.
    Check(check::CheckArgs),
    /// Audit past decisions: list, show, export, stats.
    #[command(subcommand)]
    Decisions(decisions::DecisionsCommand),
    /// Look after the database: backup, check, migrate, redact.
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Per-server settings (changed in Discord with /finetune-audit settings).
    #[command(subcommand)]
    Guild(guild::GuildCommand),
    /// Inspect the configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Try the fine-tune proposal detector on messages (arguments, --file, or stdin).
    Detect(detect::DetectArgs),
    /// Start the Discord bot (needs DISCORD_TOKEN); stops on Ctrl-C or SIGTERM.
    Run(bot::RunArgs),
    /// Register the slash commands with Discord once, without connecting (for bots run as
    /// several processes: then no process needs to run shard 0 first).
    RegisterCommands,
    /// Ask a running bot's health endpoint (for container health checks).
    Health(bot::HealthArgs),
    /// Print the URL that adds the bot to a server, with exactly the permissions it needs.
    InviteUrl(bot::InviteArgs),
    /// Estimate when a fine-tuned model pays back, from your traffic and prices.
    Cost(cost::CostArgs),
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
    Words(#[from] crate::app::words::WordsError),
    /// The database's own words: at the terminal, the person is the operator.
    #[error(transparent)]
    Database(#[from] StoreError),
    /// A refusal, as the app words it.
    #[error(transparent)]
    App(AppError),
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

impl From<AppError> for CliError {
    fn from(error: AppError) -> CliError {
        match error {
            AppError::Unavailable(e) => CliError::Database(e),
            other => CliError::App(other),
        }
    }
}

/// Runs a terminal command with the settings loaded once by the composition root (a broken
/// configuration is reported by the commands that need it). `run` is not one of them: see
/// `crate::serve`.
pub async fn run(cli: &Cli, settings: Result<Settings, CliError>) -> Result<ExitCode, CliError> {
    match &cli.command {
        Command::Check(args) => check::run(&settings?, args, cli.language()).await,
        Command::Decisions(command) => decisions::run(&settings?, command, cli.language()).await,
        Command::Db(command) => db::run(&settings?, command).await,
        Command::Config(ConfigCommand::Check) => config_check(&settings?),
        Command::Guild(command) => guild::run(&settings?, command).await,
        Command::Detect(args) => match &args.command {
            Some(detect::DetectCommand::Feedback(feedback)) => {
                detect_train::feedback(&settings?, feedback).await
            }
            _ => detect_command(&settings?, args),
        },
        Command::Health(args) => bot::health(settings, args).await,
        Command::InviteUrl(args) => bot::invite_url(settings, args),
        Command::Cost(args) => {
            // Prices left out come from `[cost]`; a broken configuration only loses those.
            let defaults = settings.map_or(
                crate::config::CostSettings {
                    price_in: 0.0,
                    price_out: 0.0,
                    ratio: crate::checklist::cost::DEFAULT_RATIO,
                },
                |s| s.cost,
            );
            cost::run(args, &defaults)
        }
        Command::Run(_) | Command::RegisterCommands => Err(CliError::Usage(
            "`run` and `register-commands` go through the composition root (crate::serve)".into(),
        )),
    }
}

/// `tunegate detect`: the detector as configured, on messages from arguments, a file or stdin.
fn detect_command(settings: &Settings, args: &detect::DetectArgs) -> Result<ExitCode, CliError> {
    if let Some(detect::DetectCommand::Train(train)) = &args.command {
        detect_train::run(train, &mut std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
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

/// Opens the database named by the settings, creating or migrating it only as `mode` allows,
/// and builds the app over it.
pub async fn open_app(settings: &Settings, mode: OpenMode) -> Result<App, CliError> {
    let content = load_content(settings)?;
    Ok(App::open(settings, content, mode).await?)
}

/// Loads the checklist content named by the settings.
/// The team's locale overrides (`checklist.locales`) are checked and installed first, so the
/// checklist and every sentence use them; a broken override file stops here with its key and
/// path.
pub fn load_content(settings: &Settings) -> Result<ChecklistContent, CliError> {
    let words = crate::app::words::Words::load(&settings.checklist.locales)?;
    crate::app::words::install(words);
    Ok(ChecklistContent::load(&settings.checklist.file)?)
}

/// `tunegate config check`.
pub fn config_check(settings: &Settings) -> Result<ExitCode, CliError> {
    let content = load_content(settings)?;
    crate::detect::Detector::new(&settings.detect).map_err(|e| CliError::Detect(e.to_string()))?;
    println!("{}", settings.redacted_toml());
    println!("# checklist version: {}", content.version());
    println!("# the configuration is valid");
    Ok(ExitCode::SUCCESS)
}
