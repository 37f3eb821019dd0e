package dev.watchfloor.ingest.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.store.RecordRepository.Stored;

/**
 * Makes the monthly partitions of {@code ingest.events} and {@code ingest.entity_index} exist before records of their
 * month are written: on demand for a batch's months (once per month and process; a short transaction of its own, before
 * the batch's, so no intake transaction waits on DDL) and ahead of time on a schedule. Months outside the configured
 * window, and any month whose partition could not be made, are kept in the DEFAULT partition (their rows move into the
 * month's partition when it is made), so a record is never refused for its time.
 */
@ApplicationScoped
public class EvidencePartitions {

    private final Pool pool;
    private final IngestConfig.Store config;
    private final Set<YearMonth> made = ConcurrentHashMap.newKeySet();

    public EvidencePartitions(Pool pool, IngestConfig config) {
        this.pool = pool;
        this.config = config.store();
    }

    /** Partitions for the months of these records that lie within the window around {@code receivedAt}. */
    public Uni<Void> ensureFor(Instant receivedAt, List<Stored> stored) {
        YearMonth now = month(receivedAt);
        YearMonth first = now.minusMonths(config.partitionMonthsBack());
        YearMonth last = now.plusMonths(config.partitionMonthsAhead());
        Set<YearMonth> missing = new TreeSet<>();
        for (Stored st : stored) {
            YearMonth m = month(st.record().observedAt());
            if (!made.contains(m) && !m.isBefore(first) && !m.isAfter(last)) {
                missing.add(m);
            }
        }
        return missing.isEmpty() ? Uni.createFrom().voidItem() : create(missing);
    }

    /** The current month and the ones ahead, so that a new month's first records find their partition. */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ahead() {
        YearMonth now = month(Instant.now());
        Set<YearMonth> months = new TreeSet<>();
        for (int i = 0; i <= config.partitionMonthsAhead(); i++) {
            months.add(now.plusMonths(i));
        }
        made.removeAll(months); // checked again in the database: cheap, and notices partitions dropped meanwhile
        return create(months);
    }

    private Uni<Void> create(Set<YearMonth> months) {
        LocalDate[] firstDays = months.stream().map(m -> m.atDay(1)).toArray(LocalDate[]::new);
        // Attaching a partition waits for transactions that hold the DEFAULT partition; rather than queue intake
        // behind that wait, give up after a while (the records go to DEFAULT and the next batch tries again).
        return pool.withTransaction(conn -> conn.query("SET LOCAL lock_timeout = '3s'").execute()
                .chain(() -> conn.preparedQuery("SELECT "
                        + "ingest.ensure_month_partitions('events', $1::date[]) AS events, "
                        + "ingest.ensure_month_partitions('entity_index', $1::date[]) AS entities")
                        .execute(Tuple.of(firstDays))))
                .invoke(rows -> {
                    int created = rows.iterator().next().getInteger("events");
                    if (created > 0) {
                        Log.infof("Created %d monthly partitions of the evidence store for %s", created, months);
                    }
                    made.addAll(months);
                })
                .onFailure().invoke(e -> Log.warnf("Could not create evidence partitions for %s (their records go "
                        + "to the DEFAULT partition meanwhile): %s", months, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }
}
