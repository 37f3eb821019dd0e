-- The evidence store's write side. context-service reads these tables (read-only).
CREATE TABLE alerts (
    id           uuid        PRIMARY KEY,
    tenant       text        NOT NULL,
    received_at  timestamptz NOT NULL,
    observed_at  timestamptz NOT NULL,
    source       text        NOT NULL,
    title        text        NOT NULL,
    severity_id  integer     NOT NULL,
    fingerprint  text        NOT NULL,
    entities     text[]      NOT NULL,
    body         jsonb       NOT NULL
);
CREATE INDEX alerts_tenant_entities ON alerts USING gin (entities);
CREATE INDEX alerts_tenant_time ON alerts (tenant, observed_at);

CREATE TABLE events (
    id           uuid        PRIMARY KEY,
    tenant       text        NOT NULL,
    received_at  timestamptz NOT NULL,
    observed_at  timestamptz NOT NULL,
    source       text        NOT NULL,
    summary      text        NOT NULL,
    entities     text[]      NOT NULL,
    body         jsonb       NOT NULL
);
CREATE INDEX events_entities ON events USING gin (entities);
CREATE INDEX events_tenant_time ON events (tenant, observed_at);

-- Transactional outbox: written with the alert, drained by OutboxRelay into Investigations.Submit.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    tenant          text        NOT NULL,
    alert_id        uuid        NOT NULL REFERENCES alerts (id),
    traceparent     text,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    investigation_id text,
    last_error      text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
