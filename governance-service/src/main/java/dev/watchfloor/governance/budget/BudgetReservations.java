package dev.watchfloor.governance.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.governance.audit.GovernanceAudit;

/**
 * Budgets by reservation. Before a model call its worst case (input estimate plus the route's output ceiling, priced by
 * the route) is reserved against the department's month in USD, its day in tokens and the investigation's token
 * ceiling; after the call the reservation is settled with the provider's real usage, or released. Reservations of one
 * department are taken under a transaction-scoped advisory lock, so concurrent investigations see each other's holds
 * and cannot spend the same last dollar. A reservation counts until settled, released, or its lease ends (a crashed
 * caller); {@link #releaseExpired()} then closes it.
 */
@ApplicationScoped
public class BudgetReservations {

    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Pool pool;
    private final GovernanceAudit audit;

    public BudgetReservations(Pool pool, GovernanceAudit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** What a call asks to hold, and the limits it must fit. */
    public record Hold(String tenant, String department, String investigationId, String step, String route,
            BigDecimal inputUsdPerMillion, BigDecimal outputUsdPerMillion, long inputTokens, long outputTokens,
            Limits limits, Duration lease) {

        long tokens() {
            return inputTokens + outputTokens;
        }

        BigDecimal usd() {
            return cost(inputTokens, outputTokens, inputUsdPerMillion, outputUsdPerMillion);
        }
    }

    public record Limits(BigDecimal monthlyUsd, long dailyTokens, long perInvestigationTokens) {
    }

    /** Either reserved (id set) or refused, naming the limit that did not hold. */
    public record Outcome(UUID reservationId, long tokens, BigDecimal usd, String exhausted, String detail) {

        public boolean reserved() {
            return reservationId != null;
        }
    }

    public record Closed(String tenant, UUID id, String investigationId, String department) {
    }

    public record Settled(BigDecimal costUsd, BigDecimal monthUsd) {
    }

    static BigDecimal cost(long input, long output, BigDecimal inPerMillion, BigDecimal outPerMillion) {
        return inPerMillion.multiply(BigDecimal.valueOf(input)).add(outPerMillion.multiply(BigDecimal.valueOf(output)))
                .divide(MILLION, 6, RoundingMode.UP);
    }

    public Uni<Outcome> reserve(Hold hold) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext('budget:' || $1 || '/' || $2))")
                .execute(Tuple.of(hold.tenant(), hold.department()))
                .chain(() -> conn.preparedQuery(SPENT).execute(Tuple.of(hold.tenant(), hold.department(),
                        hold.investigationId())))
                .chain(rows -> {
                    Row spent = rows.iterator().next();
                    Optional<Outcome> refused = refusal(hold, spent);
                    return refused.isPresent() ? Uni.createFrom().item(refused.get()) : insert(conn, hold);
                }));
    }

    /** Spend so far: settled usage plus live reservations, for the department's month and day and the investigation. */
    private static final String SPENT = "WITH u AS (SELECT * FROM governance.usage_records WHERE tenant = $1), "
            + "r AS (SELECT * FROM governance.budget_reservations WHERE tenant = $1 AND state = 'reserved' "
            + "AND lease_until > now()) SELECT "
            + "(SELECT coalesce(sum(cost_usd), 0) FROM u WHERE department = $2 AND recorded_at >= "
            + CostLedger.MONTH_START + ") "
            + "+ (SELECT coalesce(sum(reserved_usd), 0) FROM r WHERE department = $2) AS month_usd, "
            + "(SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM u WHERE department = $2 AND recorded_at >= "
            + CostLedger.DAY_START + ") "
            + "+ (SELECT coalesce(sum(reserved_tokens), 0) FROM r WHERE department = $2) AS day_tokens, "
            + "(SELECT coalesce(sum(input_tokens + output_tokens), 0) FROM u WHERE investigation_id = $3) "
            + "+ (SELECT coalesce(sum(reserved_tokens), 0) FROM r WHERE investigation_id = $3) AS investigation_tokens";

    private static Optional<Outcome> refusal(Hold hold, Row spent) {
        BigDecimal month = spent.getBigDecimal("month_usd");
        long day = spent.getBigDecimal("day_tokens").longValue();
        long investigation = spent.getBigDecimal("investigation_tokens").longValue();
        Limits limits = hold.limits();
        if (month.add(hold.usd()).compareTo(limits.monthlyUsd()) > 0) {
            return Optional.of(refused(hold, "monthly-usd", "department " + hold.department() + " has spent or holds "
                    + month.toPlainString() + " of " + limits.monthlyUsd().toPlainString()
                    + " USD this month; the call "
                    + "needs up to " + hold.usd().toPlainString()));
        }
        if (day + hold.tokens() > limits.dailyTokens()) {
            return Optional.of(refused(hold, "daily-tokens", "department " + hold.department() + " has used or holds "
                    + day + " of " + limits.dailyTokens() + " tokens today; the call needs up to " + hold.tokens()));
        }
        if (investigation + hold.tokens() > limits.perInvestigationTokens()) {
            return Optional.of(refused(hold, "investigation-tokens", "investigation " + hold.investigationId()
                    + " has used or holds " + investigation + " of " + limits.perInvestigationTokens()
                    + " tokens; the call needs up to " + hold.tokens()));
        }
        return Optional.empty();
    }

    private static Outcome refused(Hold hold, String limit, String detail) {
        return new Outcome(null, hold.tokens(), hold.usd(), limit, detail);
    }

    private static Uni<Outcome> insert(SqlConnection conn, Hold hold) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return conn.preparedQuery("INSERT INTO governance.budget_reservations (id, tenant, department, "
                + "investigation_id, step, route, input_usd_per_million, output_usd_per_million, reserved_tokens, "
                + "reserved_usd, state, created_at, lease_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                + "'reserved', $11, $12)")
                .execute(Tuple.from(Arrays.asList(id, hold.tenant(), hold.department(), hold.investigationId(),
                        hold.step(), hold.route(), hold.inputUsdPerMillion(), hold.outputUsdPerMillion(),
                        hold.tokens(), hold.usd(), now.atOffset(java.time.ZoneOffset.UTC),
                        now.plus(hold.lease()).atOffset(java.time.ZoneOffset.UTC))))
                .replaceWith(new Outcome(id, hold.tokens(), hold.usd(), "", ""));
    }

    /**
     * Settles a reservation with the real usage, priced by the route it was reserved for. Usage is recorded even when
     * the lease had already ended, since the tokens were spent. Settling twice records once. A step's usage is recorded
     * once per investigation: when another reservation of the same investigation and step was already settled with
     * usage (a retried attempt reusing the answer its first attempt paid for), this one is released instead, costing
     * nothing. Empty when the reservation is unknown in this tenant.
     */
    public Uni<Optional<Settled>> settle(String tenant, UUID id, long inputTokens, long outputTokens) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT * FROM governance.budget_reservations "
                + "WHERE id = $1 AND tenant = $2 FOR UPDATE").execute(Tuple.of(id, tenant)).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<Settled>empty());
                    }
                    Row r = rows.iterator().next();
                    String investigation = r.getString("investigation_id");
                    String step = r.getString("step");
                    return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('usage:' || $1 || '/' || $2))")
                            .execute(Tuple.of(tenant, investigation))
                            .chain(() -> conn.preparedQuery("SELECT EXISTS (SELECT 1 FROM governance.usage_records "
                                    + "WHERE tenant = $1 AND investigation_id = $2 AND step = $3 "
                                    + "AND reservation_id IS NOT NULL AND reservation_id <> $4) AS recorded")
                                    .execute(Tuple.of(tenant, investigation, step, id)))
                            .chain(found -> found.iterator().next().getBoolean("recorded")
                                    ? releaseAsRecorded(conn, tenant, id)
                                    : record(conn, tenant, id, r, inputTokens, outputTokens));
                }));
    }

    private static Uni<Optional<Settled>> record(SqlConnection conn, String tenant, UUID id, Row r, long inputTokens,
            long outputTokens) {
        BigDecimal cost = cost(inputTokens, outputTokens, r.getBigDecimal("input_usd_per_million"),
                r.getBigDecimal("output_usd_per_million"));
        return conn.preparedQuery("UPDATE governance.budget_reservations SET state = 'settled', "
                + "closed_at = coalesce(closed_at, now()), close_reason = 'settled' WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(() -> conn.preparedQuery("INSERT INTO governance.usage_records (tenant, "
                        + "investigation_id, step, route, input_tokens, output_tokens, cost_usd, "
                        + "department, reservation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                        + "ON CONFLICT (reservation_id) DO NOTHING")
                        .execute(Tuple.from(Arrays.asList(tenant, r.getString("investigation_id"),
                                r.getString("step"), r.getString("route"), (int) inputTokens,
                                (int) outputTokens, cost, r.getString("department"), id))))
                .chain(() -> CostLedger.monthToDateUsd(conn, tenant))
                .map(month -> Optional.of(new Settled(cost, month)));
    }

    private static Uni<Optional<Settled>> releaseAsRecorded(SqlConnection conn, String tenant, UUID id) {
        return conn.preparedQuery("UPDATE governance.budget_reservations SET state = 'released', "
                + "closed_at = coalesce(closed_at, now()), close_reason = 'usage of this step already recorded' "
                + "WHERE id = $1 AND state = 'reserved'").execute(Tuple.of(id))
                .chain(() -> CostLedger.monthToDateUsd(conn, tenant))
                .map(month -> Optional.of(new Settled(BigDecimal.ZERO, month)));
    }

    /** Releases a live reservation; false when it is unknown, settled or already released. */
    public Uni<Boolean> release(String tenant, UUID id, String reason) {
        return pool.preparedQuery("UPDATE governance.budget_reservations SET state = 'released', closed_at = now(), "
                + "close_reason = $3 WHERE id = $1 AND tenant = $2 AND state = 'reserved'")
                .execute(Tuple.of(id, tenant, reason)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Releases reservations whose lease ended (their caller crashed or hung), each with its
     * {@code budget.reservation_expired} audit entry in the same transaction, and answers which.
     */
    public Uni<List<Closed>> releaseExpired() {
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE governance.budget_reservations SET "
                + "state = 'released', closed_at = now(), close_reason = 'lease expired' WHERE id IN (SELECT id FROM "
                + "governance.budget_reservations WHERE state = 'reserved' AND lease_until <= now() ORDER BY "
                + "lease_until LIMIT 500 FOR UPDATE SKIP LOCKED) RETURNING tenant, id, investigation_id, department")
                .execute().chain(rows -> {
                    List<Closed> closed = new ArrayList<>();
                    rows.forEach(r -> closed.add(new Closed(r.getString("tenant"), r.getUUID("id"),
                            r.getString("investigation_id"), r.getString("department"))));
                    return Multi.createFrom().iterable(closed).onItem()
                            .transformToUniAndConcatenate(c -> audit.recordIn(conn, "", "budget.reservation_expired",
                                    new GovernanceAudit.Subject(c.tenant(), "", c.investigationId(), ""),
                                    Map.of("reservationId", c.id().toString(), "department", c.department())))
                            .collect().asList().replaceWith(closed);
                }));
    }
}
