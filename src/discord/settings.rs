//! `/finetune-audit settings`: a server's own settings, shown to whoever may audit and changed
//! by members with Manage Server, over the host configuration's defaults.
//!
//! Without options the command shows every setting, where it comes from and the latest
//! changes. Each option given is one change; all of them are recorded together (one
//! transaction) or, when one is refused, none. The app decides and records; this file decodes
//! the options and draws the embed. A channel or role that no longer exists is shown as such
//! (the app ignores it: nothing matches a deleted id).

use poise::serenity_prelude as serenity;
use serenity::{ChannelId, CreateEmbed, RoleId};

use super::audit::{auditor, member_access};
use super::reply::{CommandError, Ctx, lang_of, refusal_in};
use super::{access, render};
use crate::app::settings::{Change, Origin, ServerSettings, SettingKey, SettingsView};
use crate::app::{Lang, Person, ServerId, words};
use crate::text::truncate_chars;

/// How many changes the view lists.
const HISTORY_SHOWN: usize = 5;

// Discord lists the choices in the order written, named from `locales/*/commands.ftl`
// (`choice-<option>-<variant>`), and sends back a position: append variants, never reorder.

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LanguageChoice {
    Auto,
    En,
    Fr,
    De,
    Es,
}

impl LanguageChoice {
    fn code(self) -> Option<String> {
        let code = match self {
            LanguageChoice::Auto => return None,
            LanguageChoice::En => "en",
            LanguageChoice::Fr => "fr",
            LanguageChoice::De => "de",
            LanguageChoice::Es => "es",
        };
        Some(code.to_string())
    }
}

/// A setting to put back to the host configuration's value.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ResetChoice {
    Detection,
    WatchChannels,
    IgnoreChannels,
    ChannelCooldown,
    UserCooldown,
    AnswerRoles,
    Language,
    FollowUpAfter,
    LogChannel,
}

impl From<ResetChoice> for SettingKey {
    fn from(r: ResetChoice) -> SettingKey {
        match r {
            ResetChoice::Detection => SettingKey::Detection,
            ResetChoice::WatchChannels => SettingKey::WatchChannels,
            ResetChoice::IgnoreChannels => SettingKey::IgnoreChannels,
            ResetChoice::ChannelCooldown => SettingKey::ChannelCooldown,
            ResetChoice::UserCooldown => SettingKey::UserCooldown,
            ResetChoice::AnswerRoles => SettingKey::AnswerRoles,
            ResetChoice::Language => SettingKey::Language,
            ResetChoice::FollowUpAfter => SettingKey::FollowUpAfter,
            ResetChoice::LogChannel => SettingKey::LogChannel,
        }
    }
}

