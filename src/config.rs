//! Typed settings, layered: built-in defaults < config files < environment variables.
//!
//! `config/default.toml` is compiled into the binary, so tunegate runs with no files at all.
//! A local file and `TUNEGATE_<SECTION>__<KEY>` variables override it. Secrets (the bot token)
//! come only from the environment (or `.env`, loaded by `main`) and never print: they are
//! wrapped in [`SecretString`] and shown as `[redacted]` by [`Settings::redacted_toml`].

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::detect::DetectSettings;

/// The shipped defaults, documented key by key.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// The local override file read when it exists, relative to the working directory.
pub const LOCAL_FILE: &str = "config/local.toml";

/// Every setting tunegate reads. Field docs live in `config/default.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub database: DatabaseSettings,
    pub checklist: ChecklistSettings,
    pub detect: DetectSettings,
    pub discord: DiscordSettings,
    pub log: LogSettings,
    pub retention: RetentionSettings,
    pub http: HttpSettings,
    pub outcomes: OutcomeSettings,
    pub cost: CostSettings,
}

/// Defaults of the savings estimate: pre-filled in the Discord form, used by `tunegate check`
/// when a price flag is missing. The team's own figures; nothing is fetched.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CostSettings {
    /// The current model's price per million input tokens; 0: no default.
    pub price_in: f64,
    /// The current model's price per million output tokens; 0: no default.
    pub price_out: f64,
    /// How many times cheaper the fine-tuned model is assumed to run.
    pub ratio: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: String,
    pub busy_timeout_ms: u64,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSettings {
    /// Empty: the built-in checklist.
    pub file: String,
    /// A folder of locale override files (`en.ftl`, `fr.ftl`, ...); empty: none.
    pub locales: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordSettings {
    pub api_base: String,
    pub dev_guild_id: u64,
    pub answer_roles: Vec<u64>,
    pub include_channels: Vec<u64>,
    pub exclude_channels: Vec<u64>,
    pub channel_cooldown_secs: u64,
    pub user_cooldown_secs: u64,
    pub reminder_after_minutes: u64,
    pub abandon_after_minutes: u64,
    /// Role ids whose members may use the audit commands, besides Manage Server holders.
    pub audit_roles: Vec<u64>,
    /// Where revisit reminders go when a decision's thread is gone; 0 for nowhere.
    pub audit_channel_id: u64,
    pub request_timeout_secs: u64,
    /// The shards this process runs, `"A-B"` inclusive; empty: one process runs the bot alone.
    #[serde(default)]
    pub shards: String,
    /// How many shards the bot has across all its processes (with `shards`).
    #[serde(default)]
    pub shard_total: u32,
    /// Only from `DISCORD_TOKEN` (environment or `.env`); never from a file.
    #[serde(skip)]
    pub token: Option<SecretString>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    /// Address of the health and metrics endpoint; empty: off.
    pub listen: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    /// Redact proposal texts and notes of walkthroughs older than this many days; 0: never.
    pub redact_after_days: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSettings {
    /// How long after a verdict to ask how it turned out ("14d", "36h", "90s").
    pub follow_up_after: String,
}

impl OutcomeSettings {
    /// `follow_up_after` as a duration (validated when the settings load).
    pub fn follow_up_delay(&self) -> std::time::Duration {
        parse_duration(&self.follow_up_after).unwrap_or(DEFAULT_FOLLOW_UP)
    }
}

/// The shipped follow-up delay, used only if an unvalidated value slips through.
const DEFAULT_FOLLOW_UP: std::time::Duration = std::time::Duration::from_secs(14 * 24 * 3600);

/// The longest delay a duration setting accepts: ten years.
const MAX_DURATION_SECS: u64 = 3650 * 24 * 3600;

/// Reads a duration written for people: a whole number and a unit, `s`, `m`, `h` or `d`
/// ("90s", "30m", "36h", "14d"). At least one second, at most ten years.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let unit_secs = match unit.trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 24 * 3600,
        _ => {
            return Err(format!(
                "must be a number with a unit s, m, h or d, such as \"14d\" or \"90s\", not {t:?}"
            ));
        }
    };
    let amount: u64 = digits.parse().map_err(|_| {
        format!("must be a number with a unit s, m, h or d, such as \"14d\" or \"90s\", not {t:?}")
    })?;
    let secs = amount
        .checked_mul(unit_secs)
        .filter(|s| (1..=MAX_DURATION_SECS).contains(s))
        .ok_or_else(|| format!("must be between 1s and 3650d, not {t:?}"))?;
    Ok(std::time::Duration::from_secs(secs))
}

