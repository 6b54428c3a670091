//! Who may answer a walkthrough: its requester, plus members of the roles listed in
//! `discord.answer_roles`. Everyone else gets an explanation and nothing is recorded.
//! Who may audit past decisions: Manage Server holders, plus members of `discord.audit_roles`.

use serenity::all::{Permissions, RoleId, UserId};

use crate::config::DiscordSettings;
use crate::store::WalkthroughRecord;

/// Whether `user` (holding `roles`) may answer or close `walkthrough`.
pub fn may_answer(
    settings: &DiscordSettings,
    walkthrough: &WalkthroughRecord,
    user: UserId,
    roles: &[RoleId],
) -> bool {
    walkthrough.requester.id == user.get().to_string()
        || roles
            .iter()
            .any(|role| settings.answer_roles.contains(&role.get()))
}

/// The sentence shown to someone who may not answer.
pub fn refusal(settings: &DiscordSettings, walkthrough: &WalkthroughRecord) -> String {
    let roles = if settings.answer_roles.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = settings
            .answer_roles
            .iter()
            .map(|r| format!("<@&{r}>"))
            .collect();
        format!(" or members of {}", list.join(", "))
    };
    format!(
        "Only the person who proposed this (<@{}>){roles} can answer this checklist. \
         Nothing was recorded.",
        walkthrough.requester.id
    )
}

/// Whether a member may use the audit commands: Manage Server (or Administrator) in the
/// interaction's channel, as Discord computed it for the interaction, or one of the roles
/// listed in `discord.audit_roles`.
pub fn may_audit(
    settings: &DiscordSettings,
    permissions: Option<Permissions>,
    roles: &[RoleId],
) -> bool {
    permissions.is_some_and(|p| p.manage_guild() || p.administrator())
        || roles
            .iter()
            .any(|role| settings.audit_roles.contains(&role.get()))
}

/// The sentence shown to a member who may not audit.
pub fn audit_refusal(settings: &DiscordSettings) -> String {
    let roles = if settings.audit_roles.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = settings
            .audit_roles
            .iter()
            .map(|r| format!("<@&{r}>"))
            .collect();
        format!(" or to members of {}", list.join(", "))
    };
    format!(
        "Past decisions are open to members with the **Manage Server** permission{roles}. \
         Ask a server admin if you need access."
    )
}
