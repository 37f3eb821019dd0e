package dev.watchfloor.governance.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Token usage and cost per investigation step, and what they add up to per department, route, step and day. */
@ApplicationScoped
public class CostLedger {

    /** The start of the current calendar month and day in UTC, the budget periods, as SQL. */
    static final String MONTH_START = "date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";
    static final String DAY_START = "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";

    private final Pool pool;

    public CostLedger(Pool pool) {
        this.pool = pool;
    }

    /** Usage of a step that reserved nothing (the deterministic route). */
    public record Usage(String tenant, String department, String investigationId, String step, String route,
            int inputTokens, int outputTokens, BigDecimal costUsd) {
    }

    /** One group of the report: a day, department, route and step. */
    public record CostRow(LocalDate day, String department, String route, String step, long calls, long inputTokens,
            long outputTokens, BigDecimal costUsd) {
    }

    /** What a department spent and holds this month and today. */
    public record DepartmentSpend(BigDecimal monthUsd, BigDecimal reservedUsd, long tokensToday,
            long reservedTokens) {
    }

    /**
     * Records the usage, once per investigation and step (a retried attempt records nothing new), and returns the
     * tenant's month-to-date cost including it.
     */
    public Uni<BigDecimal> record(Usage u) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO governance.usage_records "
                + "(tenant, department, investigation_id, step, route, input_tokens, output_tokens, cost_usd) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                + "ON CONFLICT (tenant, investigation_id, step) WHERE reservation_id IS NULL DO NOTHING")
                .execute(Tuple.from(Arrays.asList(u.tenant(), u.department(), u.investigationId(), u.step(),
                        u.route(), u.inputTokens(), u.outputTokens(), u.costUsd())))
                .chain(() -> monthToDateUsd(conn, u.tenant())));
    }

    static Uni<BigDecimal> monthToDateUsd(SqlClient client, String tenant) {
        return client.preparedQuery("SELECT coalesce(sum(cost_usd), 0) AS total FROM governance.usage_records "
                + "WHERE tenant = $1 AND recorded_at >= " + MONTH_START).execute(Tuple.of(tenant))
                .map(rows -> rows.iterator().next().getBigDecimal("total"));
    }

    /** Usage of a tenant from {@code from} (inclusive) to {@code to} (exclusive), grouped, by day then department. */
    public Uni<List<CostRow>> report(String tenant, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT (recorded_at AT TIME ZONE 'UTC')::date AS day, department, route, step, "
                + "count(*) AS calls, sum(input_tokens) AS input, sum(output_tokens) AS output, sum(cost_usd) AS cost "
                + "FROM governance.usage_records WHERE tenant = $1 AND recorded_at >= ($2::date AT TIME ZONE 'UTC') "
                + "AND recorded_at < ($3::date AT TIME ZONE 'UTC') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .execute(Tuple.of(tenant, from, to)).map(rows -> {
                    List<CostRow> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new CostRow(r.getLocalDate("day"), r.getString("department"),
                            r.getString("route"), r.getString("step"), r.getLong("calls"), r.getLong("input"),
                            r.getLong("output"), r.getBigDecimal("cost"))));
                    return list;
                });
    }

    /** Month-to-date and today's spend, and live reservations, per department of the tenant. */
    public Uni<Map<String, DepartmentSpend>> spendByDepartment(String tenant) {
        return pool.preparedQuery("SELECT department, sum(month_usd) AS month_usd, sum(reserved_usd) AS reserved_usd, "
                + "sum(day_tokens) AS day_tokens, sum(reserved_tokens) AS reserved_tokens FROM ("
                + "SELECT department, cost_usd AS month_usd, 0 AS reserved_usd, CASE WHEN recorded_at >= " + DAY_START
                + " THEN input_tokens + output_tokens ELSE 0 END AS day_tokens, 0 AS reserved_tokens "
                + "FROM governance.usage_records WHERE tenant = $1 AND recorded_at >= " + MONTH_START
                + " UNION ALL SELECT department, 0, reserved_usd, 0, reserved_tokens FROM governance.budget_reservations "
                + "WHERE tenant = $1 AND state = 'reserved' AND lease_until > now()) s GROUP BY department")
                .execute(Tuple.of(tenant)).map(rows -> {
                    Map<String, DepartmentSpend> spend = new HashMap<>();
                    rows.forEach(r -> spend.put(r.getString("department"), new DepartmentSpend(
                            r.getBigDecimal("month_usd"), r.getBigDecimal("reserved_usd"),
                            r.getBigDecimal("day_tokens").longValue(),
                            r.getBigDecimal("reserved_tokens").longValue())));
                    return spend;
                });
    }
}
