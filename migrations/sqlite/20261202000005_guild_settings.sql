-- Per-server settings, changed from Discord (`/finetune-audit settings`). Append-only: every
-- change is a new row saying who changed which setting to what, and when; the newest row of a
-- key wins, and a NULL value means "back to the host configuration's default". The changer's
-- name is personal: retention redacts it, purging the guild removes its rows.
CREATE TABLE guild_setting_changes (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    key             TEXT NOT NULL CHECK (key IN ('detection', 'watch_channels',
                        'ignore_channels', 'channel_cooldown_secs', 'user_cooldown_secs',
                        'answer_roles', 'language', 'follow_up_after_secs', 'log_channel')),
    -- The new value as JSON (true, 300, [123, 456], "fr"), or NULL for the host default.
    value           TEXT,
    changed_by_id   TEXT NOT NULL,
    changed_by_name TEXT NOT NULL,
    changed_at      TEXT NOT NULL
);
CREATE INDEX guild_setting_changes_latest ON guild_setting_changes (guild_id, key, id);
CREATE INDEX guild_setting_changes_by_key ON guild_setting_changes (key, guild_id, id);

CREATE TRIGGER guild_setting_changes_are_never_updated BEFORE UPDATE ON guild_setting_changes
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.id IS NOT OLD.id
    OR NEW.guild_id IS NOT OLD.guild_id
    OR NEW.key IS NOT OLD.key
    OR NEW.value IS NOT OLD.value
    OR NEW.changed_by_id IS NOT OLD.changed_by_id
    OR NEW.changed_at IS NOT OLD.changed_at
BEGIN
    SELECT RAISE(ABORT, 'guild setting changes are append-only');
END;

CREATE TRIGGER guild_setting_changes_are_never_deleted BEFORE DELETE ON guild_setting_changes
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'guild setting changes are append-only');
END;

-- What was posted in a server's decision-log channel: one row per verdict ('verdict:<id>') and
-- per outcome ('outcome:<id>'), so each is posted once even with several processes. A row is
-- written when a process claims the post; a claim older than the lease whose post never
-- happened is taken over.
--   claimed        a process is posting it;
--   posted         it is in the channel (message_id);
--   undeliverable  the channel is gone or the bot may not post there (never retried).
CREATE TABLE decision_log_posts (
    item           TEXT PRIMARY KEY,
    walkthrough_id INTEGER NOT NULL,
    outcome_id     INTEGER,
    guild_id       INTEGER NOT NULL,
    channel_id     INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'undeliverable')),
    message_id     INTEGER,
    claimed_at     TEXT NOT NULL,
    posted_at      TEXT
);
CREATE INDEX decision_log_posts_by_guild ON decision_log_posts (guild_id);
