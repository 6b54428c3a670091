//! `tunegate guild settings GUILD_ID`: one server's settings as the bot applies them, where
//! each value comes from (the host configuration, or a change made in Discord by whom and
//! when), and the history of changes. Changing them is done in Discord
//! (`/finetune-audit settings`), where the bot can tell who has Manage Server.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{CliError, OutputFormat, open_app};
use crate::app::settings::{Origin, ServerSettings, SettingKey, SettingsView};
use crate::app::{OpenMode, ServerId};
use crate::config::Settings;

#[derive(Debug, Subcommand)]
pub enum GuildCommand {
    /// Print a server's effective settings, where each comes from, and who changed what.
    Settings(SettingsArgs),
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The server's id (Discord: right-click the server -> Copy Server ID).
    #[arg(value_name = "GUILD_ID", value_parser = super::db::parse_guild_id)]
    pub guild: ServerId,
    /// `table` (default) or `json`.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

pub async fn run(settings: &Settings, command: &GuildCommand) -> Result<ExitCode, CliError> {
    match command {
        GuildCommand::Settings(args) => {
            let app = open_app(settings, OpenMode::Existing).await?;
            let view = app.settings_view(args.guild).await;
            app.close().await;
            let view = view?;
            match args.format {
                OutputFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&view).map_err(std::io::Error::other)?
                ),
                OutputFormat::Table | OutputFormat::Csv => print!("{}", table(&view)),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The settings as aligned lines, then the history.
pub fn table(view: &SettingsView) -> String {
    let mut out = format!("Settings of server {}\n\n", view.guild_id);
    for (key, origin) in &view.origins {
        let from = match origin {
            Origin::Host => "host configuration".to_string(),
            Origin::Server { by, at } => format!(
                "set in Discord by {} ({}) on {}",
                by.name,
                by.id,
                crate::app::format_time(*at)
            ),
        };
        out.push_str(&format!(
            "{:<22} {:<32} {from}\n",
            key.name(),
            value(&view.settings, *key)
        ));
    }
    if view.history.is_empty() {
        out.push_str("\nNo changes made in Discord: every value is the host configuration's.\n");
    } else {
        out.push_str("\nChanges, newest first:\n");
        for c in &view.history {
            out.push_str(&format!(
                "  {}  {:<22} {:<24} by {} ({})\n",
                crate::app::format_time(c.at),
                SettingKey::from_key(&c.key)
                    .map_or_else(|| c.key.clone(), |k| k.name().to_string()),
                c.value.as_deref().unwrap_or("(host default)"),
                c.by.name,
                c.by.id
            ));
        }
    }
    out
}

fn value(s: &ServerSettings, key: SettingKey) -> String {
    let ids = |ids: &[u64], empty: &str| {
        if ids.is_empty() {
            empty.to_string()
        } else {
            ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
        }
    };
    match key {
        SettingKey::Detection => if s.detection { "on" } else { "off" }.to_string(),
        SettingKey::WatchChannels => ids(&s.watch_channels, "every channel"),
        SettingKey::IgnoreChannels => ids(&s.ignore_channels, "none"),
        SettingKey::ChannelCooldown => format!("{} s", s.channel_cooldown_secs),
        SettingKey::UserCooldown => format!("{} s", s.user_cooldown_secs),
        SettingKey::AnswerRoles => ids(&s.answer_roles, "none"),
        SettingKey::Language => s.language.clone().unwrap_or_else(|| "auto".to_string()),
        SettingKey::FollowUpAfter => crate::config::describe_duration(s.follow_up_after()),
        SettingKey::LogChannel => s
            .log_channel
            .map_or_else(|| "none".to_string(), |c| c.to_string()),
    }
}
