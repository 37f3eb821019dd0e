package dev.watchfloor.governance.policy.document;

import java.util.List;

/** Entities ("type:value" globs) whose activity is sanctioned at any time. */
public record AllowList(String name, List<String> entities, String reason) {

    public AllowList {
        entities = List.copyOf(entities);
    }

    boolean covers(String entity) {
        return Glob.any(entities, entity);
    }
}
