-- Staff who log in to the dashboard. Citizens never have an account here.
CREATE TABLE staff_user (
    id             UUID PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,  -- bcrypt, never the password
    role           VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'AGENCY_STAFF', 'EDITOR', 'VOLUNTEER')),
    agency_code    VARCHAR(64),
    display_name   VARCHAR(200) NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    last_login_at  TIMESTAMPTZ,
    -- An agency staff member without an agency could see nothing or, worse, everything.
    CONSTRAINT staff_user_agency_for_agency_staff CHECK (role <> 'AGENCY_STAFF' OR agency_code IS NOT NULL)
);

CREATE UNIQUE INDEX staff_user_username_idx ON staff_user (lower(username));
