-- The rest of a province's year for the year-end report benchmark, next to the ratings of seed.sql:
-- :questions questions to the assistant (default 2 million, 12% it could not answer, 2,000 distinct
-- unanswered wordings), 100,000 answer ratings, and :items comments and hand-off questions (default 40,000,
-- a quarter of them hand-off questions) in every state of their lifecycle.
--   psql -h 127.0.0.1 -p 54329 -U postgres -d postgres -v year=2026 -f bench/satisfaction/seed-activity.sql
\set ON_ERROR_STOP on
\if :{?questions}
\else
  \set questions 2000000
\endif
\if :{?items}
\else
  \set items 40000
\endif
\if :{?year}
\else
  \set year 2026
\endif
\timing on

INSERT INTO conversation_session (id, channel, consent, created_at, updated_at)
VALUES ('bench-activity', 'web', 'given', now(), now()) ON CONFLICT (id) DO NOTHING;

INSERT INTO exchange (id, session_id, channel, question, kind, topic_id, confidence, latency_ms, created_at)
SELECT gen_random_uuid(), 'bench-activity', (ARRAY['web','zalo','telegram'])[1 + g % 3],
       CASE WHEN g % 100 < 12 THEN 'Câu hỏi chưa có hướng dẫn số ' || (g * 7 % 2000) ELSE 'Hỏi về thủ tục' END,
       CASE WHEN g % 100 < 12 THEN 'fallback' WHEN g % 100 < 17 THEN 'clarify' WHEN g % 100 < 22 THEN 'smalltalk'
            ELSE 'answer' END,
       CASE WHEN g % 100 >= 22 THEN (ARRAY['dang-ky-khai-sinh','dang-ky-ket-hon','dang-ky-thuong-tru','the-can-cuoc',
            'giay-phep-lai-xe','ly-lich-tu-phap','bao-hiem-y-te','dang-ky-ho-kinh-doanh'])[1 + g * 13 % 8] END,
       0.8, 120, make_date(:year, 1, 1) + (g % 365) + make_interval(secs => g % 86400)
  FROM generate_series(1, :questions) g;

INSERT INTO answer_rating (message_id, helpful, reason, channel, created_at, updated_at)
SELECT id, random() < 0.85, NULL, channel, created_at, created_at
  FROM exchange WHERE session_id = 'bench-activity' AND kind = 'answer' LIMIT 100000
ON CONFLICT (message_id) DO NOTHING;

-- Comments and hand-off questions: published, answered, in progress, received (some overdue), rejected.
INSERT INTO citizen_comment (code, channel, field, agency, text, consent, status, received_at, acknowledged_at,
                             reject_due, info_due, answer_due, publish_due, answered_at, published_at, closed_at,
                             updated_at, alerted_at, due_alert_level, kind)
SELECT 'B' || lpad(g::text, 9, '0'), 'web', t.field, t.agency, 'Nội dung mẫu', FALSE, s.status, r.at,
       CASE WHEN s.status <> 'received' THEN r.at + interval '1 day' END,
       r.day + 3, r.day + 5, r.day + 15, CASE WHEN s.status IN ('answered', 'published') THEN r.day + 20 END,
       CASE WHEN s.status IN ('answered', 'published') THEN r.at + make_interval(days => 2 + g % 20) END,
       CASE WHEN s.status = 'published' THEN r.at + make_interval(days => 4 + g % 20) END,
       CASE WHEN s.status IN ('published', 'rejected') THEN r.at + make_interval(days => 4 + g % 20) END,
       r.at, r.at, 2, CASE WHEN g % 4 = 0 THEN 'question' ELSE 'comment' END
  FROM generate_series(1, :items) g
  JOIN (VALUES (0,'ho-tich','SO-TP'),(1,'cu-tru','CONG-AN'),(2,'dat-dai','SO-NNMT'),(3,'xay-dung','SO-XD'),
               (4,'kinh-doanh','SO-TC'),(5,'bhxh-bhyt','BHXH'),(6,'giao-duc','SO-GDDT'),(7,'lao-dong','SO-NV'))
       AS t(n, field, agency) ON t.n = g % 8
  CROSS JOIN LATERAL (SELECT make_date(:year, 1, 1) + (g % 365) AS day,
                             make_date(:year, 1, 1) + (g % 365) + make_interval(secs => g % 86400) AS at) r
  CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'published' WHEN g % 10 = 7 THEN 'answered'
                                  WHEN g % 10 = 8 THEN 'in_progress' WHEN g % 20 = 9 THEN 'rejected'
                                  ELSE 'received' END AS status) s
ON CONFLICT (code) DO NOTHING;

VACUUM ANALYZE exchange;
VACUUM ANALYZE answer_rating;
VACUUM ANALYZE citizen_comment;
SELECT kind, count(*) FROM exchange GROUP BY kind ORDER BY kind;
SELECT kind, count(*) FROM citizen_comment GROUP BY kind ORDER BY kind;
