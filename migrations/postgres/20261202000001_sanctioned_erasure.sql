-- Retention and purging are the only changes the append-only tables (answers, decisions,
-- reviews) accept (twin of the SQLite migration of the same name). Such work marks itself by
-- holding the one row of erasure_in_progress for the length of its own write transaction: it
-- inserts the row first and deletes it before committing, so no other transaction ever sees
-- it. Even then an update may only change the columns that hold what a person typed or a
-- person's name; everything else stays as written.

CREATE TABLE erasure_in_progress (
    id BIGINT PRIMARY KEY CHECK (id = 1)
);

-- Deletes: refused with the reason given unless an erasure holds the row.
CREATE FUNCTION tunegate_refuse_delete_unless_erasing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erasure_in_progress) THEN
        RAISE EXCEPTION '%', TG_ARGV[0];
    END IF;
    RETURN OLD;
END;
$$;

CREATE FUNCTION tunegate_answers_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erasure_in_progress)
        OR NEW.id IS DISTINCT FROM OLD.id
        OR NEW.walkthrough_id IS DISTINCT FROM OLD.walkthrough_id
        OR NEW.step IS DISTINCT FROM OLD.step
        OR NEW.value IS DISTINCT FROM OLD.value
        OR NEW.answered_by_id IS DISTINCT FROM OLD.answered_by_id
        OR NEW.answered_at IS DISTINCT FROM OLD.answered_at
        OR NEW.interaction_id IS DISTINCT FROM OLD.interaction_id
    THEN
        RAISE EXCEPTION 'answers are append-only';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER answers_are_never_updated ON answers;
CREATE TRIGGER answers_are_never_updated BEFORE UPDATE ON answers
FOR EACH ROW EXECUTE FUNCTION tunegate_answers_update();

CREATE TRIGGER answers_are_never_deleted BEFORE DELETE ON answers
FOR EACH ROW EXECUTE FUNCTION tunegate_refuse_delete_unless_erasing('answers are append-only');

CREATE FUNCTION tunegate_decisions_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erasure_in_progress)
        OR NEW.walkthrough_id IS DISTINCT FROM OLD.walkthrough_id
        OR NEW.guild_id IS DISTINCT FROM OLD.guild_id
        OR NEW.verdict IS DISTINCT FROM OLD.verdict
        OR NEW.goal IS DISTINCT FROM OLD.goal
        OR NEW.g1 IS DISTINCT FROM OLD.g1
        OR NEW.g2 IS DISTINCT FROM OLD.g2
        OR NEW.g3 IS DISTINCT FROM OLD.g3
        OR NEW.g4 IS DISTINCT FROM OLD.g4
        OR NEW.drivers IS DISTINCT FROM OLD.drivers
        OR NEW.summary IS DISTINCT FROM OLD.summary
        OR NEW.reasons IS DISTINCT FROM OLD.reasons
        OR NEW.next_steps IS DISTINCT FROM OLD.next_steps
        OR NEW.checklist_version IS DISTINCT FROM OLD.checklist_version
        OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
        OR NEW.decided_month IS DISTINCT FROM OLD.decided_month
    THEN
        RAISE EXCEPTION 'decisions are append-only';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER decisions_are_never_updated ON decisions;
CREATE TRIGGER decisions_are_never_updated BEFORE UPDATE ON decisions
FOR EACH ROW EXECUTE FUNCTION tunegate_decisions_update();

CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
FOR EACH ROW EXECUTE FUNCTION tunegate_refuse_delete_unless_erasing('decisions are append-only');

CREATE FUNCTION tunegate_reviews_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erasure_in_progress)
        OR NEW.id IS DISTINCT FROM OLD.id
        OR NEW.walkthrough_id IS DISTINCT FROM OLD.walkthrough_id
        OR NEW.guild_id IS DISTINCT FROM OLD.guild_id
        OR NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id
        OR NEW.outcome IS DISTINCT FROM OLD.outcome
        OR NEW.revisit_on IS DISTINCT FROM OLD.revisit_on
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
    THEN
        RAISE EXCEPTION 'reviews are append-only';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER reviews_are_never_updated ON reviews;
CREATE TRIGGER reviews_are_never_updated BEFORE UPDATE ON reviews
FOR EACH ROW EXECUTE FUNCTION tunegate_reviews_update();

DROP TRIGGER reviews_are_never_deleted ON reviews;
CREATE TRIGGER reviews_are_never_deleted BEFORE DELETE ON reviews
FOR EACH ROW EXECUTE FUNCTION tunegate_refuse_delete_unless_erasing('reviews are append-only');
