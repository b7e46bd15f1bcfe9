-- The citizen's text as the public sees it, separate from the original: staff edit it (the masker's suggestions
-- removed: names, house numbers, besides the numbers and e-mails masked on receipt) and confirm it when they
-- publish. The original `text` stays for staff only. Comments published before this step went public with their
-- text as stored; they keep showing exactly that, so no published page changes under its readers.
ALTER TABLE citizen_comment ADD COLUMN public_text TEXT;
UPDATE citizen_comment SET public_text = text WHERE status = 'published';
