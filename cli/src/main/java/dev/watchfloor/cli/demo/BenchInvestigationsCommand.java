package dev.watchfloor.cli.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Endpoint;
import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.IngestResult;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.api.ReasoningClient;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.command.MeshConsole;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchfloor bench-investigations}: investigation throughput and latency on a fresh local mesh. Alerts are
 * posted one at a time (submit-to-verdict latency, and the platform's overhead: everything but the model step), then
 * all at once (throughput, and the slowest verdict). Deterministic by default; {@code --model-delay} puts a local
 * stand-in model of that latency on the default route. Latencies use the server's completion time against the client's
 * submit time (one machine, one clock).
 */
@Command(name = "bench-investigations", mixinStandardHelpOptions = true, description = {
        "Measure investigation throughput and latency on a fresh local mesh, then stop it.", "",
        "Posts --single alerts one at a time, then --alerts at once; prints percentiles, the burst's throughput",
        "and its slowest verdict. --model-delay 2s runs a local stand-in model of that latency on the default route."})
public final class BenchInvestigationsCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(5);

    private final CliContext context;

    @Option(names = "--alerts", defaultValue = "1000", description = "alerts posted at once (default 1000)")
    private int alerts;

    @Option(names = "--single", defaultValue = "20", description = "alerts posted one at a time first (default 20)")
    private int single;

    @Option(names = "--concurrency", defaultValue = "16", description = "investigations a replica runs at once (reasoning's queue batch size and model bulkhead; default 16)")
    private int concurrency;

    /** {@code 2s}, {@code 500ms}, {@code 1m}, or ISO-8601 ({@code PT2S}). */
    static final class Durations implements picocli.CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.matches("\\d+[smh]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            return Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Option(names = "--model-delay", converter = Durations.class, description = "answer time of a local stand-in model on the default route (e.g. 2s); none: deterministic")
    private Duration modelDelay;

    @Option(names = "--timeout", defaultValue = "10m", converter = Durations.class, description = "give up waiting after this long (default 10m)")
    private Duration timeout;

    @Option(names = "--json", description = "print the figures as JSON")
    private boolean json;

    public BenchInvestigationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        StandInModel model = modelDelay == null ? null : StandInModel.start(modelDelay);
        try {
            MeshOptions options = options(model);
            try (RunningMesh mesh = MeshConsole.start(options, context.out())) {
                Endpoint governance = DemoCommand.endpoint(mesh, ServiceSpec.GOVERNANCE, ServiceUrls.GOVERNANCE_ENV);
                DemoIdentities people = DemoIdentities.provision(governance, mesh.credentials());
                IngestClient ingest = new IngestClient(
                        DemoCommand.endpoint(mesh, ServiceSpec.INGEST, ServiceUrls.INGEST_ENV),
                        people.siem());
                ReasoningClient reasoning = new ReasoningClient(
                        DemoCommand.endpoint(mesh, ServiceSpec.REASONING, ServiceUrls.REASONING_ENV), people.analyst());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("mode", model == null ? "deterministic" : "stand-in model answering after " + modelDelay);
                figures.put("concurrency", concurrency);
                singles(ingest, reasoning, figures);
                burst(ingest, reasoning, figures);
                if (model != null) {
                    figures.put("modelCalls", model.calls());
                }
                print(figures);
                return (int) figures.getOrDefault("failed", 0) == 0 ? 0 : 1;
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    private MeshOptions options(StandInModel model) {
        Map<String, String> env = new HashMap<>(context.env());
        if (model != null) {
            env.put("WATCHFLOOR_MODEL_URL", model.baseUrl());
            env.remove("WATCHFLOOR_MODEL_ROUTES");
        }
        MeshOptions options = MeshOptions.fromEnvironment(context.root(), env)
                .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_REASONING_QUEUE_BATCH_SIZE",
                        Integer.toString(concurrency))
                .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_REASONING_MODEL_BULKHEAD_LIMIT",
                        Integer.toString(concurrency));
        if (model != null) {
            options = options.withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_MODEL_URL", model.baseUrl())
                    .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_MODEL_NAME", "bench-stand-in");
        }
        return options;
    }

    /** One alert at a time: submit-to-verdict, and the same without the model step. */
    private void singles(IngestClient ingest, ReasoningClient reasoning, Map<String, Object> figures)
            throws InterruptedException {
        List<Long> latency = new ArrayList<>();
        List<Long> overhead = new ArrayList<>();
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        for (int i = 0; i < single; i++) {
            Instant submitted = Instant.now();
            String alertId = accepted(ingest.submitAlerts(alertsJson("single", List.of(i)))).get(0);
            JsonNode done = awaitOne(reasoning, alertId, submitted.plus(timeout));
            long ms = Duration.between(submitted, Instant.parse(done.path("completedAt").asText())).toMillis();
            latency.add(ms);
            JsonNode view = reasoning.detail(done.path("id").asText());
            long modelMs = 0;
            for (JsonNode step : view.path("steps")) {
                steps.computeIfAbsent(step.path("name").asText(), k -> new ArrayList<>())
                        .add(step.path("latencyMs").asLong());
                if ("model".equals(step.path("name").asText())) {
                    modelMs += step.path("latencyMs").asLong();
                }
            }
            overhead.add(ms - modelMs);
        }
        Map<String, Long> stepP50 = new LinkedHashMap<>();
        steps.forEach((name, values) -> stepP50.put(name, percentiles(values).get("p50")));
        figures.put("single", Map.of("alerts", single, "submitToVerdictMs", percentiles(latency),
                "overheadMs", percentiles(overhead), "stepP50Ms", stepP50));
    }

    /** Every alert at once, in parallel posts of 100: time until the last verdict. */
    private void burst(IngestClient ingest, ReasoningClient reasoning, Map<String, Object> figures)
            throws Exception {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            indexes.add(i);
        }
        Instant start = Instant.now();
        List<String> alertIds = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService posters = Executors.newFixedThreadPool(4)) {
            List<Future<List<String>>> posts = new ArrayList<>();
            for (int from = 0; from < alerts; from += 100) {
                List<Integer> chunk = indexes.subList(from, Math.min(alerts, from + 100));
                posts.add(posters.submit(() -> accepted(ingest.submitAlerts(alertsJson("burst", chunk)))));
            }
            for (Future<List<String>> post : posts) {
                alertIds.addAll(post.get());
            }
        }
        Instant posted = Instant.now();
        Map<String, JsonNode> done = awaitAll(reasoning, alertIds, start.plus(timeout));
        Instant last = start;
        int failed = 0;
        for (JsonNode s : done.values()) {
            if (!"completed".equals(s.path("status").asText())) {
                failed++;
                continue;
            }
            Instant at = Instant.parse(s.path("completedAt").asText());
            last = at.isAfter(last) ? at : last;
        }
        double seconds = Duration.between(start, last).toMillis() / 1000.0;
        Map<String, Object> burst = new LinkedHashMap<>();
        burst.put("alerts", alerts);
        burst.put("postSeconds", Duration.between(start, posted).toMillis() / 1000.0);
        burst.put("completed", done.size() - failed);
        burst.put("unfinished", alerts - done.size());
        burst.put("secondsToLastVerdict", seconds);
        burst.put("investigationsPerHour", seconds == 0 ? 0 : Math.round((done.size() - failed) * 3600 / seconds));
        figures.put("burst", burst);
        figures.put("failed", failed + alerts - done.size());
    }

    private static JsonNode awaitOne(ReasoningClient reasoning, String alertId, Instant deadline)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = reasoning.list(null, alertId, 1);
            JsonNode first = page.path("items").path(0);
            String status = first.path("status").asText();
            if ("completed".equals(status) || "failed".equals(status)) {
                return first;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("no verdict for alert " + alertId + " in time");
    }

    private static Map<String, JsonNode> awaitAll(ReasoningClient reasoning, List<String> alertIds, Instant deadline)
            throws InterruptedException {
        Map<String, JsonNode> done = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(alertIds);
        while (done.size() < wanted.size() && Instant.now().isBefore(deadline)) {
            for (String status : List.of("completed", "failed")) {
                for (JsonNode s : reasoning.list(status, null, 1000).path("items")) {
                    if (wanted.contains(s.path("alertId").asText())) {
                        done.put(s.path("alertId").asText(), s);
                    }
                }
            }
            Thread.sleep(200);
        }
        return done;
    }

    private static List<String> accepted(List<IngestResult> results) {
        List<String> ids = new ArrayList<>();
        for (IngestResult r : results) {
            if (!r.accepted()) {
                throw new IllegalStateException("alert refused: " + r.reason());
            }
            ids.add(r.id());
        }
        return ids;
    }

    /** Credential dumping alerts, each on its own host and user, so no two share evidence or a cached answer. */
    private static byte[] alertsJson(String phase, List<Integer> indexes) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i : indexes) {
            list.add(Map.of("title", "Credential dumping tool detected", "severity", "high", "source", "edr",
                    "host", "bench-" + phase + "-" + run + "-" + i, "user", "u" + run + i, "process_name",
                    "mimikatz.exe", "time", Instant.now().toString()));
        }
        try {
            return JsonHttp.MAPPER.writeValueAsBytes(list);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> percentiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("p50", at(sorted, 0.50));
        out.put("p95", at(sorted, 0.95));
        out.put("max", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        return out;
    }

    private static long at(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void print(Map<String, Object> figures) {
        if (json) {
            Json.print(context.out(), JsonHttp.MAPPER.valueToTree(figures));
        } else {
            context.out().println();
            figures.forEach((k, v) -> context.out().printf("%-14s %s%n", k, v));
        }
    }
}
