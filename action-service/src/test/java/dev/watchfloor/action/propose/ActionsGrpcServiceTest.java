package dev.watchfloor.action.propose;

import static dev.watchfloor.action.testing.Proposals.action;
import static dev.watchfloor.action.testing.Proposals.newInvestigation;
import static dev.watchfloor.action.testing.Proposals.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.action.testing.AsReasoningService;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.Proposals;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.audit.AuditRelay;
import dev.watchfloor.contracts.action.v1.ActionStatus;
import dev.watchfloor.contracts.action.v1.Actions;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsResponse;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.Decision;

@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionsGrpcServiceTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("actions")
    @RegisterClientInterceptor(AsReasoningService.class)
    Actions actions;
    @Inject
    AuditRelay relay;

    @BeforeEach
    void resetGovernance() {
        GovernanceStandIn.reset();
    }

    @Test
    void reproposingReturnsTheStoredActionsWithoutAuthorizingAgain() {
        ProposeActionsRequest request = request(newInvestigation(),
                action("isolate_host", "host:web-01", "{\"mode\":\"full\"}"),
                action("open_ticket", "host:web-01", "{\"queue\":\"soc\"}"));

        ProposeActionsResponse first = propose(request);
        ProposeActionsResponse second = propose(request);
        relay.deliverPending().await().atMost(WAIT);

        assertThat(first.getActionsList()).extracting(ActionStatus::getState)
                .containsExactly("pending_approval", "approved");
        assertThat(first.getActions(0).getApprovalId()).isNotBlank();
        assertThat(second.getActionsList()).isEqualTo(first.getActionsList());
        for (ActionStatus status : first.getActionsList()) {
            assertThat(GovernanceStandIn.AUTHORIZE_CALLS.get(status.getActionId())).hasSize(1);
            assertThat(GovernanceStandIn.auditOf(status.getActionId()))
                    .extracting(a -> a.getEventType()).containsExactly("action.proposed");
        }
    }

    @Test
    void sameActionInAnotherInvestigationIsANewAction() {
        ProposeActionsResponse one = propose(request(newInvestigation(), action("notify", "user:alice", "{}")));
        ProposeActionsResponse two = propose(request(newInvestigation(), action("notify", "user:alice", "{}")));

        assertThat(one.getActions(0).getActionId()).isNotEqualTo(two.getActions(0).getActionId());
    }

    @Test
    void authorizesWithCanonicalParametersAsReasoningService() {
        ProposeActionsResponse response = propose(request(newInvestigation(),
                action("block_ip", "ip:203.0.113.9",
                        "{ \"ttl\": 3600, \"direction\": {\"out\": true, \"in\": 1.50} }")));

        AuthorizeRequest sent = GovernanceStandIn.AUTHORIZE_CALLS.get(response.getActions(0).getActionId()).get(0);
        // RFC 8785: numbers in their shortest ECMAScript form, so 1.50 and 1.5 bind the same approval
        assertThat(sent.getParametersJson()).isEqualTo("{\"direction\":{\"in\":1.5,\"out\":true},\"ttl\":3600}");
        assertThat(sent.getRequestedBy()).isEqualTo("reasoning-service");
        assertThat(sent.getActionType()).isEqualTo("block_ip");
        assertThat(sent.getTarget()).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void deniedActionKeepsGovernancesReason() {
        GovernanceStandIn.DECISIONS.put("disable_user", Decision.DECISION_DENY);

        ActionStatus status = propose(request(newInvestigation(), action("disable_user", "user:bob", "{}")))
                .getActions(0);

        assertThat(status.getState()).isEqualTo("denied");
        assertThat(status.getDetail()).isEqualTo("stand-in says DECISION_DENY");
        assertThat(status.getApprovalId()).isEmpty();
    }

    @Test
    void governanceOutageIsUnavailableAndProposingAgainAuthorizes() {
        ProposeActionsRequest request = request(newInvestigation(), action("isolate_host", "host:db-2", "{}"));
        GovernanceStandIn.unavailable = true;

        assertStatus(request, Status.Code.UNAVAILABLE, "proposing again is safe");

        GovernanceStandIn.unavailable = false;
        ActionStatus status = propose(request).getActions(0);
        assertThat(status.getState()).isEqualTo("pending_approval");
        assertThat(status.getApprovalId()).isNotBlank();
    }

    @Test
    void unknownActionTypeIsInvalidArgument() {
        assertStatus(request(newInvestigation(), action("notify", "user:a", "{}"), action("reboot", "host:a", "{}")),
                Status.Code.INVALID_ARGUMENT, "actions[1].type 'reboot' is not one of isolate_host, disable_user, "
                        + "block_ip, open_ticket, notify");
    }

    @Test
    void targetWithoutEntityTypeIsInvalidArgument() {
        assertStatus(request(newInvestigation(), action("isolate_host", "web-01", "{}")),
                Status.Code.INVALID_ARGUMENT, "actions[0].target 'web-01' must be an entity as \"type:value\"");
        assertStatus(request(newInvestigation(), action("isolate_host", "host:", "{}")),
                Status.Code.INVALID_ARGUMENT, "actions[0].target");
    }

    @Test
    void parametersThatAreNotAJsonObjectAreInvalidArgument() {
        assertStatus(request(newInvestigation(), action("notify", "user:a", "[1,2]")),
                Status.Code.INVALID_ARGUMENT, "actions[0].parameters_json must be a JSON object");
        assertStatus(request(newInvestigation(), action("notify", "user:a", "{\"a\":")),
                Status.Code.INVALID_ARGUMENT, "actions[0].parameters_json is not valid JSON");
    }

    @Test
    void missingTenantOrInvestigationIsInvalidArgument() {
        ProposeActionsRequest valid = request(newInvestigation(), action("notify", "user:a", "{}"));

        assertStatus(valid.toBuilder().clearTenant().build(), Status.Code.INVALID_ARGUMENT, "tenant is required");
        assertStatus(valid.toBuilder().clearInvestigationId().build(), Status.Code.INVALID_ARGUMENT,
                "investigation_id is required");
    }

    @Test
    void listReturnsTheActionsOfOneInvestigationWithTheirStates() {
        String investigation = newInvestigation();
        propose(request(investigation, action("isolate_host", "host:web-09", "{}"),
                action("open_ticket", "ticket:INC-9", "{}")));
        propose(request(newInvestigation(), action("notify", "user:someone-else", "{}")));

        List<ActionStatus> listed = actions.list(ListActionsRequest.newBuilder().setTenant(Proposals.TENANT)
                .setInvestigationId(investigation).build()).await().atMost(WAIT).getActionsList();

        assertThat(listed).extracting(ActionStatus::getTarget).containsExactlyInAnyOrder("host:web-09",
                "ticket:INC-9");
        assertThat(listed).extracting(ActionStatus::getUpdatedAt).allSatisfy(at -> assertThat(at).isNotBlank());
    }

    @Test
    void listWithoutInvestigationIsInvalidArgument() {
        assertThatThrownBy(() -> actions.list(ListActionsRequest.newBuilder().setTenant("t").build())
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    private ProposeActionsResponse propose(ProposeActionsRequest request) {
        return actions.propose(request).await().atMost(WAIT);
    }

    private void assertStatus(ProposeActionsRequest request, Status.Code code, String description) {
        assertThatThrownBy(() -> propose(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(description);
        });
    }
}
