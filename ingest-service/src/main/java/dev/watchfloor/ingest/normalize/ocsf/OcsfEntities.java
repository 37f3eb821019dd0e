package dev.watchfloor.ingest.normalize.ocsf;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The entities of an OCSF event, as "type:value", taken only from mapped OCSF fields: never from arbitrary keys of the
 * vendor record, so attacker-shaped data nested in a payload cannot name an isolation target. These are the pivots
 * context-service relates alerts and events by.
 */
public final class OcsfEntities {

    public static final int MAX = 64;

    private static final String[][] USER_PATHS = {{"actor.user.name", "actor.user.email_addr"},
            {"user.name", "user.email_addr"}};
    private static final String[] HASH_PATHS = {"file.hashes", "process.file.hashes"};

    private OcsfEntities() {
    }

    public static Set<String> of(JsonNode event) {
        Set<String> found = new TreeSet<>();
        for (String[] user : USER_PATHS) {
            String name = text(event, user[0]);
            add(found, "user", name != null ? name : text(event, user[1]));
        }
        add(found, "host", text(event, "device.hostname"));
        add(found, "host", text(event, "src_endpoint.hostname"));
        add(found, "host", text(event, "dst_endpoint.hostname"));
        add(found, "ip", text(event, "device.ip"));
        add(found, "ip", text(event, "src_endpoint.ip"));
        add(found, "ip", text(event, "dst_endpoint.ip"));
        add(found, "domain", text(event, "query.hostname"));
        for (String path : HASH_PATHS) {
            JsonNode hashes = at(event, path);
            if (hashes != null && hashes.isArray()) {
                hashes.forEach(
                        h -> add(found, "hash", h.path("value").isValueNode() ? h.path("value").asText() : null));
            }
        }
        String process = text(event, "process.name");
        add(found, "process", process != null ? process : text(event, "process.file.name"));
        return found;
    }

    private static void add(Set<String> found, String type, String value) {
        if (value == null || value.isBlank() || found.size() >= MAX || value.length() > 512) {
            return;
        }
        String v = value.strip();
        // Users, hosts, domains and hashes compare case-insensitively across vendors; process names keep their case.
        found.add(type + ":" + (type.equals("process") ? v : v.toLowerCase(Locale.ROOT)));
    }

    private static String text(JsonNode event, String path) {
        JsonNode node = at(event, path);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static JsonNode at(JsonNode event, String path) {
        JsonNode node = event;
        for (String segment : Paths.split(path)) {
            node = node == null ? null : node.get(segment);
        }
        return node;
    }
}
