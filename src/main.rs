//! The `tunegate` binary: load `.env`, parse the command line, load the settings (once), set
//! up logging, and hand over to the composition root (`tunegate::serve`).

use std::process::ExitCode;

use clap::Parser;
use tunegate::cli::{Cli, Command};

fn main() -> ExitCode {
    // First, before anything reads the environment: the command line itself takes
    // TUNEGATE_CONFIG from it. A missing .env is normal; a malformed one is worth saying,
    // since secrets live there.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("error: could not read .env: {e}");
        return ExitCode::FAILURE;
    }
    let cli = Cli::parse();
    let settings = tunegate::cli::load_settings(&cli);
    init_logging(&cli, settings.as_ref().ok());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(tunegate::serve::run(&cli, settings));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr; `RUST_LOG` sets levels (default: warnings, or info for the bot);
/// `log.format = "json"` switches to JSON lines.
fn init_logging(cli: &Cli, settings: Option<&tunegate::config::Settings>) {
    use tracing_subscriber::EnvFilter;
    let default = if matches!(cli.command, Command::Run(_)) {
        "info,serenity=warn"
    } else {
        "warn"
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    // A broken config is reported by the command itself; logging then uses the default.
    let json = settings.is_some_and(|s| s.log.format == tunegate::config::LogFormat::Json);
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
