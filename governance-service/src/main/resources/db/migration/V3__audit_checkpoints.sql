-- The chain's hash covers the previous hash and the entry's RFC 8785 canonical JSON (dev.watchfloor.ledger.ChainHash),
-- which now also names the user a service acted for and the caller's idempotency key. Nothing was released with the
-- earlier hash, so entries written before this migration are not kept.
DELETE FROM audit_entries;
ALTER TABLE audit_entries ADD COLUMN on_behalf_of text NOT NULL DEFAULT '';
ALTER TABLE audit_entries ADD COLUMN idempotency_key text NOT NULL DEFAULT '';
-- Appending again with the same key answers the stored entry: each entry is in the ledger exactly once.
CREATE UNIQUE INDEX audit_entries_idempotency ON audit_entries (tenant, idempotency_key) WHERE idempotency_key <> '';

-- Signed checkpoints (Ed25519) of a tenant's chain head: deleting the newest entries is caught against the last one.
CREATE TABLE audit_checkpoints (
    tenant     text   NOT NULL,
    seq        bigint NOT NULL,
    head_hash  text   NOT NULL,
    created_at text   NOT NULL,
    key_id     text   NOT NULL,
    signature  text   NOT NULL,
    PRIMARY KEY (tenant, seq)
);

-- The keys checkpoints are signed with; the public halves are published at /v1/audit/keys.
CREATE TABLE checkpoint_keys (
    kid         text        PRIMARY KEY,
    private_key text        NOT NULL,
    public_key  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz
);
CREATE UNIQUE INDEX checkpoint_keys_one_active ON checkpoint_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
