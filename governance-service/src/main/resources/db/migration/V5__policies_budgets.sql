-- Policy as code: every version of a tenant's policy document as submitted (YAML text), and which one is active.
-- A tenant without a row in policies runs the default policy shipped with governance (version 0). A version is its
-- own audit outbox: audited_at stays null until its policy.changed entry is in the ledger.
CREATE TABLE policy_versions (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    version     integer     NOT NULL,
    name        text        NOT NULL,
    document    text        NOT NULL,
    sha256      text        NOT NULL,
    author      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    trace_id    text        NOT NULL DEFAULT '',
    audited_at  timestamptz,
    UNIQUE (tenant, version)
);
CREATE INDEX policy_versions_unaudited ON policy_versions (created_at) WHERE audited_at IS NULL;

CREATE TABLE policies (
    tenant         text        PRIMARY KEY,
    active_version integer     NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- Budget reservations: tokens and dollars held for one model call between PrepareModelCall and its settlement.
-- Reserved rows count against the budget until settled (real usage), released (failure) or past lease_until
-- (the caller crashed; the lease job releases them).
CREATE TABLE budget_reservations (
    id               uuid           PRIMARY KEY,
    tenant           text           NOT NULL,
    department       text           NOT NULL,
    investigation_id text           NOT NULL,
    step             text           NOT NULL,
    route            text           NOT NULL,
    input_usd_per_million  numeric(14, 6) NOT NULL,
    output_usd_per_million numeric(14, 6) NOT NULL,
    reserved_tokens  bigint         NOT NULL,
    reserved_usd     numeric(14, 6) NOT NULL,
    state            text           NOT NULL,
    created_at       timestamptz    NOT NULL,
    lease_until      timestamptz    NOT NULL,
    closed_at        timestamptz,
    close_reason     text
);
CREATE INDEX budget_reservations_open ON budget_reservations (tenant, department) WHERE state = 'reserved';
CREATE INDEX budget_reservations_lease ON budget_reservations (lease_until) WHERE state = 'reserved';
CREATE INDEX budget_reservations_investigation ON budget_reservations (tenant, investigation_id);

ALTER TABLE usage_records ADD COLUMN department text NOT NULL DEFAULT '';
ALTER TABLE usage_records ADD COLUMN reservation_id uuid UNIQUE;
CREATE INDEX usage_records_investigation ON usage_records (tenant, investigation_id);

-- Every authorization decision, one row per action (asking again for the same action answers the stored one);
-- rows that let an action go on (allow, require_approval) are what rate caps and blast-radius caps count.
CREATE TABLE action_authorizations (
    tenant           text        NOT NULL,
    action_id        text        NOT NULL,
    investigation_id text        NOT NULL,
    action_type      text        NOT NULL,
    target           text        NOT NULL,
    decision         text        NOT NULL,
    reason           text        NOT NULL,
    rule             text        NOT NULL,
    policy           text        NOT NULL,
    decided_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant, action_id)
);
CREATE INDEX action_authorizations_rate ON action_authorizations (tenant, action_type, decided_at);

-- Who may approve an approval (from the policy rule that required it).
ALTER TABLE approvals ADD COLUMN approver_roles text NOT NULL DEFAULT 'approver,admin';

-- Pseudonymization: one HMAC key per tenant, and the values behind the pseudonyms minted with it. Only
-- governance's database role reads these tables; pseudonyms are resolved only through governance's API.
CREATE TABLE pseudonym_keys (
    tenant     text        PRIMARY KEY,
    hmac_key   text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE pseudonyms (
    tenant     text        NOT NULL,
    pseudonym  text        NOT NULL,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, pseudonym)
);
