//! Runs the real tunegate bot (serenity + poise) against the fake Discord, on a temporary
//! SQLite file, and gives tests the short verbs of [`Drive`] (say something in chat, click a
//! component, wait for what the bot posted) and a restart on the same database.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use secrecy::SecretString;
use serde_json::Value;
use tunegate::app::App;
use tunegate::checklist::ChecklistContent;
use tunegate::config::{DEFAULT_TOML, Settings};
use tunegate::discord::Running;
use tunegate::store::{DecisionDetail, Store, StoreOptions};

pub use super::drive::Drive;
use super::fake_discord::payloads::Invoker;
use super::fake_discord::*;

/// How long a test waits for the bot before failing.
pub const WAIT: Duration = Duration::from_secs(10);

pub struct BotHarness {
    pub fake: FakeDiscord,
    pub db_url: String,
    pub settings: Settings,
    pub running: Option<Running>,
    pub store: Store,
    _dir: tempfile::TempDir,
}

/// The shipped defaults, pointed at the fake, with the fake's token.
pub fn test_settings(fake: &FakeDiscord, db_url: &str) -> Settings {
    let mut settings: Settings = toml::from_str(DEFAULT_TOML).expect("default settings");
    settings.discord.token = Some(SecretString::from(TOKEN.to_string()));
    settings.discord.api_base = fake.api_base();
    settings.discord.dev_guild_id = GUILD_ID;
    settings.discord.channel_cooldown_secs = 0;
    settings.discord.user_cooldown_secs = 0;
    settings.database.url = db_url.to_string();
    settings
}

impl Drive for BotHarness {
    fn fake(&self) -> &FakeDiscord {
        &self.fake
    }
}

impl BotHarness {
    pub async fn start() -> BotHarness {
        Self::start_with(|_| {}).await
    }

    /// Starts the fake and the bot, with `tweak` applied to the settings.
    pub async fn start_with(tweak: impl FnOnce(&mut Settings)) -> BotHarness {
        Self::start_on(None, tweak).await
    }

    /// Starts the fake and the bot on the database file `db` (a temporary one if `None`),
    /// with `tweak` applied to the settings.
    pub async fn start_on(
        db: Option<&std::path::Path>,
        tweak: impl FnOnce(&mut Settings),
    ) -> BotHarness {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir().expect("temp dir");
        let db = db.map_or_else(|| dir.path().join("bot.db"), |p| p.to_path_buf());
        let db_url = format!("sqlite://{}", db.display());
        let mut settings = test_settings(&fake, &db_url);
        tweak(&mut settings);
        let store = Store::open_url(&db_url).await.expect("open store");
        let mut harness = BotHarness {
            fake,
            db_url,
            settings,
            running: None,
            store,
            _dir: dir,
        };
        harness.launch().await;
        harness
    }

    async fn launch(&mut self) {
        let identifies = self.fake.identify_count();
        let mark = self.mark();
        // As `tunegate run` opens it: the configured busy timeout and pool size.
        let options = StoreOptions {
            busy_timeout: Duration::from_millis(self.settings.database.busy_timeout_ms),
            max_connections: self.settings.database.max_connections,
            ..StoreOptions::new(&self.db_url)
        };
        let store = Store::open(&options).await.expect("open store");
        let app = App::from_settings(store, ChecklistContent::built_in(), &self.settings);
        let running = tunegate::discord::start(self.settings.clone(), app, Arc::new(Utc::now))
            .await
            .expect("bot starts");
        self.running = Some(running);
        let ready = self
            .fake
            .wait_until(WAIT, |f| {
                f.identify_count() > identifies && f.is_connected()
            })
            .await;
        assert!(ready, "the bot did not connect to the fake gateway");
        // poise registers the commands once READY is handled: then events are processed.
        let registered = self
            .fake
            .wait_for_request(|r| r.is("PUT", "/commands") && r.index >= mark, WAIT)
            .await;
        assert!(
            registered.is_some(),
            "the bot did not register its commands"
        );
    }

    /// Stops the bot and starts a new one on the same database.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.launch().await;
    }

    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.expect("bot stops cleanly");
        }
    }

    /// The one walkthrough in the database, in full.
    pub async fn only_walkthrough(&self) -> DecisionDetail {
        let rows = self
            .store
            .list(&Default::default(), 10, 0)
            .await
            .expect("list");
        assert_eq!(rows.len(), 1, "expected exactly one walkthrough: {rows:?}");
        self.store.detail(rows[0].id, None).await.expect("detail")
    }

    /// Fails if the bot sent a request the spec forbids or the fake has no route for.
    pub fn assert_clean(&self) {
        assert_eq!(
            self.fake.spec_violations(),
            Vec::<String>::new(),
            "spec violations"
        );
        assert_eq!(
            self.fake.unhandled_routes(),
            Vec::<String>::new(),
            "unhandled routes"
        );
    }
}

/// Every custom id in a message's components.
pub fn custom_ids(message: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for row in message["components"].as_array().into_iter().flatten() {
        for c in row["components"].as_array().into_iter().flatten() {
            if let Some(id) = c["custom_id"].as_str() {
                out.push(id.to_string());
            }
        }
    }
    out
}

/// The custom id of `message` that ends with `:suffix`.
pub fn id_ending(message: &Value, suffix: &str) -> String {
    custom_ids(message)
        .into_iter()
        .find(|id| id.ends_with(&format!(":{suffix}")))
        .unwrap_or_else(|| panic!("no component ending in :{suffix} in {message}"))
}

/// An invoker (clicker) in `channel` (a thread), with their roles.
pub fn invoker(user: FakeUser, roles: Vec<u64>, channel: u64) -> Invoker {
    Invoker {
        user,
        roles,
        channel_id: channel,
        ..Invoker::default()
    }
}
