-- Response actions proposed by investigations. The id is derived from (tenant, investigation_id, type, target), so
-- proposing the same action again hits the primary key and returns the stored row.
-- The table is also the execution queue: replicas claim rows with FOR UPDATE SKIP LOCKED and hold them through
-- lease_owner / lease_until; a lease that lapses (crashed replica) makes the row claimable again.
CREATE TABLE actions (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL,
    investigation_id text        NOT NULL,
    alert_id         text        NOT NULL DEFAULT '',
    action_type      text        NOT NULL,
    target           text        NOT NULL,
    rationale        text        NOT NULL DEFAULT '',
    -- canonical JSON of the parameters; governance binds approvals to its SHA-256
    parameters_json  text        NOT NULL,
    state            text        NOT NULL,
    approval_id      text        NOT NULL DEFAULT '',
    detail           text        NOT NULL DEFAULT '',
    attempts         integer     NOT NULL DEFAULT 0,
    -- earliest time the executor looks at the row again (approval poll or retry backoff)
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_until      timestamptz,
    -- W3C traceparent of the request that proposed the action; execution spans are its children
    traceparent      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actions_investigation ON actions (tenant, investigation_id, created_at);
CREATE INDEX actions_queue ON actions (state, next_attempt_at) WHERE state IN ('pending_approval', 'approved');
CREATE INDEX actions_leases ON actions (lease_until) WHERE state = 'executing';
