-- context-service shows an alert's group with its evidence and on the investigation (Context.GetAlertGroup): it reads
-- ingest.alert_groups as it reads the evidence tables (V3): SELECT only, and row-level security per tenant, so a reader
-- that does not own the table sees only the groups of the tenant its transaction names. Numbered 20 to stay clear of
-- the evidence store's own migrations.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${context-role}') THEN
        EXECUTE 'GRANT SELECT ON ingest.alert_groups TO "${context-role}"';
    END IF;
END
$$;
ALTER TABLE alert_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON alert_groups FOR SELECT USING (tenant = current_setting('watchfloor.tenant', true));
-- The group's members in observed order, for the listing (replaces the index on group_id alone).
DROP INDEX alerts_group;
CREATE INDEX alerts_group_observed ON alerts (group_id, observed_at, id) WHERE group_id IS NOT NULL;
