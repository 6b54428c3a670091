//! Rebuilds tunegate when a migration is added or changed: `sqlx::migrate!` embeds
//! `migrations/sqlite` and `migrations/postgres` at compile time, and cargo does not watch
//! those folders by itself (a new migration file would otherwise be left out of the binary
//! until some Rust file changed). The same script `sqlx migrate build-script` writes.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
