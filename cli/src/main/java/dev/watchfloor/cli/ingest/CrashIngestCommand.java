package dev.watchfloor.cli.ingest;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.command.MeshConsole;
import dev.watchfloor.cli.demo.DemoIdentities;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.launcher.DatabaseDescriptor;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;
import dev.watchfloor.launcher.ServiceSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchfloor crash-ingest}: a client streams events in NDJSON batches, each with an {@code Idempotency-Key},
 * retrying every batch until it is acknowledged (202), while ingest-service is killed (SIGKILL) on a clock of its own,
 * so kills land mid-request, and restarted. Then the evidence store is read: every acknowledged event must be stored
 * exactly once (by the unique marker each event carries), and nothing unacknowledged may be missing either, since every
 * batch is retried until acknowledged.
 */
@Command(name = "crash-ingest", mixinStandardHelpOptions = true, description = {
        "Kill ingest while a client streams events with Idempotency-Keys and retries; check exactly-once storage.", "",
        "Streams --events events in batches of --batch-size; SIGKILLs ingest-service --kills times, --kill-every",
        "after each restart, while batches are in flight; then counts every acknowledged event in the store."})
public final class CrashIngestCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--events", defaultValue = "100000", description = "events to stream (default 100000)")
    private int events;

    @Option(names = "--batch-size", defaultValue = "500", description = "events per batch (default 500)")
    private int batchSize;

    @Option(names = "--kills", defaultValue = "3", description = "times ingest is killed (default 3)")
    private int kills;

    @Option(names = "--kill-every", defaultValue = "4s", converter = dev.watchfloor.cli.command.DurationConverter.class, description = "time from one restart to the next kill, while batches are in flight (default 4s)")
    private java.time.Duration killEvery;

    @Option(names = "--json", description = "print the figures as JSON")
    private boolean json;

    public CrashIngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (RunningMesh mesh = MeshConsole.start(MeshOptions.fromEnvironment(context.root(), context.env()),
                context.out())) {
            DemoIdentities tenant = IngestMesh.tenant(mesh);
            ServiceProcess ingest = mesh.service(ServiceSpec.INGEST);
            IngestLoad load = new IngestLoad(URI.create(ingest.url()), tenant.siem());
            String run = "c" + UUID.randomUUID().toString().substring(0, 8);
            int batches = (events + batchSize - 1) / batchSize;
            long retries = 0;
            java.util.concurrent.atomic.AtomicInteger killed = new java.util.concurrent.atomic.AtomicInteger();
            AtomicBoolean streaming = new AtomicBoolean(true);
            // the killer works on its own clock, so a kill lands while a batch is being read, stored or answered
            Thread killer = new Thread(() -> {
                try {
                    while (killed.get() < kills && streaming.get()) {
                        Thread.sleep(killEvery.toMillis());
                        if (!streaming.get()) {
                            return;
                        }
                        ingest.kill();
                        context.out().printf("ingest-service killed (%d of %d)%n", killed.incrementAndGet(), kills);
                        ingest.start();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kill-ingest");
            long start = System.nanoTime();
            killer.start();
            for (int b = 0; b < batches; b++) {
                int size = Math.min(batchSize, events - b * batchSize);
                byte[] body = IngestLoad.batch(run, (long) b * batchSize, size);
                String key = run + "-batch-" + b;
                while (true) {
                    try {
                        IngestLoad.Answer answer = load.post("/v1/events", "application/x-ndjson", body, key);
                        if (answer.status() == 202) {
                            break;
                        }
                        if (answer.status() != 503) {
                            throw new IllegalStateException("batch " + b + ": HTTP " + answer.status() + " "
                                    + answer.body());
                        }
                    } catch (java.io.IOException e) {
                        // killed mid-request, or not up yet: retry the same batch with the same key
                    }
                    retries++;
                    Thread.sleep(200);
                }
            }
            streaming.set(false);
            killer.interrupt();
            killer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events", events);
            figures.put("batches", batches);
            figures.put("kills", killed.get());
            figures.put("retries", retries);
            figures.put("seconds", Math.round(seconds * 10) / 10.0);
            Map<String, Long> stored = stored(mesh.database(), tenant.tenant(), run);
            figures.putAll(stored);
            boolean exactlyOnce = stored.get("rows") == events && stored.get("distinctEvents") == events;
            figures.put("exactlyOnce", exactlyOnce);
            if (json) {
                Json.print(context.out(), JsonHttp.MAPPER.valueToTree(figures));
            } else {
                figures.forEach((k, v) -> context.out().printf("%-16s %s%n", k, v));
            }
            return exactlyOnce ? 0 : 1;
        }
    }

    /** Rows of this run's events in the store, and how many distinct events they are. */
    private static Map<String, Long> stored(DatabaseDescriptor db, String tenant, String run) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement q = c.prepareStatement("SELECT count(*) AS rows, count(DISTINCT (regexp_match("
                        + "raw, ?))[1]) AS distinct_events FROM ingest.events WHERE tenant = ? AND raw LIKE ?")) {
            q.setString(1, run + "-[0-9]+");
            q.setString(2, tenant);
            q.setString(3, "%" + run + "-%");
            try (ResultSet r = q.executeQuery()) {
                r.next();
                Map<String, Long> out = new LinkedHashMap<>();
                out.put("rows", r.getLong("rows"));
                out.put("distinctEvents", r.getLong("distinct_events"));
                return out;
            }
        }
    }
}
