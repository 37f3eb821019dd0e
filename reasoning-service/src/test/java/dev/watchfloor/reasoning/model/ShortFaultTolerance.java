package dev.watchfloor.reasoning.model;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Short model fault tolerance values for tests against stand-in models. The schema is migrated but not cleaned (other
 * runs may share the database): the model path only looks up and keeps model runs on investigation rows.
 */
public class ShortFaultTolerance implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("watchfloor.reasoning.model.timeout", "1s"),
                Map.entry("watchfloor.reasoning.model.bulkhead-limit", "2"),
                Map.entry("watchfloor.reasoning.model.retry.max-retries", "2"),
                Map.entry("watchfloor.reasoning.model.retry.backoff", "50ms"),
                Map.entry("watchfloor.reasoning.model.retry.backoff-max", "200ms"),
                Map.entry("watchfloor.reasoning.model.retry.retry-after-max", "3s"),
                Map.entry("watchfloor.reasoning.model.circuit-breaker.request-volume-threshold", "4"),
                Map.entry("watchfloor.reasoning.model.circuit-breaker.failure-ratio", "0.75"),
                Map.entry("watchfloor.reasoning.model.circuit-breaker.delay", "60s"),
                // the model path reads and keeps model runs on the investigation row: the schema must be there, and
                // is not cleaned under the other profiles' data
                Map.entry("quarkus.flyway.clean-at-start", "false"));
    }
}
