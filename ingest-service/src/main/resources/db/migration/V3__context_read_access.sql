-- context-service reads the evidence store and nothing else of this schema: USAGE and SELECT on the two evidence
-- tables for its database role (when the deployment has one; tests run as a single superuser). Row-level security is
-- the second wall: a reader that does not own the tables sees only the rows of the tenant its transaction names
-- (set_config('watchfloor.tenant', ...)). ingest-service owns the tables and is not restricted by it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${context-role}') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA ingest TO "${context-role}"';
        EXECUTE 'GRANT SELECT ON ingest.alerts, ingest.events TO "${context-role}"';
    END IF;
END
$$;
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON alerts FOR SELECT USING (tenant = current_setting('watchfloor.tenant', true));
CREATE POLICY tenant_rows ON events FOR SELECT USING (tenant = current_setting('watchfloor.tenant', true));
