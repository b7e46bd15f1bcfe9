-- Every chat message updates its conversation's row, so autovacuum visits this table often. When it finds
-- empty pages at the table's end it truncates them, under an ACCESS EXCLUSIVE lock that every chat request
-- then queues behind. In the load benchmark the slowest replies (60-190 ms) came in the second autovacuum
-- ran on this table; truncation is one known cause of such stalls and the pages it frees are reused by
-- the next updates anyway, so it is turned off.
ALTER TABLE conversation_session SET (vacuum_truncate = false);
