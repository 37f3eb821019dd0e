-- The evidence context assembled for an investigation (the contract's AssembleResponse, protobuf bytes), kept by the
-- first attempt that got it: a retried attempt (after a crash or a peer outage) reuses it instead of assembling again,
-- so the investigation rests on one assembly, audited once. A rerun on request clears it and assembles afresh.
ALTER TABLE investigations ADD COLUMN assembled bytea;
