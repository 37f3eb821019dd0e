-- Attempts that failed because a peer (context, governance, action) was unreachable, timed out or had its circuit
-- open. They do not count against max-attempts: an outage delays an investigation (with growing backoff) instead of
-- failing it; only failures of the investigation itself, and workers that died running it, use up attempts.
ALTER TABLE investigations ADD COLUMN transient_failures integer NOT NULL DEFAULT 0;
