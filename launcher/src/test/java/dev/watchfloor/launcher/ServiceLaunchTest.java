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

    @Test
    void runsTheQuarkusRunnerJarWithTheConfiguredJavaAndOptions() {
        MeshOptions options = MeshOptions.defaults(ROOT).withJavaExecutable("/jdk/bin/java")
                .withJvmOptions(List.of("-Xmx256m")).withStartupTimeout(Duration.ofSeconds(5));

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, options);

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

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, MeshOptions.defaults(root).withJavaExecutable("java"));

        assertThat(launch.command()).containsExactly("java",
                "-XX:SharedArchiveFile=" + jar.resolveSibling("app-cds.jsa"),
                "-Xshare:auto", "-jar", "quarkus-run.jar");
        assertThat(launch.workDir()).isEqualTo(jar.getParent());
    }

    @Test
    void pointsTheDatasourceAtTheDatabaseAndThePortAtTheService() {
        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, MeshOptions.defaults(ROOT));

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

        ServiceLaunch launch = ServiceLaunch.forMesh(INGEST, DB, options);

        assertThat(launch.environment())
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "shared")
                .containsEntry("WATCHFLOOR_X", "ingest-only")
                .doesNotContainKey("WATCHFLOOR_Y");
    }
}
