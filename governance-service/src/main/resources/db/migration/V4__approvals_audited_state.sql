-- The last state of an approval that is in the audit ledger, and the trace it was requested in. An approval whose
-- state differs from audited_state still owes its audit entry (requested, approved, denied, expired); the
-- ApprovalAuditor appends it with an idempotency key per approval and state, so every transition is recorded exactly
-- once even when governance stops between the change and its entry. The row is its own outbox.
ALTER TABLE approvals ADD COLUMN audited_state text;
ALTER TABLE approvals ADD COLUMN trace_id text NOT NULL DEFAULT '';
UPDATE approvals SET audited_state = state;
CREATE INDEX approvals_unaudited ON approvals (requested_at) WHERE audited_state IS DISTINCT FROM state;
CREATE INDEX approvals_due ON approvals (expires_at) WHERE state = 'pending';
