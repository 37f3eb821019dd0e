package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.Message;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.restassured.path.json.JsonPath;

import dev.watchfloor.contracts.action.v1.ActionsGrpc;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.context.v1.AssembleRequest;
import dev.watchfloor.contracts.context.v1.ContextGrpc;
import dev.watchfloor.contracts.context.v1.GetAlertGroupRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditBatchRequest;
import dev.watchfloor.contracts.governance.v1.AppendAuditRequest;
import dev.watchfloor.contracts.governance.v1.ApprovalsGrpc;
import dev.watchfloor.contracts.governance.v1.AuditGrpc;
import dev.watchfloor.contracts.governance.v1.AuthorizeBatchRequest;
import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.BudgetGrpc;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalRequest;
import dev.watchfloor.contracts.governance.v1.GetApprovalsRequest;
import dev.watchfloor.contracts.governance.v1.PolicyGrpc;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.contracts.reasoning.v1.InvestigationsGrpc;
import dev.watchfloor.contracts.reasoning.v1.SubmitInvestigationRequest;
import dev.watchfloor.launcher.MeshCredentials;
import dev.watchfloor.launcher.ServiceSpec;

/**
 * Every public REST endpoint and every internal gRPC method, called with the credentials that must not work: none, an
 * expired token, a token with a broken signature, the wrong role, another tenant's token, the wrong mesh service. Each
 * is refused (401/403/404, UNAUTHENTICATED/PERMISSION_DENIED) and answers no data.
 */
@ExtendWith(Mesh.class)
class AuthorizationMatrixTest {

    private static final String ID = UUID.randomUUID().toString();

