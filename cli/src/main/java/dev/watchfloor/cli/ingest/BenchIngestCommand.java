package dev.watchfloor.cli.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.command.MeshConsole;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchfloor bench-ingest}: ingest's durable throughput and single-alert latency on a fresh local mesh. First
 * NDJSON batches of events from several clients at once (every 202 means the batch is committed: events/s is committed
 * events per second of wall time); then single alerts at a fixed arrival rate, open loop (each sent on its schedule
 * whatever the answers before it), with POST latency percentiles.
 */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true, description = {
        "Measure ingest on a fresh local mesh, then stop it.", "",
        "Durable ingest: --batches NDJSON batches of --batch-size events from --clients clients; committed events/s.",
        "Latency: single alerts at --rate per second for --seconds, open loop, after --latency-warmup seconds of the same",
        "that are not counted; POST p50/p95/p99."})
public final class BenchIngestCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--batches", defaultValue = "100", description = "NDJSON batches to post (default 100)")
    private int batches;

    @Option(names = "--batch-size", defaultValue = "1000", description = "events per batch (default 1000)")
    private int batchSize;

    @Option(names = "--clients", defaultValue = "4", description = "clients posting batches at once (default 4)")
    private int clients;

    @Option(names = "--rate", defaultValue = "100", description = "single alerts per second (default 100)")
    private int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "how long single alerts are sent (default 20)")
    private int seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "batches posted first, not counted (default 20)")
    private int warmup;

    @Option(names = "--latency-warmup", defaultValue = "10", description = "seconds of single posts at --rate first, not counted (default 10): the JIT, connections and prepared statements of that path warm up")
    private int latencyWarmup;

    @Option(names = "--latency-of", defaultValue = "alerts", description = "what the fixed-rate phase posts one at a time: alerts (each starts an investigation; default) or events (ingest's own floor)")
    private String latencyOf;

    @Option(names = "--timeline", description = "also give the latency phase's p50 and max for each second of sending")
    private boolean timeline;

    @Option(names = "--json", description = "print the figures as JSON")
    private boolean json;

    public BenchIngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (RunningMesh mesh = MeshConsole.start(MeshOptions.fromEnvironment(context.root(), context.env()),
                context.out())) {
            IngestLoad load = new IngestLoad(URI.create(mesh.service(ServiceSpec.INGEST).url()),
                    IngestMesh.siem(mesh));
            String run = "b" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> figures = new LinkedHashMap<>();
            if (warmup > 0) {
                durable(load, run + "w", warmup);
            }
            figures.put("durable", durable(load, run, batches));
            figures.put("latency", latency(load, run));
            if (json) {
                Json.print(context.out(), JsonHttp.MAPPER.valueToTree(figures));
            } else {
                figures.forEach((k, v) -> context.out().printf("%-10s %s%n", k, v));
            }
            return 0;
        }
    }

    private Map<String, Object> durable(IngestLoad load, String run, int count) throws Exception {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            bodies.add(IngestLoad.batch(run, (long) b * batchSize, batchSize));
        }
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (byte[] body : bodies) {
            futures.add(pool.submit(() -> {
                IngestLoad.Answer answer = load.post("/v1/events", "application/x-ndjson", body, null);
                if (answer.status() != 202) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("batches", count);
        out.put("events", (long) count * batchSize);
        out.put("failedBatches", failed.get());
        out.put("seconds", Math.round(elapsed * 100) / 100.0);
        out.put("eventsPerSecond", Math.round((count - failed.get()) * batchSize / elapsed));
        out.put("megabytesPerSecond", Math.round(bytes / elapsed / 1e6 * 100) / 100.0);
        return out;
    }

    private Map<String, Object> latency(IngestLoad load, String run) throws Exception {
        if (!latencyOf.equals("alerts") && !latencyOf.equals("events")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--latency-of must be alerts or events, got '" + latencyOf + "'");
        }
        if (latencyWarmup > 0) {
            fixedRate(load, run + "-w", rate * latencyWarmup);
        }
        List<IngestLoad.Answer> answers = fixedRate(load, run, rate * seconds);
        List<Long> nanos = new ArrayList<>(answers.size());
        long failed = 0;
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (IngestLoad.Answer a : answers) {
            if (a.status() != 202) {
                failed++;
            }
            statuses.merge(Integer.toString(a.status()), 1, Integer::sum);
            nanos.add(a.nanos());
        }
        Collections.sort(nanos);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(latencyOf, answers.size());
        out.put("ratePerSecond", rate);
        out.put("warmupSeconds", latencyWarmup);
        out.put("failed", failed);
        out.put("statuses", statuses);
        out.put("p50Ms", ms(nanos, 0.50));
        out.put("p95Ms", ms(nanos, 0.95));
        out.put("p99Ms", ms(nanos, 0.99));
        out.put("maxMs", ms(nanos, 1.0));
        if (timeline) {
            List<String> seconds = new ArrayList<>();
            for (int from = 0; from < answers.size(); from += rate) {
                List<Long> second = new ArrayList<>(answers.subList(from, Math.min(answers.size(), from + rate))
                        .stream().map(IngestLoad.Answer::nanos).toList());
                Collections.sort(second);
                seconds.add("p50 " + ms(second, 0.5) + " max " + ms(second, 1.0));
            }
            out.put("perSecond", seconds);
        }
        return out;
    }

    /** Posts {@code total} single records at {@code --rate} per second, open loop; answers them in sending order. */
    private List<IngestLoad.Answer> fixedRate(IngestLoad load, String run, int total) throws Exception {
        boolean events = latencyOf.equals("events");
        long intervalNanos = 1_000_000_000L / rate;
        List<CompletableFuture<IngestLoad.Answer>> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            answers.add(load.postAsync(events ? "/v1/events" : "/v1/alerts", "application/json",
                    IngestLoad.alert(run + "-a" + i)));
        }
        List<IngestLoad.Answer> out = new ArrayList<>(total);
        for (CompletableFuture<IngestLoad.Answer> f : answers) {
            out.add(f.get(2, TimeUnit.MINUTES));
        }
        return out;
    }

    private static double ms(List<Long> sorted, double q) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, index)) / 1e4) / 100.0;
    }
}
