package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class FalcoMapperTest {

    @Test
    void anAlertIsADetectionFindingWithItsProcessAndContainer() {
        NormalizedRecord r = one("""
                {"uuid":"0b6f4c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b","hostname":"worker-7",
                 "output":"Terminal shell in container (user=root shell=bash parent=runc)",
                 "priority":"Critical","rule":"Terminal shell in container","source":"syscall",
                 "time":"2024-05-01T08:20:30.123456789Z","tags":["container","shell","mitre_execution","T1059.004"],
                 "output_fields":{"user.name":"root","proc.name":"bash","proc.pid":4242,"proc.cmdline":"bash -i",
                   "proc.exepath":"/usr/bin/bash","proc.pname":"runc","container.id":"3f2a1b0c9d8e",
                   "container.image.repository":"registry.example.org/shop/api","k8s.ns.name":"shop",
                   "k8s.pod.name":"api-6d5f7c9b8-xk2lp","evt.time":1714551630123456789}}
                """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("falco");
        assertThat(e.path("type_uid").asInt()).isEqualTo(200401);
        assertThat(e.path("severity_id").asInt()).isEqualTo(5);
        assertThat(e.path("time").asLong()).isEqualTo(1714551630123L);
        assertThat(text(e, "finding_info.title")).isEqualTo("Terminal shell in container");
        assertThat(text(e, "finding_info.attacks.0.technique.uid")).isEqualTo("T1059.004");
        assertThat(text(e, "device.hostname")).isEqualTo("worker-7");
        assertThat(text(e, "process.name")).isEqualTo("bash");
        assertThat(e.path("process").path("pid").asInt()).isEqualTo(4242);
        assertThat(text(e, "process.parent_process.name")).isEqualTo("runc");
        assertThat(text(e, "actor.user.name")).isEqualTo("root");
        assertThat(text(e, "container.uid")).isEqualTo("3f2a1b0c9d8e");
        assertThat(text(e, "resources.0.namespace")).isEqualTo("shop");
        assertThat(r.entities()).contains("host:worker-7", "process:bash", "user:root");
    }

    @Test
    void aK8sAuditAlertNamesItsUserAndTarget() {
        NormalizedRecord r = one("""
                {"rule":"Attach/Exec Pod","priority":"Notice","source":"k8s_audit","time":"2024-05-01T09:00:00Z",
                 "output":"Attach/Exec to pod (user=alice pod=db-0 ns=prod)",
                 "output_fields":{"ka.user.name":"alice","ka.target.resource":"pods","ka.target.name":"db-0",
                   "ka.target.namespace":"prod"}}
                """);
        assertThat(text(r.body(), "actor.user.name")).isEqualTo("alice");
        assertThat(text(r.body(), "resources.0.type")).isEqualTo("pods");
        assertThat(text(r.body(), "resources.0.name")).isEqualTo("db-0");
        assertThat(r.body().path("severity_id").asInt()).isEqualTo(1);
    }

    @Test
    void prioritiesAreSeverities() {
        for (String[] p : new String[][]{{"Emergency", "6"}, {"Error", "4"}, {"Warning", "3"}, {"Notice", "1"},
                {"Debug", "1"}}) {
            NormalizedRecord r = one("{\"rule\":\"r\",\"priority\":\"" + p[0]
                    + "\",\"output\":\"o\",\"time\":\"2024-05-01T08:20:30Z\"}");
            assertThat(r.body().path("severity_id").asText()).as(p[0]).isEqualTo(p[1]);
        }
    }
}
