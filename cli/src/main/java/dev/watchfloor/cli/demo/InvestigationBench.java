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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.IngestResult;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.api.ReasoningClient;

/**
 * The measuring of {@code bench-investigations}, against a running mesh: alerts posted one at a time
 * (submit-to-verdict, the platform's overhead without the model step, each step's median), then all at once
 * (throughput, the slowest verdict). Latencies use the server's completion time against the client's submit time (one
 * machine, one clock), so how often the bench polls changes when it notices a verdict, not the figure; it polls seldom,
 * since every poll is work for the mesh it measures.
 */
final class InvestigationBench {

    /** Between polls for one alert's verdict. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** Between polls for a burst's verdicts (each lists up to a thousand investigations). */
    private static final Duration BURST_POLL = Duration.ofSeconds(2);

    private final IngestClient ingest;
    private final ReasoningClient reasoning;
    private final Duration timeout;

    InvestigationBench(IngestClient ingest, ReasoningClient reasoning, Duration timeout) {
        this.ingest = ingest;
        this.reasoning = reasoning;
        this.timeout = timeout;
    }

    /** One alert at a time: submit-to-verdict, and the same without the model step. */
    Map<String, Object> singles(int single) throws InterruptedException {
        List<Long> latency = new ArrayList<>();
        List<Long> overhead = new ArrayList<>();
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        for (int i = 0; i < single; i++) {
            Instant submitted = Instant.now();
            String alertId = accepted(ingest.submitAlerts(alertsJson("single", List.of(i)))).get(0);
            JsonNode done = awaitOne(alertId, submitted.plus(timeout));
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
        return Map.of("alerts", single, "submitToVerdictMs", percentiles(latency), "overheadMs",
                percentiles(overhead), "stepP50Ms", stepP50);
    }

    /**
     * Every alert at once, in parallel posts of 100: time until the last verdict. {@code phase} names the alerts
     * ({@code burst}, or {@code warmup} for alerts that only warm the services up).
     */
    Map<String, Object> burst(String phase, int alerts) throws Exception {
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
                posts.add(posters.submit(() -> accepted(ingest.submitAlerts(alertsJson(phase, chunk)))));
            }
            for (Future<List<String>> post : posts) {
                alertIds.addAll(post.get());
            }
        }
        Instant posted = Instant.now();
        Map<String, JsonNode> done = awaitAll(alertIds, start.plus(timeout));
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
        burst.put("failed", failed + alerts - done.size());
        return burst;
    }

    private JsonNode awaitOne(String alertId, Instant deadline)
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

    private Map<String, JsonNode> awaitAll(List<String> alertIds, Instant deadline)
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
            if (done.size() < wanted.size()) {
                Thread.sleep(BURST_POLL.toMillis());
            }
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
}
