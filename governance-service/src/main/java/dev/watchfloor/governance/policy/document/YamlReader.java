package dev.watchfloor.governance.policy.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.governance.policy.document.YamlDocument.Position;

/**
 * Reads one YAML document into a Jackson tree that remembers where each node came from. Uses SnakeYAML's composer (no
 * object construction, so no tags are ever instantiated) with the YAML 1.2 core schema; rejects duplicate keys,
 * non-scalar keys, documents over {@link #MAX_BYTES} and empty documents.
 */
final class YamlReader {

    static final int MAX_BYTES = 256 * 1024;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Position> nodes = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final List<PolicyViolation> violations = new ArrayList<>();

    private YamlReader() {
    }

    static YamlDocument read(String yaml) throws PolicyRejected {
        int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw PolicyRejected.of(1, 1, "", "size",
                    "the document has " + bytes + " bytes; a policy may have at most " + MAX_BYTES);
        }
        Node root = compose(yaml);
        if (root == null || isNull(root)) {
            throw PolicyRejected.of(1, 1, "", "empty", "the document is empty");
        }
        YamlReader reader = new YamlReader();
        JsonNode tree = reader.convert(root, "");
        if (!reader.violations.isEmpty()) {
            throw new PolicyRejected(reader.violations);
        }
        return new YamlDocument(tree, Map.copyOf(reader.nodes), Map.copyOf(reader.keys));
    }

    private static Node compose(String yaml) throws PolicyRejected {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_BYTES);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(yaml), options), new CoreSchemaResolver(),
                    options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw PolicyRejected.of(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "",
                    "yaml-syntax", problem == null ? "not valid YAML" : problem.strip());
        } catch (YAMLException e) {
            throw PolicyRejected.of(1, 1, "", "yaml-syntax", String.valueOf(e.getMessage()).strip());
        }
    }

    private JsonNode convert(Node node, String pointer) {
        nodes.put(pointer, position(node.getStartMark()));
        return switch (node) {
            case MappingNode mapping -> object(mapping, pointer);
            case SequenceNode sequence -> array(sequence, pointer);
            case ScalarNode scalar -> CoreSchemaResolver.toJson(scalar);
            default -> JSON.nullNode();
        };
    }

    private ObjectNode object(MappingNode mapping, String pointer) {
        ObjectNode object = JSON.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                violation(keyNode, pointer, "yaml-syntax", "a mapping key must be a plain string");
                continue;
            }
            String path = YamlDocument.child(pointer, key.getValue());
            if (object.has(key.getValue())) {
                violation(keyNode, path, "duplicate-key",
                        "'" + key.getValue() + "' is already defined in this mapping");
                continue;
            }
            keys.put(path, position(keyNode.getStartMark()));
            object.set(key.getValue(), convert(tuple.getValueNode(), path));
        }
        return object;
    }

    private ArrayNode array(SequenceNode sequence, String pointer) {
        ArrayNode array = JSON.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            array.add(convert(items.get(i), YamlDocument.child(pointer, i)));
        }
        return array;
    }

    private static boolean isNull(Node root) {
        return root instanceof ScalarNode scalar && CoreSchemaResolver.toJson(scalar).isNull();
    }

    private void violation(Node node, String path, String rule, String message) {
        Position at = position(node.getStartMark());
        violations.add(new PolicyViolation(at.line(), at.column(), path, rule, message));
    }

    private static Position position(Mark mark) {
        return mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
