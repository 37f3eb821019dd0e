package dev.watchfloor.reasoning.investigation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.testing.TestTokens;
import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.contracts.context.v1.AlertGroup;
import dev.watchfloor.reasoning.testing.ContextStandIn;

/**
 * An investigation's view shows its alert's group as context-service answers it when the view is read: members that
 * joined after the investigation started are counted and listed; without a group there is none, and when context cannot
 * be asked the view still answers and says why the group is missing.
 */
@QuarkusTest
@WithTestResource(value = ContextStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvestigationGroupViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANALYST = TestTokens.user("ana", Roles.ANALYST);

    @Inject
    InvestigationRepository repository;

    @AfterEach
    void reset() {
        ContextStandIn.GROUPS.clear();
        ContextStandIn.unavailable = false;
    }

    @Test
    void showsTheGroupAsItStandsWhenReadSoLaterMembersAreCountedAndListed() {
        String leader = UUID.randomUUID().toString();
        UUID id = investigate(leader);
        ContextStandIn.GROUPS.put(ContextStandIn.key(TestTokens.TENANT, leader), group(leader, 2));

        given().header("Authorization", TestTokens.bearer(ANALYST)).when().get("/v1/investigations/" + id).then()
                .statusCode(200).body("group.members", equalTo(2)).body("group.memberAlertIds[0]", equalTo(leader))
                .body("groupError", nullValue());
        AlertGroup later = group(leader, 38);
        ContextStandIn.GROUPS.put(ContextStandIn.key(TestTokens.TENANT, leader), later);

        given().header("Authorization", TestTokens.bearer(ANALYST)).when().get("/v1/investigations/" + id).then()
                .statusCode(200).body("group.id", equalTo(later.getGroupId()))
                .body("group.leaderAlertId", equalTo(leader)).body("group.members", equalTo(38))
                .body("group.memberAlertIds.size()", equalTo(20))
                .body("group.firstSeen", equalTo("2026-11-20T10:00:00Z"))
                .body("group.lastSeen", equalTo("2026-11-20T10:37:00Z"))
                .body("group.keys", contains("source:edr", "detection:Mimikatz", "host:ws-7"))
                .body("group.open", equalTo(true));
        assertThat(ContextStandIn.REQUESTS).filteredOn(r -> r.getAlertId().equals(leader))
                .allSatisfy(r -> assertThat(r.getTenant()).isEqualTo(TestTokens.TENANT));
    }

    @Test
    void anAlertInNoGroupShowsNoneAndAContextOutageIsSaidWithoutFailingTheView() {
        UUID id = investigate(UUID.randomUUID().toString());

        given().header("Authorization", TestTokens.bearer(ANALYST)).when().get("/v1/investigations/" + id).then()
                .statusCode(200).body("group", nullValue()).body("groupError", nullValue());
        ContextStandIn.unavailable = true;

        given().header("Authorization", TestTokens.bearer(ANALYST)).when().get("/v1/investigations/" + id).then()
                .statusCode(200).body("id", equalTo(id.toString())).body("group", nullValue())
                .body("groupError", containsString("context"));
    }

    /** A group of {@code members} alerts a minute apart, 20 ids listed as context lists them by default. */
    private static AlertGroup group(String leader, int members) {
        List<String> ids = IntStream.range(0, Math.min(members, 20))
                .mapToObj(i -> i == 0 ? leader : UUID.randomUUID().toString()).toList();
        return AlertGroup.newBuilder().setGroupId(UUID.randomUUID().toString()).setLeaderAlertId(leader)
                .setMembers(members).setFirstSeen("2026-11-20T10:00:00Z")
                .setLastSeen(java.time.Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * (members - 1))
                        .toString())
                .addAllKeys(List.of("source:edr", "detection:Mimikatz", "host:ws-7")).addAllMemberAlertIds(ids)
                .setOpen(true).build();
    }

    private UUID investigate(String alertId) {
        UUID id = UUID.randomUUID();
        repository.insertIfAbsent(TestTraces.SAMPLE, id, new NewInvestigation(TestTokens.TENANT, alertId, "edr",
                "Mimikatz", 4, "2026-11-20T10:00:00Z", TestTraces.SAMPLE.traceparent(),
                TestTraces.SAMPLE.traceId()),
                AuditEntry.of(TestTokens.TENANT, "investigation.queued").alert(alertId)
                        .investigation(id.toString()))
                .await().atMost(WAIT);
        return id;
    }
}
