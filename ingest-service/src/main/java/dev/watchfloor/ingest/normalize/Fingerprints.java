package dev.watchfloor.ingest.normalize;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.watchfloor.commons.util.Hashing;

/**
 * The two hashes dedup and grouping use (first 128 bits of SHA-256, hex):
 * <ul>
 * <li>{@link #group}: what near duplicates share — the source, the detection (the analytic's name, else the title) and
 * the entities;</li>
 * <li>{@link #content}: exact duplicates — the whole normalized event, keys sorted, without the time when the record
 * had none (the received time would make every retry differ).</li>
 * </ul>
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    static String group(String source, String detection, List<String> entities) {
        String canonical = source + '\n' + detection + '\n' + String.join(",", entities);
        return hex(canonical);
    }

    static String content(String source, ObjectNode event, boolean timeMissing) {
        ObjectNode copy = event;
        if (timeMissing) {
            copy = event.deepCopy();
            copy.remove(List.of("time", "time_dt"));
        }
        StringBuilder canonical = new StringBuilder(source).append('\n');
        canonical(copy, canonical);
        return hex(canonical.toString());
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (Map.Entry<String, JsonNode> f : fields) {
                out.append(new TextNode(f.getKey()).toString()).append(':');
                canonical(f.getValue(), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(child -> {
                canonical(child, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String hex(String canonical) {
        return HexFormat.of().formatHex(Hashing.sha256(canonical), 0, 16);
    }
}
