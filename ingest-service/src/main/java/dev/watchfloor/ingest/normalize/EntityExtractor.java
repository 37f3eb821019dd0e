package dev.watchfloor.ingest.normalize;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the entities a record mentions (users, hosts, IPs, file hashes, processes) by field name anywhere in the JSON
 * tree, as "type:value". These are the pivots context-service uses to relate alerts and events.
 */
final class EntityExtractor {

    static final int MAX_ENTITIES = 64;
    private static final int MAX_DEPTH = 12;
    private static final Map<String, String> TYPE_BY_KEY = Map.ofEntries(
            Map.entry("user", "user"), Map.entry("username", "user"), Map.entry("account", "user"),
            Map.entry("accountname", "user"), Map.entry("targetusername", "user"),
            Map.entry("host", "host"), Map.entry("hostname", "host"), Map.entry("devicename", "host"),
            Map.entry("computer", "host"), Map.entry("computername", "host"),
            Map.entry("ip", "ip"), Map.entry("srcip", "ip"), Map.entry("sourceip", "ip"),
            Map.entry("clientip", "ip"), Map.entry("dstip", "ip"), Map.entry("destinationip", "ip"),
            Map.entry("remoteip", "ip"), Map.entry("ipaddress", "ip"),
            Map.entry("filehash", "hash"), Map.entry("sha256", "hash"),
            Map.entry("process", "process"), Map.entry("processname", "process"));

    private EntityExtractor() {
    }

    static Set<String> extract(JsonNode root) {
        Set<String> found = new TreeSet<>();
        walk(root, found, 0);
        return found;
    }

    private static void walk(JsonNode node, Set<String> found, int depth) {
        if (depth > MAX_DEPTH || found.size() >= MAX_ENTITIES) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> walk(child, found, depth + 1));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && found.size() < MAX_ENTITIES) {
            Map.Entry<String, JsonNode> field = fields.next();
            String type = TYPE_BY_KEY.get(field.getKey().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT));
            JsonNode value = field.getValue();
            if (type != null && value.isTextual() && !value.asText().isBlank()) {
                found.add(type + ":" + canonical(type, value.asText().trim()));
            } else if (value.isContainerNode()) {
                walk(value, found, depth + 1);
            }
        }
    }

    private static String canonical(String type, String value) {
        // Users and hosts compare case-insensitively across vendors; hashes are hex.
        return type.equals("process") ? value : value.toLowerCase(Locale.ROOT);
    }
}
