-- Indexes for the retention job's queries (RetentionJob), sized for tens of millions of rows: each is partial,
-- holding only the rows that still have something to erase, so it stays small once the backlog is erased,
-- and the hourly run reads a few index pages instead of the whole table. (answer_rating already has one on
-- created_at, V30.)
-- Not CONCURRENTLY: Flyway holds its lock in an open transaction, which CREATE INDEX CONCURRENTLY waits for
-- for ever. On a large table the first start after the upgrade takes a while (one pass over each table),
-- during which writes to these tables wait; run it when traffic is low, or build the same indexes
-- CONCURRENTLY by hand beforehand (IF NOT EXISTS then skips them).
CREATE INDEX IF NOT EXISTS exchange_question_retention_idx
    ON exchange (created_at) WHERE question <> '';
CREATE INDEX IF NOT EXISTS satisfaction_rating_comment_retention_idx
    ON satisfaction_rating (rated_at) WHERE comment IS NOT NULL;
CREATE INDEX IF NOT EXISTS comment_reply_outbox_retention_idx
    ON comment_reply_outbox (created_at) WHERE recipient <> '' OR text <> '';
