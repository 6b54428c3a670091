//! The `tunegate` binary: parse the command line, load `.env`, set up logging, hand over.

use std::process::ExitCode;

use clap::Parser;
use tunegate::cli::{Cli, Command, ConfigCommand, check, config_check, db, decisions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A missing .env is normal; a malformed one is worth saying, since secrets live there.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("error: could not read .env: {e}");
        return ExitCode::FAILURE;
    }
    init_logging(matches!(cli.command, Command::Run));
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match &cli.command {
            Command::Check(args) => check::run(&cli, args).await,
            Command::Decisions(command) => decisions::run(&cli, command).await,
            Command::Db(command) => db::run(&cli, command).await,
            Command::Config(ConfigCommand::Check) => config_check(&cli),
            Command::Run => Err(tunegate::cli::CliError::Bot(
                "the Discord bot is not part of this build yet; use `tunegate check` in the \
                 terminal meanwhile"
                    .to_string(),
            )),
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr; `RUST_LOG` sets levels (default: warnings, or info for the bot).
fn init_logging(bot: bool) {
    use tracing_subscriber::EnvFilter;
    let default = if bot { "info" } else { "warn" };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let json = std::env::var("TUNEGATE_LOG__FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
