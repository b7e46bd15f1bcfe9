-- Sessions are signed tokens kept by the browser, so ending them needs a check on the server side: each
-- token carries the account's session version from login time, and deactivating the account or setting
-- its password raises the version, which ends every session opened before.
ALTER TABLE staff_user ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;
