package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLaunchTest {

    private static final Path ROOT = Path.of("/opt/watchfloor");
    private static final DatabaseDescriptor DB = new DatabaseDescriptor("127.0.0.1", 41000, "watchfloor", "postgres",
            "pw");
    private static final ServiceSpec INGEST = new ServiceSpec(ServiceSpec.INGEST, 8081);
    private static final ServiceSpec GOVERNANCE = new ServiceSpec(ServiceSpec.GOVERNANCE, 8085);
    private static final MeshCredentials CREDENTIALS = new MeshCredentials(Path.of("/tmp/credentials.json"),
            "http://127.0.0.1:8085", "wfs_admin", java.util.Map.of(ServiceSpec.INGEST, "wfs_ingest",
                    ServiceSpec.REASONING, "wfs_reasoning"));

    @Test
    void runsTheQuarkusRunnerJarWithTheConfiguredJavaAndOptions() {
        MeshOptions options = MeshOptions.defaults(ROOT).withJavaExecutable("/jdk/bin/java")
                .withJvmOptions(List.of("-Xmx256m")).withStartupTimeout(Duration.ofSeconds(5));

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS, options);

        assertThat(launch.command()).containsExactly("/jdk/bin/java", "-Xmx256m", "-jar", "quarkus-run.jar");
        assertThat(launch.workDir()).isEqualTo(ROOT.resolve("ingest-service/target/quarkus-app"));
        assertThat(launch.logFile()).isEqualTo(ROOT.resolve(".watchfloor/logs/ingest-service.log"));
        assertThat(launch.startupTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void usesTheAppCdsArchiveWhenThePackageHasOne(@TempDir Path root) throws Exception {
        Path jar = INGEST.runnerJar(root);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar.resolveSibling("app-cds.jsa"), "archive");

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS,
                MeshOptions.defaults(root).withJavaExecutable("java"));

        assertThat(launch.command()).containsExactly("java",
                "-XX:SharedArchiveFile=" + jar.resolveSibling("app-cds.jsa"),
                "-Xshare:auto", "-jar", "quarkus-run.jar");
        assertThat(launch.workDir()).isEqualTo(jar.getParent());
    }

    @Test
    void pointsTheDatasourceAtTheDatabaseAndThePortAtTheService() {
        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS, MeshOptions.defaults(ROOT));

        assertThat(launch.environment())
                .containsEntry("QUARKUS_HTTP_PORT", "8081")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:41000/watchfloor")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:41000/watchfloor")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "pw");
    }

    @Test
    void serviceOverridesWinOverOverridesForAllWhichWinOverTheLauncher() {
        MeshOptions options = MeshOptions.defaults(ROOT)
                .withEnv("QUARKUS_DATASOURCE_USERNAME", "shared")
                .withEnv("WATCHFLOOR_X", "all")
                .withServiceEnv(ServiceSpec.INGEST, "WATCHFLOOR_X", "ingest-only")
                .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_Y", "reasoning-only");

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS, options);

        assertThat(launch.environment())
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "shared")
                .containsEntry("WATCHFLOOR_X", "ingest-only")
                .doesNotContainKey("WATCHFLOOR_Y");
    }

    @Test
    void eachServiceGetsOnlyItsOwnSecretAndGovernanceGetsAllOfThem() {
        assertThat(ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS, MeshOptions.defaults(ROOT)).environment())
                .containsEntry("WATCHFLOOR_SERVICE_SECRET", "wfs_ingest")
                .containsEntry("WATCHFLOOR_ISSUER", "http://127.0.0.1:8085")
                .doesNotContainKey("WATCHFLOOR_ADMIN_SECRET")
                .doesNotContainValue("wfs_reasoning");
        assertThat(ServiceLaunch.forMesh(GOVERNANCE, DB, CREDENTIALS, MeshOptions.defaults(ROOT)).environment())
                .containsEntry("WATCHFLOOR_ADMIN_SECRET", "wfs_admin")
                .containsEntry("WATCHFLOOR_SERVICE_SECRETS",
                        "ingest-service=wfs_ingest,reasoning-service=wfs_reasoning")
                .doesNotContainKey("WATCHFLOOR_SERVICE_SECRET");
    }

    @Test
    void provisionKeepsTheAdminSecretInAFileOnlyTheOwnerCanReadAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/credentials.json");

        MeshCredentials first = MeshCredentials.provision(file, "http://127.0.0.1:8085", ServiceSpec.MESH);
        MeshCredentials second = MeshCredentials.provision(file, "http://127.0.0.1:8085", ServiceSpec.MESH);

        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(second.adminSecret()).isEqualTo(first.adminSecret()).startsWith("wfs_").hasSizeGreaterThan(40);
        assertThat(second.serviceSecrets()).containsOnlyKeys(ServiceSpec.CONTEXT, ServiceSpec.ACTION,
                ServiceSpec.REASONING, ServiceSpec.INGEST);
        assertThat(second.serviceSecrets().get(ServiceSpec.INGEST))
                .isNotEqualTo(first.serviceSecrets().get(ServiceSpec.INGEST));
        assertThat(Files.readString(file)).contains("\"clientId\" : \"platform-admin\"")
                .doesNotContain(first.serviceSecrets().get(ServiceSpec.INGEST));
    }

    @Test
    void runsTheServicesOffTheIntakePathAtALowerPriorityAndIngestAsItIs() {
        MeshOptions options = MeshOptions.defaults(ROOT).withJavaExecutable("java");
        java.util.Optional<Path> nice = java.util.Optional.of(Path.of("/usr/bin/nice"));

        assertThat(ServiceLaunch.forMesh(GOVERNANCE, DB, CREDENTIALS, options, nice).command())
                .containsExactly("/usr/bin/nice", "-n", "10", "java", "-jar", "quarkus-run.jar");
        assertThat(ServiceLaunch.forMesh(INGEST, DB, CREDENTIALS, options, nice).command())
                .containsExactly("java", "-jar", "quarkus-run.jar");
        assertThat(ServiceLaunch.forMesh(GOVERNANCE, DB, CREDENTIALS, options.withBackgroundNice(0), nice).command())
                .as("0 turns it off").containsExactly("java", "-jar", "quarkus-run.jar");
        assertThat(ServiceLaunch.forMesh(GOVERNANCE, DB, CREDENTIALS, options, java.util.Optional.empty()).command())
                .as("a system without nice runs them as they are").containsExactly("java", "-jar", "quarkus-run.jar");
    }

    @Test
    void findsAProgramOnThePath() {
        assertThat(ServiceLaunch.onPath("sh")).hasValueSatisfying(p -> assertThat(p).isExecutable());
        assertThat(ServiceLaunch.onPath("no-such-program-" + System.nanoTime())).isEmpty();
    }
}
