package dev.watchfloor.ingest.normalize.vendor.sensor;

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

/** Reads a fixture body with the real reader and normalizes every record with detection, as intake does. */
final class SensorFixtures {

    static final Instant RECEIVED = Instant.parse("2026-11-28T03:10:00Z");

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

    private SensorFixtures() {
    }

    static List<Piece> read(String body) {
        return new RecordReader(65_536, 100_000).read(body.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
    }

    static List<NormalizedRecord> normalize(String body, boolean alert) {
        return read(body).stream().filter(p -> !p.isQuarantined())
                .map(p -> NORMALIZER.normalize(p.parsed(), null, alert, RECEIVED)).toList();
    }

    static NormalizedRecord one(String body) {
        List<NormalizedRecord> records = normalize(body, false);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records.size());
        }
        return records.get(0);
    }

    static NormalizedRecord oneAlert(String body) {
        return normalize(body, true).get(0);
    }
}
