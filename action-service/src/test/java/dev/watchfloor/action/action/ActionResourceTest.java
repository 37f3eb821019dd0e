package dev.watchfloor.action.action;

import static dev.watchfloor.action.testing.Proposals.action;
import static dev.watchfloor.action.testing.Proposals.newInvestigation;
import static dev.watchfloor.action.testing.Proposals.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.action.testing.AsReasoningService;
import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.testing.TestTokens;
import dev.watchfloor.contracts.action.v1.ActionStatus;
import dev.watchfloor.contracts.action.v1.Actions;

@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionResourceTest {

    @GrpcClient("actions")
    @RegisterClientInterceptor(AsReasoningService.class)
    Actions actions;

    @Test
    void listsAndShowsTheActionsOfAnInvestigation() {
        String investigation = newInvestigation();
        ActionStatus isolate = actions.propose(request(investigation,
                action("isolate_host", "host:web-04", "{\"mode\":\"full\"}"),
                action("open_ticket", "ticket:INC-4", "{}"))).await().atMost(Duration.ofSeconds(15)).getActions(0);

        given().auth().oauth2(TestTokens.user("ana", "analyst")).queryParam("investigationId", investigation)
                .when().get("/v1/actions")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.target", contains("host:web-04", "ticket:INC-4"))
                .body("items.state", contains("pending_approval", "approved"));

        given().auth().oauth2(TestTokens.user("ana", "analyst")).when().get("/v1/actions/{id}", isolate.getActionId())
                .then().statusCode(200)
                .body("id", equalTo(isolate.getActionId()))
                .body("type", equalTo("isolate_host"))
                .body("investigationId", equalTo(investigation))
                .body("parameters.mode", equalTo("full"))
                .body("state", equalTo("pending_approval"))
                .body("approvalId", equalTo(isolate.getApprovalId()))
                .body("traceId", not(emptyString()));
    }

    @Test
    void unknownActionIsNotFoundProblem() {
        given().auth().oauth2(TestTokens.user("ana", "analyst")).when().get("/v1/actions/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void idThatIsNotAUuidIsNotFoundProblem() {
        given().auth().oauth2(TestTokens.user("ana", "analyst")).when().get("/v1/actions/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/not-found"))
                .body("detail", equalTo("No action with id 'not-a-uuid'"));
    }

    @Test
    void listWithoutInvestigationIsBadRequestProblem() {
        given().auth().oauth2(TestTokens.user("ana", "analyst")).when().get("/v1/actions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation-failed"))
                .body("errors[0].message", equalTo("investigationId is required"));
    }
}
