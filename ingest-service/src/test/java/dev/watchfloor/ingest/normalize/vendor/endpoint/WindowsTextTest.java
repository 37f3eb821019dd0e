package dev.watchfloor.ingest.normalize.vendor.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.WindowsText;

class WindowsTextTest {

    private static final String TWO_EVENTS = """
            05/02/2024 09:15:30 AM
            LogName=Security
            SourceName=Microsoft Windows security auditing.
            EventCode=4625
            EventType=0
            Type=Information
            ComputerName=fs02.corp.example.org
            TaskCategory=Logon
            Keywords=Audit Failure
            Message=An account failed to log on.

            Subject:
            \tSecurity ID:\t\tNULL SID
            \tAccount Name:\t\t-
            \tAccount Domain:\t\t-
            \tLogon ID:\t\t0x0

            Logon Type:\t\t\t3

            Account For Which Logon Failed:
            \tSecurity ID:\t\tNULL SID
            \tAccount Name:\t\tadministrator
            \tAccount Domain:\t\tCORP

            Failure Information:
            \tFailure Reason:\t\tUnknown user name or bad password.
            \tStatus:\t\t\t0xC000006D
            \tSub Status:\t\t0xC000006A

            Network Information:
            \tWorkstation Name:\tKALI
            \tSource Network Address:\t198.51.100.23
            \tSource Port:\t\t44120

            This event is generated when a logon request fails.
            05/02/2024 09:16:02 AM
            LogName=Security
            EventCode=4689
            ComputerName=fs02.corp.example.org
            SourceName=Microsoft Windows security auditing.
            Keywords=Audit Success
            Message=A process has exited.

            Subject:
            \tSecurity ID:\t\tS-1-5-21-1111-2222-3333-1207
            \tAccount Name:\t\tmreyes
            \tAccount Domain:\t\tCORP
            \tLogon ID:\t\t0x1A2B3C

            Process Information:
            \tProcess ID:\t0x1f4
            \tProcess Name:\tC:\\Windows\\System32\\notepad.exe
            \tExit Status:\t0x0
            """;

    @Test
    void splitsRenderedEventsWithTheirOffsets() {
        assertThat(WindowsText.looksLike(TWO_EVENTS)).isTrue();
        List<Piece> pieces = WindowsText.records(TWO_EVENTS);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).offset()).isZero();
        assertThat(pieces.get(1).offset()).isEqualTo(TWO_EVENTS.indexOf("05/02/2024 09:16:02 AM"));
        assertThat(pieces.get(0).parsed().fields().at("/Event/RenderedData/Failure Information/Sub Status").asText())
                .isEqualTo("0xC000006A");
        assertThat(pieces.get(0).parsed().fields().at("/Event/System/TimeCreated/#attributes/SystemTime").asText())
                .isEqualTo("2024-05-02T09:15:30");
    }

    @Test
    void mapsRenderedTextLikeTheXmlRendering() {
        List<NormalizedRecord> records = Normalize.all(TWO_EVENTS);
        assertThat(records).hasSize(2);
        ObjectNode failed = records.get(0).body();
        assertThat(failed.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(failed.path("status_id").asInt()).isEqualTo(2);
        assertThat(failed.path("severity_id").asInt()).isEqualTo(2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("administrator");
        assertThat(failed.at("/actor/user/name").isMissingNode()).isTrue();
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(44120);
        assertThat(failed.at("/logon_type_id").asInt()).isEqualTo(3);
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("fs02.corp.example.org");
        assertThat(failed.path("time").asLong()).isEqualTo(1714641330000L);
        ObjectNode exited = records.get(1).body();
        assertThat(exited.path("class_uid").asInt()).isEqualTo(1007);
        assertThat(exited.path("activity_id").asInt()).isEqualTo(2);
        assertThat(exited.at("/process/pid").asInt()).isEqualTo(0x1f4);
        assertThat(exited.at("/process/name").asText()).isEqualTo("notepad.exe");
        assertThat(exited.at("/actor/user/name").asText()).isEqualTo("mreyes");
    }

    @Test
    void readsEventViewerCopiedTextAndFriendlyView() {
        String copied = """
                Log Name:      Security
                Source:        Microsoft-Windows-Security-Auditing
                Date:          5/2/2024 1:05:09 PM
                Event ID:      4740
                Task Category: User Account Management
                Level:         Information
                Keywords:      Audit Success
                User:          N/A
                Computer:      DC01.corp.example.org
                Description:
                A user account was locked out.

                Subject:
                \tSecurity ID:\t\tSYSTEM
                \tAccount Name:\t\tDC01$
                \tAccount Domain:\t\tCORP
                \tLogon ID:\t\t0x3E7

                Account That Was Locked Out:
                \tSecurity ID:\t\tCORP\\jdoe
                \tAccount Name:\t\tjdoe

                Additional Information:
                \tCaller Computer Name:\tWKS-09
                """;
        ObjectNode locked = Normalize.one(copied).body();
        assertThat(locked.path("class_uid").asInt()).isEqualTo(3001);
        assertThat(locked.path("activity_id").asInt()).isEqualTo(9);
        assertThat(locked.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(locked.path("time").asLong()).isEqualTo(1714655109000L);
        assertThat(locked.at("/device/hostname").asText()).isEqualTo("DC01.corp.example.org");

        String friendly = "- System\r\n\r\n  - Provider\r\n\r\n   [ Name]  Microsoft-Windows-Windows Defender\r\n"
                + "   EventID 1117\r\n\r\n  - TimeCreated\r\n\r\n   [ SystemTime]  2024-05-02T04:00:00.0000000Z\r\n"
                + "   Computer WKS-40\r\n\r\n- EventData\r\n\r\n  Threat Name Trojan:Win32/Example.B \r\n"
                + "  Severity ID 5 \r\n  Action Name Quarantine \r\n  Path file:_C:\\Temp\\x.exe \r\n";
        ObjectNode action = Normalize.one(friendly).body();
        assertThat(action.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(action.path("activity_id").asInt()).isEqualTo(2);
        assertThat(action.path("severity_id").asInt()).isEqualTo(5);
        assertThat(action.at("/finding_info/title").asText()).isEqualTo("Trojan:Win32/Example.B");
        assertThat(action.at("/file/name").asText()).isEqualTo("x.exe");
        assertThat(action.at("/device/hostname").asText()).isEqualTo("WKS-40");
    }
}
