package dev.watchfloor.reasoning.review;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.reasoning.investigation.InvestigationView.Feedback;
import dev.watchfloor.reasoning.queue.WorkSignal;

/** Feedback rows and reruns, each with its audit entry in the same transaction. */
@ApplicationScoped
public class ReviewRepository {

    private final Pool pool;
    private final AuditOutbox audit;

    public ReviewRepository(Pool pool, AuditOutbox audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /**
     * The investigation's status, verdict and path, locked for the transaction; null when the tenant has no such one.
     */
    record Judged(String status, String verdict, String path) {
    }

    private static Uni<Judged> lock(SqlConnection tx, String tenant, UUID id) {
        return tx.preparedQuery("SELECT status, verdict, result->>'path' AS path FROM reasoning.investigations "
                + "WHERE tenant = $1 AND id = $2 FOR UPDATE").execute(Tuple.of(tenant, id))
                .map(rows -> rows.iterator().hasNext() ? judged(rows.iterator().next()) : null);
    }

    private static Judged judged(Row r) {
        return new Judged(r.getString("status"), r.getString("verdict"), r.getString("path"));
    }

    /**
     * Stores a judgement of a completed investigation ({@code correct} empty: the analyst agrees); emits the
     * investigation as it was judged (null: not found).
     */
    Uni<Judged> addFeedback(Trace trace, String tenant, UUID id, String correct, String comment, String by,
            AuditEntry entry) {
        return pool.withTransaction(tx -> lock(tx, tenant, id).chain(j -> {
            if (j == null || !"completed".equals(j.status())) {
                return Uni.createFrom().item(j);
            }
            String right = correct.isEmpty() ? j.verdict() : correct;
            return tx.preparedQuery("INSERT INTO reasoning.investigation_feedback (tenant, investigation_id, "
                    + "judged_verdict, correct_verdict, agreed, path, comment, given_by) VALUES ($1, $2, $3, $4, $5, "
                    + "$6, $7, $8)")
                    .execute(Tuple.from(List.of(tenant, id, j.verdict(), right, j.verdict().equals(right),
                            j.path() == null ? "" : j.path(), comment, by)))
                    .chain(() -> audit.record(tx, trace, entry)).replaceWith(j);
        }));
    }

    /** Queues a finished investigation again; emits it as it was (null: not found). Running ones are left alone. */
    Uni<Judged> rerun(Trace trace, String tenant, UUID id, AuditEntry entry) {
        return pool.withTransaction(tx -> lock(tx, tenant, id).chain(j -> {
            if (j == null || !("completed".equals(j.status()) || "failed".equals(j.status()))) {
                return Uni.createFrom().item(j);
            }
            return tx.preparedQuery("UPDATE reasoning.investigations SET status = 'queued', attempts = 0, "
                    + "transient_failures = 0, run_after = now(), last_error = NULL, reruns = reruns + 1, assembled = NULL, "
                    + "model_runs = '{}'::jsonb "
                    + "WHERE id = $1").execute(Tuple.of(id))
                    .chain(() -> audit.record(tx, trace, entry))
                    .chain(() -> tx.query(WorkSignal.NOTIFY).execute()).replaceWith(j);
        }));
    }

    public Uni<Feedback> latestFeedback(String tenant, UUID id) {
        return pool.preparedQuery("SELECT correct_verdict, agreed, comment, given_by, given_at FROM "
                + "reasoning.investigation_feedback WHERE tenant = $1 AND investigation_id = $2 ORDER BY given_at DESC, "
                + "id DESC LIMIT 1").execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Feedback(r.getString("correct_verdict"), r.getBoolean("agreed"), r.getString("comment"),
                            r.getString("given_by"), r.getOffsetDateTime("given_at").toInstant());
                });
    }

    private static final String LATEST = "SELECT DISTINCT ON (investigation_id) judged_verdict, correct_verdict, agreed, "
            + "path FROM reasoning.investigation_feedback WHERE tenant = $1 ORDER BY investigation_id, given_at DESC, "
            + "id DESC";

    Uni<Accuracy> accuracy(String tenant) {
        Uni<List<Accuracy.PathAccuracy>> byPath = pool.preparedQuery("SELECT path, count(*) AS judged, "
                + "count(*) FILTER (WHERE agreed) AS agreed FROM (" + LATEST + ") latest GROUP BY path ORDER BY path")
                .execute(Tuple.of(tenant)).map(rows -> {
                    List<Accuracy.PathAccuracy> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Accuracy.PathAccuracy(r.getString("path"), r.getLong("judged"),
                            r.getLong("agreed"))));
                    return list;
                });
        Uni<List<Accuracy.Correction>> corrections = pool.preparedQuery("SELECT judged_verdict, correct_verdict, "
                + "count(*) AS n FROM (" + LATEST
                + ") latest WHERE NOT agreed GROUP BY judged_verdict, correct_verdict "
                + "ORDER BY n DESC, judged_verdict, correct_verdict").execute(Tuple.of(tenant)).map(rows -> {
                    List<Accuracy.Correction> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Accuracy.Correction(r.getString("judged_verdict"),
                            r.getString("correct_verdict"), r.getLong("n"))));
                    return list;
                });
        return Uni.combine().all().unis(byPath, corrections).asTuple().map(t -> {
            long judged = t.getItem1().stream().mapToLong(Accuracy.PathAccuracy::judged).sum();
            long agreed = t.getItem1().stream().mapToLong(Accuracy.PathAccuracy::agreed).sum();
            Double share = judged == 0 ? null : Math.round(agreed * 1000.0 / judged) / 1000.0;
            return new Accuracy(judged, agreed, share, t.getItem1(), t.getItem2());
        });
    }
}
