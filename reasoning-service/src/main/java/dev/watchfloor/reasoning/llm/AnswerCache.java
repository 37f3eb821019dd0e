package dev.watchfloor.reasoning.llm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.model.ModelEndpoint;

/**
 * Model runs kept by a key of the prompt version, the route and model, the alert, and the evidence exactly as the model
 * would see it: a rerun of the same case, or the same alert twice, costs nothing. Least recently used answers leave
 * first; each lasts {@code ttl}.
 */
final class AnswerCache {

    private record Cached(ModelRun run, long expiresAtNanos) {
    }

    private final int size;
    private final long ttlNanos;
    private final Map<String, Cached> entries;

    AnswerCache(int size, Duration ttl) {
        this.size = size;
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > AnswerCache.this.size;
            }
        };
    }

    static String key(String promptVersion, ModelEndpoint endpoint, Case c, ModelInvestigator.Briefing briefing) {
        JsonArray evidence = new JsonArray();
        c.evidence().forEach(e -> evidence.add(new JsonArray().add(e.id()).add(e.kind()).add(e.summary())
                .add(e.text()).add(new JsonArray(e.entities()))));
        JsonObject key = new JsonObject().put("prompt", promptVersion).put("route", endpoint.route())
                .put("provider", endpoint.provider()).put("model", endpoint.model())
                .put("baseUrl", endpoint.baseUrl()).put("title", briefing.title())
                .put("severity", c.severityId()).put("targets", briefing.preparedTargets())
                .put("sanctioned", new JsonObject(new java.util.TreeMap<String, Object>(c.sanctioned())))
                .put("evidence", evidence);
        return Hashing.sha256Hex(key.encode());
    }

    synchronized ModelRun get(String key) {
        Cached e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAtNanos > 0) {
            entries.remove(key);
            return null;
        }
        return e.run();
    }

    synchronized void put(String key, ModelRun run) {
        if (size > 0) {
            entries.put(key, new Cached(run, System.nanoTime() + ttlNanos));
        }
    }
}
