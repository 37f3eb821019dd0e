package dev.watchfloor.governance.policy.document;

import java.util.List;

/** The criticality and tags the policy gives a target. */
public record AssetProfile(String criticality, List<String> tags) {

    public AssetProfile {
        tags = List.copyOf(tags);
    }
}
