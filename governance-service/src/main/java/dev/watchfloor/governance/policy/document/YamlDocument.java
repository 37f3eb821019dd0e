package dev.watchfloor.governance.policy.document;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML document as a Jackson tree, with the position of every node and every mapping key by JSON pointer.
 *
 * @param root
 *            the document
 * @param nodes
 *            1-based position of the node at each pointer
 * @param keys
 *            1-based position of the mapping key that names the node at each pointer
 */
record YamlDocument(JsonNode root, Map<String, Position> nodes, Map<String, Position> keys) {

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    /** The position of the node at {@code pointer}, else of its nearest ancestor present in the document. */
    Position at(String pointer) {
        String p = pointer;
        while (true) {
            Position found = nodes.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The position of the key naming the node at {@code pointer}, else that of the node (or its ancestor). */
    Position keyAt(String pointer) {
        Position key = keys.get(pointer);
        return key != null ? key : at(pointer);
    }

    /** {@code parent} extended by one reference token, escaped as RFC 6901 asks. */
    static String child(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
