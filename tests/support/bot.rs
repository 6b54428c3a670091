//! Runs the real tunegate bot (serenity + poise) against the fake Discord, on a temporary
//! SQLite file, and gives tests short verbs: say something in chat, click a component, wait
//! for what the bot posted, restart it on the same database.

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

use super::fake_discord::payloads::{self, Invoker};
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

    /// How many REST requests the fake has seen so far (to wait only for later ones).
    pub fn mark(&self) -> usize {
        self.fake.requests().len()
    }

    /// A guild message from `user` in the main channel, delivered through the gateway.
    pub async fn chat(&self, user: &FakeUser, text: &str) -> Value {
        let message = payloads::guild_message(user, text);
        self.fake.dispatch("MESSAGE_CREATE", message.clone()).await;
        message
    }

    /// Says `text` in chat as `user` and waits for the walkthrough it starts: returns the
    /// thread's id and the first question posted there.
    pub async fn propose_as(&self, user: &FakeUser, text: &str) -> (u64, Value) {
        let mark = self.mark();
        let said = self.chat(user, text).await;
        let message_id = said["id"].as_str().expect("message id");
        let thread_req = self
            .expect(mark, "POST", &format!("/messages/{message_id}/threads"))
            .await;
        let thread = thread_req.response.as_ref().expect("thread")["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .expect("thread id");
        (thread, self.posted_in(mark, thread).await)
    }

    /// [`Self::propose_as`] for ALICE.
    pub async fn propose(&self, text: &str) -> (u64, Value) {
        self.propose_as(&ALICE, text).await
    }

    /// The first request after `mark` matching `method` and a path containing `path`.
    pub async fn expect(&self, mark: usize, method: &str, path: &str) -> RecordedRequest {
        self.fake
            .wait_for_request(|r| r.index >= mark && r.is(method, path), WAIT)
            .await
            .unwrap_or_else(|| {
                panic!(
                    "no {method} {path} after request {mark}; saw: {:?}",
                    self.since(mark)
                )
            })
    }

    /// The message the bot posted in `channel` after `mark` (the response the fake gave).
    pub async fn posted_in(&self, mark: usize, channel: u64) -> Value {
        let path = format!("/channels/{channel}/messages");
        let request = self
            .fake
            .wait_for_request(
                |r| r.index >= mark && r.method == "POST" && r.path == path && r.status < 300,
                WAIT,
            )
            .await
            .unwrap_or_else(|| {
                panic!(
                    "nothing posted in {channel} after request {mark}; saw: {:?}",
                    self.since(mark)
                )
            });
        request.response.expect("message response")
    }

    /// `METHOD path status` of every request after `mark`, for failure messages.
    fn since(&self, mark: usize) -> Vec<String> {
        self.fake
            .requests_since(mark)
            .iter()
            .map(|r| format!("{} {} {}", r.method, r.path, r.status))
            .collect()
    }

    /// Dispatches a click on `custom_id` of `message` by `invoker`, and returns the
    /// interaction's callback request.
    pub async fn click(
        &self,
        custom_id: &str,
        message: &Value,
        invoker: &Invoker,
    ) -> RecordedRequest {
        let interaction =
            payloads::with_invoker(payloads::button_click(custom_id, message), invoker);
        self.interact(interaction).await
    }

    /// Dispatches a select choice, and returns the callback request.
    pub async fn choose(
        &self,
        custom_id: &str,
        values: &[&str],
        message: &Value,
        invoker: &Invoker,
    ) -> RecordedRequest {
        let interaction =
            payloads::with_invoker(payloads::select_choice(custom_id, values, message), invoker);
        self.interact(interaction).await
    }

    /// Dispatches any interaction and waits for its callback.
    pub async fn interact(&self, interaction: Value) -> RecordedRequest {
        let (id, _) = payloads::id_and_token(&interaction);
        self.fake.dispatch("INTERACTION_CREATE", interaction).await;
        let path = format!("/interactions/{id}/");
        self.fake
            .wait_for_request(|r| r.is("POST", &path), WAIT)
            .await
            .unwrap_or_else(|| panic!("no callback for interaction {id}"))
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
