package dev.watchfloor.action.propose;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.watchfloor.contracts.domain.ActionType;

/**
 * Derives an action's id from what identifies it: the same type against the same target in the same investigation of
 * the same tenant is the same action, so proposing it again finds the stored one.
 */
public final class ActionIds {

    private ActionIds() {
    }

    public static UUID derive(String tenant, String investigationId, ActionType type, String target) {
        StringBuilder key = new StringBuilder("watchfloor.action.v1|");
        for (String part : new String[]{tenant, investigationId, type.wire(), target}) {
            key.append(part.length()).append(':').append(part).append('|');
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
