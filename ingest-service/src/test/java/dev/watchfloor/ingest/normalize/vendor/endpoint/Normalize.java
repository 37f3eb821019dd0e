package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/** Runs a fixture body through the real reader and normalizer (UTC, no per-source zones, 24 h skew). */
final class Normalize {

    static final Instant RECEIVED = Instant.parse("2024-05-02T12:00:00Z");

    private static final Normalizer NORMALIZER = new Normalizer(new IngestConfig.Time() {

        @Override
        public ZoneId defaultZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Map<String, ZoneId> zones() {
            return Map.of();
        }

        @Override
        public Duration maxSkew() {
            return Duration.ofHours(24);
        }
    }, new Mappers());

    private Normalize() {
    }

    static List<Piece> read(String body) {
        return new RecordReader(65_536, 100_000).read(body.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
    }

    /** Every record of the body, detected; a quarantined record fails the test. */
    static List<NormalizedRecord> all(String body) {
        return all(body, null);
    }

    static List<NormalizedRecord> all(String body, String source) {
        return read(body).stream().map(p -> {
            if (p.isQuarantined()) {
                throw new AssertionError("quarantined: " + p.reason());
            }
            return NORMALIZER.normalize(p.parsed(), source, false, RECEIVED);
        }).toList();
    }

    static NormalizedRecord one(String body) {
        List<NormalizedRecord> records = all(body);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records.size());
        }
        return records.get(0);
    }
}
