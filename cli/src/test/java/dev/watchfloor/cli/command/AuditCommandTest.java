package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.ledger.AuditExport;
import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.ChainHash;
import dev.watchfloor.ledger.CheckpointSigner;
import dev.watchfloor.ledger.Ed25519Keys;
import dev.watchfloor.ledger.ExportWriter;
import dev.watchfloor.ledger.PublicKeys;

/** {@code watchfloor audit verify FILE --keys JWKS}: offline verification of an export, with no service running. */
class AuditCommandTest {

    private static final KeyPair KEY = Ed25519Keys.generate();

    @Test
    void anIntactExportVerifiesWithThePinnedKeys(@TempDir Path dir) throws Exception {
        Path export = write(dir, 20);

        CliRun run = verify(dir, export);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("chain intact: 20 entries, 2 signed checkpoints, head seq 20");
    }

    @Test
    void anAlteredEntryFailsNamingIt(@TempDir Path dir) throws Exception {
        Path export = write(dir, 20);
        Files.writeString(export, Files.readString(export).replace("\"event.7\"", "\"event.X\""));

        CliRun run = verify(dir, export);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("chain BROKEN at seq 7");
    }

    @Test
    void removingTheNewestEntriesFailsAgainstTheLastCheckpoint(@TempDir Path dir) throws Exception {
        Path export = write(dir, 20);
        String kept = String.join("\n", Files.readAllLines(export).stream()
                .filter(line -> !line.contains("\"seq\":19,") && !line.contains("\"seq\":20,")
                        || line.contains("\"kind\":\"checkpoint\""))
                .toList()) + "\n";
        Files.writeString(export, kept);

        CliRun run = verify(dir, export);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN");
    }

    private static CliRun verify(Path dir, Path export) throws Exception {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, PublicKeys.of("k1", KEY.getPublic()).toJwkSet().toString());
        return CliRun.of(dir, Map.of(), "audit", "verify", export.toString(), "--keys", keys.toString());
    }

    /** An export of n entries with checkpoints at seq 10 and 20, as governance writes it. */
    private static Path write(Path dir, int n) throws Exception {
        CheckpointSigner signer = new CheckpointSigner("k1", KEY.getPrivate());
        StringWriter text = new StringWriter();
        try (ExportWriter writer = AuditExport.writer(text, "acme", "2026-11-27T10:00:00.000000Z")) {
            String prev = ChainHash.GENESIS;
            for (int seq = 1; seq <= n; seq++) {
                AuditRecord entry = new AuditRecord(UUID.randomUUID(), "acme", seq,
                        String.format("2026-11-27T10:00:%02d.000000Z", seq), "reasoning-service", "", "event." + seq,
                        "a-" + seq, "", "", "", "", new ObjectMapper().createObjectNode().put("n", seq), "", "")
                        .chainedAfter(prev);
                writer.entry(entry);
                if (seq % 10 == 0) {
                    writer.checkpoint(signer.sign("acme", seq, entry.hash(), "2026-11-27T10:01:00.000000Z"));
                }
                prev = entry.hash();
            }
        }
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, text.toString());
        return file;
    }
}
