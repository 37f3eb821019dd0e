package dev.watchfloor.governance.policy;

import java.time.Instant;

import dev.watchfloor.governance.policy.document.PolicyDocument;

/**
 * A policy version as enforced: its text, who wrote it, and the parsed document. Version 0 is the default policy
 * shipped with governance (author {@code watchfloor}, no time).
 */
public record ActivePolicy(int version, String name, String yaml, String sha256, String author, Instant createdAt,
        PolicyDocument document) {

    /** How decisions name the policy that took them, e.g. {@code default@v0}. */
    public String label() {
        return name + "@v" + version;
    }
}
