//! Who may do what: who may answer (or close) a walkthrough, who may audit past decisions,
//! and whether a click belongs to the place it came from. Pure rules over the settings.

use crate::config::Settings;
use crate::store::WalkthroughRecord;

use super::{AppError, RoomId, ServerId};

/// The access settings, taken from the configuration once.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Roles whose members may answer any walkthrough (`discord.answer_roles`).
    pub answer_roles: Vec<u64>,
    /// Roles whose members may audit (`discord.audit_roles`).
    pub audit_roles: Vec<u64>,
}

impl Rules {
    pub fn from_settings(settings: &Settings) -> Rules {
        Rules {
            answer_roles: settings.discord.answer_roles.clone(),
            audit_roles: settings.discord.audit_roles.clone(),
        }
    }
}

/// Who is asking: a person (the front end's id and name) and the roles they hold there.
#[derive(Debug, Clone)]
pub struct Actor {
    pub person: crate::store::Person,
    pub roles: Vec<u64>,
}

/// Where a click or command comes from: its server (if any) and its channel or thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Here {
    pub server: Option<ServerId>,
    pub room: RoomId,
}

impl Rules {
    /// Whether `actor` may answer or close `walkthrough`: its requester, or an answer role.
    pub fn may_answer(&self, walkthrough: &WalkthroughRecord, actor: &Actor) -> bool {
        walkthrough.requester.id == actor.person.id
            || actor
                .roles
                .iter()
                .any(|role| self.answer_roles.contains(role))
    }

    /// [`Rules::may_answer`], or the refusal to show.
    pub fn check_may_answer(
        &self,
        walkthrough: &WalkthroughRecord,
        actor: &Actor,
    ) -> Result<(), AppError> {
        if self.may_answer(walkthrough, actor) {
            return Ok(());
        }
        Err(AppError::MayNotAnswer {
            requester: walkthrough.requester.id.clone(),
            answer_roles: self.answer_roles.clone(),
        })
    }

    /// Whether someone may audit: `can_manage` is the platform's "manage this server" right
    /// (Discord: Manage Server or Administrator), or one of the audit roles.
    pub fn may_audit(&self, can_manage: bool, roles: &[u64]) -> bool {
        can_manage || roles.iter().any(|role| self.audit_roles.contains(role))
    }

    /// [`Rules::may_audit`], or the refusal to show.
    pub fn check_may_audit(&self, can_manage: bool, roles: &[u64]) -> Result<(), AppError> {
        if self.may_audit(can_manage, roles) {
            return Ok(());
        }
        Err(AppError::MayNotAudit {
            audit_roles: self.audit_roles.clone(),
        })
    }
}

/// Whether a click in `here` may touch `walkthrough`: its buttons live in its thread; only a
/// walkthrough without one (the thread was refused, or the bot stopped before opening it)
/// runs in the channel it started in.
pub fn belongs_here(walkthrough: &WalkthroughRecord, here: Here) -> bool {
    let home = walkthrough.place.thread.or(walkthrough.place.channel);
    walkthrough.place.server == here.server && home == Some(here.room)
}