/// Which gateway shards this process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardPlan {
    /// One process, one shard: the bot as it always ran.
    Single,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

impl ShardPlan {
    /// Whether this process registers the slash commands: only the one that runs shard 0, so
    /// that several processes never register them all at once.
    pub fn registers_commands(self) -> bool {
        match self {
            ShardPlan::Single => true,
            ShardPlan::Range { first, .. } => first == 0,
        }
    }

    /// Whether this process runs every shard of the bot.
    pub fn runs_every_shard(self) -> bool {
        match self {
            ShardPlan::Single => true,
            ShardPlan::Range { first, last, total } => first == 0 && last + 1 == total,
        }
    }
}

/// Reads `discord.shards` ("A-B", inclusive) and `discord.shard_total`, and refuses a plan
/// that cannot work: a range outside the total, or several processes on one SQLite file.
/// The error names the key at fault and says what to do.
pub fn shard_plan(
    shards: &str,
    total: u32,
    database_url: &str,
) -> Result<ShardPlan, (&'static str, String)> {
    let shards = shards.trim();
    if shards.is_empty() {
        if total > 1 {
            return Err((
                "discord.shards",
                format!(
                    "is empty while discord.shard_total is {total}: name the shards this \
                     process runs, e.g. \"0-{}\"",
                    total - 1
                ),
            ));
        }
        return Ok(ShardPlan::Single);
    }
    let parse = |t: &str| t.trim().parse::<u32>().ok();
    let (first, last) = match shards.split_once('-') {
        Some((a, b)) => (parse(a), parse(b)),
        None => (parse(shards), parse(shards)),
    };
    let (Some(first), Some(last)) = (first, last) else {
        return Err((
            "discord.shards",
            format!("must be a range of shard numbers like \"0-3\" (inclusive), not {shards:?}"),
        ));
    };
    if first > last {
        return Err((
            "discord.shards",
            format!("starts after it ends ({shards:?}); write the lower number first"),
        ));
    }
    if total == 0 {
        return Err((
            "discord.shard_total",
            "must be set with discord.shards: how many shards the bot has across all its \
             processes"
                .to_string(),
        ));
    }
    if last >= total {
        return Err((
            "discord.shards",
            format!(
                "{shards:?} goes beyond the {total} shards of discord.shard_total (shards are \
                 numbered 0 to {})",
                total - 1
            ),
        ));
    }
    let plan = ShardPlan::Range { first, last, total };
    if !plan.runs_every_shard() && database_url.trim_start().starts_with("sqlite:") {
        return Err((
            "discord.shards",
            format!(
                "{shards:?} runs {} of {total} shards, so other processes run the rest, and \
                 several processes cannot share one SQLite file (SQLite takes one writing \
                 process); they need one shared PostgreSQL database: set DATABASE_URL to \
                 postgres://USER:PASSWORD@HOST/DATABASE (move the data with `tunegate db copy`), \
                 or run every shard in this process (discord.shards = \"0-{}\")",
                last - first + 1,
                total - 1
            ),
        ));
    }
    Ok(plan)
}

