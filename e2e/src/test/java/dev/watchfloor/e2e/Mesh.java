package dev.watchfloor.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.watchfloor.launcher.MeshLauncher;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.Ports;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;

/**
 * One running mesh for the whole e2e run, started through the same launcher as `watchfloor up`, on a fresh database,
 * exporting traces to a local collector and delivering webhooks to a local receiver. The reasoning queue runs with
 * short leases (renewed every second) and two investigations at a time so crash recovery can be observed. The mesh also
 * trusts an external OIDC issuer, a Keycloak realm on a port chosen here, which only ExternalIssuerTest starts.
 */
public final class Mesh implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** The realm of the external OIDC issuer the mesh trusts: a Keycloak that ExternalIssuerTest starts. */
    static final String EXTERNAL_REALM = "watchfloor";
    /**
     * The one model route governance may choose: no tenant's default policy names it, so investigations run on the
     * deterministic path unless a test's policy routes them to its own stand-in model under this name.
     */
    static final String STAND_IN_ROUTE = "e2e-stand-in";

    private static Mesh instance;

    private TestDatabase database;
    private OtlpCollector collector;
    private Path logDir;
    private WebhookReceiver webhooks;
    private RunningMesh running;
    private int keycloakPort;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Mesh.class) {
            if (instance == null) {
                start();
                instance = this;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Mesh.class.getName(), this);
            }
        }
    }

    static Mesh get() {
        return instance;
    }

    private void start() throws Exception {
        Path root = Path.of(System.getProperty("watchfloor.root", "..")).toAbsolutePath().normalize();
        database = TestDatabase.create();
        collector = new OtlpCollector();
        webhooks = new WebhookReceiver();
        keycloakPort = Ports.freePort();
        MeshOptions options = MeshOptions.defaults(root)
                .withExternalDatabase(database.descriptor())
                .withLogDir(logDir = root.resolve("e2e/target/mesh-logs"))
                .withEnv("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint())
                .withEnv("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms")
                .withEnv("WATCHFLOOR_ACTION_WEBHOOK_URL", webhooks.url())
                .withEnv("WATCHFLOOR_REASONING_QUEUE_LEASE", "3s")
                .withEnv("WATCHFLOOR_REASONING_QUEUE_LEASE_RENEWAL", "1s")
                .withEnv("WATCHFLOOR_REASONING_QUEUE_OUTAGE_BACKOFF_MAX", "PT5S")
                .withEnv("WATCHFLOOR_MODEL_ROUTES", STAND_IN_ROUTE)
                .withEnv("WATCHFLOOR_REASONING_QUEUE_BATCH_SIZE", "2")
                .withEnv("WATCHFLOOR_REASONING_QUEUE_POLL_INTERVAL", "1s")
                .withEnv("WATCHFLOOR_REASONING_QUEUE_RETRY_DELAY", "1s")
                .withEnv("WATCHFLOOR_INGEST_OUTBOX_BACKOFF_BASE", "PT0.2S")
                .withEnv("WATCHFLOOR_INGEST_OUTBOX_BACKOFF_MAX", "PT2S")
                .withEnv("WATCHFLOOR_AUDIT_RELAY_BACKOFF_MAX", "PT3S")
                .withEnv("WATCHFLOOR_ACTION_RETRY_BACKOFF", "1s")
                .withEnv("WATCHFLOOR_ACTION_MAX_ATTEMPTS", "30")
                .withEnv("WATCHFLOOR_ACTION_MAX_BACKOFF", "PT4S")
                .withEnv("WATCHFLOOR_OIDC_ISSUER", Keycloak.issuer(keycloakPort, EXTERNAL_REALM))
                .withEnv("WATCHFLOOR_OIDC_ROLES_CLAIM", "realm_access.roles");
        running = MeshLauncher.start(options);
    }

    ServiceProcess service(String name) {
        return running.service(name);
    }

    String url(String service) {
        return running.service(service).url();
    }

    /** What the launcher provisioned: the platform admin's client secret among them. */
    dev.watchfloor.launcher.MeshCredentials credentials() {
        return running.credentials();
    }

    /** Where Keycloak must listen for the mesh to trust its {@link #EXTERNAL_REALM} realm. */
    int keycloakPort() {
        return keycloakPort;
    }

    /** Where the services' stdout and stderr are written, one file per service. */
    Path logDir() {
        return logDir;
    }

    OtlpCollector collector() {
        return collector;
    }

    WebhookReceiver webhooks() {
        return webhooks;
    }

    dev.watchfloor.launcher.DatabaseDescriptor database() {
        return database.descriptor();
    }

    Connection sql() throws SQLException {
        return database.connect();
    }

    @Override
    public void close() {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            collector.close();
            webhooks.close();
            database.close();
        }
    }
}
