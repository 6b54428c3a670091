-- The audit's pages are the newest rows first, 50 at a time: `ORDER BY w.created_at DESC, w.id DESC`
-- or, filtered by verdict, `ORDER BY d.decided_at DESC, d.walkthrough_id DESC`. SQLite's indexes end
-- with the rowid by themselves, so they hand the rows over in that order and a page stops after 50.
-- PostgreSQL's indexes hold only the columns they name: it read and sorted every matching row
-- instead (a guild's 10,000 premature decisions, ~400 ms, for the first pages on each connection,
-- until it settled on a generic plan; a day of walkthroughs, 1,440 rows, sorted for 50). These
-- indexes replace the ones of the same name with the id as their last column, as in SQLite.
-- Twin of the SQLite migration of the same name (which has nothing to change).
DROP INDEX walkthroughs_by_created;
CREATE INDEX walkthroughs_by_created ON walkthroughs (created_at, id);
DROP INDEX walkthroughs_by_guild_created;
CREATE INDEX walkthroughs_by_guild_created ON walkthroughs (guild_id, created_at, id);
DROP INDEX decisions_by_guild_verdict;
CREATE INDEX decisions_by_guild_verdict ON decisions (guild_id, verdict, decided_at, walkthrough_id);
DROP INDEX decisions_by_verdict;
CREATE INDEX decisions_by_verdict ON decisions (verdict, decided_at, walkthrough_id);
