//! Per-server settings: what a server's admins change from Discord (`/finetune-audit
//! settings`) over the host configuration's defaults, and who changed what when.
//!
//! The host configuration (`config/default.toml`, the team file, `TUNEGATE_*` variables) gives
//! every server its defaults. A server's own changes are kept in the database as an
//! append-only history (the store's `guild_setting_changes`); the newest change of a setting
//! wins, and "reset" puts it back to the host default. Every use reads the database, so a
//! change takes effect at once in every process, and survives a restart.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{App, AppError, Person, RoomId, ServerId};
use crate::config::Settings;
use crate::store::SettingChangeRecord;

/// The longest chat cooldown a server may set: one week.
pub const MAX_COOLDOWN_SECS: u64 = 7 * 24 * 3600;
/// The longest follow-up delay a server may set: one year.
pub const MAX_FOLLOW_UP_SECS: u64 = 365 * 24 * 3600;
/// The languages a server may choose (the walkthrough's language, see `app::words`).
pub const LANGUAGES: &[&str] = &["en", "fr", "de", "es"];
/// How many channels or roles one list setting holds at most.
pub const MAX_LIST_LEN: usize = 50;

/// One per-server setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingKey {
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

impl SettingKey {
    /// Every setting, in the order they are shown.
    pub const ALL: [SettingKey; 9] = [
        SettingKey::Detection,
        SettingKey::WatchChannels,
        SettingKey::IgnoreChannels,
        SettingKey::ChannelCooldown,
        SettingKey::UserCooldown,
        SettingKey::AnswerRoles,
        SettingKey::Language,
        SettingKey::FollowUpAfter,
        SettingKey::LogChannel,
    ];

