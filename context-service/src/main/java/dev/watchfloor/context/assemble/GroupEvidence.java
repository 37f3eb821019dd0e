package dev.watchfloor.context.assemble;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.context.store.StoredGroup;
import dev.watchfloor.contracts.context.v1.AlertGroup;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.contracts.context.v1.EvidenceKind;

/**
 * The alert's group in the two shapes context answers: as the {@link AlertGroup} message, and as an evidence item that
 * tells an investigator how often the same detection fired on the same entities, and when. The item names no entities:
 * the alert's item already does, and a group must never become an action target of its own.
 */
final class GroupEvidence {

    private GroupEvidence() {
    }

    /** A group with members besides the alert: worth an item. */
    static boolean worthShowing(StoredGroup group) {
        return group != null && group.members() > 1;
    }

    static AlertGroup message(StoredGroup g) {
        return AlertGroup.newBuilder().setGroupId(g.id()).setLeaderAlertId(g.leaderAlertId()).setMembers(g.members())
                .setFirstSeen(g.firstSeen().toString()).setLastSeen(g.lastSeen().toString()).addAllKeys(g.keys())
                .addAllMemberAlertIds(g.memberIds()).setOpen(g.open()).build();
    }

    static EvidenceItem item(int index, StoredGroup g) {
        return EvidenceItem.newBuilder()
                .setId("ev-" + index)
                .setKind(EvidenceKind.EVIDENCE_KIND_ALERT_GROUP)
                .addAllSourceIds(g.memberIds())
                .setRelevance(1.0)
                .setReason("the alert's group: near duplicates stored and attached to this investigation")
                .setSummary(summary(g))
                .setContentJson(json(g))
                .setObservedAt(g.lastSeen().toString())
                .build();
    }

    static String summary(StoredGroup g) {
        return g.members() + " alerts of the same source, detection and entities (this one and " + (g.members() - 1)
                + " near duplicates) from " + g.firstSeen() + " to " + g.lastSeen();
    }

    static String json(StoredGroup g) {
        return new JsonObject().put("group_id", g.id()).put("leader_alert_id", g.leaderAlertId())
                .put("members", g.members()).put("first_seen", g.firstSeen().toString())
                .put("last_seen", g.lastSeen().toString()).put("keys", new JsonArray(g.keys()))
                .put("member_alert_ids", new JsonArray(g.memberIds())).put("open", g.open()).encode();
    }

    /** Estimated like every item: four characters per token. */
    static int tokens(StoredGroup g) {
        return (json(g).length() + summary(g).length()) / 4 + 8;
    }
}
