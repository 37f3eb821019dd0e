-- How each record's time was read: the text it came from (NULL when the record had none) and what was assumed or
-- noticed (missing, unreadable, zone-assumed, year-inferred, skewed). observed_at stays the time in UTC.
ALTER TABLE alerts ADD COLUMN time_text text;
ALTER TABLE alerts ADD COLUMN time_flags text[] NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN time_text text;
ALTER TABLE events ADD COLUMN time_flags text[] NOT NULL DEFAULT '{}';
