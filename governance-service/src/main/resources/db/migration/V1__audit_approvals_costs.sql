-- Hash-chained audit ledger: one chain per tenant. hash = SHA-256 over prev_hash and the entry's canonical form
-- (see AuditHasher); details are kept as the exact text that was hashed.
CREATE TABLE audit_entries (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL,
    seq              bigint      NOT NULL,
    recorded_at      timestamptz NOT NULL,
    actor            text        NOT NULL,
    event_type       text        NOT NULL,
    alert_id         text        NOT NULL DEFAULT '',
    investigation_id text        NOT NULL DEFAULT '',
    action_id        text        NOT NULL DEFAULT '',
    trace_id         text        NOT NULL DEFAULT '',
    details          text        NOT NULL,
    prev_hash        text        NOT NULL,
    hash             text        NOT NULL,
    UNIQUE (tenant, seq)
);
CREATE INDEX audit_entries_alert ON audit_entries (tenant, alert_id);
CREATE INDEX audit_entries_investigation ON audit_entries (tenant, investigation_id);

-- Approval requests for consequential actions, bound to the hash of the exact parameters.
CREATE TABLE approvals (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL,
    action_id        text        NOT NULL,
    investigation_id text        NOT NULL,
    alert_id         text        NOT NULL,
    action_type      text        NOT NULL,
    target           text        NOT NULL,
    parameters_json  text        NOT NULL,
    parameters_hash  text        NOT NULL,
    requested_by     text        NOT NULL,
    state            text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    reason           text,
    UNIQUE (tenant, action_id)
);
CREATE INDEX approvals_state ON approvals (tenant, state, requested_at);

-- Cost ledger: token usage and cost per investigation step.
CREATE TABLE usage_records (
    id               bigserial   PRIMARY KEY,
    tenant           text        NOT NULL,
    investigation_id text        NOT NULL,
    step             text        NOT NULL,
    route            text        NOT NULL,
    input_tokens     integer     NOT NULL,
    output_tokens    integer     NOT NULL,
    cost_usd         numeric(14, 6) NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_records_tenant ON usage_records (tenant, recorded_at);
