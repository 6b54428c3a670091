//! The Discord front end: serenity and poise glue that translates between Discord and the
//! application layer. It decides nothing itself: each handler decodes an event, calls one
//! function of [`crate::app::App`], and renders what comes back.
//!
//! - [`events`]: chat messages (the detector) and component clicks, routed from the gateway;
//! - [`commands`]: `/finetune check|cancel|resume|help` and the message context menu;
//! - [`components`]: one click from the gateway event to the database and back;
//! - [`start`]: opening a walkthrough's thread and first question;
//! - [`reminders`]: the idle sweep (one reminder, then abandoned);
//! - [`follow_ups`]: asking how a decision turned out, and recording the answer;
//! - [`estimate`]: "Estimate the savings" on a verdict (the volume driver in numbers);
//! - [`decision_log`]: posting every verdict and outcome in a server's decision-log channel;
//! - [`suggest`]: the gentler first touch (a reply offering the checklist) and its expiry;
//! - [`outcome_id`]: the `tgo:`/`tgs:` codec of their buttons and forms;
//! - [`render`], [`custom_id`], [`access`], [`rest`]: messages, ids, mentions, retries;
//! - [`settings`]: `/finetune-audit settings`, a server's own settings;
//! - [`reply`]: the error type of commands and how app refusals are shown;
//! - [`audit`]: `/finetune-audit history|show|review|outcome|stats|export|help`, with [`audit_render`],
//!   [`audit_id`] (the `tga:` button codec), [`audit_clicks`] (page and revisit buttons),
//!   [`export_files`] (fitting exports into attachments) and [`revisits`] (the sweep that
//!   posts revisit reminders).

pub mod access;
pub mod audit;
pub mod audit_clicks;
pub mod audit_id;
pub mod audit_render;
pub mod commands;
pub mod components;
pub mod custom_id;
pub mod decision_log;
pub mod estimate;
pub mod events;
pub mod export_files;
pub mod follow_ups;
pub mod ids;
pub mod outcome_id;
pub mod reminders;
pub mod render;
pub mod reply;
pub mod rest;
pub mod revisits;
pub mod settings;
pub mod start;
pub mod suggest;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;
use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder, ShardManager};
use serenity::gateway::GatewayError;

use crate::app::App;
use crate::config::{Settings, ShardPlan};
use crate::detect::Detector;
use rest::Rest;

/// A source of the current time; tests replace it.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Everything the handlers share. The database is the only state that matters.
pub struct Bot {
    pub app: App,
    pub detector: Detector,
    pub settings: Arc<Settings>,
    pub rest: Rest,
    pub clock: Clock,
}

impl Bot {
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

/// Why the bot stopped or could not start, worded for the person running it.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(
        "no bot token: set DISCORD_TOKEN in the environment or in .env (Discord Developer \
         Portal -> your application -> Bot -> Reset Token)"
    )]
    MissingToken,
    #[error(
        "Discord rejected the bot token: copy a fresh one from the Discord Developer Portal \
         (your application -> Bot -> Reset Token) into DISCORD_TOKEN"
    )]
    TokenRejected,
    #[error(
        "Discord refused the Message Content intent: enable \"Message Content Intent\" under \
         Privileged Gateway Intents in the Discord Developer Portal (your application -> Bot), \
         or set TUNEGATE_DETECT__ENABLED=false to run with slash commands only"
    )]
    IntentNotEnabled,
    #[error(transparent)]
    Http(#[from] crate::http::BindError),
    #[error("the detector configuration is invalid: {0}")]
    Detector(String),
    #[error("could not start the Discord client: {0}")]
    Client(String),
    #[error("the Discord connection ended: {0}")]
    Gateway(String),
}

/// Maps serenity's start-up and gateway errors to sentences.
fn explain(error: serenity::Error) -> BotError {
    match &error {
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => BotError::TokenRejected,
        serenity::Error::Gateway(
            GatewayError::DisallowedGatewayIntents | GatewayError::InvalidGatewayIntents,
        ) => BotError::IntentNotEnabled,
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401 =>
        {
            BotError::TokenRejected
        }
        _ => BotError::Gateway(error.to_string()),
    }
}

/// A running bot: stop it, or wait for it to end.
pub struct Running {
    shard_manager: Arc<ShardManager>,
    http: Option<(
        SocketAddr,
        tokio::task::JoinHandle<()>,
        tokio::sync::oneshot::Sender<()>,
    )>,
    client: tokio::task::JoinHandle<Result<(), BotError>>,
    reminders: tokio::task::JoinHandle<()>,
    revisits: tokio::task::JoinHandle<()>,
    follow_ups: tokio::task::JoinHandle<()>,
    suggestions: tokio::task::JoinHandle<()>,
    decision_log: tokio::task::JoinHandle<()>,
    bot: Arc<Bot>,
}

impl Running {
    /// The shared state, for tests and maintenance.
    pub fn bot(&self) -> &Arc<Bot> {
        &self.bot
    }

    /// Where the health and metrics endpoint listens, when it is on.
    pub fn http_addr(&self) -> Option<SocketAddr> {
        self.http.as_ref().map(|(addr, _, _)| *addr)
    }

    /// Closes the gateway connections and waits for the client to stop.
    pub async fn stop(self) -> Result<(), BotError> {
        self.shard_manager.shutdown_all().await;
        self.reminders.abort();
        if let Some((_, task, stop)) = self.http {
            let _ = stop.send(());
            let _ = task.await;
        }
        self.revisits.abort();
        self.follow_ups.abort();
        self.suggestions.abort();
        self.decision_log.abort();
        match tokio::time::timeout(Duration::from_secs(10), self.client).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(BotError::Gateway(join.to_string())),
            Err(_) => Err(BotError::Gateway(
                "the client did not stop within 10 s".into(),
            )),
        }
    }

    /// Waits until the client ends by itself (an error, or Discord closing for good).
    pub async fn wait(&mut self) -> Result<(), BotError> {
        match (&mut self.client).await {
            Ok(result) => result,
            Err(join) => Err(BotError::Gateway(join.to_string())),
        }
    }
}