    /// The key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            SettingKey::Detection => "detection",
            SettingKey::WatchChannels => "watch_channels",
            SettingKey::IgnoreChannels => "ignore_channels",
            SettingKey::ChannelCooldown => "channel_cooldown_secs",
            SettingKey::UserCooldown => "user_cooldown_secs",
            SettingKey::AnswerRoles => "answer_roles",
            SettingKey::Language => "language",
            SettingKey::FollowUpAfter => "follow_up_after_secs",
            SettingKey::LogChannel => "log_channel",
        }
    }

    /// Its name for people and in JSON (`follow_up_after`, unlike the stored
    /// `follow_up_after_secs`).
    pub fn name(self) -> &'static str {
        match self {
            SettingKey::Detection => "detection",
            SettingKey::WatchChannels => "watch_channels",
            SettingKey::IgnoreChannels => "ignore_channels",
            SettingKey::ChannelCooldown => "channel_cooldown",
            SettingKey::UserCooldown => "user_cooldown",
            SettingKey::AnswerRoles => "answer_roles",
            SettingKey::Language => "language",
            SettingKey::FollowUpAfter => "follow_up_after",
            SettingKey::LogChannel => "log_channel",
        }
    }

    pub fn from_key(key: &str) -> Option<SettingKey> {
        SettingKey::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The settings in force in one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerSettings {
    /// Whether chat messages are read for proposals (slash commands always work).
    pub detection: bool,
    /// Channels whose messages are read; empty reads every channel.
    pub watch_channels: Vec<u64>,
    /// Channels whose messages are never read.
    pub ignore_channels: Vec<u64>,
    /// After a walkthrough starts from chat, no other starts from chat in that channel for
    /// this long (0: no cooldown).
    pub channel_cooldown_secs: u64,
    /// The same, per person.
    pub user_cooldown_secs: u64,
    /// Roles whose members may answer anyone's checklist.
    pub answer_roles: Vec<u64>,
    /// The server's language for walkthroughs (`None`: chosen per message and person).
    pub language: Option<String>,
    /// How long after a verdict its follow-up comes.
    pub follow_up_after_secs: u64,
    /// Where every verdict and outcome is posted (`None`: nowhere).
    pub log_channel: Option<u64>,
}

impl ServerSettings {
    /// The host configuration's settings, which every server starts from.
    pub fn from_host(settings: &Settings) -> ServerSettings {
        ServerSettings {
            detection: settings.detect.enabled,
            watch_channels: settings.discord.include_channels.clone(),
            ignore_channels: settings.discord.exclude_channels.clone(),
            channel_cooldown_secs: settings.discord.channel_cooldown_secs,
            user_cooldown_secs: settings.discord.user_cooldown_secs,
            answer_roles: settings.discord.answer_roles.clone(),
            language: None,
            follow_up_after_secs: settings.outcomes.follow_up_delay().as_secs(),
            log_channel: None,
        }
    }

    /// The shipped defaults of `config/default.toml`.
    pub fn shipped() -> ServerSettings {
        match toml::from_str::<Settings>(crate::config::DEFAULT_TOML) {
            Ok(settings) => ServerSettings::from_host(&settings),
            // The shipped file is parsed by the config tests; these are its values.
            Err(_) => ServerSettings {
                detection: true,
                watch_channels: Vec::new(),
                ignore_channels: Vec::new(),
                channel_cooldown_secs: 300,
                user_cooldown_secs: 1800,
                answer_roles: Vec::new(),
                language: None,
                follow_up_after_secs: 14 * 86_400,
                log_channel: None,
            },
        }
    }

    /// Whether chat in `channel` is read. A message in a thread follows the rule of the
    /// thread's `parent` channel (unless the thread itself is listed).
    pub fn watches(&self, channel: u64, parent: Option<u64>) -> bool {
        let listed = |list: &[u64]| {
            list.contains(&channel) || parent.is_some_and(|parent| list.contains(&parent))
        };
        self.detection
            && !listed(&self.ignore_channels)
            && (self.watch_channels.is_empty() || listed(&self.watch_channels))
    }

    /// The follow-up delay as a duration.
    pub fn follow_up_after(&self) -> chrono::Duration {
        seconds(self.follow_up_after_secs)
    }

    /// Applies one stored value (JSON) of `key`; a value that does not fit is ignored (and
    /// logged), so a damaged row never stops the bot.
    fn apply_stored(&mut self, key: SettingKey, json: &str) -> bool {
        let applied = match key {
            SettingKey::Detection => serde_json::from_str(json).map(|v| self.detection = v),
            SettingKey::WatchChannels => {
                serde_json::from_str(json).map(|v| self.watch_channels = v)
            }
            SettingKey::IgnoreChannels => {
                serde_json::from_str(json).map(|v| self.ignore_channels = v)
            }
            SettingKey::ChannelCooldown => {
                serde_json::from_str(json).map(|v| self.channel_cooldown_secs = v)
            }
            SettingKey::UserCooldown => {
                serde_json::from_str(json).map(|v| self.user_cooldown_secs = v)
            }
            SettingKey::AnswerRoles => serde_json::from_str(json).map(|v| self.answer_roles = v),
            SettingKey::Language => serde_json::from_str(json).map(|v| self.language = v),
            SettingKey::FollowUpAfter => {
                serde_json::from_str(json).map(|v| self.follow_up_after_secs = v)
            }
            SettingKey::LogChannel => serde_json::from_str(json).map(|v| self.log_channel = v),
        };
        if let Err(e) = &applied {
            tracing::error!(key = key.key(), error = %e, "a stored server setting does not parse; the host default stays");
        }
        applied.is_ok()
    }

    /// The value of `key` as stored (JSON).
    fn stored(&self, key: SettingKey) -> String {
        let json = match key {
            SettingKey::Detection => serde_json::to_string(&self.detection),
            SettingKey::WatchChannels => serde_json::to_string(&self.watch_channels),
            SettingKey::IgnoreChannels => serde_json::to_string(&self.ignore_channels),
            SettingKey::ChannelCooldown => serde_json::to_string(&self.channel_cooldown_secs),
            SettingKey::UserCooldown => serde_json::to_string(&self.user_cooldown_secs),
            SettingKey::AnswerRoles => serde_json::to_string(&self.answer_roles),
            SettingKey::Language => serde_json::to_string(&self.language),
            SettingKey::FollowUpAfter => serde_json::to_string(&self.follow_up_after_secs),
            SettingKey::LogChannel => serde_json::to_string(&self.log_channel),
        };
        json.unwrap_or_default()
    }
}

/// Where a setting's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// The host configuration (file, environment or shipped default).
    Host,
    /// This server's own change.
    Server { by: Person, at: DateTime<Utc> },
}

