package dev.watchfloor.ingest.normalize.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private final RecordReader reader = new RecordReader(64, 1000);

    @Test
    void readsAnObjectAnArrayAndEnvelopes() {
        assertThat(read("{\"a\":1}")).hasSize(1);
        assertThat(read("[{\"a\":1},{\"a\":2}]")).hasSize(2);
        assertThat(read("{\"Records\":[{\"a\":1},{\"a\":2},{\"a\":3}]}")).hasSize(3);
        assertThat(read("{\"value\":[{\"a\":1}],\"@odata.nextLink\":\"x\"}")).hasSize(1);
        assertThat(read("{\"events\":[]}")).as("an empty envelope is zero records").isEmpty();
        assertThat(read("[]")).isEmpty();
        assertThat(read("{\"Records\":[{\"a\":1}],\"b\":2,\"c\":3,\"d\":4,\"e\":5}"))
                .as("an object with many other keys is a record, not an envelope").hasSize(1);
    }

    @Test
    void aBrokenValueCostsOnlyItselfReadingResumesAtTheNextLineStartingAValue() {
        String body = "{\"a\":1}\n{\"a\":\n{\"a\":3}\r\n";
        List<Piece> pieces = read(body);

        assertThat(pieces).extracting(Piece::isQuarantined).containsExactly(false, true, false);
        assertThat(pieces.get(1).raw()).isEqualTo("{\"a\":\n");
        assertThat(pieces.get(2).parsed().fields().path("a").asInt()).isEqualTo(3);
    }

    @Test
    void ndjsonWithABrokenLineQuarantinesThatLineAtItsByteOffset() {
        String body = "{\"a\":1}\n{\"é\":2,}x}\n{\"a\":3}\n";
        List<Piece> pieces = read(body);

        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(1).isQuarantined()).isTrue();
        assertThat(pieces.get(1).offset()).isEqualTo(8);
        assertThat(pieces.get(2).offset()).as("byte offsets count the two-byte é").isEqualTo(20);
        assertThat(pieces.get(2).parsed().fields().path("a").asInt()).isEqualTo(3);
    }

    @Test
    void readsConcatenatedPrettyPrintedObjects() {
        List<Piece> pieces = read("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}{\"a\":3}");

        assertThat(pieces).extracting(p -> p.parsed().fields().path("a").asInt()).containsExactly(1, 2, 3);
        assertThat(pieces.get(1).raw()).isEqualTo("{\n  \"a\": 2\n}");
    }

    @Test
    void repairsWhatIsUnambiguousAndNamesEachRepair() {
        Piece p = read("// exported\n{a: 'x', \"b\": [1, 2,], /* c */ \"c\": 3,}").get(0);

        assertThat(p.isQuarantined()).isFalse();
        assertThat(p.parsed().fields().path("a").asText()).isEqualTo("x");
        assertThat(p.parsed().warnings()).containsExactlyInAnyOrder("repaired JSON: comments removed",
                "repaired JSON: trailing commas removed", "repaired JSON: single quotes read as double quotes",
                "repaired JSON: unquoted keys read");
    }

    @Test
    void aTruncatedDocumentIsQuarantinedFromItsStartWithTheReason() {
        List<Piece> pieces = read("{\"a\":1}\n{\"title\": \"unterminated");

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1).isQuarantined()).isTrue();
        assertThat(pieces.get(1).offset()).isEqualTo(8);
        assertThat(pieces.get(1).reason()).startsWith("truncated JSON");
        assertThat(pieces.get(1).raw()).isEqualTo("{\"title\": \"unterminated");
    }

    @Test
    void nonObjectsAreQuarantinedInTheirPlace() {
        List<Piece> pieces = reader.read("[{\"a\":1},7,\"x\"]".getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.JSON);

        assertThat(pieces).extracting(Piece::isQuarantined).containsExactly(false, true, true);
        assertThat(pieces.get(1).reason()).contains("JSON object");
        assertThat(reader.read("7".getBytes(StandardCharsets.UTF_8), RecordReader.Hint.JSON).get(0).reason())
                .contains("JSON object");
    }

    @Test
    void cleansBytesAndStringsForStorage() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM
        body.writeBytes("{\"bad\":\"a".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3); // a lone lead byte: invalid UTF-8
        body.writeBytes(("\",\"nul\":\"x\\u0000y\",\"long\":\"" + "z".repeat(100) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        Piece p = reader.read(body.toByteArray(), RecordReader.Hint.DETECT).get(0);

        assertThat(p.parsed().fields().path("bad").asText()).isEqualTo("a\uFFFD");
        assertThat(p.parsed().fields().path("nul").asText()).isEqualTo("x\uFFFDy");
        assertThat(p.parsed().fields().path("long").asText()).hasSize(64);
        assertThat(p.parsed().warnings()).contains("invalid UTF-8 replaced with U+FFFD",
                "field 'nul': control characters replaced", "field 'long' cut from 100 to 64 characters");
    }

    @Test
    void duplicateKeysKeepTheLastValueWithAWarning() {
        Piece p = read("{\"user\":\"alice\",\"user\":\"mallory\"}").get(0);

        assertThat(p.parsed().fields().path("user").asText()).isEqualTo("mallory");
        assertThat(p.parsed().warnings()).anyMatch(w -> w.startsWith("duplicate keys"));
    }

    @Test
    void jsonHeldInAStringIsReadAsJson() {
        Piece field = read("{\"properties\":\"{\\\"ip\\\":\\\"10.0.0.1\\\"}\"}").get(0);
        Piece whole = read("[\"{\\\"a\\\":1}\"]").get(0);

        assertThat(field.parsed().fields().at("/properties/ip").asText()).isEqualTo("10.0.0.1");
        assertThat(field.parsed().warnings()).contains("field 'properties' held JSON text: read as JSON");
        assertThat(whole.parsed().fields().path("a").asInt()).isEqualTo(1);
    }

    @Test
    void readsWindowsEventXmlIntoTheEvtxShape() {
        String xml = """
                <Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
                <Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4624</EventID>
                <TimeCreated SystemTime="2026-11-21T10:00:00.1234567Z"/><Computer>dc-01</Computer></System>
                <EventData><Data Name="TargetUserName">alice</Data><Data Name="IpAddress">10.0.0.5</Data></EventData>
                </Event><Event><System><EventID>4634</EventID></System></Event></Events>""";
        List<Piece> pieces = read(xml);

        assertThat(pieces).hasSize(2);
        var event = pieces.get(0).parsed().fields().path("Event");
        assertThat(event.at("/System/EventID").asText()).isEqualTo("4624");
        assertThat(event.at("/System/TimeCreated/#attributes/SystemTime").asText()).startsWith("2026-11-21");
        assertThat(event.at("/EventData/TargetUserName").asText()).isEqualTo("alice");
        assertThat(pieces.get(1).parsed().fields().at("/Event/System/EventID").asText()).isEqualTo("4634");
    }

    @Test
    void xmlWithEntitiesOrWithoutEventsIsQuarantinedNotExpanded() {
        List<Piece> bomb = read("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Event><System>&a;</System></Event>");
        List<Piece> other = read("<e/>");

        assertThat(bomb).singleElement().matches(Piece::isQuarantined);
        assertThat(other).singleElement().matches(Piece::isQuarantined);
    }

    @Test
    void textIsReadLineByLine() {
        List<Piece> pieces = read("first line\r\n\r\nsecond line\n");

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1).offset()).isEqualTo(14);
    }

    @Test
    void aBodyOfLinesMixingFormatsIsReadLineByLineEachInItsOwnFormat() {
        String cef = "CEF:0|Acme|IDS|1.0|100|Port scan|5|src=10.0.0.1";
        String syslog = "<38>Nov 28 10:00:00 bastion sshd[42]: Failed password for root from 10.0.0.9 port 22 ssh2";
        String xml = "<Event><System><EventID>4625</EventID></System></Event>";
        String body = "{\"a\":1}\n" + cef + "\n" + syslog + "\r\n  {\"a\":2}\n" + xml + "\n[{\"a\":3},{\"a\":4}]\n";

        List<Piece> pieces = read(body);

        assertThat(pieces).extracting(Piece::isQuarantined).containsOnly(false);
        assertThat(pieces).extracting(p -> p.parsed().format()).containsExactly("json", "cef", "syslog", "json", "xml",
                "json", "json");
        assertThat(pieces.get(1).offset()).isEqualTo(8);
        assertThat(pieces.get(3).offset()).as("an indented JSON line starts at its brace").isEqualTo(
                9L + cef.length() + syslog.length() + 4);
        assertThat(pieces.get(4).parsed().fields().at("/Event/System/EventID").asText()).isEqualTo("4625");
        assertThat(pieces.get(6).parsed().fields().path("a").asInt()).isEqualTo(4);
    }

    @Test
    void linesThatCanOnlyBeInsideAValueAreReadAsOneDocumentNotLineByLine() {
        assertThat(read("{\n\"a\": 1,\nb: 2\n}")).singleElement().satisfies(p -> assertThat(p.parsed().fields()
                .path("b").asInt()).isEqualTo(2));
        assertThat(read("{\"a\":1}\n\"tail\"\n")).as("a quote starts no record of its own").hasSize(2)
                .extracting(Piece::isQuarantined).containsExactly(false, true);
        List<Piece> said = reader.read("{\"a\":1}\nCEF:0|A|B|1|1|x|1|\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.JSON);
        assertThat(said).as("a client that says JSON gets no text lines").extracting(Piece::isQuarantined)
                .containsExactly(false, true, false);
    }

    @Test
    void stopsReadingPastTheRecordLimitSoTheCallerCanRefuse() {
        RecordReader small = new RecordReader(64, 3);
        assertThat(small.read("{}\n{}\n{}\n{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8), RecordReader.Hint.DETECT))
                .hasSize(4);
    }

    private List<Piece> read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), RecordReader.Hint.DETECT);
    }

    @Test
    void aReplacementCharacterSentAsSuchIsNotReportedAsInvalidUtf8() {
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(RecordReader.decode("caf\u00e9 \u4e2d \uD83D\uDE00".getBytes(StandardCharsets.UTF_8), warnings))
                .isEqualTo("caf\u00e9 \u4e2d \uD83D\uDE00");
        assertThat(RecordReader.decode("sent \uFFFD as text".getBytes(StandardCharsets.UTF_8), warnings))
                .isEqualTo("sent \uFFFD as text");
        assertThat(warnings).isEmpty();

        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF, 'b'}; // "/" in two bytes: not UTF-8
        assertThat(RecordReader.decode(overlong, warnings)).doesNotContain("/").startsWith("a\uFFFD").endsWith("b");
        assertThat(warnings).containsExactly("invalid UTF-8 replaced with U+FFFD");
    }
}
