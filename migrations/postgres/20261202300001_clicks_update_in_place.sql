-- Every click rewrites its walkthrough's current_step and updated_at. With updated_at in an index
-- (walkthroughs_by_status_updated) PostgreSQL could not update the row in place: each click wrote a
-- new row version and a new entry in every one of the table's nine indexes, and after each
-- checkpoint a full image of every index page it touched went into the write-ahead log. Without an
-- index on a column a click changes, the update is a heap-only tuple (HOT) update when the row's
-- page has room, which a fill factor of 80 keeps. The idle sweep (`status = 'open' AND updated_at <
-- cutoff`) now reads the open walkthroughs through a partial index on the id and sorts them; open
-- walkthroughs are the few in progress. Twin of the SQLite migration of the same name, which keeps
-- its index: SQLite has no such in-place update.
DROP INDEX walkthroughs_by_status_updated;
CREATE INDEX walkthroughs_open ON walkthroughs (id) WHERE status = 'open';
ALTER TABLE walkthroughs SET (fillfactor = 80);
