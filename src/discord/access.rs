//! Who is clicking, in the application's terms: the person, the roles they hold and whether
//! Discord grants them Manage Server. The rules themselves are the app's ([`crate::app::Rules`]).

use serenity::all::{Member, Permissions, RoleId, User};

use crate::app::{Actor, Person};

/// The application's view of a Discord user holding `roles`.
pub fn actor(user: &User, roles: &[RoleId]) -> Actor {
    Actor {
        person: Person::new(user.id.get().to_string(), user.name.clone()),
        roles: roles.iter().map(|r| r.get()).collect(),
    }
}

/// The roles of an interaction's member (none outside a guild).
pub fn roles_of(member: Option<&Member>) -> &[RoleId] {
    member.map(|m| m.roles.as_slice()).unwrap_or(&[])
}

/// Whether Discord computed Manage Server (or Administrator) for the interaction.
pub fn can_manage(permissions: Option<Permissions>) -> bool {
    permissions.is_some_and(|p| p.manage_guild() || p.administrator())
}
