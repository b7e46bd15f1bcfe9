-- When the Zalo tokens were last refreshed, and the last refresh that failed (cleared by the next success),
-- for the health page and the alert: an idle OA must still refresh before its 3-month refresh token dies.
ALTER TABLE zalo_token
    ADD COLUMN refreshed_at       TIMESTAMPTZ,
    ADD COLUMN refresh_failed_at  TIMESTAMPTZ,
    ADD COLUMN refresh_failure    TEXT;
