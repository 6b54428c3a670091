//! Decides whether a chat message proposes or asks to fine-tune a model.
//!
//! Pure: text in, [`Detection`] out, no I/O. It runs on every guild message, so the common case
//! (a message with none of the trigger vocabulary) must stay cheap.

use serde::{Deserialize, Serialize};

/// The `[detect]` section of the configuration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DetectSettings {
    pub enabled: bool,
    pub languages: Vec<String>,
    pub extra_phrases: Vec<String>,
    pub extra_exclusions: Vec<String>,
}

impl DetectSettings {
    /// Checks values serde cannot; the error is (key within `detect`, what is wrong).
    pub fn validate(&self) -> Result<(), (String, String)> {
        Ok(())
    }
}
