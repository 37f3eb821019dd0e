package dev.watchfloor.action.propose;

import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Canonical form of an action's parameters: keys sorted at every level, no insignificant whitespace, numbers as
 * written. Governance binds an approval to the SHA-256 of exactly this text, so it must not depend on how the proposer
 * happened to format the object.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON object; blank input is the empty object. */
    static String ofObject(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("must be a JSON object");
            }
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