impl Settings {
    /// This process's shards (the settings were validated when they loaded).
    pub fn shard_plan(&self) -> Result<ShardPlan, (&'static str, String)> {
        shard_plan(
            &self.discord.shards,
            self.discord.shard_total,
            &self.database.url,
        )
    }
}

/// A delay in words, in its largest whole unit: "14 days", "36 hours", "90 seconds".
pub fn describe_duration(delay: chrono::Duration) -> String {
    let secs = u64::try_from(delay.num_seconds()).unwrap_or(0);
    let (amount, unit) = largest_whole_unit(secs);
    let plural = if amount == 1 { "" } else { "s" };
    format!("{amount} {unit}{plural}")
}

/// A number of seconds in its largest whole unit: `(14, "day")`, `(36, "hour")`, `(90, "second")`.
pub fn largest_whole_unit(secs: u64) -> (u64, &'static str) {
    if secs >= 86_400 && secs.is_multiple_of(86_400) {
        (secs / 86_400, "day")
    } else if secs >= 3600 && secs.is_multiple_of(3600) {
        (secs / 3600, "hour")
    } else if secs >= 60 && secs.is_multiple_of(60) {
        (secs / 60, "minute")
    } else {
        (secs, "second")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Human,
    Json,
}

/// Why the settings could not be loaded. Each message names the key and where it came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("the config file {path} does not exist (named by --config or TUNEGATE_CONFIG)")]
    MissingFile { path: PathBuf },
    #[error("invalid configuration: {0}")]
    Invalid(String),
    #[error("invalid configuration: `{key}` {problem} (set in {source_name})")]
    BadValue {
        key: String,
        problem: String,
        source_name: String,
    },
    #[error(
        "the bot token must not be written in a config file ({source_name}); \
         set DISCORD_TOKEN in the environment or in .env instead"
    )]
    TokenInFile { source_name: String },
}

/// Where settings come from besides the built-in defaults and the process environment.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    /// A config file that must exist (`--config` or `TUNEGATE_CONFIG`).
    pub file: Option<PathBuf>,
    /// Read `config/local.toml` when it exists.
    pub local_file: bool,
}

