package dev.watchfloor.action.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import dev.watchfloor.contracts.domain.ActionState;
import dev.watchfloor.contracts.domain.ActionType;

/** Column list and row mapping of action.actions, shared by the repository and the execution queue. */
public final class ActionRows {

    public static final String COLUMNS = "id, tenant, investigation_id, alert_id, action_type, target, rationale, "
            + "parameters_json, state, approval_id, detail, attempts, traceparent, created_at, updated_at";

    private ActionRows() {
    }

    public static Action first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? toAction(rows.iterator().next()) : null;
    }

    public static List<Action> all(RowSet<Row> rows) {
        List<Action> list = new ArrayList<>();
        rows.forEach(r -> list.add(toAction(r)));
        return list;
    }

    /** Interval parameter for {@code make_interval(secs => $n)}. */
    public static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Action toAction(Row r) {
        String type = r.getString("action_type");
        String state = r.getString("state");
        return new Action(r.getUUID("id"), r.getString("tenant"), r.getString("investigation_id"),
                r.getString("alert_id"),
                ActionType.fromWire(type).orElseThrow(() -> new IllegalStateException("stored type " + type)),
                r.getString("target"), r.getString("rationale"), r.getString("parameters_json"),
                ActionState.fromWire(state).orElseThrow(() -> new IllegalStateException("stored state " + state)),
                r.getString("approval_id"), r.getString("detail"),
                r.getInteger("attempts"), r.getString("traceparent"), instant(r, "created_at"),
                instant(r, "updated_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
