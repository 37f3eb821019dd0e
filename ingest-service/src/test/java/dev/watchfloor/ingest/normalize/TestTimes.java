package dev.watchfloor.ingest.normalize;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import dev.watchfloor.ingest.IngestConfig;

/** Time settings for unit tests: UTC by default, {@code asa} in Berlin, 24 h skew. */
public final class TestTimes implements IngestConfig.Time {

    @Override
    public ZoneId defaultZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Map<String, ZoneId> zones() {
        return Map.of("asa", ZoneId.of("Europe/Berlin"));
    }

    @Override
    public Duration maxSkew() {
        return Duration.ofHours(24);
    }
}
