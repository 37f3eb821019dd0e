package dev.watchfloor.ledger;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON value in RFC 8785 canonical form into a {@link Utf8Buffer}: objects with their members sorted by the
 * UTF-16 code units of the names (what {@link String#compareTo} compares), arrays in order, no whitespace, strings by
 * {@link JsonStrings}, numbers by {@link JsonNumbers}.
 */
final class CanonicalWriter {

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private CanonicalWriter() {
    }

    static void value(Utf8Buffer out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> object(out, node);
            case ARRAY -> array(out, node);
            case STRING -> JsonStrings.write(out, node.textValue());
            case NUMBER -> number(out, node);
            case BOOLEAN -> out.raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> out.raw(NULL);
            default -> throw new IllegalArgumentException("is not valid JSON: a " + node.getNodeType() + " node");
        }
    }

    /** A member name and its colon. */
    static void name(Utf8Buffer out, String name) {
        JsonStrings.write(out, name);
        out.ascii(':');
    }

    private static void number(Utf8Buffer out, JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                out.integer(node.longValue());
            } else {
                BigInteger big = node.bigIntegerValue();
                out.asciiText(JsonNumbers.format(big.doubleValue()));
            }
        } else if (node.isBigDecimal()) {
            out.asciiText(JsonNumbers.format(Double.parseDouble(node.decimalValue().toString())));
        } else {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) < JsonNumbers.EXACT_INTEGER_LIMIT) {
                out.integer((long) value);
            } else {
                out.asciiText(JsonNumbers.format(value));
            }
        }
    }

    private static void array(Utf8Buffer out, JsonNode node) {
        out.ascii('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            value(out, node.get(i));
        }
        out.ascii(']');
    }

    private static void object(Utf8Buffer out, JsonNode node) {
        out.ascii('{');
        boolean first = true;
        if (inOrder(node)) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                first = member(out, first, member.getKey(), member.getValue());
            }
        } else {
            String[] names = new String[node.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                names[i++] = member.getKey();
            }
            Arrays.sort(names);
            for (String name : names) {
                first = member(out, first, name, node.get(name));
            }
        }
        out.ascii('}');
    }

    private static boolean member(Utf8Buffer out, boolean first, String name, JsonNode value) {
        if (!first) {
            out.ascii(',');
        }
        name(out, name);
        value(out, value);
        return false;
    }

    /** Objects read from canonical text are sorted already; checking is cheaper than sorting a copy. */
    private static boolean inOrder(JsonNode node) {
        String previous = null;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (previous != null && previous.compareTo(member.getKey()) >= 0) {
                return false;
            }
            previous = member.getKey();
        }
        return true;
    }
}
