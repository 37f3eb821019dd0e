-- A usage record without a reservation (the deterministic route's zero record) is kept once per investigation and
-- step, so an attempt that is retried after it recorded usage (a crash, a peer outage) does not record it again.
-- Records settled from a reservation are already once per reservation.
DELETE FROM usage_records a USING usage_records b
 WHERE a.reservation_id IS NULL AND b.reservation_id IS NULL AND a.tenant = b.tenant
   AND a.investigation_id = b.investigation_id AND a.step = b.step AND a.id > b.id;
CREATE UNIQUE INDEX usage_records_once_per_step ON usage_records (tenant, investigation_id, step)
 WHERE reservation_id IS NULL;
