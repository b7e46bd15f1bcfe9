-- The province's agency directory: province agencies, the service centre, and every commune's People's
-- Committee and police (since 1/7/2025 tens to about a hundred communes). Seeded from dvc.agencies on the
-- first start; afterwards admins change it on the staff page or by uploading a file. Codes never change:
-- ratings, comments and staff accounts keep them, so an agency in use is deactivated, never deleted.
CREATE TABLE agency (
    code        varchar(32)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    parent_code varchar(32)  REFERENCES agency (code) DEFERRABLE INITIALLY DEFERRED,
    kind        varchar(16)  NOT NULL,
    -- Field codes it handles; empty means every field (a commune People's Committee).
    fields      text[]       NOT NULL DEFAULT '{}',
    active      boolean      NOT NULL DEFAULT true,
    -- The order lists and routing follow (configuration order, then file order, then when added).
    position    integer      NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(64),
    CONSTRAINT agency_not_own_parent CHECK (parent_code IS NULL OR parent_code <> code)
);

CREATE INDEX agency_parent ON agency (parent_code);

-- Bumped by every change, so each instance sees a change at its next check without reloading on every read.
CREATE TABLE agency_directory_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL
);

INSERT INTO agency_directory_version (id, version) VALUES (1, 0);
