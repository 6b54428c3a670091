//! Typed ids: a walkthrough's number and the ids a chat platform gives to the places and
//! messages it happens in, so that a function taking a walkthrough cannot be handed a review's
//! number or a channel id, and the store's types say nothing of which platform the ids came from.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// `Display` and `FromStr` of an id: its number, nothing around it.
macro_rules! shown_as_number {
    ($name:ident) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    };
}

/// Declares an id that the database numbers (an `INTEGER` primary key): shown and parsed as
/// its number, stored as `i64`.
macro_rules! row_id {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, sqlx::Type)]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        shown_as_number!($name);
    )+};
}

row_id! {
    /// A walkthrough's number, which is also the number of the decision it ends in
    /// (`decisions show 12`).
    WalkthroughId;
    /// A review of a decision.
    ReviewId;
    /// A "suggest" reply to a chat message that may be a proposal.
    SuggestionId;
}

/// An id a chat platform gave (Discord's are 64-bit "snowflakes"), kept as it came: the store
/// compares and stores it and never reads meaning into it.
pub trait PlatformId: Copy {
    /// The number as the platform wrote it.
    fn get(self) -> u64;
    /// Wraps a number read back from the database.
    fn from_u64(id: u64) -> Self;
}

impl PlatformId for u64 {
    fn get(self) -> u64 {
        self
    }
    fn from_u64(id: u64) -> Self {
        id
    }
}

/// Declares a platform id: shown as its number, written to JSON as a string (ids exceed 2^53,
/// which JavaScript, older jq and spreadsheets cannot hold as numbers without changing digits).
macro_rules! platform_id {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u64);

        impl PlatformId for $name {
            fn get(self) -> u64 {
                self.0
            }
            fn from_u64(id: u64) -> Self {
                $name(id)
            }
        }

        shown_as_number!($name);

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&self.0)
            }
        }
    )+};
}

platform_id! {
    /// A team's space on the chat platform (a Discord server, called a guild in its API).
    ServerId;
    /// Where messages are posted: a channel, or a thread inside one.
    RoomId;
    /// One message.
    PostId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_as_they_are_shown() {
        let walkthrough = WalkthroughId(42);
        assert_eq!(walkthrough.to_string().parse(), Ok(walkthrough));
        let server = ServerId(u64::MAX);
        assert_eq!(server.to_string().parse(), Ok(server));
        assert!("-1".parse::<RoomId>().is_err());
    }

    #[test]
    fn platform_ids_are_strings_in_json_and_row_ids_are_numbers() {
        let json =
            serde_json::json!({ "s": ServerId(1_234_567_890_123_456_789), "w": WalkthroughId(7) });
        assert_eq!(json["s"], "1234567890123456789");
        assert_eq!(json["w"], 7);
    }
}
