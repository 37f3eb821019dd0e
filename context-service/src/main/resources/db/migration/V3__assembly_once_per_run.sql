-- An investigation's evidence is assembled once per run (0 the first, N the N-th rerun an analyst asked for): the
-- response is kept with its record, and asking again for the same run (a retried attempt, a replica that took over)
-- returns it instead of assembling and auditing again. Rows from before this have no response and stay as they are.
ALTER TABLE assemblies ADD COLUMN run integer NOT NULL DEFAULT 0;
ALTER TABLE assemblies ADD COLUMN response bytea;
CREATE UNIQUE INDEX assemblies_once_per_run ON assemblies (tenant, investigation_id, run) WHERE response IS NOT NULL;
