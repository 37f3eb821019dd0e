package dev.watchfloor.context.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.context.store.EvidenceStore;
import dev.watchfloor.context.store.StoredGroup;
import dev.watchfloor.context.testing.IngestSchema;
import dev.watchfloor.contracts.context.v1.AlertGroup;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.contracts.context.v1.EvidenceKind;

/**
 * An alert's group is read from ingest's tables as context-service's role reads them: the whole count, the members in
 * observed order up to a limit, only the tenant's own groups; the assembly shows it as ev-2 instead of the members
 * themselves.
 */
@QuarkusTest
class AlertGroupTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Inject
    DataSource dataSource;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    AssemblyService assembly;
    @Inject
    GroupLookup lookup;

    private Pool reader;
    private EvidenceStore asContextRole;
    private final String tenant = "t-grp-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTenant = tenant + "-other";

    @BeforeEach
    void evidenceStore() {
        IngestSchema.migrate(dataSource);
        reader = IngestSchema.readerPool(vertx);
        asContextRole = new EvidenceStore(reader);
    }

    @AfterEach
    void close() {
        reader.closeAndAwait();
    }

    @Test
    void readsTheWholeCountAndTheMembersInObservedOrderUpToTheLimit() {
        UUID group = UUID.randomUUID();
        UUID leader = alert(tenant, group, T, "Mimikatz", "host:ws-7");
        UUID second = alert(tenant, group, T.plusSeconds(60), "Mimikatz", "host:ws-7");
        UUID third = alert(tenant, group, T.plusSeconds(120), "Mimikatz", "host:ws-7");
        group(tenant, group, leader, 3, T, T.plusSeconds(120), "source:edr", "detection:Mimikatz", "host:ws-7");

        StoredGroup read = asContextRole.group(tenant, third, 2).await().atMost(WAIT);

        assertThat(read.id()).isEqualTo(group.toString());
        assertThat(read.leaderAlertId()).isEqualTo(leader.toString());
        assertThat(read.members()).isEqualTo(3);
        assertThat(read.memberIds()).containsExactly(leader.toString(), second.toString());
        assertThat(read.firstSeen()).isEqualTo(T);
        assertThat(read.lastSeen()).isEqualTo(T.plusSeconds(120));
        assertThat(read.keys()).containsExactly("source:edr", "detection:Mimikatz", "host:ws-7");
        assertThat(read.open()).isTrue();
    }

    @Test
    void anotherTenantsGroupIsInvisibleEvenToAQueryWithoutATenantFilter() {
        UUID theirs = UUID.randomUUID();
        UUID theirAlert = alert(otherTenant, theirs, T, "Mimikatz", "host:ws-7");
        group(otherTenant, theirs, theirAlert, 1, T, T, "source:edr");
        UUID ours = UUID.randomUUID();
        UUID ourAlert = alert(tenant, ours, T, "Mimikatz", "host:ws-7");
        group(tenant, ours, ourAlert, 1, T, T, "source:edr");

        assertThat(asContextRole.group(tenant, theirAlert, 10).await().atMost(WAIT)).isNull();
        assertThat(asContextRole.group(otherTenant, theirAlert, 10).await().atMost(WAIT).id())
                .isEqualTo(theirs.toString());
        List<String> visible = reader.withTransaction(tx -> tx
                .preparedQuery("SELECT set_config('watchfloor.tenant', $1, true)").execute(Tuple.of(tenant))
                .chain(() -> tx.query("SELECT id FROM ingest.alert_groups").execute()))
                .map(rows -> {
                    List<String> ids = new java.util.ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id").toString()));
                    return ids;
                }).await().atMost(WAIT);
        assertThat(visible).contains(ours.toString()).doesNotContain(theirs.toString());
    }

    @Test
    void theAssemblyShowsTheGroupAsEv2InsteadOfItsMembersAndKeepsOtherRelatedAlerts() {
        UUID group = UUID.randomUUID();
        UUID leader = alert(tenant, group, T, "Mimikatz", "host:ws-7");
        UUID member = alert(tenant, group, T.plusSeconds(30), "Mimikatz", "host:ws-7");
        group(tenant, group, leader, 2, T, T.plusSeconds(30), "source:edr", "detection:Mimikatz", "host:ws-7");
        UUID otherDetection = alert(tenant, null, T.plusSeconds(10), "Suspicious logon", "host:ws-7");

        AssembleResponse r = assembly.assemble(TestTraces.SAMPLE, tenant, leader.toString(), "", 0, 0).await()
                .atMost(WAIT);

        assertThat(r.getItemsList()).extracting(EvidenceItem::getKind).startsWith(EvidenceKind.EVIDENCE_KIND_ALERT,
                EvidenceKind.EVIDENCE_KIND_ALERT_GROUP);
        EvidenceItem groupItem = r.getItems(1);
        assertThat(groupItem.getId()).isEqualTo("ev-2");
        assertThat(groupItem.getEntitiesList()).isEmpty();
        assertThat(groupItem.getSummary()).startsWith("2 alerts of the same source, detection and entities");
        JsonObject content = new JsonObject(groupItem.getContentJson());
        assertThat(content.getInteger("members")).isEqualTo(2);
        assertThat(content.getJsonArray("member_alert_ids").getList())
                .containsExactly(leader.toString(), member.toString());
        List<String> sources = r.getItemsList().stream().skip(2).flatMap(i -> i.getSourceIdsList().stream())
                .toList();
        assertThat(sources).contains(otherDetection.toString()).doesNotContain(member.toString());
    }

    @Test
    void theLookupAnswersTheGroupNoGroupOrNotFound() {
        UUID group = UUID.randomUUID();
        UUID leader = alert(tenant, group, T, "Mimikatz", "host:ws-7");
        group(tenant, group, leader, 1, T, T, "source:edr");
        UUID ungrouped = alert(tenant, null, T, "Old alert", "host:ws-7");

        AlertGroup found = lookup.group(tenant, leader.toString(), 0).await().atMost(WAIT).getGroup();

        assertThat(found.getGroupId()).isEqualTo(group.toString());
        assertThat(found.getMemberAlertIdsList()).containsExactly(leader.toString());
        assertThat(lookup.group(tenant, ungrouped.toString(), 0).await().atMost(WAIT).hasGroup()).isFalse();
        assertThatThrownBy(() -> lookup.group(otherTenant, leader.toString(), 0).await().atMost(WAIT))
                .isInstanceOf(ProblemException.class);
    }

    private UUID alert(String tenant, UUID group, Instant observed, String title, String... entities) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO ingest.alerts (id, tenant, received_at, observed_at, source, title, "
                + "severity_id, fingerprint, entities, body, group_id) VALUES ($1, $2, $3, $3, 'edr', $4, 4, $4, $5, "
                + "$6, $7)")
                .execute(Tuple.from(Arrays.asList(id, tenant, observed.atOffset(ZoneOffset.UTC), title, entities,
                        new JsonObject().put("title", title), group)))
                .await().atMost(WAIT);
        IngestSchema.index(pool, tenant, "alert", id, observed.atOffset(ZoneOffset.UTC), entities);
        return id;
    }

    private void group(String tenant, UUID id, UUID leader, int members, Instant first, Instant last,
            String... keys) {
        pool.preparedQuery("INSERT INTO ingest.alert_groups (id, tenant, group_key, leader_alert_id, first_seen, "
                + "last_seen, members, keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(id, tenant, "key-" + id, leader, first.atOffset(ZoneOffset.UTC),
                        last.atOffset(ZoneOffset.UTC), members, keys)))
                .await().atMost(WAIT);
    }
}
