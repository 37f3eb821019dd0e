package dev.watchfloor.reasoning.queue;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The queue as Prometheus sees it: investigations waiting or running, and the age of the oldest one waiting, read from
 * PostgreSQL every few seconds (the queue is shared by all replicas, so each reports the same figures).
 */
@ApplicationScoped
public class QueueGauges {

    private final Pool pool;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public QueueGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("watchfloor.investigation.queue.depth", depth, AtomicLong::get)
                .description("Investigations queued or running").register(registry);
        Gauge.builder("watchfloor.investigation.queue.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest queued investigation").register(registry);
    }

    long depth() {
        return depth.get();
    }

    long oldestSeconds() {
        return oldestSeconds.get();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("SELECT count(*) AS depth, coalesce(extract(epoch FROM now() - min(created_at) "
                + "FILTER (WHERE status = 'queued')), 0)::bigint AS oldest FROM reasoning.investigations "
                + "WHERE status IN ('queued', 'running')").execute().invoke(rows -> {
                    Row r = rows.iterator().next();
                    depth.set(r.getLong("depth"));
                    oldestSeconds.set(r.getLong("oldest"));
                }).replaceWithVoid();
    }
}
