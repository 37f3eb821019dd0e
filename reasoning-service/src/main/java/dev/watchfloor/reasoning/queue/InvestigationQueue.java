package dev.watchfloor.reasoning.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.InvalidProtocolBufferException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleResponse;

/**
 * The durable investigation queue in PostgreSQL. Replicas lease due rows with FOR UPDATE SKIP LOCKED; a lease that
 * lapses (its replica died) makes the row due again. Completion is conditional on still holding the lease, so an
 * investigation completes exactly once even when a slow replica and its successor both finish it, and its audit entry
 * is written in the completion's transaction, so it is recorded exactly once too.
 */
@ApplicationScoped
public class InvestigationQueue {

    private final Pool pool;
    private final AuditOutbox audit;

    public InvestigationQueue(Pool pool, AuditOutbox audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /**
     * Ends investigations whose lease lapsed on their last allowed attempt: the worker died running them as many times
     * as attempts are allowed (an alert that kills workers), so they are {@code failed} with that reason instead of
     * being leased again forever. Answers how many.
     */
    public Uni<Integer> failExhaustedLeases(int maxAttempts) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET status = 'failed', lease_owner = NULL, "
                + "lease_until = NULL, last_error = 'the lease lapsed on attempt ' || attempts || ' of ' || $1 "
                + "|| ' (the worker stopped while running it); last error: ' || coalesce(last_error, 'none') "
                + "WHERE status = 'running' AND lease_until < now() AND attempts >= $1")
                .execute(Tuple.of(maxAttempts)).map(rows -> rows.rowCount());
    }

    /**
     * Extends this owner's leases on investigations it is still running, so a long run (a model asked several times,
     * with retries) is not taken over by another replica while it is alive; a dead replica renews nothing, and its work
     * is taken over when the lease lapses. Answers how many leases were extended.
     */
    public Uni<Integer> renew(String owner, List<java.util.UUID> ids, Duration lease) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("UPDATE reasoning.investigations SET lease_until = now() + make_interval(secs => $1) "
                + "WHERE id = ANY($2) AND lease_owner = $3 AND status = 'running'")
                .execute(Tuple.of(lease.toMillis() / 1000.0, ids.toArray(new java.util.UUID[0]), owner))
                .map(rows -> rows.rowCount());
    }

    /** The evidence an earlier attempt assembled for this investigation, or null. */
    public Uni<AssembleResponse> assembled(QueuedInvestigation q) {
        return pool.preparedQuery("SELECT assembled FROM reasoning.investigations WHERE id = $1")
                .execute(Tuple.of(q.id())).map(rows -> {
                    Buffer bytes = rows.iterator().hasNext() ? rows.iterator().next().getBuffer("assembled") : null;
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return AssembleResponse.parseFrom(bytes.getBytes());
                    } catch (InvalidProtocolBufferException e) {
                        return null; // unreadable: assemble again
                    }
                });
    }

    /** Keeps what this attempt assembled, while it still holds the lease, for any later attempt to reuse. */
    public Uni<Void> keepAssembled(QueuedInvestigation q, AssembleResponse assembled) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET assembled = $1 WHERE id = $2 "
                + "AND lease_owner = $3 AND status = 'running' AND assembled IS NULL")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(assembled.toByteArray()), q.id(), q.leaseOwner()))
                .replaceWithVoid();
    }

    /** The model run an earlier attempt kept for this route, or null. */
    public Uni<JsonObject> keptModelRun(QueuedInvestigation q, String route) {
        return pool.preparedQuery("SELECT model_runs -> $2 AS run FROM reasoning.investigations WHERE id = $1")
                .execute(Tuple.of(q.id(), route)).map(rows -> {
                    Object run = rows.iterator().hasNext() ? rows.iterator().next().getValue("run") : null;
                    return run instanceof JsonObject json ? json : null;
                });
    }

    /** Keeps a model run for this route, while this attempt still holds the lease, for any later attempt to reuse. */
    public Uni<Void> keepModelRun(QueuedInvestigation q, String route, JsonObject run) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET model_runs = model_runs || "
                + "jsonb_build_object($1::text, $2::jsonb) WHERE id = $3 AND lease_owner = $4 AND status = 'running'")
                .execute(Tuple.of(route, run, q.id(), q.leaseOwner())).replaceWithVoid();
    }

    public Uni<List<QueuedInvestigation>> lease(String owner, int limit, Duration lease) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET status = 'running', lease_owner = $1, "
                + "lease_until = now() + make_interval(secs => $2), attempts = attempts + 1 WHERE id IN ("
                + "SELECT id FROM reasoning.investigations WHERE run_after <= now() AND (status = 'queued' "
                + "OR (status = 'running' AND lease_until < now())) ORDER BY run_after, created_at LIMIT $3 "
                + "FOR UPDATE SKIP LOCKED) RETURNING id, tenant, alert_id, source, title, severity_id, traceparent, "
                + "attempts, lease_owner, reruns, assembled IS NOT NULL AS kept")
                .execute(Tuple.of(owner, lease.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<QueuedInvestigation> list = new ArrayList<>();
                    rows.forEach(r -> list.add(toQueued(r)));
                    return list;
                });
    }

    /**
     * True when this owner completed it, with {@code completed} recorded in the audit outbox in the same transaction;
     * false when its lease was lost and another replica owns the work (nothing is written then).
     */
    public Uni<Boolean> complete(Trace trace, QueuedInvestigation q, Outcome outcome, AuditEntry completed) {
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE reasoning.investigations SET status = 'completed', "
                + "verdict = $3, severity = $4, confidence = $5, result = $6, completed_at = now(), "
                + "completions = completions + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL "
                + "WHERE id = $1 AND lease_owner = $2 AND status = 'running'")
                .execute(Tuple.from(Arrays.asList(q.id(), q.leaseOwner(), outcome.verdict(), outcome.severity(),
                        outcome.confidence(), outcome.result())))
                .chain(rows -> rows.rowCount() == 1
                        ? audit.record(tx, trace, completed).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    /** Requeues after a failed attempt, or marks it failed once attempts are used up. */
    public Uni<Void> fail(QueuedInvestigation q, String error, int maxAttempts, Duration retryDelay) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET status = CASE WHEN attempts >= $3 "
                + "THEN 'failed' ELSE 'queued' END, last_error = $4, lease_owner = NULL, lease_until = NULL, "
                + "transient_failures = 0, "
                + "run_after = now() + make_interval(secs => $5) WHERE id = $1 AND lease_owner = $2")
                .execute(Tuple.from(Arrays.asList(q.id(), q.leaseOwner(), maxAttempts, storable(error),
                        retryDelay.toMillis() / 1000.0)))
                .replaceWithVoid();
    }

    /**
     * Requeues after an attempt that failed only because a peer was unreachable: the attempt is given back and the next
     * one waits {@code base * 2^(outage failures in a row)}, at most {@code max}.
     */
    public Uni<Void> retryAfterOutage(QueuedInvestigation q, String error, Duration base, Duration max) {
        return pool.preparedQuery("UPDATE reasoning.investigations SET status = 'queued', attempts = attempts - 1, "
                + "transient_failures = transient_failures + 1, last_error = $3, lease_owner = NULL, "
                + "lease_until = NULL, run_after = now() + make_interval(secs => least($5, $4 * power(2, "
                + "least(transient_failures, 30)))) WHERE id = $1 AND lease_owner = $2")
                .execute(Tuple.from(Arrays.asList(q.id(), q.leaseOwner(), storable(error), base.toMillis() / 1000.0,
                        max.toMillis() / 1000.0)))
                .replaceWithVoid();
    }

    /** The longest error text kept with an investigation. */
    static final int MAX_ERROR_CHARS = 2000;

    /**
     * An error as it can be stored and shown: a message may quote anything (a peer's answer, raw bytes), and PostgreSQL
     * text refuses NUL, so NULs become {@code \u0000} and the text is cut at {@link #MAX_ERROR_CHARS}; otherwise the
     * failure could not be recorded and the investigation would wait for its lease to lapse.
     */
    static String storable(String error) {
        String text = String.valueOf(error).replace("\u0000", "\\u0000");
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "\u2026";
    }

    private static QueuedInvestigation toQueued(Row r) {
        return new QueuedInvestigation(r.getUUID("id"), r.getString("tenant"), r.getString("alert_id"),
                r.getString("source"), r.getString("title"), r.getInteger("severity_id"), r.getString("traceparent"),
                r.getInteger("attempts"), r.getString("lease_owner"), r.getInteger("reruns"), r.getBoolean("kept"));
    }
}
