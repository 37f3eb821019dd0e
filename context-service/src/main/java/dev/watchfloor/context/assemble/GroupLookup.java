package dev.watchfloor.context.assemble;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.context.ContextConfig;
import dev.watchfloor.context.store.EvidenceStore;
import dev.watchfloor.contracts.context.v1.GetAlertGroupResponse;

/**
 * An alert's group as it stands now: read from the evidence store each time, so an investigation viewed later counts
 * and lists the alerts that joined after it started. Nothing is recorded or audited: it is a read of stored records.
 */
@ApplicationScoped
public class GroupLookup {

    /** The most member ids one answer lists. */
    static final int MAX_MEMBER_IDS = 1000;

    private final EvidenceStore store;
    private final ContextConfig config;

    public GroupLookup(EvidenceStore store, ContextConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The alert's group, unset when it has none; {@link ProblemException} not-found when the alert is unknown. */
    public Uni<GetAlertGroupResponse> group(String tenant, String alertId, int memberLimit) {
        UUID id = Ids.parse(alertId, "alert");
        int limit = Math.min(memberLimit > 0 ? memberLimit : config.groupMembersListed(), MAX_MEMBER_IDS);
        return store.group(tenant, id, limit).chain(group -> group != null
                ? Uni.createFrom().item(GetAlertGroupResponse.newBuilder().setGroup(GroupEvidence.message(group))
                        .build())
                : store.alert(tenant, id).map(alert -> {
                    if (alert == null) {
                        throw ProblemException.notFound("alert", alertId);
                    }
                    return GetAlertGroupResponse.getDefaultInstance();
                }));
    }
}