impl Settings {
    /// Loads and validates settings from the built-in defaults and `sources`.
    pub fn load(sources: &Sources) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        let mut files: Vec<PathBuf> = Vec::new();
        if sources.local_file && Path::new(LOCAL_FILE).is_file() {
            files.push(PathBuf::from(LOCAL_FILE));
        }
        if let Some(path) = &sources.file {
            if !path.is_file() {
                return Err(ConfigError::MissingFile { path: path.clone() });
            }
            files.push(path.clone());
        }
        for path in &files {
            reject_token_in_file(path)?;
            figment = figment.merge(Toml::file_exact(path));
        }
        figment = figment
            .merge(
                // Only SECTION__KEY variables are settings; other TUNEGATE_* names (scripts,
                // benchmarks) are not this file's business.
                Env::prefixed("TUNEGATE_")
                    .filter(|key| key.as_str().contains("__"))
                    .ignore(&["CONFIG", "DISCORD__TOKEN"])
                    .split("__"),
            )
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database.url".into()),
            )
            .merge(
                Env::raw()
                    .only(&["DISCORD_API_BASE"])
                    .map(|_| "discord.api_base".into()),
            );
        let mut settings: Settings = figment
            .extract()
            .map_err(|e| ConfigError::Invalid(describe_figment_error(e)))?;
        settings.discord.token = ["DISCORD_TOKEN", "TUNEGATE_DISCORD__TOKEN"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .map(|t| t.trim().to_string())
            .find(|t| !t.is_empty())
            .map(SecretString::from);
        settings.validate(&figment)?;
        Ok(settings)
    }

    fn validate(&self, figment: &Figment) -> Result<(), ConfigError> {
        let bad = |key: &str, problem: String| ConfigError::BadValue {
            key: key.to_string(),
            problem,
            source_name: source_of(figment, key),
        };
        let url = &self.database.url;
        let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(
            scheme.as_deref(),
            Some("sqlite" | "postgres" | "postgresql")
        ) {
            return Err(bad(
                "database.url",
                format!(
                    "must be a sqlite: URL such as sqlite://tunegate.db, or a PostgreSQL URL \
                     such as postgres://USER:PASSWORD@HOST/DATABASE, not {:?}",
                    crate::store::redact_url(url)
                ),
            ));
        }
        if self.database.max_connections == 0 {
            return Err(bad(
                "database.max_connections",
                "must be at least 1".to_string(),
            ));
        }
        let base = &self.discord.api_base;
        if !base.is_empty() {
            let origin_ok = (base.starts_with("http://") || base.starts_with("https://"))
                && base.splitn(4, '/').nth(3).is_none_or(str::is_empty);
            if !origin_ok {
                return Err(bad(
                    "discord.api_base",
                    format!(
                        "must be an origin like https://discord.com or http://127.0.0.1:8080 \
                         (scheme, host and port, no path), not {base:?}"
                    ),
                ));
            }
        }
        let listen = &self.http.listen;
        if !listen.is_empty() && listen.parse::<std::net::SocketAddr>().is_err() {
            return Err(bad(
                "http.listen",
                format!("must be an address with a port like 127.0.0.1:9095, not {listen:?}"),
            ));
        }
        if self.discord.abandon_after_minutes <= self.discord.reminder_after_minutes {
            return Err(bad(
                "discord.abandon_after_minutes",
                "must be greater than discord.reminder_after_minutes".to_string(),
            ));
        }
        if self.discord.request_timeout_secs == 0 {
            return Err(bad(
                "discord.request_timeout_secs",
                "must be at least 1 (a request to Discord that never ends would block its \
                 walkthrough)"
                    .to_string(),
            ));
        }
        self.detect
            .validate()
            .map_err(|(key, problem)| bad(&format!("detect.{key}"), problem))?;
        parse_duration(&self.outcomes.follow_up_after)
            .map_err(|problem| bad("outcomes.follow_up_after", problem))?;
        self.shard_plan()
            .map_err(|(key, problem)| bad(key, problem))?;
        let max = crate::checklist::cost::MAX_AMOUNT;
        for (key, value) in [
            ("cost.price_in", self.cost.price_in),
            ("cost.price_out", self.cost.price_out),
        ] {
            if !value.is_finite() || !(0.0..=max).contains(&value) {
                return Err(bad(
                    key,
                    format!("must be a price of 0 (no default) up to {max}, not {value}"),
                ));
            }
        }
        if !self.cost.ratio.is_finite() || self.cost.ratio <= 0.0 || self.cost.ratio > max {
            return Err(bad(
                "cost.ratio",
                format!(
                    "must be more than 0 (10 means the fine-tuned model costs a tenth), not {}",
                    self.cost.ratio
                ),
            ));
        }
        Ok(())
    }

    /// The REST origin the bot talks to: `discord.api_base`, or Discord itself.
    pub fn discord_api_base(&self) -> &str {
        if self.discord.api_base.is_empty() {
            "https://discord.com"
        } else {
            self.discord.api_base.trim_end_matches('/')
        }
    }

    /// The effective settings as TOML, with every secret replaced by `[redacted]`.
    pub fn redacted_toml(&self) -> String {
        // A PostgreSQL URL may carry a password.
        let mut shown = self.clone();
        shown.database.url = crate::store::redact_url(&self.database.url);
        let body = toml::to_string_pretty(&shown)
            .unwrap_or_else(|e| format!("# could not render the settings: {e}\n"));
        let token = match &self.discord.token {
            Some(t) if !t.expose_secret().is_empty() => "[redacted] (from DISCORD_TOKEN)",
            _ => "(not set: set DISCORD_TOKEN to run the bot)",
        };
        format!("{body}\n# discord token: {token}\n")
    }
}

