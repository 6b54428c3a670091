//! `tunegate run` (the Discord bot until SIGINT/SIGTERM) and `tunegate invite-url`.

use std::process::ExitCode;

use base64::Engine as _;
use clap::Args;
use secrecy::ExposeSecret;

use super::{Cli, CliError, load_content, load_settings, open_store};
use crate::flow::Flow;

/// The permissions the bot needs, and why.
pub const PERMISSIONS: &[(u64, &str)] = &[
    (1 << 10, "View Channels: see the channels it watches"),
    (
        1 << 11,
        "Send Messages: reply in a channel when no thread can be opened",
    ),
    (1 << 14, "Embed Links: post the verdict as an embed"),
    (
        1 << 16,
        "Read Message History: open a thread on an existing message",
    ),
    (1 << 35, "Create Public Threads: one thread per walkthrough"),
    (
        1 << 38,
        "Send Messages in Threads: ask the questions in that thread",
    ),
];

/// The sum of [`PERMISSIONS`], as the invite URL carries it.
pub fn permission_bits() -> u64 {
    PERMISSIONS.iter().map(|(bit, _)| bit).sum()
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The application id (Developer Portal -> General Information). Read from DISCORD_TOKEN
    /// when omitted.
    #[arg(long, value_name = "ID")]
    pub client_id: Option<u64>,
}

/// `tunegate run`.
pub async fn run(cli: &Cli) -> Result<ExitCode, CliError> {
    let settings = load_settings(cli)?;
    let content = load_content(&settings)?;
    if settings.discord.token.is_none() {
        return Err(CliError::Bot(
            crate::discord::BotError::MissingToken.to_string(),
        ));
    }
    let store = open_store(&settings, crate::store::OpenMode::CreateAndMigrate).await?;
    let flow = Flow::new(store.clone(), content);
    tracing::info!(database = %settings.database.url, checklist = flow.checklist_version(), "starting");
    let result = crate::discord::run(settings, flow, shutdown_signal()).await;
    store.close().await;
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

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// The endpoint to ask, e.g. http://127.0.0.1:9095 [default: from http.listen].
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

/// `tunegate health`: asks a running bot's `/healthz`; exit 0 when healthy, 1 otherwise.
pub async fn health(cli: &Cli, args: &HealthArgs) -> Result<ExitCode, CliError> {
    let base = match &args.url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => {
            let settings = load_settings(cli)?;
            let listen = settings.http.listen;
            if listen.is_empty() {
                return Err(CliError::Usage(
                    "the health endpoint is off: set http.listen (TUNEGATE_HTTP__LISTEN), or \
                     give --url"
                        .into(),
                ));
            }
            // A wildcard listener is reached through the loopback address.
            let addr = listen
                .replace("0.0.0.0", "127.0.0.1")
                .replace("[::]", "[::1]");
            format!("http://{addr}")
        }
    };
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let response = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .map_err(|e| CliError::Usage(format!("no answer from {base}/healthz: {e}")))?;
    let healthy = response.status().is_success();
    let body = response.text().await.unwrap_or_default();
    println!("{body}");
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `tunegate invite-url`.
pub fn invite_url(cli: &Cli, args: &InviteArgs) -> Result<ExitCode, CliError> {
    let client_id = match args.client_id {
        Some(id) => id,
        None => {
            let settings = load_settings(cli)?;
            let token = settings.discord.token.as_ref().ok_or_else(|| {
                CliError::Usage(
                    "give --client-id (Developer Portal -> General Information -> Application ID) \
                     or set DISCORD_TOKEN so it can be read from the token"
                        .into(),
                )
            })?;
            application_id_from_token(token.expose_secret()).ok_or_else(|| {
                CliError::Usage(
                    "DISCORD_TOKEN does not look like a bot token; give --client-id instead".into(),
                )
            })?
        }
    };
    println!(
        "https://discord.com/oauth2/authorize?client_id={client_id}&scope=bot%20applications.commands&permissions={}",
        permission_bits()
    );
    eprintln!("\nPermissions requested:");
    for (_, why) in PERMISSIONS {
        eprintln!("  - {why}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A bot token starts with its application's id in base64.
pub fn application_id_from_token(token: &str) -> Option<u64> {
    let first = token.trim().trim_start_matches("Bot ").split('.').next()?;
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(first.trim_end_matches('='))
        .ok()?;
    std::str::from_utf8(&bytes).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_is_read_from_the_token() {
        // "1100000000000000001" in base64 without padding, then two made-up parts.
        let token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GxYz.abc";
        assert_eq!(
            application_id_from_token(token),
            Some(1_100_000_000_000_000_001)
        );
        assert_eq!(application_id_from_token("not-a-token"), None);
    }

    #[test]
    fn the_invite_asks_for_exactly_the_listed_permissions() {
        assert_eq!(
            permission_bits(),
            1024 + 2048 + 16384 + 65536 + (1 << 35) + (1 << 38)
        );
    }
}
