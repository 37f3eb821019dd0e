-- Records are stored as OCSF events (body) beside what was received: the wire format, the original text, and what
-- was repaired or assumed while reading it.
ALTER TABLE alerts ADD COLUMN format text NOT NULL DEFAULT 'json';
ALTER TABLE alerts ADD COLUMN raw text;
ALTER TABLE alerts ADD COLUMN warnings text[] NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN format text NOT NULL DEFAULT 'json';
ALTER TABLE events ADD COLUMN raw text;
ALTER TABLE events ADD COLUMN warnings text[] NOT NULL DEFAULT '{}';

-- What could not be read is kept, never dropped: the raw text, where it was in the body, and why. Replaying it
-- (after a parser fix) records the record it became.
CREATE TABLE quarantine (
    id            uuid        PRIMARY KEY,
    tenant        text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('alert', 'event')),
    received_at   timestamptz NOT NULL,
    submitted_by  text,
    source        text,
    byte_offset   bigint      NOT NULL,
    reason        text        NOT NULL,
    raw           text        NOT NULL,
    replayed_at   timestamptz,
    replayed_as   uuid
);
CREATE INDEX quarantine_tenant_time ON quarantine (tenant, received_at DESC);
