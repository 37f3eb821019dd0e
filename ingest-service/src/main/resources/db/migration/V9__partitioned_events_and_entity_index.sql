-- The evidence store at volume: events partitioned by month of their own time (observed_at), exact-duplicate detection
-- in a table of its own (a unique index on a partitioned table must include the partition key, and a record without a
-- time of its own takes its received time, so identical content can land in two months), and an entity index that
-- context-service reads related records through.
--
-- Partitioned by observed_at, not received_at: investigations read records by their own time (newest first, around an
-- alert), so the reads prune to few partitions, and retention by the records' own age is a partition drop. Records
-- whose time lies outside the months ingest creates partitions for (see ensure_month_partitions) go to the DEFAULT
-- partition, so no time is ever refused; such rows move to their month's partition when it is created.
-- Alerts stay one table: they are few next to events, are updated by id (group, duplicates), the outbox references
-- them by a foreign key and both services look them up by id alone.

ALTER TABLE events RENAME TO events_v8;
ALTER INDEX events_pkey RENAME TO events_v8_pkey;
ALTER INDEX events_tenant_time RENAME TO events_v8_tenant_time;
ALTER INDEX events_tenant_content RENAME TO events_v8_tenant_content;
DROP POLICY tenant_rows ON events_v8;

CREATE TABLE events (
    id                uuid        NOT NULL,
    tenant            text        NOT NULL,
    received_at       timestamptz NOT NULL,
    observed_at       timestamptz NOT NULL,
    source            text        NOT NULL,
    summary           text        NOT NULL,
    entities          text[]      NOT NULL,
    body              jsonb       NOT NULL,
    time_text         text,
    time_flags        text[]      NOT NULL DEFAULT '{}',
    format            text        NOT NULL DEFAULT 'json',
    raw               text,
    warnings          text[]      NOT NULL DEFAULT '{}',
    content_hash      text,
    duplicates        integer     NOT NULL DEFAULT 0,
    last_duplicate_at timestamptz,
    PRIMARY KEY (id, observed_at)
) PARTITION BY RANGE (observed_at);
CREATE INDEX events_tenant_time ON events (tenant, observed_at);
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- One row per stored event content: the hash claims it (ON CONFLICT DO NOTHING) before the event is written, and
-- points at the stored event (its id and month) to count later copies on. Unpartitioned, so a copy is found whichever
-- month the first one landed in.
CREATE TABLE event_hashes (
    tenant       text        NOT NULL,
    content_hash text        NOT NULL,
    event_id     uuid        NOT NULL,
    observed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant, content_hash)
);

-- Entity (type and value, as in "ip:10.0.0.1") -> record, by the record's time: what context reads related alerts and
-- events through. Written in the transaction that stores the records; partitioned like events.
CREATE TABLE entity_index (
    tenant       text        NOT NULL,
    entity_type  text        NOT NULL,
    entity_value text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('alert', 'event')),
    observed_at  timestamptz NOT NULL,
    record_id    uuid        NOT NULL,
    PRIMARY KEY (tenant, entity_type, entity_value, kind, observed_at, record_id)
) PARTITION BY RANGE (observed_at);
CREATE TABLE entity_index_default PARTITION OF entity_index DEFAULT;