/// A server's settings, where each comes from, and the history of its changes.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub guild_id: ServerId,
    pub settings: ServerSettings,
    /// One origin per [`SettingKey::ALL`], in that order.
    pub origins: Vec<(SettingKey, Origin)>,
    /// Every change, newest first.
    pub history: Vec<SettingChange>,
}

/// One recorded change, as the history shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SettingChange {
    pub key: String,
    /// The new value as JSON, or `None` for "back to the host default".
    pub value: Option<String>,
    pub by: Person,
    pub at: DateTime<Utc>,
}

/// One change a person asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Detection(bool),
    /// Read this channel (it leaves the ignored list).
    Watch(u64),
    /// Never read this channel (it leaves the watched list).
    Ignore(u64),
    /// Take this channel off both lists.
    Unlist(u64),
    ChannelCooldownSecs(u64),
    UserCooldownSecs(u64),
    AddAnswerRole(u64),
    RemoveAnswerRole(u64),
    /// `None`: chosen per message and person.
    Language(Option<String>),
    FollowUpAfterSecs(u64),
    /// `None`: no decision log.
    LogChannel(Option<u64>),
    /// Back to the host configuration's value.
    Reset(SettingKey),
}

impl Change {
    /// The setting it changes.
    pub fn key(&self) -> SettingKey {
        match self {
            Change::Detection(_) => SettingKey::Detection,
            Change::Watch(_) | Change::Ignore(_) | Change::Unlist(_) => SettingKey::WatchChannels,
            Change::ChannelCooldownSecs(_) => SettingKey::ChannelCooldown,
            Change::UserCooldownSecs(_) => SettingKey::UserCooldown,
            Change::AddAnswerRole(_) | Change::RemoveAnswerRole(_) => SettingKey::AnswerRoles,
            Change::Language(_) => SettingKey::Language,
            Change::FollowUpAfterSecs(_) => SettingKey::FollowUpAfter,
            Change::LogChannel(_) => SettingKey::LogChannel,
            Change::Reset(key) => *key,
        }
    }
}

/// The keys a change wrote, each with its new value as JSON, or `None` for "back to the host
/// default".
pub type ChangedKeys = Vec<(SettingKey, Option<String>)>;

/// Applies `changes` to `current`, with `host` for resets. Returns the new settings and the
/// keys whose value changed, each `Some(json)` or `None` for "back to the host default".
pub fn apply_changes(
    current: &ServerSettings,
    host: &ServerSettings,
    changes: &[Change],
) -> Result<(ServerSettings, ChangedKeys), AppError> {
    let mut next = current.clone();
    let mut reset: Vec<SettingKey> = Vec::new();
    let mut touched: Vec<SettingKey> = Vec::new();
    let mut touch = |key: SettingKey| {
        if !touched.contains(&key) {
            touched.push(key);
        }
    };
    for change in changes {
        match change {
            Change::Detection(true) if !host.detection => {
                return Err(AppError::DetectionOffOnHost);
            }
            Change::Detection(on) => next.detection = *on,
            Change::Watch(channel) => {
                next.ignore_channels.retain(|c| c != channel);
                if !next.watch_channels.contains(channel) {
                    next.watch_channels.push(*channel);
                }
                touch(SettingKey::IgnoreChannels);
            }
            Change::Ignore(channel) => {
                next.watch_channels.retain(|c| c != channel);
                if !next.ignore_channels.contains(channel) {
                    next.ignore_channels.push(*channel);
                }
                touch(SettingKey::IgnoreChannels);
            }
            Change::Unlist(channel) => {
                next.watch_channels.retain(|c| c != channel);
                next.ignore_channels.retain(|c| c != channel);
                touch(SettingKey::IgnoreChannels);
            }
            Change::ChannelCooldownSecs(secs) => {
                next.channel_cooldown_secs =
                    within("channel-cooldown", *secs, 0, MAX_COOLDOWN_SECS)?
            }
            Change::UserCooldownSecs(secs) => {
                next.user_cooldown_secs = within("user-cooldown", *secs, 0, MAX_COOLDOWN_SECS)?
            }
            Change::AddAnswerRole(role) => {
                if !next.answer_roles.contains(role) {
                    next.answer_roles.push(*role);
                }
            }
            Change::RemoveAnswerRole(role) => next.answer_roles.retain(|r| r != role),
            Change::Language(language) => {
                if let Some(code) = language
                    && !LANGUAGES.contains(&code.as_str())
                {
                    return Err(AppError::UnknownLanguage(code.clone()));
                }
                next.language = language.clone();
            }
            Change::FollowUpAfterSecs(secs) => {
                next.follow_up_after_secs = within("follow-up", *secs, 3600, MAX_FOLLOW_UP_SECS)?;
            }
            Change::LogChannel(channel) => next.log_channel = *channel,
            Change::Reset(key) => {
                reset_to_host(&mut next, host, *key);
                reset.push(*key);
                if *key == SettingKey::WatchChannels {
                    touch(SettingKey::WatchChannels);
                }
            }
        }
        touch(change.key());
    }
    if next.watch_channels.len() > MAX_LIST_LEN
        || next.ignore_channels.len() > MAX_LIST_LEN
        || next.answer_roles.len() > MAX_LIST_LEN
    {
        return Err(AppError::SettingListFull(MAX_LIST_LEN));
    }
    let rows = SettingKey::ALL
        .into_iter()
        .filter(|key| touched.contains(key))
        .filter_map(|key| {
            let now = next.stored(key);
            if reset.contains(&key) && now == host.stored(key) {
                Some((key, None))
            } else if now != current.stored(key) || reset.contains(&key) {
                Some((key, Some(now)))
            } else {
                None
            }
        })
        .collect();
    Ok((next, rows))
}

