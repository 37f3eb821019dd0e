package dev.watchfloor.ingest.normalize.vendor.network;

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
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/** Reads fixture text with the real reader and normalizes it in UTC, received at {@link #RECEIVED}. */
final class Fixtures {

    static final Instant RECEIVED = Instant.parse("2026-11-28T06:00:00Z");
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

    private Fixtures() {
    }

    static List<Piece> read(String text) {
        return new RecordReader(65_536, 100_000).read(text.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
    }

    static Parsed parsed(String line) {
        List<Piece> pieces = read(line);
        if (pieces.size() != 1 || pieces.get(0).isQuarantined()) {
            throw new AssertionError("expected one record from " + line + ", got " + pieces);
        }
        return pieces.get(0).parsed();
    }

    static NormalizedRecord normalize(String line) {
        return normalize(line, false);
    }

    static NormalizedRecord normalize(String line, boolean alert) {
        return NORMALIZER.normalize(parsed(line), null, alert, RECEIVED);
    }

    /** The text at a dotted path of a JSON tree, or null. */
    static String at(JsonNode node, String path) {
        JsonNode n = node;
        for (String segment : path.split("\\.")) {
            n = n == null
                    ? null
                    : n.isArray() && segment.matches("\\d+")
                            ? n.get(Integer.parseInt(segment))
                            : n.get(segment);
        }
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
