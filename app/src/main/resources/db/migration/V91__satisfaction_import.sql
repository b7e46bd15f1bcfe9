-- Periodic surveys (paper forms, phone surveys, desk interviews) imported from a file: each file is a batch,
-- traceable to who imported it and when, and removable as a whole.
CREATE TABLE satisfaction_import_batch (
    id          VARCHAR(36)  PRIMARY KEY,
    imported_by VARCHAR(100) NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    imported    INTEGER      NOT NULL,
    rejected    INTEGER      NOT NULL
);

ALTER TABLE satisfaction_rating
    ADD COLUMN batch_id    VARCHAR(36) REFERENCES satisfaction_import_batch (id) ON DELETE CASCADE,
    ADD COLUMN survey_mode VARCHAR(16);   -- imported ratings: giay | dien-thoai | truc-tiep

CREATE INDEX satisfaction_rating_batch_idx ON satisfaction_rating (batch_id) WHERE batch_id IS NOT NULL;
