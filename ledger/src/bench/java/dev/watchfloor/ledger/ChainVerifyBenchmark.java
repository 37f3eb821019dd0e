package dev.watchfloor.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a chain of a million entries, once from records in memory (what governance does with rows streamed from
 * PostgreSQL) and once from an export file on disk (what the CLI does offline). Each operation is one whole
 * verification, timed on its own; a fresh {@link CheckpointVerifier} each time, so every checkpoint signature is really
 * checked. Run with {@code ./mvnw -B -pl ledger -am -Pbench -DskipTests verify} (see ledger/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ChainVerifyBenchmark {

    @Param("1000000")
    int entries;

    @Param("10000")
    int checkpointEvery;

    private List<AuditRecord> chain;
    private List<Checkpoint> checkpoints;
    private Path export;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        chain = Ledgers.chain(Ledgers.TENANT, entries, 1);
        checkpoints = Ledgers.checkpoints(chain, Ledgers.signer(), checkpointEvery);
        export = Files.createTempFile("watchfloor-audit-", ".jsonl");
        try (OutputStream out = Files.newOutputStream(export);
                ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, "2026-11-28T00:00:00.000000Z")) {
            writer.checkpoints(checkpoints);
            for (AuditRecord entry : chain) {
                writer.entry(entry);
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteExport() throws IOException {
        Files.deleteIfExists(export);
    }

    @Benchmark
    public VerificationReport verifyRecordsInMemory() {
        VerificationReport report = ChainVerifier.verify(Ledgers.TENANT, new CheckpointVerifier(Ledgers.trusted()),
                chain.iterator(), checkpoints);
        return requireValid(report);
    }

    @Benchmark
    public VerificationReport verifyExportFile() throws IOException {
        try (InputStream in = Files.newInputStream(export)) {
            return requireValid(AuditExport.verify(in, new CheckpointVerifier(Ledgers.trusted())));
        }
    }

    private VerificationReport requireValid(VerificationReport report) {
        if (!report.valid() || report.entriesChecked() != entries) {
            throw new IllegalStateException("the benchmark chain must verify: " + report);
        }
        return report;
    }
}
