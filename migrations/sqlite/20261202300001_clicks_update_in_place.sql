-- Twin of the PostgreSQL migration of the same name, which drops the index on (status, updated_at)
-- so that a click updates its walkthrough's row in place. SQLite rewrites the row and its index
-- entries either way, and its idle sweep uses that index, so there is nothing to change here.
SELECT 1;
