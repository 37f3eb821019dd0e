package dev.watchfloor.ingest.normalize.vendor.sensor;

import static dev.watchfloor.ingest.normalize.vendor.sensor.SensorFixtures.one;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class EcsMapperTest {

    @Test
    void failedAuthenticationNamesTheAccountAndTheSource() {
        NormalizedRecord r = one("""
                {"@timestamp":"2026-11-28T03:04:05.000Z","ecs":{"version":"8.11.0"},\
                "event":{"kind":"event","category":["authentication"],"type":["start"],"action":"ssh_login",\
                "outcome":"failure","module":"system","dataset":"system.auth"},\
                "user":{"name":"root"},"source":{"ip":"203.0.113.99","port":51812},\
                "host":{"name":"bastion-2","ip":["10.8.0.5","fe80::1"],"os":{"name":"Ubuntu"}},\
                "message":"Failed password for root from 203.0.113.99 port 51812 ssh2"}
                """);
        JsonNode e = r.body();

        assertThat(r.source()).isEqualTo("ecs");
        assertThat(e.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.at("/user/name").asText()).isEqualTo("root");
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.99");
        assertThat(e.at("/device/hostname").asText()).isEqualTo("bastion-2");
        assertThat(e.at("/device/ip").asText()).isEqualTo("10.8.0.5");
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("system");
        assertThat(e.path("time").asLong()).isEqualTo(1795835045000L);
    }

    @Test
    void processStartCarriesProcessParentAndHash() {
        JsonNode e = one("""
                {"@timestamp":"2026-11-28T03:04:06.000Z","ecs":{"version":"8.11.0"},\
                "event":{"kind":"event","category":["process"],"type":["start"]},\
                "user":{"name":"svc-build","domain":"CORP"},"host":{"hostname":"build-07"},\
                "process":{"name":"powershell.exe","pid":4120,"command_line":"powershell -enc SQBFAFgA",\
                "executable":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",\
                "hash":{"sha256":"de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c"},\
                "parent":{"name":"cmd.exe","pid":3900}}}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("svc-build");
        assertThat(e.at("/process/name").asText()).isEqualTo("powershell.exe");
        assertThat(e.at("/process/file/name").asText()).isEqualTo("powershell.exe");
        assertThat(e.at("/process/parent_process/name").asText()).isEqualTo("cmd.exe");
        assertThat(e.at("/process/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
    }

    @Test
    void alertBecomesADetectionFindingWithSubTechniques() {
        NormalizedRecord r = one("""
                {"@timestamp":"2026-11-28T03:04:07.000Z","ecs":{"version":"8.11.0"},\
                "event":{"kind":"alert","category":["intrusion_detection"],"severity":73,"id":"a-77"},\
                "rule":{"name":"LSASS Memory Access","id":"r-12"},"host":{"name":"ws-042"},\
                "threat":{"framework":"MITRE ATT&CK","technique":{"id":["T1003"],\
                "subtechnique":{"id":["T1003.001"]}},"tactic":{"id":["TA0006"]}}}
                """);
        JsonNode e = r.body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.title()).isEqualTo("LSASS Memory Access");
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/attacks").size()).isEqualTo(1);
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1003.001");
        assertThat(e.at("/finding_info/uid").asText()).isEqualTo("a-77");
    }

    @Test
    void iamGroupChangeIsGroupManagementWithActorAndTarget() {
        JsonNode e = one("""
                {"@timestamp":"2026-11-28T03:04:08.000Z","ecs":{"version":"8.11.0"},\
                "event":{"kind":"event","category":["iam"],"type":["group","change"],\
                "action":"added-member-to-group","outcome":"success"},\
                "user":{"name":"admin.j","target":{"name":"m.lee"}},"group":{"name":"Domain Admins"}}
                """).body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(3006);
        assertThat(e.path("activity_id").asInt()).isEqualTo(3);
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("admin.j");
        assertThat(e.at("/user/name").asText()).isEqualTo("m.lee");
        assertThat(e.at("/group/name").asText()).isEqualTo("Domain Admins");
    }

    @Test
    void networkDnsEventIsDnsActivityWithTheQuestion() {
        NormalizedRecord r = one("""
                {"@timestamp":"2026-11-28T03:04:09.000Z","ecs":{"version":"8.11.0"},\
                "event":{"kind":"event","category":["network"],"type":["protocol"],"dataset":"zeek.dns"},\
                "source":{"ip":"10.9.0.3","port":50123},"destination":{"ip":"10.9.0.1","port":53},\
                "network":{"transport":"udp","direction":"internal"},\
                "dns":{"question":{"name":"wpad.corp.example","type":"A"},"response_code":"NXDOMAIN"},\
                "observer":{"vendor":"Elastic","product":"Packetbeat"}}
                """);
        JsonNode e = r.body();

        assertThat(e.path("class_uid").asInt()).isEqualTo(4003);
        assertThat(e.at("/query/hostname").asText()).isEqualTo("wpad.corp.example");
        assertThat(e.path("rcode").asText()).isEqualTo("NXDOMAIN");
        assertThat(e.at("/connection_info/direction_id").asInt()).isEqualTo(3);
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("Packetbeat");
        assertThat(r.entities()).contains("domain:wpad.corp.example", "ip:10.9.0.3");
    }
}