/// This server's settings; with options, change them (Manage Server).
#[allow(clippy::too_many_arguments)] // one per slash-command option
#[poise::command(slash_command, guild_only)]
pub async fn settings(
    ctx: Ctx<'_>,
    detection: Option<bool>,
    #[channel_types("Text", "News", "Forum")] watch: Option<ChannelId>,
    #[channel_types("Text", "News", "Forum")] ignore: Option<ChannelId>,
    #[channel_types("Text", "News", "Forum")] unlist: Option<ChannelId>,
    #[min = 0]
    #[max = 10080]
    channel_cooldown_minutes: Option<u64>,
    #[min = 0]
    #[max = 10080]
    user_cooldown_minutes: Option<u64>,
    add_answer_role: Option<RoleId>,
    remove_answer_role: Option<RoleId>,
    language: Option<LanguageChoice>,
    #[min = 1]
    #[max = 365]
    follow_up_days: Option<u64>,
    #[channel_types("Text", "News")] log_channel: Option<ChannelId>,
    log_off: Option<bool>,
    reset: Option<ResetChoice>,
) -> Result<(), CommandError> {
    let guild = auditor(ctx)?;
    let lang = lang_of(ctx);
    let mut changes = Vec::new();
    changes.extend(detection.map(Change::Detection));
    changes.extend(watch.map(|c| Change::Watch(c.get())));
    changes.extend(ignore.map(|c| Change::Ignore(c.get())));
    changes.extend(unlist.map(|c| Change::Unlist(c.get())));
    changes.extend(channel_cooldown_minutes.map(|m| Change::ChannelCooldownSecs(m * 60)));
    changes.extend(user_cooldown_minutes.map(|m| Change::UserCooldownSecs(m * 60)));
    changes.extend(add_answer_role.map(|r| Change::AddAnswerRole(r.get())));
    changes.extend(remove_answer_role.map(|r| Change::RemoveAnswerRole(r.get())));
    changes.extend(language.map(|l| Change::Language(l.code())));
    changes.extend(follow_up_days.map(|d| Change::FollowUpAfterSecs(d * 86_400)));
    changes.extend(log_channel.map(|c| Change::LogChannel(Some(c.get()))));
    if log_off == Some(true) {
        changes.push(Change::LogChannel(None));
    }
    changes.extend(reset.map(|r| Change::Reset(r.into())));
    ctx.defer_ephemeral().await?;
    let app = &ctx.data().app;
    let (view, heading) = if changes.is_empty() {
        (
            app.settings_view(guild)
                .await
                .map_err(|e| refusal_in(lang, e))?,
            None,
        )
    } else {
        let (permissions, _) = member_access(ctx);
        let by = Person::new(ctx.author().id.get().to_string(), ctx.author().name.clone());
        let (after, recorded) = app
            .change_settings(
                guild,
                &by,
                access::can_manage(permissions),
                &changes,
                ctx.data().now(),
            )
            .await
            .map_err(|e| refusal_in(lang, e))?;
        let key = if recorded {
            "settings-changed"
        } else {
            "settings-unchanged"
        };
        (after, Some(words::say_in(lang, key, &[])))
    };
    let known = Known::of(ctx, guild);
    let mut reply = poise::CreateReply::default()
        .ephemeral(true)
        .allowed_mentions(render::no_mentions())
        .embed(view_embed(lang, &view, &known));
    if let Some(heading) = heading {
        reply = reply.content(heading);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The channels and roles the server has now, when the cache knows the server.
#[derive(Debug, Default)]
pub struct Known {
    channels: Option<Vec<u64>>,
    roles: Option<Vec<u64>>,
}

impl Known {
    fn of(ctx: Ctx<'_>, guild: ServerId) -> Known {
        let Some(guild) = ctx.cache().guild(serenity::GuildId::from(guild)) else {
            return Known::default();
        };
        Known {
            channels: Some(guild.channels.keys().map(|c| c.get()).collect()),
            roles: Some(guild.roles.keys().map(|r| r.get()).collect()),
        }
    }

    fn channel(&self, lang: Lang, id: u64) -> String {
        mark_gone(lang, format!("<#{id}>"), self.channels.as_deref(), id)
    }

    fn role(&self, lang: Lang, id: u64) -> String {
        mark_gone(lang, format!("<@&{id}>"), self.roles.as_deref(), id)
    }
}

fn mark_gone(lang: Lang, shown: String, known: Option<&[u64]>, id: u64) -> String {
    match known {
        Some(known) if !known.contains(&id) => {
            words::say_in(lang, "settings-gone", &[("value", &shown)])
        }
        _ => shown,
    }
}

/// The settings embed: one field per setting with where it comes from, then the latest
/// changes.
pub fn view_embed(lang: Lang, view: &SettingsView, known: &Known) -> CreateEmbed {
    let say = |key: &str, args: &[(&str, &str)]| words::say_in(lang, key, args);
    let mut embed = CreateEmbed::new()
        .title(say("settings-title", &[]))
        .description(say("settings-intro", &[]));
    for (key, origin) in &view.origins {
        let value = value_words(lang, &view.settings, *key, known);
        let from = match origin {
            Origin::Host => say("settings-from-host", &[]),
            Origin::Server { by, at } => say(
                "settings-from-server",
                &[
                    ("by", &format!("<@{}>", by.id)),
                    ("when", &render::time(*at, render::TimeStyle::Relative)),
                ],
            ),
        };
        embed = embed.field(
            say(&format!("settings-label-{}", key.name()), &[]),
            truncate_chars(&format!("{value}\n*{from}*"), 1000),
            false,
        );
    }
    if !view.history.is_empty() {
        let lines: Vec<String> = view
            .history
            .iter()
            .take(HISTORY_SHOWN)
            .map(|c| {
                let value = c
                    .value
                    .clone()
                    .unwrap_or_else(|| say("settings-history-reset", &[]));
                format!(
                    "`{}` → `{}`, <@{}> {}",
                    c.key,
                    render::safe_text(&value, 80),
                    c.by.id,
                    render::time(c.at, render::TimeStyle::Relative)
                )
            })
            .collect();
        embed = embed.field(say("settings-history-title", &[]), lines.join("\n"), false);
    }
    embed
}

/// A setting's value in words, with channel and role mentions (which never ping in an embed).
fn value_words(lang: Lang, s: &ServerSettings, key: SettingKey, known: &Known) -> String {
    let say = |key: &str, args: &[(&str, &str)]| words::say_in(lang, key, args);
    let list = |ids: &[u64], show: &dyn Fn(u64) -> String, empty: &str| {
        if ids.is_empty() {
            say(empty, &[])
        } else {
            ids.iter()
                .map(|id| show(*id))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let cooldown = |secs: u64| {
        if secs == 0 {
            say("settings-no-cooldown", &[])
        } else {
            words::duration_in(lang, crate::app::settings::seconds(secs))
        }
    };
    match key {
        SettingKey::Detection if s.detection => say("settings-on", &[]),
        SettingKey::Detection => say("settings-off", &[]),
        SettingKey::WatchChannels => list(
            &s.watch_channels,
            &|c| known.channel(lang, c),
            "settings-every-channel",
        ),
        SettingKey::IgnoreChannels => list(
            &s.ignore_channels,
            &|c| known.channel(lang, c),
            "settings-none",
        ),
        SettingKey::ChannelCooldown => cooldown(s.channel_cooldown_secs),
        SettingKey::UserCooldown => cooldown(s.user_cooldown_secs),
        SettingKey::AnswerRoles => list(&s.answer_roles, &|r| known.role(lang, r), "settings-none"),
        SettingKey::Language => match &s.language {
            Some(code) => code.clone(),
            None => say("settings-language-auto", &[]),
        },
        SettingKey::FollowUpAfter => words::duration_in(lang, s.follow_up_after()),
        SettingKey::LogChannel => match s.log_channel {
            Some(c) => known.channel(lang, c),
            None => say("settings-no-log", &[]),
        },
    }
}