/// Starts the bot in the background and returns once the client is built.
/// `app` should be built from the same `settings` ([`App::from_settings`]): its rules and
/// delays are the ones it applies.
pub async fn start(settings: Settings, app: App, clock: Clock) -> Result<Running, BotError> {
    let token = settings
        .discord
        .token
        .as_ref()
        .map(|t| t.expose_secret().to_string())
        .filter(|t| !t.is_empty())
        .ok_or(BotError::MissingToken)?;
    let detector =
        Detector::new(&settings.detect).map_err(|e| BotError::Detector(e.to_string()))?;
    tracing::info!(
        model = detector.model_id(),
        file = settings.detect.model_file.trim(),
        "detector model loaded (an empty file is the model built into tunegate)"
    );
    let mut intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES;
    if settings.detect.enabled {
        intents |= GatewayIntents::MESSAGE_CONTENT;
    }
    let base =
        (!settings.discord.api_base.is_empty()).then(|| settings.discord_api_base().to_string());
    // One HTTP client for serenity and `rest`, with a deadline per request: without it a
    // Discord that accepts a request and never answers would block that click forever.
    let client = rest::client(Duration::from_secs(settings.discord.request_timeout_secs))
        .map_err(|e| BotError::Client(e.to_string()))?;
    let build_http = || {
        let builder = HttpBuilder::new(&token).client(client.clone());
        match &base {
            // A proxy only works with serenity's rate limiter off; `rest` honours 429s itself.
            Some(base) => builder
                .proxy(base.clone())
                .ratelimiter_disabled(true)
                .build(),
            None => builder.build(),
        }
    };
    let settings = Arc::new(settings);
    let bot = Arc::new(Bot {
        app,
        detector,
        settings: settings.clone(),
        rest: Rest::new(Arc::new(build_http()), client.clone(), base.clone()),
        clock,
    });
    let mut client = ClientBuilder::new_with_http(build_http(), intents)
        .framework(commands::framework(bot.clone()))
        .await
        .map_err(|e| BotError::Client(e.to_string()))?;
    let client_running = Arc::new(AtomicBool::new(true));
    let http = if settings.http.listen.is_empty() {
        None
    } else {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let health = crate::http::Health {
            shards: client.shard_manager.clone(),
            client_running: client_running.clone(),
            app: bot.app.clone(),
        };
        let (addr, task) = crate::http::serve(&settings.http.listen, health, async {
            let _ = stopped.await;
        })
        .await?;
        Some((addr, task, stop))
    };
    let shard_manager = client.shard_manager.clone();
    let plan = settings
        .shard_plan()
        .map_err(|(key, problem)| BotError::Client(format!("{key} {problem}")))?;
    let client = tokio::spawn(async move {
        let started = match plan {
            ShardPlan::Single => client.start().await,
            // serenity's range is inclusive of its end ("4..7" starts shards 4, 5, 6 and 7).
            ShardPlan::Range { first, last, total } => {
                tracing::info!(first, last, total, "running a range of shards");
                client.start_shard_range(first..last, total).await
            }
        };
        let ended = started.map_err(explain);
        client_running.store(false, Ordering::Relaxed);
        ended
    });
    let reminders = tokio::spawn(reminders::run(bot.clone()));
    let revisits = tokio::spawn(revisits::run(bot.clone()));
    let follow_ups = tokio::spawn(follow_ups::run(bot.clone()));
    let suggestions = tokio::spawn(suggest::run(bot.clone()));
    let decision_log = tokio::spawn(decision_log::run(bot.clone()));
    Ok(Running {
        shard_manager,
        http,
        client,
        reminders,
        revisits,
        follow_ups,
        suggestions,
        decision_log,
        bot,
    })
}

/// Registers the slash commands with Discord over REST, without connecting to the gateway
/// (`tunegate register-commands`); returns how many were registered.
pub async fn register_commands(settings: &Settings) -> Result<usize, BotError> {
    let token = settings
        .discord
        .token
        .as_ref()
        .map(|t| t.expose_secret().to_string())
        .filter(|t| !t.is_empty())
        .ok_or(BotError::MissingToken)?;
    let client = rest::client(Duration::from_secs(settings.discord.request_timeout_secs))
        .map_err(|e| BotError::Client(e.to_string()))?;
    let mut builder = HttpBuilder::new(&token).client(client);
    if !settings.discord.api_base.is_empty() {
        builder = builder
            .proxy(settings.discord_api_base().to_string())
            .ratelimiter_disabled(true);
    }
    let http = builder.build();
    let application = http.get_current_application_info().await.map_err(explain)?;
    http.set_application_id(application.id);
    let commands = commands::application_commands();
    let count = commands.len();
    let registered = match settings.discord.dev_guild_id {
        0 => http.create_global_commands(&commands).await,
        guild => {
            http.create_guild_commands(serenity::all::GuildId::new(guild), &commands)
                .await
        }
    };
    registered.map_err(explain)?;
    Ok(count)
}

/// Runs the bot until `shutdown` completes (SIGINT/SIGTERM in `main`) or the connection ends.
pub async fn run(
    settings: Settings,
    app: App,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), BotError> {
    let mut running = start(settings, app, Arc::new(Utc::now)).await?;
    tokio::select! {
        result = running.wait() => result,
        () = shutdown => {
            tracing::info!("shutting down");
            running.stop().await
        }
    }
}
