package dev.watchfloor.ingest.normalize.vendor.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.WindowsText;

/** Odd, truncated and wrongly typed records: every mapper maps them (or they are quarantined), none throws. */
class EndpointHostileInputTest {

    private static final String HUGE = "9".repeat(5_000);

    private static final List<String> RECORDS = List.of(
            "{\"Event\": {\"System\": \"not an object\"}}",
            "{\"Event\": {\"System\": {\"EventID\": [4624, 4625], \"Computer\": {\"x\": 1}, \"Keywords\": 12},"
                    + " \"EventData\": [1, 2, 3]}}",
            "{\"Event\": {\"System\": {\"EventID\": \"" + HUGE + "\", \"Keywords\": \"0xZZZ\","
                    + " \"TimeCreated\": {\"#attributes\": {\"SystemTime\": \"yesterday\"}}},"
                    + " \"EventData\": {\"LogonType\": \"" + HUGE + "\", \"IpPort\": \"99999999\","
                    + " \"NewProcessId\": \"0xFFFFFFFFFFFFFFFFFFFF\", \"ProcessId\": -5}}}",
            "{\"Event\": {\"System\": {\"EventID\": 4688, \"Provider\": {\"#attributes\": {\"Name\": null}}},"
                    + " \"EventData\": {\"NewProcessName\": \"\\\\\", \"CommandLine\": {\"a\": 1}}}}",
            "{\"Event\": {\"System\": {\"EventID\": 1, \"Provider\": {\"#attributes\": {\"Name\":"
                    + " \"Microsoft-Windows-Sysmon\"}}}, \"EventData\": {\"Hashes\": \"=,==,SHA256=,MD5\","
                    + " \"User\": \"\\\\\", \"Image\": \"\"}}}",
            "{\"Event\": {\"System\": {\"EventID\": 3, \"Provider\": {\"#attributes\": {\"Name\":"
                    + " \"Microsoft-Windows-Sysmon\"}}}, \"EventData\": {\"SourcePort\": \"-1\", \"QueryResults\":"
                    + " \";;;\", \"GrantedAccess\": \"0x\"}}}",
            "{\"winlog\": {\"event_id\": null, \"channel\": 5, \"event_data\": \"text\"}}",
            "{\"EventID\": \"4625\", \"SourceName\": [], \"Hostname\": true}",
            "{\"metadata\": {\"eventType\": \"DetectionSummaryEvent\", \"customerIDString\": 1}, \"event\": [1]}",
            "{\"metadata\": {\"eventType\": 42, \"customerIDString\": \"x\"}, \"event\": {\"Severity\": \"" + HUGE
                    + "\", \"TechniqueId\": {\"a\": 1}}}",
            "{\"event_simpleName\": \"ProcessRollup2\", \"aid\": 1, \"timestamp\": \"" + HUGE + "\","
                    + " \"RawProcessId\": \"" + HUGE + "\", \"RemotePort\": \"http\"}",
            "{\"event_simpleName\": \"NetworkConnectIP4\", \"aid\": \"a\", \"LocalPort\": \"70000\","
                    + " \"Protocol\": \"tcp\"}",
            "{\"composite_id\": \"x\", \"device\": \"HOST\", \"behaviors\": \"none\", \"severity\": -1}",
            "{\"composite_id\": \"x\", \"device\": {}, \"behaviors\": [null, 5, {\"technique_id\": \"T1\"}]}",
            "{\"@odata.type\": \"#microsoft.graph.security.alert\", \"evidence\": {\"a\": 1}, \"mitreTechniques\":"
                    + " \"T1055\", \"severity\": [\"high\"]}",
            "{\"createdDateTime\": \"x\", \"title\": \"t\", \"severity\": \"medium\", \"serviceSource\": 1,"
                    + " \"evidence\": [null, 1, {\"@odata.type\": 5}, {\"entityType\": \"Process\"}]}",
            "{\"category\": \"AdvancedHunting-AlertInfo\", \"properties\": {\"AttackTechniques\": \"T1;T2\","
                    + " \"AdditionalFields\": \"{not json\"}}",
            "{\"Timestamp\": \"2024-01-01\", \"DeviceName\": \"d\", \"ActionType\": \"\", \"DeviceId\": null,"
                    + " \"ReportId\": 1, \"FileSize\": \"big\"}");

    @Test
    void oddRecordsNeverThrowWhateverMapperIsNamed() {
        List<String> failures = new ArrayList<>();
        for (String record : RECORDS) {
            for (String source : new String[]{null, "windows", "crowdstrike", "defender"}) {
                try {
                    for (NormalizedRecord r : Normalize.all(record, source)) {
                        assertThat(r.body().path("class_uid").isInt()).isTrue();
                    }
                } catch (RuntimeException e) {
                    failures.add(source + " on " + record.substring(0, Math.min(80, record.length())) + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void brokenXmlAndTextAreQuarantinedOrRead() {
        List<Piece> truncated = Normalize.read("<Event><System><EventID>4624</EventID>");
        assertThat(truncated).hasSize(1);
        assertThat(truncated.get(0).isQuarantined()).isTrue();
        List<Piece> entity = Normalize.read("<Event><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<System><EventID>&e;</EventID></System></Event>");
        assertThat(entity).allMatch(Piece::isQuarantined);

        String text = "01/02/2024 10:00:00 AM\nLogName=Security\nEventCode=\nMessage=\n\tAccount Name:\n:::\n"
                + "Subject:\n\t\t\t\n" + "x".repeat(10_000);
        assertThat(WindowsText.looksLike(text)).isTrue();
        List<Piece> pieces = WindowsText.records(text);
        assertThat(pieces).isNotEmpty();
        assertThat(Normalize.all(text, "windows")).isNotEmpty();
        assertThat(WindowsText.looksLike("- System")).isFalse();
        assertThat(WindowsText.records("- System\n  EventID\n- EventData\n  \n")).hasSize(1);
    }
}
