-- Retention and purging are the only changes the append-only tables (answers, decisions,
-- reviews) accept. Such work marks itself by holding the one row of erasure_in_progress for
-- the length of its own write transaction: it inserts the row first and deletes it before
-- committing, so no other connection ever sees it. Even then an update may only change the
-- columns that hold what a person typed or a person's name; everything else stays as written.

CREATE TABLE erasure_in_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER answers_are_never_updated;
CREATE TRIGGER answers_are_never_updated BEFORE UPDATE ON answers
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.id IS NOT OLD.id
    OR NEW.walkthrough_id IS NOT OLD.walkthrough_id
    OR NEW.step IS NOT OLD.step
    OR NEW.value IS NOT OLD.value
    OR NEW.answered_by_id IS NOT OLD.answered_by_id
    OR NEW.answered_at IS NOT OLD.answered_at
    OR NEW.interaction_id IS NOT OLD.interaction_id
BEGIN
    SELECT RAISE(ABORT, 'answers are append-only');
END;

CREATE TRIGGER answers_are_never_deleted BEFORE DELETE ON answers
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'answers are append-only');
END;

DROP TRIGGER decisions_are_never_updated;
CREATE TRIGGER decisions_are_never_updated BEFORE UPDATE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.walkthrough_id IS NOT OLD.walkthrough_id
    OR NEW.guild_id IS NOT OLD.guild_id
    OR NEW.verdict IS NOT OLD.verdict
    OR NEW.goal IS NOT OLD.goal
    OR NEW.g1 IS NOT OLD.g1
    OR NEW.g2 IS NOT OLD.g2
    OR NEW.g3 IS NOT OLD.g3
    OR NEW.g4 IS NOT OLD.g4
    OR NEW.drivers IS NOT OLD.drivers
    OR NEW.summary IS NOT OLD.summary
    OR NEW.reasons IS NOT OLD.reasons
    OR NEW.next_steps IS NOT OLD.next_steps
    OR NEW.checklist_version IS NOT OLD.checklist_version
    OR NEW.decided_at IS NOT OLD.decided_at
    OR NEW.decided_month IS NOT OLD.decided_month
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

DROP TRIGGER reviews_are_never_updated;
CREATE TRIGGER reviews_are_never_updated BEFORE UPDATE ON reviews
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.id IS NOT OLD.id
    OR NEW.walkthrough_id IS NOT OLD.walkthrough_id
    OR NEW.guild_id IS NOT OLD.guild_id
    OR NEW.reviewer_id IS NOT OLD.reviewer_id
    OR NEW.outcome IS NOT OLD.outcome
    OR NEW.revisit_on IS NOT OLD.revisit_on
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

DROP TRIGGER reviews_are_never_deleted;
CREATE TRIGGER reviews_are_never_deleted BEFORE DELETE ON reviews
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
