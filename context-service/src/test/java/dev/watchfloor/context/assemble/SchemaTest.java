package dev.watchfloor.context.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The service starts on its migrated schema, whose assembly log is unique per investigation and run. */
@QuarkusTest
class SchemaTest {

    @Inject
    Pool pool;

    @Test
    void theAssemblyLogKeepsOneResponsePerInvestigationAndRun() {
        List<String> columns = new ArrayList<>();
        pool.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'context' AND indexname = "
                + "'assemblies_once_per_run'").execute().await().atMost(Duration.ofSeconds(30))
                .forEach(row -> columns.add(row.getString("indexdef")));

        assertThat(columns).singleElement().asString().contains("UNIQUE").contains("(tenant, investigation_id, run)")
                .contains("WHERE (response IS NOT NULL)");
    }
}
