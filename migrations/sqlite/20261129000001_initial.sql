-- tunegate's first schema: walkthroughs, their append-only answers and notes, and decisions.
-- Timestamps are UTC text in one fixed format (2026-11-29T14:30:00.123Z), so they sort as text.
-- Discord ids (snowflakes) are INTEGER; people are kept as text ids plus a display name, so a
-- terminal user ("cli:alice") fits as well as a Discord user.

CREATE TABLE walkthroughs (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL CHECK (source IN ('chat', 'slash', 'context_menu', 'cli')),
    status            TEXT NOT NULL
                      CHECK (status IN ('open', 'decided', 'abandoned', 'cancelled', 'dismissed')),
    current_step      TEXT NOT NULL,
    guild_id          INTEGER,
    channel_id        INTEGER,
    thread_id         INTEGER,
    message_id        INTEGER,
    requester_id      TEXT NOT NULL,
    requester_name    TEXT NOT NULL,
    trigger_text      TEXT NOT NULL,
    checklist_version TEXT NOT NULL,
    revisit_of        INTEGER REFERENCES walkthroughs (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    reminded_at       TEXT,
    closed_at         TEXT
);

-- One walkthrough per chat message, however often Discord delivers it.
CREATE UNIQUE INDEX walkthroughs_one_per_chat_message
    ON walkthroughs (message_id) WHERE source = 'chat' AND message_id IS NOT NULL;
CREATE INDEX walkthroughs_by_guild_created ON walkthroughs (guild_id, created_at);
CREATE INDEX walkthroughs_by_created ON walkthroughs (created_at);
CREATE INDEX walkthroughs_by_requester ON walkthroughs (requester_id, created_at);
CREATE INDEX walkthroughs_by_requester_name
    ON walkthroughs (requester_name COLLATE NOCASE, created_at);
-- Covers the status/source counts of the audit statistics.
CREATE INDEX walkthroughs_by_status_source ON walkthroughs (status, source, guild_id);
CREATE INDEX walkthroughs_by_status_updated ON walkthroughs (status, updated_at);
CREATE INDEX walkthroughs_by_thread ON walkthroughs (thread_id) WHERE thread_id IS NOT NULL;

-- Every answer ever given, including changed ones: the latest per step is the current one.
CREATE TABLE answers (
    id               INTEGER PRIMARY KEY,
    walkthrough_id   INTEGER NOT NULL REFERENCES walkthroughs (id),
    step             TEXT NOT NULL,
    value            TEXT NOT NULL,
    detail           TEXT,
    answered_by_id   TEXT NOT NULL,
    answered_by_name TEXT NOT NULL,
    answered_at      TEXT NOT NULL,
    -- The Discord interaction that carried the answer: a replayed interaction records nothing.
    interaction_id   TEXT UNIQUE
);
CREATE INDEX answers_by_walkthrough ON answers (walkthrough_id, id);

-- Free text and evidence links added to a walkthrough.
CREATE TABLE notes (
    id             INTEGER PRIMARY KEY,
    walkthrough_id INTEGER NOT NULL REFERENCES walkthroughs (id),
    author_id      TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    body           TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX notes_by_walkthrough ON notes (walkthrough_id, id);

-- The verdict of a finished walkthrough. Never updated: a review or a revisit is a new row
-- elsewhere that points here. Gate answers and drivers are copied in so audits scan one table.
CREATE TABLE decisions (
    walkthrough_id    INTEGER PRIMARY KEY REFERENCES walkthroughs (id),
    guild_id          INTEGER,
    verdict           TEXT NOT NULL CHECK (verdict IN ('premature', 'not_justified_yet', 'justified')),
    goal              TEXT NOT NULL,
    goal_detail       TEXT,
    g1                TEXT NOT NULL,
    g2                TEXT NOT NULL,
    g3                TEXT NOT NULL,
    g4                TEXT NOT NULL,
    drivers           TEXT NOT NULL,
    summary           TEXT NOT NULL,
    reasons           TEXT NOT NULL, -- JSON array of strings
    next_steps        TEXT NOT NULL, -- JSON array of strings
    checklist_version TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    decided_month     TEXT NOT NULL -- '2026-11', for the statistics by month
);
-- Listings filtered by verdict, newest decision first, with or without a guild.
CREATE INDEX decisions_by_guild_verdict ON decisions (guild_id, verdict, decided_at);
CREATE INDEX decisions_by_verdict ON decisions (verdict, decided_at);
-- Cover the statistics: one index scan, grouped in index order, no table reads.
CREATE INDEX decisions_stats_by_guild
    ON decisions (guild_id, decided_month, verdict, g1, g2, g3, g4, drivers);
CREATE INDEX decisions_stats ON decisions (decided_month, verdict, g1, g2, g3, g4, drivers);

CREATE TRIGGER decisions_are_never_updated BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

CREATE TRIGGER answers_are_never_updated BEFORE UPDATE ON answers
BEGIN
    SELECT RAISE(ABORT, 'answers are append-only');
END;
