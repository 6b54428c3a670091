//! The languages tunegate speaks, and the one place that decides which of them a person gets.
//!
//! Discord sends a locale with every interaction ("fr", "de", "es-ES", "en-US", "pt-BR"); the
//! detector names the language it recognised in a chat message; a server may prefer a language;
//! the terminal has `LANG` ("fr_FR.UTF-8"). [`Lang::choose`] puts them in order, and anything
//! tunegate does not speak falls back to English without a word.

use std::fmt;

/// A language with locale files under `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    /// Every language, English (the canonical one) first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// The short code, as stored with a walkthrough and named in `locales/<code>/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// Discord's locale code for this language (for command name and description
    /// localisations). English is the commands' default and also registered as "en-US" and
    /// "en-GB".
    pub fn discord_locales(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en-US", "en-GB"],
            Lang::Fr => &["fr"],
            Lang::De => &["de"],
            Lang::Es => &["es-ES", "es-419"],
        }
    }

    /// The language of a locale or language tag, region and encoding ignored: "fr", "fr-CA",
    /// "es-ES", "de_DE.UTF-8", "EN". `None` for a language tunegate does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language of a locale, English when tunegate does not speak it (or there is none).
    pub fn from_locale(tag: Option<&str>) -> Lang {
        tag.and_then(Lang::parse).unwrap_or_default()
    }

    /// The terminal's language from the `LANGUAGE`/`LC_ALL`/`LC_MESSAGES`/`LANG` values given
    /// (in that order, the first set and not "C"/"POSIX" wins); English otherwise.
    pub fn from_environment(vars: &[Option<String>]) -> Lang {
        vars.iter()
            .flatten()
            .map(|v| v.split(':').next().unwrap_or_default().trim().to_string())
            .find(|v| !v.is_empty() && v != "C" && v != "POSIX" && !v.starts_with("C."))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// The language a person gets, in this order: the locale of their own interaction (a click
    /// or a command), the language the detector recognised in their chat message, the
    /// server's setting, the guild's preferred locale, English. A value tunegate does not
    /// speak is skipped, so a "pt-BR" click in a server that prefers German gets German, and
    /// with nothing else English.
    pub fn choose(
        interaction_locale: Option<&str>,
        detected: Option<&str>,
        server_setting: Option<Lang>,
        guild_preferred: Option<&str>,
    ) -> Lang {
        interaction_locale
            .and_then(Lang::parse)
            .or_else(|| detected.and_then(Lang::parse))
            .or(server_setting)
            .or_else(|| guild_preferred.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_locales_and_region_variants_map_to_their_language() {
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("es-ES"), Some(Lang::Es));
        assert_eq!(Lang::parse("es-419"), Some(Lang::Es));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("de_AT.UTF-8"), Some(Lang::De));
        assert_eq!(Lang::parse("pt-BR"), None);
        assert_eq!(Lang::from_locale(Some("pt-BR")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn the_interaction_wins_then_the_message_then_the_server_then_the_guild() {
        assert_eq!(
            Lang::choose(Some("de"), Some("fr"), Some(Lang::Es), Some("es-ES")),
            Lang::De
        );
        assert_eq!(
            Lang::choose(None, Some("fr"), Some(Lang::Es), Some("de")),
            Lang::Fr
        );
        assert_eq!(
            Lang::choose(Some("pt-BR"), None, Some(Lang::Es), None),
            Lang::Es
        );
        assert_eq!(Lang::choose(None, None, None, Some("de")), Lang::De);
        assert_eq!(
            Lang::choose(Some("ja"), Some("it"), None, Some("ko")),
            Lang::En
        );
    }

    #[test]
    fn the_terminal_language_comes_from_lang_and_unknown_means_english() {
        let env = |v: &[Option<&str>]| -> Vec<Option<String>> {
            v.iter().map(|s| s.map(str::to_string)).collect()
        };
        assert_eq!(
            Lang::from_environment(&env(&[None, Some("fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_environment(&env(&[Some("C.UTF-8"), Some("de_DE")])),
            Lang::De
        );
        assert_eq!(
            Lang::from_environment(&env(&[Some("pt_BR.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_environment(&env(&[])), Lang::En);
    }
}
