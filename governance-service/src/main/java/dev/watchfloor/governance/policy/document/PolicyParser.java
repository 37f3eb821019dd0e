package dev.watchfloor.governance.policy.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tenant policy (YAML, format {@code watchfloor.dev/policy/v1}): YAML, then the JSON Schema
 * ({@link #schemaJson()}), then the semantic checks; every violation found is reported with its line and column.
 */
public final class PolicyParser {

    static final String DEFAULT_POLICY_RESOURCE = "policy/default-policy.yaml";
    private static final String DEFAULT_POLICY = SchemaCheck.resource(DEFAULT_POLICY_RESOURCE);

    private PolicyParser() {
    }

    /** The typed policy, or every reason it is not one. */
    public static PolicyDocument parse(String yaml) throws PolicyRejected {
        YamlDocument document = YamlReader.read(yaml);
        List<PolicyViolation> violations = new ArrayList<>(SchemaCheck.violations(document));
        violations.addAll(SemanticCheck.violations(document));
        if (!violations.isEmpty()) {
            throw new PolicyRejected(violations);
        }
        return PolicyMapper.document(document.root());
    }

    /** The JSON Schema (draft 2020-12) of the policy format, as published at {@code GET /v1/policies/schema}. */
    public static String schemaJson() {
        return SchemaCheck.SCHEMA_TEXT;
    }

    /** The policy a tenant has until it sets its own. */
    public static String defaultPolicyYaml() {
        return DEFAULT_POLICY;
    }
}
