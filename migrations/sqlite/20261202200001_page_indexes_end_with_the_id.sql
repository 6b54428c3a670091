-- Twin of the PostgreSQL migration of the same name, which makes the indexes that order the
-- audit's pages (walkthroughs_by_created, walkthroughs_by_guild_created, decisions_by_guild_verdict,
-- decisions_by_verdict) end with the id. SQLite's indexes already end with the rowid (the id of
-- walkthroughs, the walkthrough_id of decisions), so there is nothing to change here.
SELECT 1;