fn reject_token_in_file(path: &Path) -> Result<(), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigError::Invalid(format!(
            "could not read the config file {}: {e}",
            path.display()
        ))
    })?;
    let parsed: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        ConfigError::Invalid(format!(
            "{} is not valid TOML: {}",
            path.display(),
            e.message()
        ))
    })?;
    let has_token = parsed
        .get("discord")
        .and_then(|d| d.as_table())
        .is_some_and(|d| d.contains_key("token"));
    if has_token {
        return Err(ConfigError::TokenInFile {
            source_name: path.display().to_string(),
        });
    }
    Ok(())
}

fn source_of(figment: &Figment, key: &str) -> String {
    let Some(metadata) = figment.find_metadata(key) else {
        return "the built-in defaults".to_string();
    };
    if let Some(source) = &metadata.source {
        return source.to_string();
    }
    if metadata.name.contains("environment") {
        let scoped = format!("TUNEGATE_{}", key.to_ascii_uppercase().replace('.', "__"));
        return match key {
            "database.url" => format!("the environment: DATABASE_URL or {scoped}"),
            "discord.api_base" => format!("the environment: DISCORD_API_BASE or {scoped}"),
            _ => format!("the environment: {scoped}"),
        };
    }
    metadata.name.to_string()
}

fn describe_figment_error(error: figment::Error) -> String {
    error
        .into_iter()
        .map(|e| {
            let mut text = e.kind.to_string();
            if !e.path.is_empty() {
                text = format!("`{}`: {text}", e.path.join("."));
            }
            match (
                &e.metadata,
                e.metadata.as_ref().and_then(|m| m.source.as_ref()),
            ) {
                (_, Some(source)) => format!("{text} (in {source})"),
                (Some(m), None) => format!("{text} (in {})", m.name),
                _ => text,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
// figment::Jail returns its large error type by design; boxing it is not ours to do.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use figment::Jail;

    fn load_in(jail: &mut Jail, vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        for (k, v) in vars {
            jail.set_env(k, v);
        }
        Settings::load(&Sources {
            file: None,
            local_file: true,
        })
    }

    #[test]
    fn follow_up_delays_are_read_with_their_unit_and_bad_ones_name_the_key() {
        use std::time::Duration;
        assert_eq!(parse_duration("14d"), Ok(Duration::from_secs(14 * 86_400)));
        assert_eq!(parse_duration(" 36h "), Ok(Duration::from_secs(36 * 3600)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        for bad in [
            "14",
            "d",
            "-1d",
            "1.5h",
            "0s",
            "3651d",
            "99999999999999999999d",
            "2w",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        Jail::expect_with(|jail| {
            let s = load_in(jail, &[]).unwrap();
            assert_eq!(
                s.outcomes.follow_up_delay(),
                Duration::from_secs(14 * 86_400)
            );
            let err = load_in(jail, &[("TUNEGATE_OUTCOMES__FOLLOW_UP_AFTER", "two weeks")])
                .unwrap_err()
                .to_string();
            assert!(err.contains("outcomes.follow_up_after"), "{err}");
            assert!(err.contains("TUNEGATE_OUTCOMES__FOLLOW_UP_AFTER"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn built_in_defaults_load_without_any_file_or_variable() {
        Jail::expect_with(|jail| {
            let s = load_in(jail, &[]).unwrap();
            assert_eq!(s.database.url, "sqlite://tunegate.db");
            assert_eq!(s.log.format, LogFormat::Human);
            assert!(s.discord.token.is_none());
            assert_eq!(s.discord_api_base(), "https://discord.com");
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_files_and_defaults() {
        Jail::expect_with(|jail| {
            jail.create_dir("config")?;
            jail.create_file(
                LOCAL_FILE,
                "[discord]\nuser_cooldown_secs = 7\nchannel_cooldown_secs = 8\n",
            )?;
            let s = load_in(
                jail,
                &[
                    ("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "60"),
                    ("TUNEGATE_DISCORD__ANSWER_ROLES", "[11, 22]"),
                    ("TUNEGATE_LOG__FORMAT", "json"),
                    ("DATABASE_URL", "sqlite://elsewhere.db"),
                    ("DISCORD_API_BASE", "http://127.0.0.1:9999/"),
                ],
            )
            .unwrap();
            assert_eq!(s.discord.user_cooldown_secs, 60);
            assert_eq!(s.discord.channel_cooldown_secs, 8);
            assert_eq!(s.discord.answer_roles, vec![11, 22]);
            assert_eq!(s.log.format, LogFormat::Json);
            assert_eq!(s.database.url, "sqlite://elsewhere.db");
            assert_eq!(s.discord_api_base(), "http://127.0.0.1:9999");
            Ok(())
        });
    }

    #[test]
    fn unrelated_tunegate_variables_are_not_settings_but_misspelt_keys_are_errors() {
        Jail::expect_with(|jail| {
            assert!(load_in(jail, &[("TUNEGATE_BENCH_ROWS", "10")]).is_ok());
            let err = load_in(jail, &[("TUNEGATE_DISCORD__USER_COOLDOWN", "10")])
                .unwrap_err()
                .to_string();
            assert!(err.contains("user_cooldown"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn token_is_read_from_the_environment_and_never_rendered() {
        Jail::expect_with(|jail| {
            let s = load_in(jail, &[("DISCORD_TOKEN", "abc.def.SECRET")]).unwrap();
            let shown = s.redacted_toml();
            assert!(!shown.contains("SECRET"), "{shown}");
            assert!(shown.contains("[redacted]"));
            assert!(!format!("{s:?}").contains("SECRET"));
            Ok(())
        });
    }

    #[test]
    fn a_wrongly_typed_value_names_the_key_and_the_variable() {
        Jail::expect_with(|jail| {
            let err = load_in(jail, &[("TUNEGATE_DISCORD__USER_COOLDOWN_SECS", "soon")])
                .unwrap_err()
                .to_string();
            assert!(err.contains("discord.user_cooldown_secs"), "{err}");
            assert!(err.contains("TUNEGATE_"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn an_unknown_key_in_a_file_names_the_key_and_the_file() {
        Jail::expect_with(|jail| {
            jail.create_file("mine.toml", "[discord]\nuser_cooldown = 5\n")?;
            let err = Settings::load(&Sources {
                file: Some(PathBuf::from("mine.toml")),
                local_file: false,
            })
            .unwrap_err()
            .to_string();
            assert!(err.contains("user_cooldown"), "{err}");
            assert!(err.contains("mine.toml"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn a_token_in_a_file_is_refused_with_directions() {
        Jail::expect_with(|jail| {
            jail.create_file("mine.toml", "[discord]\ntoken = \"x\"\n")?;
            let err = Settings::load(&Sources {
                file: Some(PathBuf::from("mine.toml")),
                local_file: false,
            })
            .unwrap_err()
            .to_string();
            assert!(err.contains("DISCORD_TOKEN"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn an_api_base_with_a_path_is_refused_naming_its_source() {
        Jail::expect_with(|jail| {
            let err = load_in(jail, &[("DISCORD_API_BASE", "http://127.0.0.1:1/api/v10")])
                .unwrap_err()
                .to_string();
            assert!(err.contains("discord.api_base"), "{err}");
            assert!(err.contains("DISCORD_API_BASE"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn a_missing_named_file_is_an_error() {
        Jail::expect_with(|_jail| {
            let err = Settings::load(&Sources {
                file: Some(PathBuf::from("/nonexistent/tunegate.toml")),
                local_file: false,
            })
            .unwrap_err();
            assert!(matches!(err, ConfigError::MissingFile { .. }));
            Ok(())
        });
    }
}
