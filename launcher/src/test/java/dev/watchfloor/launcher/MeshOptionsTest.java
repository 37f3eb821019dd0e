package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MeshOptionsTest {

    private static final Path ROOT = Path.of("/opt/watchfloor");

    @Test
    void defaultsToEmbeddedDatabaseTheWholeMeshInOrderAndTheRunningJava() {
        MeshOptions options = MeshOptions.defaults(ROOT);

        assertThat(options.embeddedDatabase()).isTrue();
        assertThat(options.logDir()).isEqualTo(ROOT.resolve(".watchfloor/logs"));
        assertThat(options.embeddedDataDir()).isEqualTo(ROOT.resolve(".watchfloor/pgdata"));
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.javaExecutable()).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(options.services()).extracting(ServiceSpec::name).containsExactly("governance-service",
                "context-service", "action-service", "reasoning-service", "ingest-service");
        assertThat(options.services()).extracting(ServiceSpec::port).containsExactly(8085, 8082, 8084, 8083, 8081);
    }

    @Test
    void usesTheDatabaseNamedByWatchfloorDbUrl() {
        MeshOptions options = MeshOptions.fromEnvironment(ROOT,
                Map.of("WATCHFLOOR_DB_URL", "postgresql://wf:pw@db:5432/watchfloor"));

        assertThat(options.embeddedDatabase()).isFalse();
        assertThat(options.externalDatabase()).contains(new DatabaseDescriptor("db", 5432, "watchfloor", "wf", "pw"));
        assertThat(MeshOptions.fromEnvironment(ROOT, Map.of("WATCHFLOOR_DB_URL", "")).embeddedDatabase()).isTrue();
    }

    @Test
    void aModelUrlLetsGovernanceChooseTheDefaultModelRouteUnlessRoutesAreNamed() {
        MeshOptions withModel = MeshOptions.fromEnvironment(ROOT,
                Map.of("WATCHFLOOR_MODEL_URL", "http://127.0.0.1:11434/v1"));
        MeshOptions named = MeshOptions.fromEnvironment(ROOT,
                Map.of("WATCHFLOOR_MODEL_URL", "http://127.0.0.1:11434/v1", "WATCHFLOOR_MODEL_ROUTES", "local"));

        assertThat(withModel.serviceEnv().get(ServiceSpec.GOVERNANCE))
                .containsEntry("WATCHFLOOR_MODEL_ROUTES", "hosted-small");
        assertThat(named.serviceEnv()).doesNotContainKey(ServiceSpec.GOVERNANCE);
        assertThat(MeshOptions.fromEnvironment(ROOT, Map.of()).serviceEnv()).isEmpty();
    }

    @Test
    void withersLeaveTheOriginalUntouched() {
        MeshOptions base = MeshOptions.defaults(ROOT);

        MeshOptions changed = base.withServiceEnv("action-service", "A", "1").withEnv("B", "2");

        assertThat(base.serviceEnv()).isEmpty();
        assertThat(base.env()).isEmpty();
        assertThat(changed.serviceEnv()).containsEntry("action-service", Map.of("A", "1"));
        assertThat(changed.env()).containsEntry("B", "2");
    }

    @Test
    void takesTheBackgroundServicesNiceIncrementFromTheEnvironment() {
        assertThat(MeshOptions.defaults(ROOT).backgroundNice()).isEqualTo(10);
        assertThat(MeshOptions.fromEnvironment(ROOT, Map.of("WATCHFLOOR_BACKGROUND_NICE", "0")).backgroundNice())
                .isZero();
        assertThat(MeshOptions.fromEnvironment(ROOT, Map.of("WATCHFLOOR_BACKGROUND_NICE", " 19 ")).backgroundNice())
                .isEqualTo(19);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeshOptions.fromEnvironment(ROOT, Map.of(
                "WATCHFLOOR_BACKGROUND_NICE", "low"))).hasMessageContaining("must be a number 0-19, got 'low'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeshOptions.fromEnvironment(ROOT, Map.of(
                "WATCHFLOOR_BACKGROUND_NICE", "20"))).hasMessageContaining("must be 0-19, got 20");
        assertThat(new ServiceSpec(ServiceSpec.INGEST, 8081).background()).isFalse();
        assertThat(MeshOptions.defaults(ROOT).services()).filteredOn(ServiceSpec::background).extracting(
                ServiceSpec::name).containsExactly("governance-service", "context-service", "action-service",
                        "reasoning-service");
    }
}
