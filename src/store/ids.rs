//! Typed ids: a walkthrough's number and the ids a chat platform gives to the places and
//! messages it happens in, so that a function taking a walkthrough cannot be handed a review's
//! number or a channel id, and the store's types say nothing of which platform the ids came from.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Declares an id that the database numbers (an `INTEGER` primary key): shown and parsed as
/// its number, stored as `i64`.
macro_rules! row_id {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, sqlx::Type)]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

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
