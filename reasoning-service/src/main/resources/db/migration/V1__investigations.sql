-- Investigations double as the durable work queue: replicas lease rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE investigations (
    id            uuid        PRIMARY KEY,
    tenant        text        NOT NULL,
    alert_id      text        NOT NULL,
    source        text        NOT NULL,
    title         text        NOT NULL,
    severity_id   integer     NOT NULL,
    received_at   text        NOT NULL,
    traceparent   text,
    trace_id      text        NOT NULL DEFAULT '',
    status        text        NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    run_after     timestamptz NOT NULL DEFAULT now(),
    lease_owner   text,
    lease_until   timestamptz,
    completions   integer     NOT NULL DEFAULT 0,
    verdict       text,
    severity      text,
    confidence    double precision,
    result        jsonb,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    UNIQUE (tenant, alert_id)
);
CREATE INDEX investigations_due ON investigations (run_after) WHERE status IN ('queued', 'running');
CREATE INDEX investigations_alert ON investigations (tenant, alert_id);
