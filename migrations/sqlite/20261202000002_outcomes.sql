-- How decisions turned out, and the follow-ups that ask.
--
-- An outcome is append-only, like a review: a later answer is a new row. Its note and the
-- recorder's name may be redacted by retention (the sanctioned erasure of migration
-- 20261202000001), nothing else changes.
CREATE TABLE outcomes (
    id               INTEGER PRIMARY KEY,
    walkthrough_id   INTEGER NOT NULL REFERENCES decisions (walkthrough_id),
    guild_id         INTEGER,
    result           TEXT NOT NULL CHECK (result IN ('solved', 'partly', 'still_needed',
                         'not_tried', 'paid_off', 'no_gain', 'not_yet', 'dropped')),
    recorded_by_id   TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    note             TEXT,
    -- The follow-up it answered (1 for the first), or NULL when recorded by hand.
    follow_up_round  INTEGER CHECK (follow_up_round IS NULL OR follow_up_round >= 1),
    -- The Discord interaction that carried it: a replayed click records nothing.
    interaction_id   TEXT UNIQUE,
    created_at       TEXT NOT NULL
);
CREATE INDEX outcomes_by_walkthrough ON outcomes (walkthrough_id, id);
CREATE INDEX outcomes_by_guild ON outcomes (guild_id, id);
-- One answer per follow-up: a second click on the same follow-up records nothing.
CREATE UNIQUE INDEX outcomes_one_per_follow_up
    ON outcomes (walkthrough_id, follow_up_round) WHERE follow_up_round IS NOT NULL;

CREATE TRIGGER outcomes_are_never_updated BEFORE UPDATE ON outcomes
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.id IS NOT OLD.id
    OR NEW.walkthrough_id IS NOT OLD.walkthrough_id
    OR NEW.guild_id IS NOT OLD.guild_id
    OR NEW.result IS NOT OLD.result
    OR NEW.recorded_by_id IS NOT OLD.recorded_by_id
    OR NEW.follow_up_round IS NOT OLD.follow_up_round
    OR NEW.interaction_id IS NOT OLD.interaction_id
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'outcomes are append-only');
END;

CREATE TRIGGER outcomes_are_never_deleted BEFORE DELETE ON outcomes
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'outcomes are append-only');
END;

-- The follow-ups of a decision: round 1 is scheduled with the decision itself (the trigger
-- below, in the same transaction), a pending answer ("not tried yet", "not yet") schedules
-- round 2. `base_at` is the time the delay counts from; the delay itself comes from the
-- configuration when the sweep runs. A bot process claims a due follow-up (state 'claimed')
-- before posting it, so it is posted once across restarts and processes; a claim older than a
-- lease may be taken over when its process died before posting.
CREATE TABLE follow_ups (
    walkthrough_id INTEGER NOT NULL REFERENCES decisions (walkthrough_id),
    round          INTEGER NOT NULL CHECK (round >= 1),
    question       TEXT NOT NULL CHECK (question IN ('prompt_work', 'fine_tune')),
    base_at        TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN
                       ('scheduled', 'claimed', 'posted', 'answered', 'undeliverable', 'skipped')),
    claimed_at     TEXT,
    posted_at      TEXT,
    channel_id     INTEGER,
    message_id     INTEGER,
    PRIMARY KEY (walkthrough_id, round)
);
-- The sweep's question: which scheduled follow-ups of each kind are due?
CREATE INDEX follow_ups_scheduled ON follow_ups (question, base_at) WHERE state = 'scheduled';
CREATE INDEX follow_ups_claimed ON follow_ups (claimed_at) WHERE state = 'claimed';

-- Decisions made in Discord get their first follow-up; terminal decisions have no thread.
CREATE TRIGGER decisions_schedule_a_follow_up AFTER INSERT ON decisions
WHEN NEW.guild_id IS NOT NULL
BEGIN
    INSERT INTO follow_ups (walkthrough_id, round, question, base_at, state)
    VALUES (NEW.walkthrough_id, 1,
            CASE NEW.verdict WHEN 'justified' THEN 'fine_tune' ELSE 'prompt_work' END,
            NEW.decided_at, 'scheduled');
END;

-- Decisions made before this release are not followed up: asking about months-old decisions
-- all at once after an upgrade would flood their threads.
INSERT INTO follow_ups (walkthrough_id, round, question, base_at, state)
SELECT walkthrough_id, 1,
       CASE verdict WHEN 'justified' THEN 'fine_tune' ELSE 'prompt_work' END,
       decided_at, 'skipped'
FROM decisions WHERE guild_id IS NOT NULL;
