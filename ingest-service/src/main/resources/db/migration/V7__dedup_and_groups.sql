-- Exact duplicates (same tenant, same normalized content) are stored once: later copies are counted on the stored
-- row. Rows stored before this migration have no hash and never match.
ALTER TABLE alerts ADD COLUMN content_hash text;
ALTER TABLE alerts ADD COLUMN duplicates integer NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN last_duplicate_at timestamptz;
CREATE UNIQUE INDEX alerts_tenant_content ON alerts (tenant, content_hash);
ALTER TABLE events ADD COLUMN content_hash text;
ALTER TABLE events ADD COLUMN duplicates integer NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN last_duplicate_at timestamptz;
CREATE UNIQUE INDEX events_tenant_content ON events (tenant, content_hash);

-- Near duplicates: alerts of the same source, detection and entities within the grouping window join one group. The
-- first alert leads it and is investigated; later members are stored and attached (alerts.group_id), not investigated
-- again. A group whose window has passed is closed; the next such alert opens a new one.
CREATE TABLE alert_groups (
    id              uuid        PRIMARY KEY,
    tenant          text        NOT NULL,
    group_key       text        NOT NULL,
    leader_alert_id uuid        NOT NULL,
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    members         integer     NOT NULL,
    keys            text[]      NOT NULL,
    open            boolean     NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX alert_groups_open_key ON alert_groups (tenant, group_key) WHERE open;
ALTER TABLE alerts ADD COLUMN group_id uuid;
CREATE INDEX alerts_group ON alerts (group_id) WHERE group_id IS NOT NULL;

-- Idempotency-Key: a retried POST with the same key answers the first answer (written in the same transaction as the
-- records it reports). The request's hash tells a retry from a different request reusing the key.
CREATE TABLE idempotency (
    tenant       text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    response     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