fn reset_to_host(next: &mut ServerSettings, host: &ServerSettings, key: SettingKey) {
    match key {
        SettingKey::Detection => next.detection = host.detection,
        SettingKey::WatchChannels => next.watch_channels = host.watch_channels.clone(),
        SettingKey::IgnoreChannels => next.ignore_channels = host.ignore_channels.clone(),
        SettingKey::ChannelCooldown => next.channel_cooldown_secs = host.channel_cooldown_secs,
        SettingKey::UserCooldown => next.user_cooldown_secs = host.user_cooldown_secs,
        SettingKey::AnswerRoles => next.answer_roles = host.answer_roles.clone(),
        SettingKey::Language => next.language = host.language.clone(),
        SettingKey::FollowUpAfter => next.follow_up_after_secs = host.follow_up_after_secs,
        SettingKey::LogChannel => next.log_channel = host.log_channel,
    }
}

fn within(setting: &'static str, value: u64, min: u64, max: u64) -> Result<u64, AppError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::SettingOutOfRange { setting, min, max })
    }
}

/// The host settings overlaid with a server's newest changes, and where each came from.
fn overlay(
    host: &ServerSettings,
    current: &[SettingChangeRecord],
) -> (ServerSettings, Vec<(SettingKey, Origin)>) {
    let mut settings = host.clone();
    let mut origins: Vec<(SettingKey, Origin)> =
        SettingKey::ALL.iter().map(|k| (*k, Origin::Host)).collect();
    for change in current {
        let Some(key) = SettingKey::from_key(&change.key) else {
            continue;
        };
        let Some(value) = &change.value else {
            continue;
        };
        if !settings.apply_stored(key, value) {
            continue;
        }
        if let Some(slot) = origins.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = Origin::Server {
                by: change.changed_by.clone(),
                at: change.changed_at,
            };
        }
    }
    (settings, origins)
}

impl App {
    /// The host configuration's settings, which every server starts from.
    pub fn host_settings(&self) -> &ServerSettings {
        &self.host_settings
    }

    /// The settings in force in `guild` (the host's for `None`: the terminal).
    pub async fn server_settings(
        &self,
        guild: Option<ServerId>,
    ) -> Result<ServerSettings, AppError> {
        let Some(guild) = guild else {
            return Ok(self.host_settings.as_ref().clone());
        };
        let current = self.store.current_setting_changes(guild).await?;
        Ok(overlay(&self.host_settings, &current).0)
    }

