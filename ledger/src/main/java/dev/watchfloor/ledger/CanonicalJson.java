package dev.watchfloor.ledger;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 (JSON Canonicalization Scheme) form of a JSON value: members sorted by the UTF-16 code units of their names,
 * no whitespace, strings escaped only where JSON must, numbers as ECMAScript prints the IEEE 754 double. Every hash and
 * signature over JSON in Watchfloor is taken over this form, so that a value means the same bytes wherever it is stored
 * (PostgreSQL jsonb reorders members) or re-serialized.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The canonical text of a value. Integers beyond 2^53 become the double they stand for, as in JCS; NaN, the
     * infinities and strings with lone surrogates are refused with an IllegalArgumentException.
     */
    public static String canonicalize(JsonNode value) {
        Utf8Buffer out = new Utf8Buffer();
        CanonicalWriter.value(out, value);
        return out.toText();
    }

    /** The UTF-8 bytes of {@link #canonicalize(JsonNode)}, the input of hashes and signatures. */
    public static byte[] utf8(JsonNode value) {
        Utf8Buffer out = new Utf8Buffer();
        CanonicalWriter.value(out, value);
        return out.toByteArray();
    }

    /**
     * Canonical text of a JSON object given as text; null or blank text is the empty object. Anything else that is not
     * exactly one JSON object (other values, duplicate member names, trailing tokens) is refused with an
     * IllegalArgumentException whose message starts "is not valid JSON" or "must be a JSON object".
     */
    public static String ofObject(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        JsonNode node = StrictJson.parse(json);
        if (!node.isObject()) {
            String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException("must be a JSON object, not " + kind);
        }
        return canonicalize(node);
    }
}
