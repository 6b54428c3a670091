//! The terminal front end: offline commands that try or audit tunegate without Discord.

pub mod detect;
