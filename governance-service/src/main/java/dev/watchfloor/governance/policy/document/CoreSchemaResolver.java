package dev.watchfloor.governance.policy.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1 rules, so that {@code 22:00} stays
 * a string (not the sexagesimal 1320), {@code no}/{@code on} stay strings (not booleans) and dates stay strings. Quoted
 * scalars are always strings.
 */
final class CoreSchemaResolver extends Resolver {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    static final Pattern CORE_INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
    static final Pattern CORE_FLOAT = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
        addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.NULL, CORE_NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }

    /** The JSON value of a scalar by its resolved (or explicit) tag; anything else is a string. */
    static JsonNode toJson(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag) && CORE_NULL.matcher(value).matches()) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag) && CORE_BOOL.matcher(value).matches()) {
            return JSON.booleanNode(value.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag) && CORE_INT.matcher(value).matches()) {
            return integer(value);
        }
        if (Tag.FLOAT.equals(tag) && CORE_FLOAT.matcher(value).matches()) {
            return decimal(value);
        }
        return JSON.textNode(value);
    }

    private static JsonNode integer(String value) {
        BigInteger number;
        if (value.startsWith("0x")) {
            number = new BigInteger(value.substring(2), 16);
        } else if (value.startsWith("0o")) {
            number = new BigInteger(value.substring(2), 8);
        } else {
            number = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
        }
        return number.bitLength() < 64 ? JSON.numberNode(number.longValue()) : JSON.numberNode(number);
    }

    private static JsonNode decimal(String value) {
        String v = value.toLowerCase();
        if (v.endsWith(".inf")) {
            return JSON.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (v.equals(".nan")) {
            return JSON.numberNode(Double.NaN);
        }
        // as written (0.60 stays 0.60), not normalized as the node factory would
        return DecimalNode.valueOf(new BigDecimal(value.startsWith("+") ? value.substring(1) : value));
    }
}
