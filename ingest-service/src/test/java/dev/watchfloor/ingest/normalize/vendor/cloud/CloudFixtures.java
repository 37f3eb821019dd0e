package dev.watchfloor.ingest.normalize.vendor.cloud;

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

/** Reads fixture text with the real reader and normalizes it (UTC, no zones, 24 h skew), as the service does. */
final class CloudFixtures {

    static final Normalizer NORMALIZER = new Normalizer(new IngestConfig.Time() {

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

    private CloudFixtures() {
    }

    static List<Piece> read(String text) {
        return new RecordReader(65_536, 100_000).read(text.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
    }

    /** The one record of the text, normalized with the mapper detected. */
    static NormalizedRecord one(String text) {
        List<Piece> pieces = read(text);
        if (pieces.size() != 1 || pieces.get(0).isQuarantined()) {
            throw new AssertionError("expected one readable record, got " + pieces);
        }
        return NORMALIZER.normalize(pieces.get(0).parsed(), null, false, Instant.parse("2024-05-01T12:00:00Z"));
    }

    static String text(JsonNode node, String path) {
        JsonNode n = node;
        for (String segment : path.split("\\.")) {
            n = n == null
                    ? null
                    : n.isArray() && segment.matches("\\d+")
                            ? n.get(Integer.parseInt(segment))
                            : n.get(segment);
        }
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }
}
