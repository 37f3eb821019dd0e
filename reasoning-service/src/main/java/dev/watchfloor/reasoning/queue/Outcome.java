package dev.watchfloor.reasoning.queue;

import io.vertx.core.json.JsonObject;

/** What a completed investigation stores: the verdict's columns and the full result. */
public record Outcome(String verdict, String severity, double confidence, JsonObject result) {
}
