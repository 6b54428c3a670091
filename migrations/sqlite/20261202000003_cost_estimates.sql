-- The savings estimate a team gave for a decision ("Estimate the savings" after the verdict, or
-- the cost flags of `tunegate check`): its inputs and the results computed from them.
--
-- Append-only like the decision it belongs to: a corrected estimate is a new row, and the
-- latest one counts. Only the recorder's name may be redacted (the sanctioned erasure of
-- migration 20261202000001); the figures are the team's, not a person's words.
CREATE TABLE cost_estimates (
    id                 INTEGER PRIMARY KEY,
    walkthrough_id     INTEGER NOT NULL REFERENCES decisions (walkthrough_id),
    guild_id           INTEGER,
    requests_per_month REAL NOT NULL CHECK (requests_per_month > 0),
    input_tokens       REAL NOT NULL CHECK (input_tokens >= 0),
    output_tokens      REAL NOT NULL CHECK (output_tokens >= 0),
    price_in           REAL NOT NULL CHECK (price_in >= 0),
    price_out          REAL NOT NULL CHECK (price_out >= 0),
    -- Either the fine-tuned model's own prices, or a cost ratio.
    ft_price_in        REAL CHECK (ft_price_in >= 0),
    ft_price_out       REAL CHECK (ft_price_out >= 0),
    ratio              REAL CHECK (ratio > 0),
    training_cost      REAL NOT NULL CHECK (training_cost >= 0),
    upkeep_per_month   REAL NOT NULL CHECK (upkeep_per_month >= 0),
    generic_monthly    REAL NOT NULL,
    fine_tuned_monthly REAL NOT NULL,
    monthly_saving     REAL NOT NULL,
    break_even_months  REAL,
    net_12_months      REAL NOT NULL,
    recorded_by_id     TEXT NOT NULL,
    recorded_by_name   TEXT NOT NULL,
    -- The Discord interaction that carried it: a replayed form records nothing.
    interaction_id     TEXT UNIQUE,
    created_at         TEXT NOT NULL,
    CHECK ((ratio IS NULL) = (ft_price_in IS NOT NULL AND ft_price_out IS NOT NULL))
);
CREATE INDEX cost_estimates_by_walkthrough ON cost_estimates (walkthrough_id, id);
CREATE INDEX cost_estimates_by_guild ON cost_estimates (guild_id, id);

CREATE TRIGGER cost_estimates_are_never_updated BEFORE UPDATE ON cost_estimates
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
    OR NEW.id IS NOT OLD.id
    OR NEW.walkthrough_id IS NOT OLD.walkthrough_id
    OR NEW.guild_id IS NOT OLD.guild_id
    OR NEW.requests_per_month IS NOT OLD.requests_per_month
    OR NEW.input_tokens IS NOT OLD.input_tokens
    OR NEW.output_tokens IS NOT OLD.output_tokens
    OR NEW.price_in IS NOT OLD.price_in
    OR NEW.price_out IS NOT OLD.price_out
    OR NEW.ft_price_in IS NOT OLD.ft_price_in
    OR NEW.ft_price_out IS NOT OLD.ft_price_out
    OR NEW.ratio IS NOT OLD.ratio
    OR NEW.training_cost IS NOT OLD.training_cost
    OR NEW.upkeep_per_month IS NOT OLD.upkeep_per_month
    OR NEW.generic_monthly IS NOT OLD.generic_monthly
    OR NEW.fine_tuned_monthly IS NOT OLD.fine_tuned_monthly
    OR NEW.monthly_saving IS NOT OLD.monthly_saving
    OR NEW.break_even_months IS NOT OLD.break_even_months
    OR NEW.net_12_months IS NOT OLD.net_12_months
    OR NEW.recorded_by_id IS NOT OLD.recorded_by_id
    OR NEW.interaction_id IS NOT OLD.interaction_id
    OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'cost estimates are append-only');
END;

CREATE TRIGGER cost_estimates_are_never_deleted BEFORE DELETE ON cost_estimates
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'cost estimates are append-only');
END;
