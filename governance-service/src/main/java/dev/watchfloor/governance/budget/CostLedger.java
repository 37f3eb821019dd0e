package dev.watchfloor.governance.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Token usage and cost per investigation step, and the tenant's spend in the current calendar month. */
@ApplicationScoped
public class CostLedger {

    private final Pool pool;

    public CostLedger(Pool pool) {
        this.pool = pool;
    }

    public record Usage(String tenant, String investigationId, String step, String route, int inputTokens,
            int outputTokens, double costUsd) {
    }

    public record StepCost(String step, String route, long calls, long inputTokens, long outputTokens,
            double costUsd) {
    }

    /** Records the usage and returns the tenant's month-to-date cost including it. */
    public Uni<Double> record(Usage u) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO governance.usage_records "
                + "(tenant, investigation_id, step, route, input_tokens, output_tokens, cost_usd) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(
                        Arrays.asList(u.tenant(), u.investigationId(), u.step(), u.route(), u.inputTokens(),
                                u.outputTokens(), BigDecimal.valueOf(u.costUsd()))))
                .chain(() -> conn.preparedQuery("SELECT coalesce(sum(cost_usd), 0) AS total FROM "
                        + "governance.usage_records WHERE tenant = $1 AND recorded_at >= date_trunc('month', now())")
                        .execute(Tuple.of(u.tenant())))
                .map(rows -> rows.iterator().next().getBigDecimal("total").doubleValue()));
    }

    /** Month-to-date usage of a tenant per step and route. */
    public Uni<List<StepCost>> monthToDate(String tenant) {
        return pool.preparedQuery("SELECT step, route, count(*) AS calls, sum(input_tokens) AS input, "
                + "sum(output_tokens) AS output, sum(cost_usd) AS cost FROM governance.usage_records "
                + "WHERE tenant = $1 AND recorded_at >= date_trunc('month', now()) GROUP BY step, route ORDER BY step")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    List<StepCost> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new StepCost(r.getString("step"), r.getString("route"),
                            r.getLong("calls"), r.getLong("input"), r.getLong("output"),
                            r.getBigDecimal("cost").doubleValue())));
                    return list;
                });
    }
}
