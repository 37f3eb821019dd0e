package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots "meshes" of fake services from runner jars laid out like the real project. */
class MeshLauncherTest {

    private static final DatabaseDescriptor DATABASE = new DatabaseDescriptor("db.example", 5433, "wf", "svc", "pw");

    @TempDir
    Path root;

    private ServiceSpec first;
    private ServiceSpec second;

    @BeforeEach
    void layOutFakeServices() throws IOException {
        first = new ServiceSpec("first-service", Ports.freePort());
        second = new ServiceSpec("second-service", Ports.freePort());
        FakeMesh.addService(root, first);
        FakeMesh.addService(root, second);
    }

    @Test
    void startsEveryServiceInOrderWithDatasourceAndOverridesAndStopsThemOnClose() throws IOException {
        RunningMesh mesh;
        try (RunningMesh running = MeshLauncher.start(options().withServiceEnv("second-service", "FAKE_EXTRA", "x1"))) {
            mesh = running;
            assertThat(mesh.services()).extracting(ServiceProcess::name)
                    .containsExactly("first-service", "second-service");
            assertThat(mesh.services()).allMatch(ServiceProcess::isAlive);
            assertThat(mesh.database()).isEqualTo(DATABASE);
            assertThat(mesh.embeddedDatabase()).isFalse();
            ServiceProcess secondService = mesh.service("second-service");
            assertThat(secondService.url()).isEqualTo("http://127.0.0.1:" + second.port());
            assertThat(secondService.logFile()).isEqualTo(root.resolve(".watchfloor/logs/second-service.log"));
            assertThat(Files.readString(secondService.logFile()))
                    .contains("datasource jdbc:postgresql://db.example:5433/wf as svc")
                    .contains("extra x1");
            assertThat(Files.readString(mesh.service("first-service").logFile())).contains("extra null");
            assertThat(mesh.service("first-service").startupMillis())
                    .isLessThan(secondService.startupMillis() + 60_000);
        }
        assertThat(mesh.services()).noneMatch(ServiceProcess::isAlive);
        assertThat(Ports.isFree(first.port())).isTrue();
    }

    @Test
    void serviceThatDiesStopsTheOnesAlreadyStartedAndReportsItsLog() {
        MeshOptions options = options().withServiceEnv("second-service", "FAKE_MODE", "die");

        assertThatThrownBy(() -> MeshLauncher.start(options))
                .isInstanceOf(MeshStartException.class)
                .hasMessageContaining("second-service exited with code 3")
                .hasMessageContaining("second-service.log")
                .hasMessageContaining("boot failure detail line 40");
        assertThat(Ports.isFree(first.port())).as("first service stopped again").isTrue();
    }

    @Test
    void takenPortFailsBeforeAnythingStarts() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(second.port()));

            assertThatThrownBy(() -> MeshLauncher.start(options()))
                    .isInstanceOf(MeshStartException.class)
                    .hasMessageContaining("port " + second.port() + " needed by second-service is already in use");
        }
        assertThat(Files.exists(root.resolve(".watchfloor/logs/first-service.log"))).isFalse();
    }

    @Test
    void missingRunnerJarNamesTheJarAndHowToBuildIt() throws IOException {
        Files.delete(first.runnerJar(root));

        assertThatThrownBy(() -> MeshLauncher.start(options()))
                .isInstanceOf(MeshStartException.class)
                .hasMessageContaining("first-service/target/quarkus-app/quarkus-run.jar not found")
                .hasMessageContaining("mvnw");
    }

    @Test
    void unknownServiceNameIsRejected() {
        try (RunningMesh mesh = MeshLauncher.start(options().withServices(List.of(first)))) {
            assertThatThrownBy(() -> mesh.service("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("first-service");
        }
    }

    private MeshOptions options() {
        return MeshOptions.defaults(root).withExternalDatabase(DATABASE).withServices(List.of(first, second));
    }
}
