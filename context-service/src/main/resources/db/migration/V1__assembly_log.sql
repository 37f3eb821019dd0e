-- Record of each assembly: what was selected for which investigation, so a verdict's evidence can be re-read.
CREATE TABLE assemblies (
    id               bigserial   PRIMARY KEY,
    tenant           text        NOT NULL,
    alert_id         text        NOT NULL,
    investigation_id text        NOT NULL,
    items            integer     NOT NULL,
    items_dropped    integer     NOT NULL,
    tokens_used      integer     NOT NULL,
    source_ids       text[]      NOT NULL,
    assembled_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assemblies_investigation ON assemblies (tenant, investigation_id);
