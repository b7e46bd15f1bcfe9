-- A chat (Telegram, Zalo) that chose "UBND xã/phường" or "Công an xã/phường" when rating a procedure is asked to
-- type its commune; the next message it sends is matched against the directory's communes. One open question per
-- chat; nothing the citizen typed is stored.
CREATE TABLE rating_commune_question (
    session_key varchar(128) PRIMARY KEY,
    level       smallint     NOT NULL,
    topic_id    varchar(200) NOT NULL,
    kind        varchar(16)  NOT NULL,
    asked_at    timestamptz  NOT NULL DEFAULT now()
);
