-- The investigation list, newest first: all of a tenant's, or those in one status, read in index order and stopped at
-- the page's limit instead of sorting every row of the tenant.
CREATE INDEX investigations_tenant_created ON investigations (tenant, created_at DESC);
CREATE INDEX investigations_tenant_status_created ON investigations (tenant, status, created_at DESC);
