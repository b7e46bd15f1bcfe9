-- A tracked item is either a citizen's comment (góp ý, phản ánh, kiến nghị) or a question the assistant could
-- not answer and the citizen handed over to staff ("chuyển câu hỏi"). Both share one lifecycle, deadlines and
-- queue; the kind keeps them apart in the statistics, exports and the report.
ALTER TABLE citizen_comment ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'comment'
    CHECK (kind IN ('comment', 'question'));

CREATE INDEX citizen_comment_kind_received_idx ON citizen_comment (kind, received_at);
