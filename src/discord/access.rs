//! Who may answer a walkthrough: its requester, plus members of the roles listed in
//! `discord.answer_roles`. Everyone else gets an explanation and nothing is recorded.

use serenity::all::{RoleId, UserId};

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
