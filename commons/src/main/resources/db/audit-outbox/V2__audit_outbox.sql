-- Audit entries waiting for governance's ledger (dev.watchfloor.commons.audit): each is written in the transaction of
-- the step it describes and delivered afterwards by AuditRelay; the id is the entry's idempotency key at governance.
-- One migration for every service that records audit entries (quarkus.flyway.locations includes db/audit-outbox).
CREATE TABLE audit_outbox (
    id               uuid        PRIMARY KEY,
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    tenant           text        NOT NULL,
    on_behalf_of     text        NOT NULL,
    event_type       text        NOT NULL,
    alert_id         text        NOT NULL,
    investigation_id text        NOT NULL,
    action_id        text        NOT NULL,
    details_json     text        NOT NULL,
    -- trace of the recorded step: its id goes to the ledger, the delivery span is a child of the traceparent
    trace_id         text        NOT NULL,
    traceparent      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    delivered_at     timestamptz
);
-- The relay's scan: pending entries in write order, and per tenant (an entry waits for older ones of its tenant).
CREATE INDEX audit_outbox_pending ON audit_outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX audit_outbox_pending_tenant ON audit_outbox (tenant, seq) WHERE delivered_at IS NULL;
