package dev.watchfloor.ingest.normalize.vendor.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/** Runs fixture text through the real reader and normalizer (UTC, 24 h skew), as the intake does. */
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

    /** Every record of the body, detected. */
    static List<NormalizedRecord> all(String body) {
        return all(body, null);
    }

    /** Every record of the body, with the named source (null: detected). */
    static List<NormalizedRecord> all(String body, String source) {
        List<Piece> pieces = new RecordReader(65_536, 100_000).read(body.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
        return pieces.stream().filter(p -> !p.isQuarantined())
                .map(p -> NORMALIZER.normalize(p.parsed(), source, false, RECEIVED)).toList();
    }

    /** The one record of the body, detected. */
    static NormalizedRecord one(String body) {
        List<NormalizedRecord> records = all(body);
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records.size());
        }
        return records.get(0);
    }

    /** The text at a dotted path of the OCSF event, or null. */
    static String at(NormalizedRecord record, String path) {
        JsonNode node = record.body();
        for (String segment : path.split("\\.")) {
            node = node == null
                    ? null
                    : segment.matches("\\d+")
                            ? node.get(Integer.parseInt(segment))
                            : node.get(segment);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
