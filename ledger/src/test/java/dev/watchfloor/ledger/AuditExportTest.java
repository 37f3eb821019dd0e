package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class AuditExportTest {

    private static final String EXPORTED_AT = "2026-11-28T09:00:00.000000Z";
    private final List<AuditRecord> chain = Ledgers.chain(Ledgers.TENANT, 120, 3);
    private final List<Checkpoint> checkpoints = Ledgers.checkpoints(chain, Ledgers.signer(), 50);

    @Test
    void writesAHeaderThenEntriesWithEachCheckpointRightAfterItsEntry() throws IOException {
        List<String> lines = export().lines().toList();

        assertThat(lines).hasSize(1 + 120 + 3);
        assertThat(lines.get(0)).isEqualTo("{\"kind\":\"header\",\"format\":\"watchfloor-audit-export/1\","
                + "\"tenant\":\"acme\",\"exportedAt\":\"" + EXPORTED_AT + "\"}");
        assertThat(lines.get(1)).startsWith("{\"kind\":\"entry\",\"id\":\"" + chain.get(0).id() + "\",\"tenant\":"
                + "\"acme\",\"seq\":1,");
        assertThat(lines.get(50)).startsWith("{\"kind\":\"entry\"").contains("\"seq\":50,");
        assertThat(lines.get(51)).startsWith("{\"kind\":\"checkpoint\",\"tenant\":\"acme\",\"seq\":50,\"headHash\":");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"kind\":\"checkpoint\"").contains("\"seq\":120,");
    }

    @Test
    void readsBackEveryEntryAndCheckpointExactly() throws IOException {
        List<AuditRecord> entries = new ArrayList<>();
        List<Checkpoint> marks = new ArrayList<>();
        try (ExportReader reader = AuditExport.reader(new StringReader(export()))) {
            assertThat(reader.header()).isEqualTo(new ExportHeader(AuditExport.FORMAT, "acme", EXPORTED_AT));
            for (ExportItem item = reader.next(); item != null; item = reader.next()) {
                switch (item) {
                    case ExportItem.EntryLine e -> entries.add(e.entry());
                    case ExportItem.CheckpointLine m -> marks.add(m.checkpoint());
                }
            }
        }

        assertThat(entries).isEqualTo(chain);
        assertThat(marks).isEqualTo(checkpoints);
    }

    @Test
    void verifiesAnExportOfflineFromBytesOrText() throws IOException {
        String text = export();

        VerificationReport fromText = AuditExport.verify(new StringReader(text), Ledgers.verifier());
        VerificationReport fromBytes = AuditExport.verify(bytes(text), Ledgers.verifier());

        assertThat(fromText.valid()).as(fromText.problem()).isTrue();
        assertThat(fromText.entriesChecked()).isEqualTo(120);
        assertThat(fromText.checkpointsChecked()).isEqualTo(3);
        assertThat(fromBytes).isEqualTo(fromText);
    }

    @Test
    void acceptsWindowsLineEndings() throws IOException {
        String crlf = export().replace("\n", "\r\n");

        assertThat(AuditExport.verify(bytes(crlf), Ledgers.verifier()).valid()).isTrue();
    }

    @Test
    void writesToAnOutputStreamTheSameAsToAWriter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, EXPORTED_AT)) {
            writer.checkpoints(checkpoints);
            for (AuditRecord entry : chain) {
                writer.entry(entry);
            }
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(export());
    }

    @Test
    void reportsAMalformedLineWithItsNumber() throws IOException {
        List<String> lines = new ArrayList<>(export().lines().toList());
        lines.set(7, lines.get(7).substring(0, 40));

        VerificationReport report = AuditExport.verify(new StringReader(String.join("\n", lines)), Ledgers.verifier());

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).startsWith("line 8: is not valid JSON");
        assertThat(report.entriesChecked()).isEqualTo(6);
        assertThat(report.firstBadSeq()).isEqualTo(7);
    }

    @Test
    void refusesLinesThatAreNotExactlyWhatTheFormatSays() {
        assertThat(problemWith(3, line -> line.replace("\"actor\":", "\"actr\":"))).isEqualTo(
                "line 3: unexpected member actr");
        assertThat(problemWith(3, line -> line.replaceFirst(",\"actor\":\"[^\"]*\"", ""))).isEqualTo(
                "line 3: missing member actor");
        assertThat(problemWith(3, line -> line.replace("\"actor\":\"", "\"actor\":[\"").replace("\",\"onBehalfOf",
                "\"],\"onBehalfOf"))).isEqualTo("line 3: actor must be a string");
        assertThat(problemWith(3, line -> line.replace("{\"kind\":\"entry\",", "{\"kind\":\"entry\",\"extra\":1,")))
                .isEqualTo("line 3: unexpected member extra");
        assertThat(problemWith(3, line -> line.replace("\"seq\":2,", "\"seq\":\"2\",")))
                .isEqualTo("line 3: seq must be an integer");
        assertThat(problemWith(3, line -> line.replace("\"seq\":2,", "\"seq\":2.0,")))
                .isEqualTo("line 3: seq must be an integer");
        assertThat(problemWith(3, line -> line.replace(chain.get(1).id().toString(),
                chain.get(1).id().toString().toUpperCase()))).isEqualTo("line 3: id must be a lower-case UUID");
        assertThat(problemWith(3, line -> line.replace("\"kind\":\"entry\"", "\"kind\":\"note\"")))
                .isEqualTo("line 3: unknown kind note");
        assertThat(problemWith(3, line -> line + " {}")).startsWith("line 3: is not valid JSON");
        assertThat(
                problemWith(3, line -> line.replace("{\"kind\":\"entry\",", "{\"kind\":\"entry\",\"kind\":\"entry\",")))
                .startsWith("line 3: is not valid JSON");
        assertThat(problemWith(3, line -> "")).isEqualTo("line 3: is empty; every line is one JSON object");
        assertThat(problemWith(3, line -> "[1]")).isEqualTo("line 3: must be a JSON object");
    }

    @Test
    void refusesAMissingOrUnknownHeader() throws IOException {
        assertThat(AuditExport.verify(new StringReader(""), Ledgers.verifier()).problem())
                .isEqualTo("line 1: the export is empty; it must start with a header line");
        assertThat(problemWith(1, line -> line.replace("export/1", "export/2")))
                .isEqualTo("line 1: unknown format watchfloor-audit-export/2, expected watchfloor-audit-export/1");
        assertThat(problemWith(1, line -> line.replace("\"kind\":\"header\"", "\"kind\":\"entry\"")))
                .isEqualTo("line 1: the first line must be the header (kind \"header\")");
        assertThatThrownBy(() -> AuditExport.reader(new StringReader("{}")))
                .isInstanceOf(MalformedExportException.class)
                .hasMessage("line 1: missing member kind")
                .satisfies(e -> assertThat(((MalformedExportException) e).line()).isEqualTo(1));
    }

    @Test
    void reportsBytesThatAreNotUtf8WithTheirLineNumber() throws IOException {
        byte[] bytes = export().getBytes(StandardCharsets.UTF_8);
        int line = 0;
        int at = 0;
        while (line < 4) {
            if (bytes[at++] == '\n') {
                line++;
            }
        }
        bytes[at + 30] = (byte) 0xe2; // starts a three-byte sequence that the next (ASCII) bytes do not continue

        VerificationReport report = AuditExport.verify(new ByteArrayInputStream(bytes), Ledgers.verifier());

        assertThat(report.problem()).startsWith("line 5: is not valid JSON: Invalid UTF-8");
    }

    @Test
    void stopsReadingAheadOnceTheFirstProblemIsFound() throws IOException {
        List<AuditRecord> big = new ArrayList<>(Ledgers.chain(Ledgers.TENANT, 20_000, 9));
        big.set(2, EntryFields.set(big.get(2), "actor", "mallory"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, EXPORTED_AT)) {
            for (AuditRecord entry : big) {
                writer.entry(entry);
            }
        }

        VerificationReport report = AuditExport.verify(new ByteArrayInputStream(out.toByteArray()),
                Ledgers.verifier());

        assertThat(report.problem()).isEqualTo("altered content: the hash of seq 3 does not match its content");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("watchfloor-export"));
    }

    @Test
    void refusesAnObjectSpreadOverSeveralLines() throws IOException {
        String pretty = export().replaceFirst("\"kind\":\"entry\",", "\"kind\":\"entry\",\n");

        VerificationReport report = AuditExport.verify(new StringReader(pretty), Ledgers.verifier());

        assertThat(report.problem()).isEqualTo("line 2: the object goes on past its line");
    }

    @Test
    void readsLongLines() throws IOException {
        String big = "x".repeat(200_000) + "é";
        AuditRecord entry = EntryFields.set(chain.get(0), "details", "{}");
        entry = new AuditRecord(entry.id(), entry.tenant(), 1, entry.recordedAt(), entry.actor(), "", "note", "", "",
                "", "", "", JsonNodeFactory.instance.objectNode().put("text", big), ChainHash.GENESIS, "").withHash();
        StringWriter out = new StringWriter();
        try (ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, EXPORTED_AT)) {
            writer.entry(entry);
        }

        VerificationReport report = AuditExport.verify(bytes(out.toString()),
                new CheckpointVerifier(PublicKeys.none()));

        assertThat(report.valid()).as(report.problem()).isTrue();
        assertThat(report.headHash()).isEqualTo(entry.hash());
    }

    @Test
    void keepsDetailsAsTheSameJsonValue() throws IOException {
        JsonNode details = StrictJson.parse("{\"n\":[1,1.5,-0.0,1e21,12345678901234567890],\"s\":\"\\u0007 ☃\"}");
        AuditRecord entry = new AuditRecord(chain.get(0).id(), "acme", 1, "t", "a", "", "e", "", "", "", "", "",
                details, ChainHash.GENESIS, "").withHash();
        StringWriter out = new StringWriter();
        try (ExportWriter writer = AuditExport.writer(out, "acme", EXPORTED_AT)) {
            writer.entry(entry);
        }

        assertThat(
                AuditExport.verify(new StringReader(out.toString()), new CheckpointVerifier(PublicKeys.none())).valid())
                .isTrue();
    }

    private String problemWith(int lineIndex, java.util.function.UnaryOperator<String> change) {
        try {
            List<String> lines = new ArrayList<>(export().lines().toList());
            lines.set(lineIndex - 1, change.apply(lines.get(lineIndex - 1)));
            return AuditExport.verify(new StringReader(String.join("\n", lines)), Ledgers.verifier()).problem();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String export() throws IOException {
        StringWriter out = new StringWriter();
        try (ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, EXPORTED_AT)) {
            writer.checkpoints(checkpoints);
            for (AuditRecord entry : chain) {
                writer.entry(entry);
            }
        }
        return out.toString();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
