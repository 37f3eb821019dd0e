package dev.watchfloor.context.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The evidence store as ingest-service migrates it, in this module's test database: ingest's own migrations (read from
 * its source folder, never copied), with read access granted to a login role standing in for context-service's role.
 * Tests run as a superuser, which row-level security does not restrict; {@link #readerPool} connects as that role, so
 * what it reads is what context-service reads in a deployment.
 */
public final class IngestSchema {

    /** The role ingest's migrations grant read access to, as they grant {@code watchfloor_context}. */
    public static final String READER = "watchfloor_context_test_reader";

    private static boolean migrated;

    private IngestSchema() {
    }

    /** Creates the reader role when missing, and the ingest schema afresh, once per test run. */
    public static synchronized void migrate(DataSource dataSource) {
        if (migrated) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + READER + "') THEN "
                    + "CREATE ROLE " + READER + " LOGIN; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("the reader role could not be created", e);
        }
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas("ingest").defaultSchema("ingest")
                .locations("filesystem:../ingest-service/src/main/resources/db/migration", "classpath:db/audit-outbox")
                .placeholders(Map.of("context-role", READER)).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        migrated = true;
    }

    /**
     * Writes the entity index rows ingest writes with a stored alert or event ({@code kind}), one per
     * {@code type:value} entity: context-service finds related records through them.
     */
    public static void index(Pool pool, String tenant, String kind, UUID id, OffsetDateTime at, String... entities) {
        pool.preparedQuery("INSERT INTO ingest.entity_index (tenant, entity_type, entity_value, kind, observed_at, "
                + "record_id) SELECT $1, split_part(e, ':', 1), substr(e, strpos(e, ':') + 1), $2, $3, $4 "
                + "FROM unnest($5::text[]) AS e").execute(Tuple.of(tenant, kind, at, id, entities)).await()
                .atMost(Duration.ofSeconds(30));
    }

    /** A pool connected as the reader role to the test database. */
    public static Pool readerPool(Vertx vertx) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class);
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(READER).setPassword("");
        return PgBuilder.pool().connectingTo(options).using(vertx).build();
    }
}
