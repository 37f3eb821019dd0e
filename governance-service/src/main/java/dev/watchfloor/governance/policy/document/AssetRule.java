package dev.watchfloor.governance.policy.document;

import java.util.List;

/** Targets matching the glob {@code match} ("type:value") have this criticality and these tags. */
public record AssetRule(String match, String criticality, List<String> tags) {

    public AssetRule {
        tags = List.copyOf(tags);
    }
}
