-- The language a walkthrough speaks ('en', 'fr', 'de', 'es'): chosen when it starts (the
-- starter's Discord locale, the language of the chat message, the server's, English), and used
-- for every message posted later without an interaction (reminders, follow-ups, the verdict in
-- its thread). Walkthroughs from before this column speak English.
ALTER TABLE walkthroughs ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
