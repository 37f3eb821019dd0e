package dev.watchfloor.action.testing;

import java.util.List;
import java.util.UUID;

import dev.watchfloor.commons.testing.TestTokens;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposedAction;

/** Builders for Propose requests in tests. */
public final class Proposals {

    public static final String TENANT = TestTokens.TENANT;

    private Proposals() {
    }

    public static String newInvestigation() {
        return "inv-" + UUID.randomUUID();
    }

    public static ProposedAction action(String type, String target, String parametersJson) {
        return ProposedAction.newBuilder().setType(type).setTarget(target).setRationale("seen in evidence ev-1")
                .setParametersJson(parametersJson).build();
    }

    public static ProposeActionsRequest request(String investigationId, ProposedAction... actions) {
        return ProposeActionsRequest.newBuilder().setTenant(TENANT).setInvestigationId(investigationId)
                .setAlertId("alert-" + investigationId).addAllActions(List.of(actions)).build();
    }
}
