//! The verbs a test uses to drive the bot through the fake Discord: say something in chat,
//! click a component, wait for what the bot posted. [`Drive`] gives them to anything that has a
//! fake: the in-process [`super::bot::BotHarness`] and the fake itself (for bot processes).
#![allow(async_fn_in_trait)]

use serde_json::Value;

use super::bot::WAIT;
use super::fake_discord::payloads::{self, Invoker};
use super::fake_discord::*;

/// Short verbs on a fake Discord that a bot is connected to.
pub trait Drive {
    /// The fake Discord the bot talks to.
    fn fake(&self) -> &FakeDiscord;

    /// How many REST requests the fake has seen so far (to wait only for later ones).
    fn mark(&self) -> usize {
        self.fake().requests().len()
    }

    /// A guild message from `user` in the main channel, delivered through the gateway.
    async fn chat(&self, user: &FakeUser, text: &str) -> Value {
        self.say(payloads::guild_message(user, text)).await
    }

    /// Delivers the MESSAGE_CREATE `message` through the gateway; returns it.
    async fn say(&self, message: Value) -> Value {
        self.fake()
            .dispatch("MESSAGE_CREATE", message.clone())
            .await;
        message
    }

    /// Says `text` in chat as `user` and waits for the walkthrough it starts: returns the
    /// thread's id and the first question posted there.
    async fn propose_as(&self, user: &FakeUser, text: &str) -> (u64, Value) {
        self.propose_with(payloads::guild_message(user, text)).await
    }

    /// Delivers the chat message `message` (a proposal) and waits for the walkthrough it
    /// starts: returns the thread's id and the first question posted there.
    async fn propose_with(&self, message: Value) -> (u64, Value) {
        let mark = self.mark();
        let said = self.say(message).await;
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
    async fn propose(&self, text: &str) -> (u64, Value) {
        self.propose_as(&ALICE, text).await
    }

    /// The first request after `mark` matching `method` and a path containing `path`.
    async fn expect(&self, mark: usize, method: &str, path: &str) -> RecordedRequest {
        self.fake()
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
    async fn posted_in(&self, mark: usize, channel: u64) -> Value {
        let path = format!("/channels/{channel}/messages");
        let request = self
            .fake()
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
        self.fake()
            .requests_since(mark)
            .iter()
            .map(|r| format!("{} {} {}", r.method, r.path, r.status))
            .collect()
    }

    /// Dispatches a click on `custom_id` of `message` by `invoker`, and returns the
    /// interaction's callback request.
    async fn click(&self, custom_id: &str, message: &Value, invoker: &Invoker) -> RecordedRequest {
        let interaction =
            payloads::with_invoker(payloads::button_click(custom_id, message), invoker);
        self.interact(interaction).await
    }

    /// Dispatches a select choice, and returns the callback request.
    async fn choose(
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
    async fn interact(&self, interaction: Value) -> RecordedRequest {
        let (id, _) = payloads::id_and_token(&interaction);
        self.fake()
            .dispatch("INTERACTION_CREATE", interaction)
            .await;
        let path = format!("/interactions/{id}/");
        self.fake()
            .wait_for_request(|r| r.is("POST", &path), WAIT)
            .await
            .unwrap_or_else(|| panic!("no callback for interaction {id}"))
    }
}

impl Drive for FakeDiscord {
    fn fake(&self) -> &FakeDiscord {
        self
    }
}
