-- Rate limits shared by every instance on this database (RateLimiter, LoginLimiter): one token bucket per
-- limit and client, keyed by a SHA-256 (no address, session or account name is stored). UNLOGGED: no WAL
-- for a row written on every request, and after a crash the buckets start full, which costs nothing.
-- Rows of idle clients are deleted once their bucket has refilled.
CREATE UNLOGGED TABLE rate_limit_bucket (
    key         VARCHAR(64)      PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    consumed    BOOLEAN          NOT NULL,
    updated_at  TIMESTAMPTZ      NOT NULL
);

CREATE INDEX rate_limit_bucket_updated_idx ON rate_limit_bucket (updated_at);
