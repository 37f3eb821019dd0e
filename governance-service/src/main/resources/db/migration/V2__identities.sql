-- Tenants, their principals (with client credentials when they authenticate at /v1/auth/token) and the keys that
-- sign governance's tokens. Entity-shaped: read and written through Hibernate Reactive Panache.
CREATE TABLE tenants (
    id           text        PRIMARY KEY,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);

CREATE TABLE principals (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL REFERENCES tenants (id),
    name        text        NOT NULL,
    -- space-separated, from the closed set in dev.watchfloor.commons.security.Roles
    roles       text        NOT NULL,
    client_id   text        UNIQUE,
    -- "<salt hex>:<sha-256 hex of salt and secret>"; secrets are 256-bit random, never stored
    secret_hash text,
    disabled    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    UNIQUE (tenant, name)
);

CREATE TABLE signing_keys (
    kid         text        PRIMARY KEY,
    algorithm   text        NOT NULL,
    private_key text        NOT NULL,
    public_jwk  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz
);
-- At most one active key.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
