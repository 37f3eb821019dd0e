package dev.watchfloor.action.propose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposedAction;
import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.ledger.CanonicalJson;

class ProposalParserTest {

    @Test
    void actionIdDependsOnTenantInvestigationTypeAndTargetOnly() {
        var id = ActionIds.derive("t", "inv", ActionType.BLOCK_IP, "ip:10.0.0.1");

        assertThat(ActionIds.derive("t", "inv", ActionType.BLOCK_IP, "ip:10.0.0.1")).isEqualTo(id);
        assertThat(ActionIds.derive("t2", "inv", ActionType.BLOCK_IP, "ip:10.0.0.1")).isNotEqualTo(id);
        assertThat(ActionIds.derive("t", "inv2", ActionType.BLOCK_IP, "ip:10.0.0.1")).isNotEqualTo(id);
        assertThat(ActionIds.derive("t", "inv", ActionType.NOTIFY, "ip:10.0.0.1")).isNotEqualTo(id);
        assertThat(ActionIds.derive("t", "inv", ActionType.BLOCK_IP, "ip:10.0.0.2")).isNotEqualTo(id);
        // Field boundaries are part of the key: ("ab","c") is not ("a","bc").
        assertThat(ActionIds.derive("ab", "c", ActionType.NOTIFY, "user:x"))
                .isNotEqualTo(ActionIds.derive("a", "bc", ActionType.NOTIFY, "user:x"));
    }

    @Test
    void canonicalParametersSortKeysAtEveryLevelAndDropWhitespace() {
        assertThat(CanonicalJson.ofObject(" {\"b\": [ {\"z\":1, \"y\":2} ], \"a\": {\"d\": null, \"c\": \"x\"}} "))
                .isEqualTo("{\"a\":{\"c\":\"x\",\"d\":null},\"b\":[{\"y\":2,\"z\":1}]}");
        assertThat(CanonicalJson.ofObject("")).isEqualTo("{}");
    }

    @Test
    void duplicateKeysAndTrailingContentAreRejected() {
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1,\"a\":2}"))
                .hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1} {}")).hasMessageStartingWith("is not valid JSON");
    }

    @Test
    void parsedProposalCarriesCanonicalParametersAndDerivedId() {
        ProposeActionsRequest request = ProposeActionsRequest.newBuilder().setTenant("t").setInvestigationId("inv")
                .setAlertId("a").addActions(ProposedAction.newBuilder().setType("isolate_host")
                        .setTarget("host:web-01").setParametersJson("{\"y\":1,\"x\":2}"))
                .build();

        Proposal proposal = ProposalParser.parse(request).get(0);

        assertThat(proposal.id()).isEqualTo(ActionIds.derive("t", "inv", ActionType.ISOLATE_HOST, "host:web-01"));
        assertThat(proposal.parametersJson()).isEqualTo("{\"x\":2,\"y\":1}");
        assertThat(proposal.alertId()).isEqualTo("a");
    }

    @Test
    void tooManyActionsAreRejected() {
        ProposeActionsRequest.Builder request = ProposeActionsRequest.newBuilder().setTenant("t")
                .setInvestigationId("inv");
        for (int i = 0; i <= ProposalParser.MAX_ACTIONS; i++) {
            request.addActions(ProposedAction.newBuilder().setType("notify").setTarget("user:u" + i));
        }

        assertThatThrownBy(() -> ProposalParser.parse(request.build()))
                .hasMessage("at most 50 actions per request, got 51");
    }
}
