package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Where a Microsoft Entra ID log keeps a Graph field, in the three shapes it is exported in: the Microsoft Graph
 * resource itself ({@code signIn}, {@code directoryAudit}: {@code userPrincipalName}), an Azure Monitor diagnostic
 * record (the Graph fields under {@code properties}, beside {@code time}, {@code category}, {@code resultType},
 * {@code callerIpAddress}), and a Log Analytics / Microsoft Sentinel row ({@code SigninLogs}, {@code AuditLogs}: the
 * first segment in PascalCase, {@code UserPrincipalName}, {@code Status.errorCode}).
 */
final class EntraShape {

    private final JsonNode root;
    private final String prefix;

    private EntraShape(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    static EntraShape of(JsonNode root) {
        JsonNode properties = root.get("properties");
        return new EntraShape(root, properties != null && properties.isObject() ? "properties." : "");
    }

    /** Whether the record is an Azure Monitor diagnostic record (Graph fields under {@code properties}). */
    boolean monitor() {
        return !prefix.isEmpty();
    }

    /** The paths a Graph field may sit at, most specific first, then the extra (shape-specific) paths given. */
    String[] paths(String graphPath, String... extra) {
        List<String> paths = new ArrayList<>();
        paths.add(prefix + graphPath);
        paths.add(Character.toUpperCase(graphPath.charAt(0)) + graphPath.substring(1));
        for (String path : extra) {
            paths.add(path.indexOf('.') < 0 ? Fields.key(root, path) : path);
        }
        return paths.toArray(String[]::new);
    }

    String text(Source in, String graphPath, String... extra) {
        return in.text(paths(graphPath, extra));
    }

    /** The first path holding a value (the array or object of a Graph field), without marking it. */
    String where(Source in, String graphPath, String... extra) {
        for (String path : paths(graphPath, extra)) {
            if (in.peek(path) != null) {
                return path;
            }
        }
        return null;
    }
}
