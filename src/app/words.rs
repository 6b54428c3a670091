//! The application's sentences for people, read from `config/messages.toml` (built into the
//! binary) and looked up by key, so that no sentence is written twice and the localisation
//! issue can swap the file for one per language.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The built-in sentences, as shipped.
pub const MESSAGES_TOML: &str = include_str!("../../config/messages.toml");

static MESSAGES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    // A broken built-in file is caught by the unit test below, so it never ships; should it
    // happen anyway, every sentence falls back to its key rather than stopping the bot.
    toml::from_str(MESSAGES_TOML).unwrap_or_else(|e| {
        tracing::error!(error = %e, "config/messages.toml does not parse");
        HashMap::new()
    })
});

/// The sentence `key` with each `{name}` replaced by its value from `args`.
pub fn say(key: &str, args: &[(&str, &str)]) -> String {
    let Some(template) = MESSAGES.get(key) else {
        tracing::error!(key, "no sentence for this key in config/messages.toml");
        return key.to_string();
    };
    let mut text = template.clone();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Whether `key` has a sentence (for tests of the keys the application uses).
pub fn has(key: &str) -> bool {
    MESSAGES.contains_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_sentences_parse_and_fill_their_placeholders() {
        let parsed: Result<HashMap<String, String>, _> = toml::from_str(MESSAGES_TOML);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(
            say("not-in-this-server", &[("id", "7")]),
            "There is no checklist #7 in this server. `/finetune history` lists them."
        );
    }

    #[test]
    fn an_unknown_key_says_the_key() {
        assert_eq!(say("no-such-key", &[]), "no-such-key");
    }
}
