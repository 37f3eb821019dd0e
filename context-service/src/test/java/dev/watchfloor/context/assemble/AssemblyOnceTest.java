package dev.watchfloor.context.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.testing.TestTraces;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;

/**
 * The service starts on its migrated schema, and an investigation's assembly is recorded and audited once per run:
 * recording again for the same run answers the first assembly and writes nothing.
 */
@QuarkusTest
class AssemblyOnceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Trace TRACE = TestTraces.SAMPLE;

    @Inject
    Pool pool;

    @Inject
    AssemblyService assembly;

    @Test
    void anInvestigationsRunIsRecordedAndAuditedOnceAndAskingAgainAnswersTheFirstAssembly() {
        String investigation = UUID.randomUUID().toString();
        AssembleResponse first = response("ev-1", 40);
        AssembleResponse later = response("ev-1", 41);

        AssembleResponse recorded = assembly.record(TRACE, "t-ctx", "a-1", investigation, 0, first).await()
                .atMost(WAIT);
        AssembleResponse again = assembly.record(TRACE, "t-ctx", "a-1", investigation, 0, later).await()
                .atMost(WAIT);
        AssembleResponse rerun = assembly.record(TRACE, "t-ctx", "a-1", investigation, 1, later).await()
                .atMost(WAIT);

        assertThat(recorded).isEqualTo(first);
        assertThat(again).as("the first assembly of run 0").isEqualTo(first);
        assertThat(rerun).as("a rerun is assembled afresh").isEqualTo(later);
        assertThat(count("SELECT count(*) AS n FROM context.assemblies WHERE investigation_id = $1", investigation))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM context.audit_outbox WHERE investigation_id = $1", investigation))
                .isEqualTo(2);
    }

    @Test
    void theAssemblyLogKeepsOneResponsePerInvestigationAndRun() {
        List<String> indexes = new ArrayList<>();
        pool.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'context' AND indexname = "
                + "'assemblies_once_per_run'").execute().await().atMost(WAIT)
                .forEach(row -> indexes.add(row.getString("indexdef")));

        assertThat(indexes).singleElement().asString().contains("UNIQUE").contains("(tenant, investigation_id, run)")
                .contains("WHERE (response IS NOT NULL)");
    }

    private static AssembleResponse response(String id, int tokens) {
        return AssembleResponse.newBuilder().setTokensUsed(tokens)
                .addItems(EvidenceItem.newBuilder().setId(id).setSummary("the alert").addSourceIds("s-" + tokens))
                .build();
    }

    private long count(String sql, String investigation) {
        return pool.preparedQuery(sql).execute(Tuple.of(investigation)).await().atMost(WAIT).iterator().next()
                .getLong("n");
    }
}