-- Creates the monthly partition (parent_yYYYYmMM, UTC months) of each given month that does not exist yet, moving
-- rows of that month out of the DEFAULT partition into it. Creators are serialized by a SHARE UPDATE EXCLUSIVE lock on
-- the parent, which does not block inserts. Answers how many partitions it created.
CREATE FUNCTION ensure_month_partitions(parent text, months date[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    m        date;
    name     text;
    lower_at timestamptz;
    upper_at timestamptz;
    made     integer := 0;
BEGIN
    IF parent NOT IN ('events', 'entity_index') THEN
        RAISE EXCEPTION 'not a partitioned evidence table: %', parent;
    END IF;
    FOREACH m IN ARRAY months LOOP
        m := date_trunc('month', m)::date;
        name := format('%s_y%sm%s', parent, to_char(m, 'YYYY'), to_char(m, 'MM'));
        CONTINUE WHEN to_regclass(format('ingest.%I', name)) IS NOT NULL;
        EXECUTE format('LOCK TABLE ingest.%I IN SHARE UPDATE EXCLUSIVE MODE', parent);
        CONTINUE WHEN to_regclass(format('ingest.%I', name)) IS NOT NULL;
        lower_at := m::timestamp AT TIME ZONE 'UTC';
        upper_at := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        EXECUTE format('CREATE TABLE ingest.%I (LIKE ingest.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name,
            parent);
        EXECUTE format('WITH moved AS (DELETE FROM ingest.%I WHERE observed_at >= $1 AND observed_at < $2 '
            'RETURNING *) INSERT INTO ingest.%I SELECT * FROM moved', parent || '_default', name)
            USING lower_at, upper_at;
        EXECUTE format('ALTER TABLE ingest.%I ATTACH PARTITION ingest.%I FOR VALUES FROM (%L) TO (%L)', parent, name,
            lower_at, upper_at);
        made := made + 1;
    END LOOP;
    RETURN made;
END
$$;
REVOKE ALL ON FUNCTION ensure_month_partitions(text, date[]) FROM PUBLIC;

-- Partitions for the months of the stored records within the last 24 months, and from now to three months ahead (as
-- ingest creates them; older and later records stay in DEFAULT until then).
SELECT ensure_month_partitions(p, ARRAY(
    SELECT DISTINCT date_trunc('month', t)::date FROM (
        SELECT observed_at AT TIME ZONE 'UTC' AS t FROM events_v8
        UNION ALL SELECT observed_at AT TIME ZONE 'UTC' FROM alerts
        UNION ALL SELECT generate_series(now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '3 months',
            interval '1 month')) times
    WHERE t >= date_trunc('month', now() AT TIME ZONE 'UTC') - interval '24 months'
      AND t < date_trunc('month', now() AT TIME ZONE 'UTC') + interval '4 months'))
FROM unnest(ARRAY['events', 'entity_index']) p;

INSERT INTO events (id, tenant, received_at, observed_at, source, summary, entities, body, time_text, time_flags,
        format, raw, warnings, content_hash, duplicates, last_duplicate_at)
    SELECT id, tenant, received_at, observed_at, source, summary, entities, body, time_text, time_flags, format, raw,
        warnings, content_hash, duplicates, last_duplicate_at FROM events_v8;
INSERT INTO event_hashes (tenant, content_hash, event_id, observed_at)
    SELECT tenant, content_hash, id, observed_at FROM events_v8 WHERE content_hash IS NOT NULL;
INSERT INTO entity_index (tenant, entity_type, entity_value, kind, observed_at, record_id)
    SELECT DISTINCT r.tenant, split_part(e, ':', 1), substr(e, strpos(e, ':') + 1), r.kind, r.observed_at, r.id
    FROM (SELECT tenant, entities, observed_at, id, 'event' AS kind FROM events_v8
          UNION ALL SELECT tenant, entities, observed_at, id, 'alert' FROM alerts) r, unnest(r.entities) e
    WHERE strpos(e, ':') > 0;
DROP TABLE events_v8;

-- The entity index replaces the GIN indexes on the entity arrays (which every insert paid for).
DROP INDEX alerts_tenant_entities;

-- context-service reads events and the entity index like the other evidence tables (V3): SELECT on the parents only
-- (a partition is read through its parent, whose row-level security applies), one tenant per transaction.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${context-role}') THEN
        EXECUTE 'GRANT SELECT ON ingest.events, ingest.entity_index TO "${context-role}"';
    END IF;
END
$$;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE entity_index ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON events FOR SELECT USING (tenant = current_setting('watchfloor.tenant', true));
CREATE POLICY tenant_rows ON entity_index FOR SELECT USING (tenant = current_setting('watchfloor.tenant', true));
