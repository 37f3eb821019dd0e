package dev.watchfloor.ingest.normalize.vendor.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class CrowdStrikeMapperTest {

    @Test
    void readsAStreamsDetectionSummary() {
        String json = """
                {"metadata": {"customerIDString": "c0ffee00c0ffee00c0ffee00c0ffee00", "offset": 99120,
                  "eventType": "DetectionSummaryEvent", "eventCreationTime": 1714640000000, "version": "1.0"},
                 "event": {"ProcessStartTime": 1714639990, "ProcessId": 1200340012, "ParentProcessId": 1200340001,
                  "ComputerName": "FIN-LT-044", "UserName": "dpatel", "DetectName": "Credential Dumping",
                  "DetectDescription": "A process accessed LSASS memory.", "Severity": 4, "SeverityName": "High",
                  "FileName": "procdump64.exe", "FilePath": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\dpatel\\\\Downloads",
                  "CommandLine": "procdump64.exe -ma lsass.exe out.dmp",
                  "SHA256String": "5555555555555555555555555555555555555555555555555555555555555555",
                  "MD5String": "66666666666666666666666666666666", "ParentImageFileName": "\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\cmd.exe",
                  "LocalIP": "10.40.1.15", "DetectId": "ldt:abcdef0123456789:1200340012", "Tactic": "Credential Access",
                  "Technique": "OS Credential Dumping", "TacticId": "TA0006", "TechniqueId": "T1003.001",
                  "FalconHostLink": "https://falcon.example/activity/detections/detail/abc"}}
                """;
        NormalizedRecord r = Normalize.one(json);
        ObjectNode e = r.body();
        assertThat(r.source()).isEqualTo("crowdstrike");
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.path("time").asLong()).isEqualTo(1714640000000L);
        assertThat(e.at("/finding_info/title").asText()).isEqualTo("Credential Dumping");
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1003.001");
        assertThat(e.at("/finding_info/attacks/0/tactic/uid").asText()).isEqualTo("TA0006");
        assertThat(e.at("/process/file/path").asText()).endsWith("\\Downloads\\procdump64.exe");
        assertThat(e.at("/process/cmd_line").asText()).contains("lsass.exe");
        assertThat(e.at("/device/hostname").asText()).isEqualTo("FIN-LT-044");
        assertThat(e.at("/device/ip").asText()).isEqualTo("10.40.1.15");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("dpatel");
        assertThat(r.entities()).contains("host:fin-lt-044", "user:dpatel", "process:procdump64.exe",
                "hash:5555555555555555555555555555555555555555555555555555555555555555");
    }

    @Test
    void readsAnAlertsApiAlertWithItsTechniques() {
        String json = """
                {"composite_id": "c0ffee:ind:abc123:9001-10-2000", "created_timestamp": "2024-05-02T06:07:08.123Z",
                 "device": {"device_id": "abc123", "hostname": "HR-DESK-7", "local_ip": "10.9.8.7", "platform_name": "Windows"},
                 "display_name": "SuspiciousScriptExecution", "description": "A script ran with obfuscated arguments.",
                 "severity": 70, "severity_name": "High", "tactic_id": "TA0002", "tactic": "Execution",
                 "technique_id": "T1059.001", "technique": "PowerShell", "user_name": "CORP\\\\lwong",
                 "cmdline": "powershell.exe -enc SQBFAFgA", "filepath": "\\\\Device\\\\HarddiskVolume2\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                 "sha256": "7777777777777777777777777777777777777777777777777777777777777777", "status": "new",
                 "parent_details": {"cmdline": "winword.exe /n report.docm", "filepath": "C:\\\\Program Files\\\\Office\\\\winword.exe"}}
                """;
        ObjectNode e = Normalize.one(json).body();
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/uid").asText()).isEqualTo("c0ffee:ind:abc123:9001-10-2000");
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1059.001");
        assertThat(e.at("/device/hostname").asText()).isEqualTo("HR-DESK-7");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("lwong");
        assertThat(e.at("/process/name").asText()).isEqualTo("powershell.exe");
        assertThat(e.at("/process/parent_process/cmd_line").asText()).startsWith("winword.exe");
    }

    @Test
    void readsFdrTelemetry() {
        String body = """
                {"event_simpleName":"ProcessRollup2","name":"ProcessRollup2V19","aid":"a1a1a1a1a1a1a1a1","cid":"c2c2c2c2","aip":"203.0.113.5","timestamp":"1714640100123","ComputerName":"ENG-WS-3","RawProcessId":"4120","TargetProcessId":"99887766","ParentProcessId":"99887700","ParentBaseFileName":"explorer.exe","ImageFileName":"\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /all","SHA256HashData":"8888888888888888888888888888888888888888888888888888888888888888","SHA1HashData":"0000000000000000000000000000000000000000","UserName":"bsmith","UserSid":"S-1-5-21-9-9-9-1105","event_platform":"Win"}
                {"event_simpleName":"NetworkConnectIP4","aid":"a1a1a1a1a1a1a1a1","cid":"c2c2c2c2","timestamp":"1714640100500","LocalAddressIP4":"10.3.3.3","LocalPort":"50505","RemoteAddressIP4":"198.51.100.80","RemotePort":"8443","Protocol":"6","ContextProcessId":"99887766"}
                {"event_simpleName":"DnsRequest","aid":"a1a1a1a1a1a1a1a1","cid":"c2c2c2c2","timestamp":"1714640100600","DomainName":"updates.example.com","RequestType":"28","ContextProcessId":"99887766"}
                {"event_simpleName":"UserLogonFailed2","aid":"a1a1a1a1a1a1a1a1","cid":"c2c2c2c2","timestamp":"1714640100700","UserName":"bsmith","LogonType":"10","RemoteAddressIP4":"198.51.100.81","ComputerName":"ENG-WS-3"}
                {"event_simpleName":"EndOfProcess","aid":"a1a1a1a1a1a1a1a1","cid":"c2c2c2c2","timestamp":"1714640100900","RawProcessId":"4120","TargetProcessId":"99887766"}
                """;
        List<NormalizedRecord> records = Normalize.all(body);
        assertThat(records).hasSize(5).allMatch(r -> r.source().equals("crowdstrike"));
        ObjectNode launch = records.get(0).body();
        assertThat(launch.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(launch.path("activity_id").asInt()).isEqualTo(1);
        assertThat(launch.path("time").asLong()).isEqualTo(1714640100123L);
        assertThat(launch.at("/process/name").asText()).isEqualTo("whoami.exe");
        assertThat(launch.at("/process/pid").asInt()).isEqualTo(4120);
        assertThat(launch.at("/process/file/hashes")).hasSize(1);
        assertThat(launch.at("/actor/user/name").asText()).isEqualTo("bsmith");
        assertThat(launch.at("/device/hostname").asText()).isEqualTo("ENG-WS-3");
        ObjectNode connect = records.get(1).body();
        assertThat(connect.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(connect.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.80");
        assertThat(connect.at("/dst_endpoint/port").asInt()).isEqualTo(8443);
        ObjectNode dns = records.get(2).body();
        assertThat(dns.path("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/type").asText()).isEqualTo("AAAA");
        ObjectNode failed = records.get(3).body();
        assertThat(failed.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.path("status_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("bsmith");
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.81");
        assertThat(records.get(4).body().path("activity_id").asInt()).isEqualTo(2);
    }
}
