-- Splunk HTTP Event Collector tokens: each maps to a tenant and a client name (recorded as the submitter) and says
-- whether its records are events or alerts. Only a hash of the token is kept; the token is shown once, at creation.
CREATE TABLE hec_tokens (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    client      text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('alert', 'event')),
    token_hash  text        NOT NULL UNIQUE,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);
CREATE INDEX hec_tokens_tenant ON hec_tokens (tenant);
