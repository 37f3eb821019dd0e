package dev.watchfloor.governance.policy.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.governance.policy.document.YamlDocument.Position;
import dev.watchfloor.redaction.Detector;

/** Validates a policy tree against {@code policy/policy-schema.json}, placing each error on its YAML node. */
final class SchemaCheck {

    static final String SCHEMA_RESOURCE = "policy/policy-schema.json";
    static final String SCHEMA_TEXT = withClosedSets(resource(SCHEMA_RESOURCE));
    private static final Schema SCHEMA = load();

    private SchemaCheck() {
    }

    static List<PolicyViolation> violations(YamlDocument document) {
        return SCHEMA.validate(document.root()).stream().map(error -> violation(document, error)).toList();
    }

    private static PolicyViolation violation(YamlDocument document, Error error) {
        String instance = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword();
        String path = instance;
        Position at;
        if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
            path = YamlDocument.child(instance, error.getProperty());
            at = document.keyAt(path);
        } else if ("required".equals(keyword) && error.getProperty() != null) {
            path = YamlDocument.child(instance, error.getProperty());
            at = document.at(instance);
        } else {
            at = document.at(instance);
        }
        return new PolicyViolation(at.line(), at.column(), path, keyword, message(error, instance));
    }

    /** The error text without the instance location networknt puts in front of it. */
    private static String message(Error error, String instance) {
        String text = error.getMessage();
        String prefix = instance.isEmpty() ? "" : instance + ": ";
        if (!prefix.isEmpty() && text.startsWith(prefix)) {
            return text.substring(prefix.length());
        }
        return text.startsWith(": ") ? text.substring(2) : text;
    }

    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append(element instanceof Integer index
                    ? YamlDocument.child("", index)
                    : YamlDocument.child("", String.valueOf(element)));
        }
        return pointer.toString();
    }

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new ObjectMapper().readTree(SCHEMA_TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + SCHEMA_RESOURCE, e);
        }
    }

    /**
     * The schema with the closed sets defined elsewhere filled in: action types from contracts, detectors from the
     * redaction module. The file leaves them empty so they are written once.
     */
    static String withClosedSets(String text) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(text);
            ObjectNode defs = (ObjectNode) root.get("$defs");
            fill(defs.with("actionType"), Arrays.stream(ActionType.values()).map(ActionType::wire).toList());
            fill(defs.with("detector"), Arrays.stream(Detector.values()).map(Detector::wire).toList());
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + SCHEMA_RESOURCE, e);
        }
    }

    private static void fill(ObjectNode node, List<String> values) {
        node.remove("$comment");
        ArrayNode list = node.putArray("enum");
        values.forEach(list::add);
    }

    static String resource(String name) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + name, e);
        }
    }
}
