package dev.watchfloor.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one parser of the module. It refuses what RFC 8785 (via I-JSON) refuses and what would make two readers see
 * different data: duplicate member names and anything after the value.
 */
final class StrictJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parsers for export files, which check duplicate names themselves ({@link ExportLine}, {@link JsonTrees}): the
     * parser's own check allocates a set for every object of more than two members, a fifth of the reading time.
     */
    static final JsonFactory EXPORT_LINES = JsonFactory.builder().build();

    private StrictJson() {
    }

    /** Parses one JSON value; the message of the exception starts "is not valid JSON". */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("is not valid JSON: no value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
