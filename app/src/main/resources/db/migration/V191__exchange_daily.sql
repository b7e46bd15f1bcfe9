-- Questions to the assistant counted per local day, kind and topic (never their text), folded from exchange
-- once a day is over (ExchangeRollup): a year's answer figures then read a few thousand counters instead of
-- millions of exchanges, which the year-end report needs at a province's scale. Exchange rows are never
-- deleted (retention only blanks the question), and their kind and topic never change, so the counters stay
-- exact. folded_through is the last local day folded; later days are read from exchange itself.
CREATE TABLE exchange_daily (
    day      DATE         NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    topic_id VARCHAR(100) NOT NULL DEFAULT '',
    total    BIGINT       NOT NULL,
    PRIMARY KEY (day, kind, topic_id)
);

CREATE TABLE exchange_rollup_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    folded_through DATE,
    folded_at      TIMESTAMPTZ
);
INSERT INTO exchange_rollup_state (id) VALUES (1);

-- The unanswered questions of a period are grouped from the (masked, retention-blanked) text itself; this
-- index holds what that needs, so a year of them is read without touching the wide exchange rows.
CREATE INDEX exchange_fallback_question_idx ON exchange (created_at) INCLUDE (question, handoff_requested)
    WHERE kind = 'fallback';
