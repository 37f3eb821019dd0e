package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private ServiceProcess service;

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void startWaitsForReadinessAndParsesReportedStartupTime() throws Exception {
        service = fake("ok", Duration.ofSeconds(30));

        service.start();

        assertThat(service.isAlive()).isTrue();
        assertThat(ReadinessProbe.isReady(service.port())).isTrue();
        assertThat(service.startupMillis()).isPositive();
        assertThat(service.reportedStartupSeconds()).hasValue(0.123);
        assertThat(Files.readString(service.logFile())).contains("=== watchfloor: starting fake-service");
    }

    @Test
    void stopEndsTheProcessAndStartBringsItBack() {
        service = fake("ok", Duration.ofSeconds(30));
        service.start();
        long firstPid = service.pid().orElseThrow();

        service.stop();
        assertThat(service.isAlive()).isFalse();
        assertThat(Ports.isFree(service.port())).isTrue();

        service.restart();
        assertThat(service.isAlive()).isTrue();
        assertThat(service.pid()).isNotEqualTo(firstPid);
        assertThat(ReadinessProbe.isReady(service.port())).isTrue();
    }

    @Test
    void killEndsTheProcessHard() {
        service = fake("ok", Duration.ofSeconds(30));
        service.start();

        service.kill();

        assertThat(service.isAlive()).isFalse();
        assertThat(ReadinessProbe.isReady(service.port())).isFalse();
    }

    @Test
    void processThatDiesDuringStartupFailsWithTheLast30LinesOfThisRunsLog() throws Exception {
        service = fake("die", Duration.ofSeconds(30));
        Files.writeString(service.logFile(), "line from an earlier run\n");

        assertThatThrownBy(service::start)
                .isInstanceOf(MeshStartException.class)
                .hasMessageContaining("fake-service exited with code 3 before it became ready")
                .hasMessageContaining("boot failure detail line 40")
                .hasMessageContaining("boot failure detail line 11")
                .hasMessageNotContaining("boot failure detail line 10\n")
                .hasMessageNotContaining("earlier run");
    }

    @Test
    void processThatNeverBecomesReadyIsKilledAfterTheTimeout() {
        service = fake("hang", Duration.ofMillis(1500));

        assertThatThrownBy(service::start)
                .isInstanceOf(MeshStartException.class)
                .hasMessageContaining("did not become ready within");
        assertThat(service.isAlive()).isFalse();
    }

    private ServiceProcess fake(String mode, Duration timeout) {
        ServiceSpec spec = new ServiceSpec("fake-service", Ports.freePort());
        List<String> command = List.of(MeshOptions.currentJava(), "-cp", FakeMesh.testClasses().toString(),
                FakeQuarkusService.class.getName());
        Map<String, String> env = Map.of("QUARKUS_HTTP_PORT", Integer.toString(spec.port()), "FAKE_MODE", mode);
        return new ServiceProcess(new ServiceLaunch(spec, command, env, dir, dir.resolve("fake-service.log"), timeout));
    }
}
