-- Chat messages the detector was less sure about: the bot only suggests the checklist, in a
-- reply with "Run the fine-tune checklist" and "Not a proposal". One row per chat message (two
-- processes seeing the same message write one); its state says what became of it:
--   open       the reply is (or is about to be) posted;
--   started    the author or an answer role ran the checklist (walkthrough_id links it);
--   dismissed  "Not a proposal" was clicked;
--   expired    nobody answered within detect.suggest_expires_minutes.
-- The text and the author's name are personal: retention redacts them, purging removes the row.
CREATE TABLE suggestions (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL,
    channel_id       INTEGER NOT NULL,
    message_id       INTEGER NOT NULL UNIQUE,
    author_id        TEXT NOT NULL,
    author_name      TEXT NOT NULL,
    text             TEXT NOT NULL,
    score            REAL NOT NULL,
    reply_message_id INTEGER,
    state            TEXT NOT NULL DEFAULT 'open'
                         CHECK (state IN ('open', 'started', 'dismissed', 'expired')),
    walkthrough_id   INTEGER REFERENCES walkthroughs (id) ON DELETE SET NULL,
    closed_by_id     TEXT,
    created_at       TEXT NOT NULL,
    closed_at        TEXT
);
CREATE INDEX suggestions_open ON suggestions (created_at) WHERE state = 'open';
CREATE INDEX suggestions_by_channel ON suggestions (channel_id, created_at);
CREATE INDEX suggestions_by_author ON suggestions (author_id, created_at);
CREATE INDEX suggestions_by_guild ON suggestions (guild_id);
