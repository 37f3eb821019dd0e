package dev.watchfloor.governance.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.Budget;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageResponse;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.governance.testing.Identities;
import dev.watchfloor.governance.testing.TestPolicies;

/**
 * Budgets by reservation under load. One call on the {@code hosted-small} route with 1,000 input tokens reserves (1000
 * x 0.15 + 1024 x 0.60) / 1e6 = 0.0007644, rounded up to 0.000765 USD; a month of 0.0385 USD holds 50 of them.
 */
@QuarkusTest
class BudgetRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final BigDecimal PER_CALL = new BigDecimal("0.000765");
    private static final String FITS_50 = "0.0385";

    @GrpcClient("self")
    Policy policy;

    @GrpcClient("self")
    Budget budget;

    @Inject
    Pool pool;

    @Inject
    ReservationLeases leases;

    private Policy policy() {
        return Identities.withToken(policy, Identities.service(MeshService.REASONING));
    }

    private Budget budget() {
        return Identities.withToken(budget, Identities.service(MeshService.REASONING));
    }

    private static PrepareModelCallRequest call(String tenant) {
        return PrepareModelCallRequest.newBuilder().setTenant(tenant).setInvestigationId(UUID.randomUUID().toString())
                .setAlertId("alert-1").setTitle("Impossible travel for a sign-in").setSource("okta")
                .setStep("investigate")
                .addEvidence(EvidenceText.newBuilder().setId("ev-1")
                        .setText("{\"activity\":\"sign-in\",\"country\":\"NZ\"}"))
                .setEstimatedInputTokens(1000).build();
    }

    private List<PrepareModelCallResponse> concurrently(String tenant, int calls) {
        Policy client = policy();
        List<Uni<PrepareModelCallResponse>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(client.prepareModelCall(call(tenant)));
        }
        return Uni.join().all(all).andFailFast().await().atMost(WAIT);
    }

    @Test
    void twoHundredConcurrentCallsAgainstABudgetForFiftyReserveExactlyFiftyAndNeverOverspend() {
        String tenant = "budget-race";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: " + FITS_50));

        List<PrepareModelCallResponse> responses = concurrently(tenant, 200);

        Map<BudgetOutcome, Long> outcomes = responses.stream()
                .collect(Collectors.groupingBy(PrepareModelCallResponse::getBudgetOutcome, Collectors.counting()));
        assertThat(outcomes).containsEntry(BudgetOutcome.BUDGET_OUTCOME_RESERVED, 50L)
                .containsEntry(BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC, 150L);
        assertThat(responses).filteredOn(r -> r.getBudgetOutcome() != BudgetOutcome.BUDGET_OUTCOME_RESERVED)
                .allSatisfy(r -> assertThat(r.getRoute()).isEqualTo("deterministic"));
        assertThat(responses).filteredOn(r -> r.getBudgetOutcome() == BudgetOutcome.BUDGET_OUTCOME_RESERVED)
                .allSatisfy(r -> assertThat(r.getRoute()).isEqualTo("hosted-small"));

        Budget client = budget();
        List<Uni<RecordUsageResponse>> settlements = responses.stream().filter(r -> !r.getReservationId().isEmpty())
                .map(r -> client.record(RecordUsageRequest.newBuilder().setTenant(tenant).setStep("investigate")
                        .setReservationId(r.getReservationId()).setInputTokens(1000).setOutputTokens(1024).build()))
                .toList();
        Uni.join().all(settlements).andFailFast().await().atMost(WAIT);

        var report = given().auth().oauth2(Identities.tenantAdmin(tenant)).when().get("/v1/costs").then()
                .statusCode(200).extract().jsonPath();
        BigDecimal spent = new BigDecimal(report.getString("budgets[0].spentUsd"));
        assertThat(spent).isEqualByComparingTo(PER_CALL.multiply(BigDecimal.valueOf(50)))
                .isLessThanOrEqualTo(new BigDecimal(FITS_50));
        assertThat(report.getList("rows.route")).contains("hosted-small");
        assertThat(policy().prepareModelCall(call(tenant)).await().atMost(WAIT).getBudgetOutcome())
                .isEqualTo(BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC);
        assertThat(auditCount(tenant, "budget.exhausted")).isGreaterThanOrEqualTo(150);
    }

    @Test
    void exhaustionHoldsForAHumanWhenThePolicySaysSo() {
        String tenant = "budget-hold";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: 0",
                "onExhausted: deterministic", "onExhausted: hold"));

        PrepareModelCallResponse response = policy().prepareModelCall(call(tenant)).await().atMost(WAIT);

        assertThat(response.getBudgetOutcome()).isEqualTo(BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_HOLD);
        assertThat(response.getReservationId()).isEmpty();
    }

    @Test
    void aCrashedCallersReservationIsReleasedAfterItsLeaseAndTheBudgetIsFreeAgain() {
        String tenant = "budget-lease";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: 0.001"));
        PrepareModelCallResponse crashed = policy().prepareModelCall(call(tenant)).await().atMost(WAIT);
        assertThat(crashed.getBudgetOutcome()).isEqualTo(BudgetOutcome.BUDGET_OUTCOME_RESERVED);
        assertThat(policy().prepareModelCall(call(tenant)).await().atMost(WAIT).getBudgetOutcome())
                .isEqualTo(BudgetOutcome.BUDGET_OUTCOME_EXHAUSTED_DETERMINISTIC);

        // The caller never settles: let its lease run out (moving the lease, not the clock).
        pool.preparedQuery("UPDATE governance.budget_reservations SET lease_until = now() - interval '1 second' "
                + "WHERE id = $1").execute(Tuple.of(UUID.fromString(crashed.getReservationId()))).await()
                .atMost(WAIT);
        var released = leases.run().await().atMost(WAIT);

        assertThat(released).extracting(c -> c.id().toString()).contains(crashed.getReservationId());
        assertThat(policy().prepareModelCall(call(tenant)).await().atMost(WAIT).getBudgetOutcome())
                .isEqualTo(BudgetOutcome.BUDGET_OUTCOME_RESERVED);
        assertThat(auditCount(tenant, "budget.reservation_expired")).isEqualTo(1);
    }

    @Test
    void aReleasedReservationFreesItsHoldAndSettlingUsesThePolicyPriceNotTheCallers() {
        String tenant = "budget-release";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: 0.001"));
        PrepareModelCallResponse first = policy().prepareModelCall(call(tenant)).await().atMost(WAIT);
        assertThat(budget().release(ReleaseReservationRequest.newBuilder().setTenant(tenant)
                .setReservationId(first.getReservationId()).setReason("model timed out").build()).await()
                .atMost(WAIT).getReleased()).isTrue();

        PrepareModelCallResponse second = policy().prepareModelCall(call(tenant)).await().atMost(WAIT);
        assertThat(second.getBudgetOutcome()).isEqualTo(BudgetOutcome.BUDGET_OUTCOME_RESERVED);
        RecordUsageResponse settled = budget().record(RecordUsageRequest.newBuilder().setTenant(tenant)
                .setStep("investigate").setReservationId(second.getReservationId()).setInputTokens(2000)
                .setOutputTokens(100).setCostUsd(99).build()).await().atMost(WAIT);

        // 2000 x 0.15 + 100 x 0.60 = 360 per million tokens
        assertThat(settled.getCostUsd()).isEqualTo(0.00036);
        assertThat(budget().release(ReleaseReservationRequest.newBuilder().setTenant(tenant)
                .setReservationId(second.getReservationId()).build()).await().atMost(WAIT).getReleased())
                .isFalse();
    }

    @Test
    void aStepThatMayCallTheModelSeveralTimesReservesEveryCallsWorstCase() {
        String tenant = "budget-calls";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: 200"));

        PrepareModelCallResponse one = policy().prepareModelCall(call(tenant)).await().atMost(WAIT);
        PrepareModelCallResponse six = policy().prepareModelCall(call(tenant).toBuilder().setMaxCalls(6).build())
                .await().atMost(WAIT);

        assertThat(one.getBudgetOutcome()).isEqualTo(BudgetOutcome.BUDGET_OUTCOME_RESERVED);
        assertThat(six.getReservedTokens()).isEqualTo(6 * one.getReservedTokens());
        assertThatThrownBy(() -> policy().prepareModelCall(call(tenant).toBuilder().setMaxCalls(21).build()).await()
                .atMost(WAIT)).hasMessageContaining("max_calls must be between 0 and 20");
    }

    @Test
    void aRetriedAttemptRecordsTheDeterministicStepOnce() {
        String tenant = "budget-retry";
        RecordUsageRequest usage = RecordUsageRequest.newBuilder().setTenant(tenant).setInvestigationId("inv-retry")
                .setStep("investigate").setRoute("deterministic").setDepartment("soc").build();

        budget().record(usage).await().atMost(WAIT);
        budget().record(usage).await().atMost(WAIT);

        long rows = pool.preparedQuery("SELECT count(*) AS n FROM governance.usage_records WHERE tenant = $1 "
                + "AND investigation_id = 'inv-retry'").execute(Tuple.of(tenant)).await().atMost(WAIT).iterator()
                .next().getLong("n");
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aRetriedAttemptSettlingTheSameModelStepAgainIsReleasedAndRecordsNothing() {
        String tenant = "budget-model-retry";
        TestPolicies.activate(tenant, TestPolicies.defaultWith("monthlyUsd: 200", "monthlyUsd: 200"));
        PrepareModelCallRequest request = call(tenant);
        PrepareModelCallResponse first = policy().prepareModelCall(request).await().atMost(WAIT);
        PrepareModelCallResponse retried = policy().prepareModelCall(request).await().atMost(WAIT);
        PrepareModelCallResponse rerun = policy().prepareModelCall(request.toBuilder().setStep("investigate/rerun-1")
                .build()).await().atMost(WAIT);

        double paid = settle(tenant, first).getCostUsd();
        RecordUsageResponse again = settle(tenant, retried);
        double rerunPaid = settle(tenant, rerun).getCostUsd();

        assertThat(paid).isEqualTo(0.00036);
        assertThat(again.getCostUsd()).isZero();
        assertThat(rerunPaid).as("a rerun is a run of its own").isEqualTo(0.00036);
        var rows = pool.preparedQuery("SELECT step, reservation_id::text AS r FROM governance.usage_records "
                + "WHERE tenant = $1 AND investigation_id = $2 ORDER BY step").execute(Tuple.of(tenant,
                        request.getInvestigationId()))
                .await().atMost(WAIT);
        List<String> recorded = new ArrayList<>();
        rows.forEach(r -> recorded.add(r.getString("step") + "@" + r.getString("r")));
        assertThat(recorded).containsExactly("investigate@" + first.getReservationId(),
                "investigate/rerun-1@" + rerun.getReservationId());
        String state = pool.preparedQuery("SELECT state || ': ' || close_reason AS s FROM "
                + "governance.budget_reservations WHERE id = $1").execute(Tuple.of(
                        UUID.fromString(
                                retried.getReservationId())))
                .await().atMost(WAIT).iterator().next().getString("s");
        assertThat(state).isEqualTo("released: usage of this step already recorded");
    }

    private RecordUsageResponse settle(String tenant, PrepareModelCallResponse prepared) {
        return budget().record(RecordUsageRequest.newBuilder().setTenant(tenant).setStep("model")
                .setReservationId(prepared.getReservationId()).setInputTokens(2000).setOutputTokens(100).build())
                .await().atMost(WAIT);
    }

    private long auditCount(String tenant, String eventType) {
        return pool.preparedQuery("SELECT count(*) AS n FROM governance.audit_entries WHERE tenant = $1 "
                + "AND event_type = $2").execute(Tuple.of(tenant, eventType)).await().atMost(WAIT).iterator().next()
                .getLong("n");
    }
}
