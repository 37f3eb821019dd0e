package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Small reading helpers shared by the identity and cloud mappers: detection peeks on a record's own tree (never marking
 * anything used), the first present scalar as a time value, and the address check that keeps host names out of IP
 * fields.
 */
public final class Fields {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Fields() {
    }

    /** The text of a scalar at a dotted path of a tree, for detection; null when absent or not a scalar. */
    public static String peek(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : Source.segments(path)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Whether the tree has an object at the top-level key. */
    public static boolean hasObject(JsonNode root, String key) {
        JsonNode node = root == null ? null : root.get(key);
        return node != null && node.isObject();
    }

    /** Whether the tree has a non-null value at the top-level key. */
    public static boolean has(JsonNode root, String key) {
        JsonNode node = root == null ? null : root.get(key);
        return node != null && !node.isNull();
    }

    /**
     * The top-level key as the record writes it: {@code camel}, or its lower-cased form when a collector lowered the
     * keys ({@code eventName} / {@code eventname}); {@code camel} when neither is present.
     */
    public static String key(JsonNode root, String camel) {
        if (root == null || root.has(camel)) {
            return camel;
        }
        String lower = camel.toLowerCase(Locale.ROOT);
        return root.has(lower) ? lower : camel;
    }

    /** The first path holding a scalar, marked used, for {@code ctx.time}; null when none. */
    public static JsonNode scalar(Source in, String... paths) {
        for (String path : paths) {
            JsonNode value = in.peek(path);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return in.node(path);
            }
        }
        return null;
    }

    /** The lower-cased text, or an empty string, for switches. */
    public static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Whether the text is an IPv4 or IPv6 address (not a host or service name). */
    public static boolean isIp(String text) {
        if (text == null) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    }

    /** Sets an IP when the text is one, else (a name such as {@code iam.amazonaws.com}) the endpoint's domain. */
    public static void endpoint(OcsfEvent out, String endpoint, String value) {
        if (isIp(value)) {
            out.set(endpoint + ".ip", value);
        } else {
            out.set(endpoint + ".domain", value);
        }
    }

    /** An email-looking text for {@code email_addr}, else null. */
    public static String email(String text) {
        return text != null && text.transform(Regexes.matches("[^@\\s]+@[^@\\s]+")) ? text : null;
    }

    /** The text after the last {@code /} (a session or user name at the end of an ARN). */
    static String tail(String arn) {
        if (arn == null || arn.indexOf('/') < 0 || arn.endsWith("/")) {
            return null;
        }
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
