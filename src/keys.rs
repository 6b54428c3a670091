//! Stable text keys for the closed sets of values tunegate stores and exchanges: goals, gates,
//! answers, drivers, verdicts, sources, statuses.
//!
//! [`stable_keys!`] gives a type `ALL`, `key()`, an exact `from_key()` (for the database and
//! custom ids, where anything else is an error), a forgiving `parse()` (for people: any case,
//! `-` for `_`), `keys_list()` for messages, and `Display`. Keys never change once released.

/// Implements stable keys for an enum; see the module documentation.
macro_rules! stable_keys {
    ($ty:ty, $what:literal, { $($variant:path => $key:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in presentation order.
            pub const ALL: &'static [$ty] = &[$($variant),+];

            /// What this kind of value is called in messages.
            pub const KIND: &'static str = $what;

            /// The stable key stored in the database and used in ids and flags.
            pub fn key(self) -> &'static str {
                match self { $($variant => $key),+ }
            }

            /// The value for exactly this key.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($variant),)+ _ => None }
            }

            /// The value for a key typed by a person: any case, `-` for `_`, spaces trimmed.
            pub fn parse(text: &str) -> Option<Self> {
                Self::from_key(&text.trim().to_ascii_lowercase().replace('-', "_"))
            }

            /// The keys, comma-separated, for error messages and help texts.
            pub fn keys_list() -> String {
                [$($key),+].join(", ")
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
