//! The composition root: what `tunegate` runs, wired in one place. The command line is
//! parsed and the settings loaded once (in `main`), then either the bot is assembled here
//! (store opened, app built, Discord front end started until SIGINT/SIGTERM) or the terminal
//! front end gets the settings and the command.

use std::process::ExitCode;

use crate::app::{App, OpenMode};
use crate::cli::{Cli, CliError, Command};
use crate::config::Settings;
use crate::discord::BotError;

/// Runs the command the command line names, on settings loaded once.
pub async fn run(cli: &Cli, settings: Result<Settings, CliError>) -> Result<ExitCode, CliError> {
    match &cli.command {
        Command::Run(args) => bot(args.apply(settings?)?).await,
        Command::RegisterCommands => {
            let settings = settings?;
            let count = crate::discord::register_commands(&settings)
                .await
                .map_err(|e| CliError::Bot(e.to_string()))?;
            println!("Registered {count} commands with Discord.");
            Ok(ExitCode::SUCCESS)
        }
        _ => crate::cli::run(cli, settings).await,
    }
}

/// `tunegate run`: the Discord bot until SIGINT/SIGTERM.
pub async fn bot(settings: Settings) -> Result<ExitCode, CliError> {
    let content = crate::cli::load_content(&settings)?;
    if settings.discord.token.is_none() {
        return Err(CliError::Bot(BotError::MissingToken.to_string()));
    }
    let app = App::open(&settings, content, OpenMode::CreateAndMigrate).await?;
    tracing::info!(
        database = %crate::app::redact_url(&settings.database.url),
        checklist = app.checklist_version(),
        "starting"
    );
    let result = crate::discord::run(settings, app.clone(), shutdown_signal()).await;
    app.close().await;
    result.map_err(|e| CliError::Bot(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM (container stop).
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