    /// A server's settings, where each comes from, and every change.
    pub async fn settings_view(&self, guild: ServerId) -> Result<SettingsView, AppError> {
        let current = self.store.current_setting_changes(guild).await?;
        let (settings, origins) = overlay(&self.host_settings, &current);
        let mut history: Vec<SettingChange> = self
            .store
            .setting_changes(guild)
            .await?
            .into_iter()
            .map(|c| SettingChange {
                key: c.key,
                value: c.value,
                by: c.changed_by,
                at: c.changed_at,
            })
            .collect();
        history.reverse();
        Ok(SettingsView {
            guild_id: guild,
            settings,
            origins,
            history,
        })
    }

    /// Changes a server's settings, all at once (one transaction) or not at all. Only
    /// people who may manage the server change them (`can_manage`); returns the view after,
    /// and whether anything was recorded (`false`: those were already the settings).
    pub async fn change_settings(
        &self,
        guild: ServerId,
        by: &Person,
        can_manage: bool,
        changes: &[Change],
        now: DateTime<Utc>,
    ) -> Result<(SettingsView, bool), AppError> {
        if !can_manage {
            return Err(AppError::MayNotChangeSettings);
        }
        let current = self.server_settings(Some(guild)).await?;
        let (_, rows) = apply_changes(&current, &self.host_settings, changes)?;
        let recorded = !rows.is_empty();
        if recorded {
            let rows: Vec<(&str, Option<String>)> =
                rows.into_iter().map(|(k, v)| (k.key(), v)).collect();
            self.store
                .record_setting_changes(guild, &rows, by, now)
                .await?;
            tracing::info!(guild_id = %guild, user_id = %by.id, changes = rows.len(), "server settings changed");
        }
        Ok((self.settings_view(guild).await?, recorded))
    }

    /// The servers that set a follow-up delay of their own, with it.
    pub async fn own_follow_up_delays(
        &self,
    ) -> Result<Vec<(ServerId, chrono::Duration)>, AppError> {
        let changes = self
            .store
            .current_setting_everywhere(SettingKey::FollowUpAfter.key())
            .await?;
        Ok(changes
            .into_iter()
            .filter_map(|c| {
                let secs: u64 = serde_json::from_str(c.value.as_deref()?).ok()?;
                Some((c.guild_id, seconds(secs)))
            })
            .collect())
    }

    /// The servers with a decision-log channel: `(guild, channel, since)`, `since` being when
    /// the channel was set (older decisions are not posted there).
    pub async fn decision_log_channels(
        &self,
    ) -> Result<Vec<(ServerId, RoomId, DateTime<Utc>)>, AppError> {
        let changes = self
            .store
            .current_setting_everywhere(SettingKey::LogChannel.key())
            .await?;
        Ok(changes
            .into_iter()
            .filter_map(|c| {
                let channel: Option<u64> = serde_json::from_str(c.value.as_deref()?).ok()?;
                Some((c.guild_id, RoomId(channel?), c.changed_at))
            })
            .collect())
    }
}

