-- Loads :rows satisfaction ratings (default 10 million) spread over the year :year, then folds them
-- into satisfaction_daily exactly as SatisfactionRollup does, so the service starts with a short tail.
--   psql -h 127.0.0.1 -p 54329 -U postgres -d postgres -v rows=10000000 -v year=2026 -f bench/satisfaction/seed.sql
\set ON_ERROR_STOP on
\if :{?rows}
\else
  \set rows 10000000
\endif
\if :{?year}
\else
  \set year 2026
\endif
\timing on

-- 48 topics of the knowledge base with their fields; 11 agencies of application.yml; five channels.
CREATE TEMP TABLE seed_topic (n int, topic_id text, field text, agency text);
INSERT INTO seed_topic VALUES
 (0,'dang-ky-khai-sinh','ho-tich','SO-TP'),(1,'dang-ky-ket-hon','ho-tich','SO-TP'),
 (2,'dang-ky-khai-tu','ho-tich','UBND-XA'),(3,'trich-luc-ho-tich','ho-tich','UBND-XA'),
 (4,'dang-ky-thuong-tru','cu-tru','CONG-AN'),(5,'dang-ky-tam-tru','cu-tru','CONG-AN'),
 (6,'the-can-cuoc','cu-tru','CONG-AN'),(7,'ho-chieu-pho-thong','cu-tru','CONG-AN'),
 (8,'dang-ky-xe','giao-thong','CONG-AN'),(9,'giay-phep-lai-xe','giao-thong','SO-XD'),
 (10,'ly-lich-tu-phap','tu-phap','SO-TP'),(11,'chung-thuc-ban-sao','tu-phap','UBND-XA'),
 (12,'dang-ky-bien-dong-dat-dai','dat-dai','SO-NNMT'),(13,'cap-giay-chung-nhan-lan-dau','dat-dai','SO-NNMT'),
 (14,'thong-tin-dat-dai-quy-hoach','dat-dai','UBND-XA'),(15,'giay-phep-xay-dung-nha-o','xay-dung','SO-XD'),
 (16,'thu-tuc-dau-tu','dau-tu','SO-TC'),(17,'dang-ky-ho-kinh-doanh','kinh-doanh','SO-TC'),
 (18,'dang-ky-doanh-nghiep','kinh-doanh','SO-TC'),(19,'tro-cap-that-nghiep','lao-dong','SO-NV'),
 (20,'tro-cap-xa-hoi','lao-dong','UBND-XA'),(21,'bao-hiem-y-te','bhxh-bhyt','BHXH'),
 (22,'bhxh-mot-lan','bhxh-bhyt','BHXH'),(23,'thue-thu-nhap-ca-nhan','thue','THUE'),
 (24,'tuyen-sinh-dau-cap','giao-duc','SO-GDDT'),(25,'dang-ky-du-thi-tot-nghiep','giao-duc','SO-GDDT'),
 (26,'nop-ho-so-truc-tuyen','dvc-chung','VP-UBND'),(27,'thanh-toan-le-phi-truc-tuyen','dvc-chung','');

INSERT INTO satisfaction_rating (topic_id, field, agency, channel, level, satisfied, rated_on, rated_at)
SELECT t.topic_id, t.field, t.agency,
       (ARRAY['web','web','zalo','zalo','telegram','survey','survey','assisted'])[1 + (g * 7 % 8)],
       lvl.level, lvl.level <> 'khong_hai_long',
       d.day, d.day + make_interval(secs => g % 86400)
  FROM generate_series(1, :rows) g
  JOIN seed_topic t ON t.n = g % 28
  CROSS JOIN LATERAL (SELECT (make_date(:year, 1, 1) + (g % 365))::date AS day) d
  -- About 91% satisfied overall, lower in land and construction.
  CROSS JOIN LATERAL (SELECT CASE
        WHEN (g * 31 % 100) < 55 THEN 'rat_hai_long'
        WHEN (g * 31 % 100) < CASE WHEN t.field IN ('dat-dai','xay-dung') THEN 86 ELSE 92 END THEN 'hai_long'
        ELSE 'khong_hai_long' END AS level) lvl;

BEGIN;
SELECT rolled_below FROM satisfaction_rollup_state WHERE id = 1 FOR UPDATE;
DELETE FROM satisfaction_daily;
INSERT INTO satisfaction_daily (rated_on, field, agency, channel, satisfied, total)
SELECT rated_on, field, agency, channel, count(*) FILTER (WHERE satisfied), count(*)
  FROM satisfaction_rating
 WHERE txid < pg_snapshot_xmin(pg_current_snapshot())
 GROUP BY rated_on, field, agency, channel;
UPDATE satisfaction_rollup_state SET rolled_below = pg_snapshot_xmin(pg_current_snapshot()), rolled_at = now() WHERE id = 1;
COMMIT;
VACUUM ANALYZE satisfaction_rating;
VACUUM ANALYZE satisfaction_daily;
SELECT count(*) AS ratings FROM satisfaction_rating;
SELECT count(*) AS daily_counters, sum(total) AS rolled_up FROM satisfaction_daily;