    /** service, method, path, a role that may NOT call it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                rest(ServiceSpec.INGEST, "POST", "/v1/alerts", People.AUDITOR),
                rest(ServiceSpec.INGEST, "POST", "/v1/events", People.APPROVER),
                rest(ServiceSpec.CONTEXT, "GET", "/v1/context/" + ID, People.SIEM),
                rest(ServiceSpec.REASONING, "GET", "/v1/investigations", People.SIEM),
                rest(ServiceSpec.REASONING, "GET", "/v1/investigations/" + ID, People.SIEM),
                rest(ServiceSpec.ACTION, "GET", "/v1/actions", People.SIEM),
                rest(ServiceSpec.ACTION, "GET", "/v1/actions/" + ID, People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/approvals", People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/approvals/" + ID, People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "POST", "/v1/approvals/" + ID + "/decision", People.ANALYST),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/audit", People.ANALYST),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/audit/verify", People.APPROVER),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/costs", People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/policies", People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "PUT", "/v1/policies", People.ANALYST),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/policies/history", People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/policies/diff?from=0&to=0", People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/pseudonyms/pn_email_0123456789ab", People.AUDITOR),
                rest(ServiceSpec.GOVERNANCE, "POST", "/v1/tenants", People.ADMIN),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/principals", People.ANALYST),
                rest(ServiceSpec.GOVERNANCE, "POST", "/v1/principals", People.AUDITOR),
                rest(ServiceSpec.GOVERNANCE, "GET", "/v1/principals/" + ID, People.SIEM),
                rest(ServiceSpec.GOVERNANCE, "POST", "/v1/principals/" + ID + "/secret", People.APPROVER),
                rest(ServiceSpec.GOVERNANCE, "DELETE", "/v1/principals/" + ID, People.ANALYST),
                rest(ServiceSpec.GOVERNANCE, "POST", "/v1/auth/keys/rotate", People.ADMIN));
    }

    @ParameterizedTest(name = "{1} {0} {2}")
    @MethodSource("endpoints")
    void restRefusesMissingExpiredForgedAndWrongRoleTokens(String service, String method, String path,
            String wrongRole) throws Exception {
        String valid = People.token(People.ADMIN);
        assertRefused(service, method, path, null, 401);
        assertRefused(service, method, path, ForgedTokens.expired(People.TENANT, "admin"), 401);
        assertRefused(service, method, path, ForgedTokens.badSignature(valid), 401);
        assertRefused(service, method, path, People.token(wrongRole), 403);
        // a mesh service's own token names no tenant and reaches no tenant's data
        assertRefused(service, method, path, serviceToken(ServiceSpec.REASONING), 403);
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndItsListsAreEmpty() {
        String alertId = Api.postAlerts(Map.of("title", "Credential dumping on ws-matrix", "severity", "critical",
                "host", "ws-matrix", "user", "m.lee", "technique", "T1003.001")).get(0);
        Map<String, Object> summary = Api.awaitCompleted(alertId, Duration.ofSeconds(60));
        String investigationId = (String) summary.get("id");
        JsonPath view = Api.investigation(investigationId);
        String actionId = view.getString("actions[0].actionId");
        String approvalId = given().baseUri(Api.url(ServiceSpec.GOVERNANCE))
                .auth().oauth2(People.token(People.APPROVER)).queryParam("state", "pending").when()
                .get("/v1/approvals").then().statusCode(200).extract().path("items[0].id");
        String other = People.token(People.OTHER_TENANT, People.ADMIN);

        expect(ServiceSpec.CONTEXT, "GET", "/v1/context/" + alertId, other, 404);
        expect(ServiceSpec.REASONING, "GET", "/v1/investigations/" + investigationId, other, 404);
        expect(ServiceSpec.ACTION, "GET", "/v1/actions/" + actionId, other, 404);
        expect(ServiceSpec.GOVERNANCE, "GET", "/v1/approvals/" + approvalId, other, 404);
        given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(other).contentType("application/json")
                .body(Map.of("decision", "approve")).when().post("/v1/approvals/{id}/decision", approvalId).then()
                .statusCode(404);
        assertThat(given().baseUri(Api.url(ServiceSpec.REASONING)).auth().oauth2(other)
                .queryParam("alertId", alertId).when().get("/v1/investigations").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        assertThat(given().baseUri(Api.url(ServiceSpec.GOVERNANCE)).auth().oauth2(other)
                .queryParam("alertId", alertId).when().get("/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        assertThat(given().baseUri(Api.url(ServiceSpec.ACTION)).auth().oauth2(other)
                .queryParam("investigationId", investigationId).when().get("/v1/actions").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    /** service, method, request, the mesh services allowed to call it. */
    static Stream<Arguments> grpcMethods() {
        return Stream.of(
                grpc(ServiceSpec.REASONING, InvestigationsGrpc.getSubmitMethod(),
                        SubmitInvestigationRequest.newBuilder().setTenant(People.TENANT).setAlertId(ID).build(),
                        ServiceSpec.INGEST),
                grpc(ServiceSpec.CONTEXT, ContextGrpc.getAssembleMethod(),
                        AssembleRequest.newBuilder().setTenant(People.TENANT).setAlertId(ID).build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.CONTEXT, ContextGrpc.getGetAlertGroupMethod(),
                        GetAlertGroupRequest.newBuilder().setTenant(People.TENANT).setAlertId(ID).build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.GOVERNANCE, PolicyGrpc.getPrepareModelCallMethod(),
                        PrepareModelCallRequest.newBuilder().setTenant(People.TENANT).setInvestigationId(ID).build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.GOVERNANCE, PolicyGrpc.getCheckSanctionsMethod(),
                        CheckSanctionsRequest.newBuilder().setTenant(People.TENANT).addEntities("host:x").build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.GOVERNANCE, PolicyGrpc.getAuthorizeMethod(),
                        AuthorizeRequest.newBuilder().setTenant(People.TENANT).setActionId(ID)
                                .setActionType("isolate_host").build(),
                        ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, PolicyGrpc.getAuthorizeBatchMethod(),
                        AuthorizeBatchRequest.newBuilder().addActions(AuthorizeRequest.newBuilder()
                                .setTenant(People.TENANT).setActionId(ID).setActionType("isolate_host")).build(),
                        ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, ApprovalsGrpc.getGetMethod(),
                        GetApprovalRequest.newBuilder().setTenant(People.TENANT).setApprovalId(ID).build(),
                        ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, ApprovalsGrpc.getGetManyMethod(),
                        GetApprovalsRequest.newBuilder().addApprovals(GetApprovalRequest.newBuilder()
                                .setTenant(People.TENANT).setApprovalId(ID)).build(),
                        ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, AuditGrpc.getAppendMethod(),
                        AppendAuditRequest.newBuilder().setTenant(People.TENANT).setEventType("forged").build(),
                        ServiceSpec.INGEST, ServiceSpec.CONTEXT, ServiceSpec.REASONING, ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, AuditGrpc.getAppendBatchMethod(),
                        AppendAuditBatchRequest.newBuilder().addEntries(AppendAuditRequest.newBuilder()
                                .setTenant(People.TENANT).setEventType("forged")).build(),
                        ServiceSpec.INGEST, ServiceSpec.CONTEXT, ServiceSpec.REASONING, ServiceSpec.ACTION),
                grpc(ServiceSpec.GOVERNANCE, BudgetGrpc.getRecordMethod(),
                        RecordUsageRequest.newBuilder().setTenant(People.TENANT).setStep("x").build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.GOVERNANCE, BudgetGrpc.getReleaseMethod(),
                        ReleaseReservationRequest.newBuilder().setTenant(People.TENANT).setReservationId(ID).build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.ACTION, ActionsGrpc.getProposeMethod(),
                        ProposeActionsRequest.newBuilder().setTenant(People.TENANT).setInvestigationId(ID).build(),
                        ServiceSpec.REASONING),
                grpc(ServiceSpec.ACTION, ActionsGrpc.getListMethod(),
                        ListActionsRequest.newBuilder().setTenant(People.TENANT).setInvestigationId(ID).build(),
                        ServiceSpec.REASONING));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("grpcMethods")
    <Q extends Message, R> void grpcRefusesAnyoneButTheServicesAllowedToCall(String service,
            MethodDescriptor<Q, R> method, Q request, List<String> allowedServices) throws Exception {
        String allowed = allowedServices.get(0);
        assertStatus(service, method, request, null, Status.Code.UNAUTHENTICATED);
        assertStatus(service, method, request, ForgedTokens.expired(People.TENANT, "admin"),
                Status.Code.UNAUTHENTICATED);
        assertStatus(service, method, request, ForgedTokens.badSignature(serviceToken(allowed)),
                Status.Code.UNAUTHENTICATED);
        assertStatus(service, method, request, People.token(People.ADMIN), Status.Code.PERMISSION_DENIED);
        // every mesh service that may not call the method (Audit.Append: all of them may)
        for (String other : List.of(ServiceSpec.INGEST, ServiceSpec.CONTEXT, ServiceSpec.REASONING,
                ServiceSpec.ACTION)) {
            if (!allowedServices.contains(other)) {
                assertStatus(service, method, request, serviceToken(other), Status.Code.PERMISSION_DENIED);
            }
        }
    }

    @AfterAll
    static void closeChannels() throws InterruptedException {
        for (ManagedChannel channel : CHANNELS.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static final Map<String, ManagedChannel> CHANNELS = new java.util.concurrent.ConcurrentHashMap<>();

    private static <Q, R> void assertStatus(String service, MethodDescriptor<Q, R> method, Q request, String token,
            Status.Code expected) {
        ManagedChannel channel = CHANNELS.computeIfAbsent(service, s -> ManagedChannelBuilder
                .forTarget(Api.url(s).replace("http://", "")).usePlaintext().build());
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        var intercepted = io.grpc.ClientInterceptors.intercept(channel,
                MetadataUtils.newAttachHeadersInterceptor(headers));
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(intercepted, method,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request))
                .as("%s with %s", method.getFullMethodName(), token == null ? "no token" : "token")
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(expected));
    }

    private static void assertRefused(String service, String method, String path, String token, int status) {
        var request = given().baseUri(Api.url(service)).contentType("application/json").body("{}");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request.when().request(method, path).then().statusCode(status).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    private static void expect(String service, String method, String path, String token, int status) {
        given().baseUri(Api.url(service)).auth().oauth2(token).when().request(method, path).then().statusCode(status);
    }

    private static String serviceToken(String service) {
        MeshCredentials credentials = Mesh.get().credentials();
        return People.exchange(service, credentials.serviceSecrets().get(service));
    }

    private static Arguments rest(String service, String method, String path, String wrongRole) {
        return Arguments.of(service, method, path, wrongRole);
    }

    private static Arguments grpc(String service, MethodDescriptor<?, ?> method, Message request,
            String... allowed) {
        return Arguments.of(service, method, request, List.of(allowed));
    }

}
