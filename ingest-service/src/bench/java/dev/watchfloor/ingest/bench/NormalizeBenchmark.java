package dev.watchfloor.ingest.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.TestTimes;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/**
 * Detect + parse + normalize on one core, records per second; MB/s is the score times the mean record size printed at
 * setup. {@code detectParseNormalize}: each record of the mixed corpus ({@link MixedCorpus}) is read from its own bytes
 * by the {@link RecordReader} (format detection, parsing, cleaning) and mapped to OCSF by the {@link Normalizer}
 * (mapper detection, mapping, entities, hashes), one after the other, as single POSTs are. {@code batch}: the same
 * records in one body of lines, in the same shuffled order, read as a body and mapped by
 * {@link Normalizer#normalizeAll}, as a batch POST is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizeBenchmark {

    static final int RECORDS = 1000;

    /** {@code mix}, or one format of {@link MixedCorpus#KINDS} to see what each costs. */
    @Param("mix")
    public String kind;

    private List<byte[]> records;
    private byte[] body;
    private RecordReader reader;
    private Normalizer normalizer;
    private Instant received;

    @Setup
    public void setUp() {
        records = MixedCorpus.records(RECORDS, 42, kind);
        reader = new RecordReader(65_536, 1000);
        normalizer = new Normalizer(new TestTimes(), new Mappers());
        received = Instant.parse("2026-11-28T12:00:00Z");
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        for (byte[] record : records) {
            lines.writeBytes(record);
            lines.write('\n');
        }
        body = lines.toByteArray();
        List<Piece> pieces = reader.read(body, RecordReader.Hint.DETECT);
        if (pieces.size() != RECORDS || pieces.stream().anyMatch(Piece::isQuarantined)) {
            pieces.stream().filter(Piece::isQuarantined).limit(5)
                    .forEach(p -> System.out.println("Q " + p.reason() + " :: " + p.raw()));
            System.out.println("N " + pieces.size());
            throw new IllegalStateException("the body does not read as " + RECORDS + " records");
        }
        long bytes = records.stream().mapToLong(r -> r.length).sum();
        System.out.printf("%n[" + kind + "] %d records, %d bytes, %.1f bytes per record%n", RECORDS, bytes,
                (double) bytes / RECORDS);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void detectParseNormalize(Blackhole sink) {
        for (byte[] record : records) {
            for (Piece piece : reader.read(record, RecordReader.Hint.DETECT)) {
                if (piece.isQuarantined()) {
                    sink.consume(piece.reason());
                } else {
                    NormalizedRecord r = normalizer.normalize(piece.parsed(), null, false, received);
                    sink.consume(r.body());
                    sink.consume(r.contentHash());
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void batch(Blackhole sink) {
        List<Normalizer.Request> requests = new java.util.ArrayList<>(RECORDS);
        for (Piece piece : reader.read(body, RecordReader.Hint.DETECT)) {
            requests.add(new Normalizer.Request(piece.parsed(), null, null));
        }
        for (Normalizer.Outcome outcome : normalizer.normalizeAll(requests, false, received)) {
            sink.consume(outcome.record().body());
            sink.consume(outcome.record().contentHash());
        }
    }
}
