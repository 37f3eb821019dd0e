-- One round trip per new alert for its group instead of four: close the key's group when the alert falls outside its
-- window, join the open group or open one (the alert leading it), attach the alert to it, and give a leader its
-- outbox row. The steps and their order are those RecordRepository sent as separate statements. It runs with the
-- caller's rights (ingest's own role), in the caller's transaction.
CREATE FUNCTION ingest.join_alert_group(p_tenant text, p_key text, p_alert uuid, p_new_group uuid,
        p_observed timestamptz, p_window_seconds double precision, p_keys text[], p_traceparent text,
        OUT group_id uuid, OUT leader_id uuid)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ingest.alert_groups SET open = false
     WHERE tenant = p_tenant AND group_key = p_key AND open
       AND (p_observed > last_seen + make_interval(secs => p_window_seconds)
            OR p_observed < first_seen - make_interval(secs => p_window_seconds));
    INSERT INTO ingest.alert_groups AS g (id, tenant, group_key, leader_alert_id, first_seen, last_seen, members, keys)
    VALUES (p_new_group, p_tenant, p_key, p_alert, p_observed, p_observed, 1, p_keys)
    ON CONFLICT (tenant, group_key) WHERE open DO UPDATE
       SET members = g.members + 1, first_seen = least(g.first_seen, EXCLUDED.first_seen),
           last_seen = greatest(g.last_seen, EXCLUDED.last_seen)
    RETURNING g.id, g.leader_alert_id INTO group_id, leader_id;
    UPDATE ingest.alerts SET group_id = join_alert_group.group_id WHERE id = p_alert;
    IF leader_id = p_alert THEN
        INSERT INTO ingest.outbox (tenant, alert_id, traceparent) VALUES (p_tenant, p_alert, p_traceparent);
    END IF;
END
$$;
