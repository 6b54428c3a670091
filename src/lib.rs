//! tunegate: makes a team answer the right questions before it fine-tunes a model.
//!
//! The crate is a pure core wrapped by thin adapters. Read it from the inside out:
//! `checklist` and `detect` decide, `store` remembers, `app` carries out each use case with
//! them, `cli` and `discord` translate between people and `app`, and `serve` wires it up.

/// Stable text keys for closed sets of values (the `stable_keys!` macro). Used by the modules
/// below, so it comes first.
#[macro_use]
mod keys;
/// The use cases (start, answer, dismiss, review, audit, sweeps, permissions), over the core
/// and the store. Knows no Discord and no terminal; the front ends call it.
pub mod app;
/// The statistics chart: `Stats` in, PNG bytes out, with a bundled font and labels from the
/// locale files. Pure.
pub mod chart;
/// The fine-tuning checklist: questions, the walkthrough state machine, verdict rules. Pure.
pub mod checklist;
/// The terminal front end: a walkthrough in the terminal and the offline audit commands.
pub mod cli;
/// Typed settings: shipped defaults < config files < `TUNEGATE_*` environment variables.
pub mod config;
/// Text in, "is this a fine-tune proposal?" out. Pure and cheap: it runs on every message.
pub mod detect;
/// The Discord front end: serenity/poise glue over the same core and store. Decides nothing.
pub mod discord;
/// The optional health and Prometheus metrics endpoint for running in production.
pub mod http;
/// The composition root: settings loaded once, the store opened, the app built and handed
/// to the chosen front end.
pub mod serve;
/// SQLite or PostgreSQL through sqlx: the only place that writes SQL and the source of truth for
/// walkthroughs.
pub mod store;
/// Helpers that make untrusted text safe to display and short enough for its destination.
pub mod text;
