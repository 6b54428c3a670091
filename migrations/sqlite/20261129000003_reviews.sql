-- Team reviews of decisions, and the revisit reminders they schedule.
--
-- A review is append-only, like a decision: a later review is a new row, never an edit. The
-- one thing that changes over time, "the revisit reminder has fired", lives in its own table,
-- so no review row is ever updated: inserting into review_reminders is how a bot process
-- claims a reminder (the primary key lets exactly one process claim it).

CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    walkthrough_id INTEGER NOT NULL REFERENCES walkthroughs (id),
    guild_id       INTEGER,
    reviewer_id    TEXT NOT NULL,
    reviewer_name  TEXT NOT NULL,
    outcome        TEXT NOT NULL CHECK (outcome IN ('agreed', 'overruled', 'revisit_later')),
    note           TEXT,
    revisit_on     TEXT CHECK (revisit_on IS NULL OR revisit_on GLOB
                       '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), -- '2027-01-15', UTC
    created_at     TEXT NOT NULL,
    -- An overruled verdict must say why.
    CHECK (outcome <> 'overruled' OR length(trim(coalesce(note, ''))) > 0)
);
CREATE INDEX reviews_by_walkthrough ON reviews (walkthrough_id, id);
CREATE INDEX reviews_by_guild ON reviews (guild_id, id);
-- The sweep's question: which revisit dates have come?
CREATE INDEX reviews_by_revisit_on ON reviews (revisit_on) WHERE revisit_on IS NOT NULL;

CREATE TRIGGER reviews_are_never_updated BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

CREATE TRIGGER reviews_are_never_deleted BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

-- One row per revisit reminder that a bot process claimed (and then posted). A claim that
-- Discord could not deliver for a passing reason is deleted again so a later sweep retries.
CREATE TABLE review_reminders (
    review_id  INTEGER PRIMARY KEY REFERENCES reviews (id),
    claimed_at TEXT NOT NULL
);

CREATE TRIGGER review_reminders_are_never_updated BEFORE UPDATE ON review_reminders
BEGIN
    SELECT RAISE(ABORT, 'a reminder claim is never changed');
END;
