-- Alerts reach agency staff at their own accounts' addresses: each comment or hand-off question as it happens
-- ('each'), one mail a day listing new, near-deadline and overdue items ('digest'), or nothing ('none').
ALTER TABLE staff_user ADD COLUMN email VARCHAR(200);
ALTER TABLE staff_user ADD COLUMN alert_mode VARCHAR(8) NOT NULL DEFAULT 'each'
    CHECK (alert_mode IN ('each', 'digest', 'none'));

-- One row per account and local day once that day's digest is taken for sending: with several instances
-- running, the one whose insert succeeds sends it, the others skip. Deleted again when the server refuses the
-- mail, so it is tried once more. claimed_at is where the next digest's "new" items start.
CREATE TABLE staff_digest (
    staff_user_id UUID        NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    day           DATE        NOT NULL,
    claimed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (staff_user_id, day)
);