/// A number of seconds as stored in a setting, as a duration (saturating: never panics).
pub fn seconds(secs: u64) -> chrono::Duration {
    i64::try_from(secs)
        .ok()
        .and_then(chrono::Duration::try_seconds)
        .unwrap_or(chrono::Duration::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_saturate_instead_of_panicking() {
        assert_eq!(seconds(90), chrono::Duration::seconds(90));
        assert_eq!(seconds(u64::MAX), chrono::Duration::MAX);
        assert_eq!(seconds(i64::MAX as u64), chrono::Duration::MAX);
    }

    fn host() -> ServerSettings {
        ServerSettings {
            detection: true,
            watch_channels: vec![],
            ignore_channels: vec![9],
            channel_cooldown_secs: 300,
            user_cooldown_secs: 1800,
            answer_roles: vec![],
            language: None,
            follow_up_after_secs: 14 * 86_400,
            log_channel: None,
        }
    }

    #[test]
    fn a_thread_follows_its_parent_channel_unless_it_is_listed_itself() {
        let mut s = host();
        s.watch_channels = vec![1];
        s.ignore_channels = vec![2];
        assert!(s.watches(1, None));
        assert!(s.watches(100, Some(1)), "a thread inside a watched channel");
        assert!(!s.watches(3, None), "a channel outside the watched list");
        assert!(
            !s.watches(101, Some(2)),
            "a thread inside an ignored channel"
        );
        assert!(!s.watches(2, None));
        s.watch_channels.clear();
        assert!(
            s.watches(3, None),
            "an empty watched list reads every channel"
        );
        assert!(!s.watches(101, Some(2)));
        s.detection = false;
        assert!(!s.watches(1, None), "detection off reads nothing");
    }

    #[test]
    fn watching_a_channel_takes_it_off_the_ignored_list_and_back() {
        let h = host();
        let (next, rows) = apply_changes(&h, &h, &[Change::Watch(9)]).unwrap();
        assert_eq!(next.watch_channels, vec![9]);
        assert!(next.ignore_channels.is_empty());
        let keys: Vec<SettingKey> = rows.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            vec![SettingKey::WatchChannels, SettingKey::IgnoreChannels]
        );
        let (back, _) = apply_changes(&next, &h, &[Change::Ignore(9)]).unwrap();
        assert!(back.watch_channels.is_empty());
        assert_eq!(back.ignore_channels, vec![9]);
    }

    #[test]
    fn a_change_to_the_same_value_records_nothing_and_a_reset_records_null() {
        let h = host();
        let (_, rows) = apply_changes(&h, &h, &[Change::Detection(true)]).unwrap();
        assert!(rows.is_empty(), "{rows:?}");
        let (changed, rows) = apply_changes(&h, &h, &[Change::ChannelCooldownSecs(60)]).unwrap();
        assert_eq!(
            rows,
            vec![(SettingKey::ChannelCooldown, Some("60".to_string()))]
        );
        let (back, rows) =
            apply_changes(&changed, &h, &[Change::Reset(SettingKey::ChannelCooldown)]).unwrap();
        assert_eq!(back.channel_cooldown_secs, 300);
        assert_eq!(rows, vec![(SettingKey::ChannelCooldown, None)]);
    }

    #[test]
    fn out_of_range_values_and_unknown_languages_are_refused_whole() {
        let h = host();
        let err = apply_changes(
            &h,
            &h,
            &[
                Change::Detection(false),
                Change::FollowUpAfterSecs(MAX_FOLLOW_UP_SECS + 1),
            ],
        )
        .unwrap_err();
        assert!(matches!(err, AppError::SettingOutOfRange { .. }), "{err:?}");
        let err = apply_changes(&h, &h, &[Change::Language(Some("pt".to_string()))]).unwrap_err();
        assert!(matches!(err, AppError::UnknownLanguage(_)), "{err:?}");
        let (ok, _) = apply_changes(&h, &h, &[Change::Language(Some("fr".to_string()))]).unwrap();
        let mut off = host();
        off.detection = false;
        let err = apply_changes(&off, &off, &[Change::Detection(true)]).unwrap_err();
        assert!(matches!(err, AppError::DetectionOffOnHost), "{err:?}");
        assert_eq!(ok.language.as_deref(), Some("fr"));
    }

    #[test]
    fn stored_values_overlay_the_host_and_say_who_set_them() {
        let h = host();
        let at = Utc::now();
        let change = |id, key: &str, value: Option<&str>| SettingChangeRecord {
            id,
            guild_id: ServerId(1),
            key: key.to_string(),
            value: value.map(str::to_string),
            changed_by: Person::new("7", "ada"),
            changed_at: at,
        };
        let (s, origins) = overlay(
            &h,
            &[
                change(1, "answer_roles", Some("[5,6]")),
                change(2, "detection", Some("not json")),
                change(3, "log_channel", None),
            ],
        );
        assert_eq!(s.answer_roles, vec![5, 6]);
        assert!(s.detection, "a damaged value leaves the host default");
        assert_eq!(s.log_channel, None);
        let origin = |key| origins.iter().find(|(k, _)| *k == key).unwrap().1.clone();
        assert!(matches!(
            origin(SettingKey::AnswerRoles),
            Origin::Server { .. }
        ));
        assert_eq!(origin(SettingKey::Detection), Origin::Host);
        assert_eq!(origin(SettingKey::LogChannel), Origin::Host);
    }

    #[test]
    fn every_key_round_trips_through_its_stored_name_and_its_json_name_is_its_name() {
        for key in SettingKey::ALL {
            assert_eq!(SettingKey::from_key(key.key()), Some(key));
            assert_eq!(
                serde_json::to_value(key).unwrap(),
                serde_json::json!(key.name())
            );
        }
    }
}
