//! What helps run the bot from a terminal: `tunegate health` (ask a running bot's
//! `/healthz`) and `tunegate invite-url`. The bot itself (`tunegate run`) is wired by
//! `crate::serve`.

use std::process::ExitCode;

use base64::Engine as _;
use clap::Args;
use secrecy::ExposeSecret;

use super::CliError;
use crate::config::Settings;

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

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// The endpoint to ask, e.g. http://127.0.0.1:9095 [default: from http.listen].
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

/// `tunegate health`: asks a running bot's `/healthz`; exit 0 when healthy, 1 otherwise.
pub async fn health(
    settings: Result<Settings, CliError>,
    args: &HealthArgs,
) -> Result<ExitCode, CliError> {
    let base = match &args.url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => {
            let listen = settings?.http.listen;
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
pub fn invite_url(
    settings: Result<Settings, CliError>,
    args: &InviteArgs,
) -> Result<ExitCode, CliError> {
    let client_id = match args.client_id {
        Some(id) => id,
        None => {
            let settings = settings?;
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

/// Arguments of `tunegate run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Run only these gateway shards, "A-B" inclusive (overrides discord.shards), e.g. 0-3.
    #[arg(long, value_name = "A-B", requires = "shard_total")]
    pub shards: Option<String>,
    /// How many shards the bot has across all its processes (overrides discord.shard_total).
    #[arg(long, value_name = "N")]
    pub shard_total: Option<u32>,
}

impl RunArgs {
    /// The settings with these flags applied, the shard plan checked again.
    pub fn apply(&self, mut settings: Settings) -> Result<Settings, CliError> {
        if let Some(shards) = &self.shards {
            settings.discord.shards = shards.clone();
        }
        if let Some(total) = self.shard_total {
            settings.discord.shard_total = total;
        }
        settings.shard_plan().map_err(|(key, problem)| {
            let flag = match key {
                "discord.shard_total" => "--shard-total",
                _ => "--shards",
            };
            CliError::Usage(format!("{flag} / {key} {problem}"))
        })?;
        Ok(settings)
    }
}
