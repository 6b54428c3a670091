//! Code shared by the integration tests under `tests/`; it is not part of the shipped binary.
//!
//! A test file includes it with `mod support;` and then uses `support::fake_discord::*`.
//! Each test binary uses only part of it, so unused items are allowed here.
#![allow(dead_code, unused_imports)]

pub mod answers;
pub mod bot;
pub mod db_faults;
pub mod drive;
pub mod fake_discord;
pub mod load;
pub mod process;
pub mod walk;
