package dev.watchfloor.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.TestTimes;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/**
 * Watchfloor's reading and normalization against syslog-ng (Debian's package) on the same JSON corpus, in one harness:
 * {@code syslogNg} pipes the file into {@code syslog-ng -F} (stdin source, {@code json-parser()}, each record written
 * back as JSON to a file; syslog-ng ends at the end of its input), {@code watchfloor} reads the same file in NDJSON
 * bodies of 1,000 lines, maps each body's records to OCSF as intake does ({@link Normalizer#normalizeAll}) and writes
 * them to a file, on one thread. Each invocation processes the whole file; the ratio is syslog-ng's time over
 * Watchfloor's. syslog-ng is found by {@code WATCHFLOOR_SYSLOG_NG} ({@code .ci/install-syslog.sh} sets it up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyslogNgComparison {

    static final int RECORDS = 100_000;

    private Path dir;
    private Path corpus;
    private List<byte[]> bodies;
    private String syslogNg;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        syslogNg = System.getenv("WATCHFLOOR_SYSLOG_NG");
        if (syslogNg == null || !Files.isExecutable(Path.of(syslogNg))) {
            throw new IllegalStateException(
                    "set WATCHFLOOR_SYSLOG_NG (eval \"$(bash .ci/install-syslog.sh | tail -2)\")");
        }
        dir = Files.createTempDirectory("sng-compare");
        corpus = dir.resolve("corpus.ndjson");
        // the JSON formats of the mixed corpus: generic, Okta, CloudTrail, Suricata, Zeek
        List<byte[]> records = MixedCorpus.records(RECORDS * 2, 7);
        StringBuilder all = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < records.size() && kept < RECORDS; i++) {
            if (i % 10 <= 4) {
                all.append(new String(records.get(i), StandardCharsets.UTF_8)).append('\n');
                kept++;
            }
        }
        Files.writeString(corpus, all);
        bodies = new java.util.ArrayList<>();
        String[] lines = all.toString().split("\n");
        for (int from = 0; from < lines.length; from += 1000) {
            bodies.add((String.join("\n", java.util.Arrays.copyOfRange(lines, from, Math.min(lines.length,
                    from + 1000))) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("syslog-ng.conf"), "@version: 3.38\noptions { stats_freq(0); };\n"
                + "source s_in { stdin(flags(no-parse)); };\nparser p_json { json-parser(prefix(\".json.\")); };\n"
                + "destination d_out { file(\"" + dir.resolve("syslog-ng.out") + "\" template(\"$(format-json "
                + "--scope dot-nv-pairs)\\n\")); };\nlog { source(s_in); parser(p_json); destination(d_out); };\n");
        System.out.printf("%n[corpus] %d JSON records, %d bytes%n", kept, Files.size(corpus));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long syslogNg() throws Exception {
        Files.deleteIfExists(dir.resolve("syslog-ng.out"));
        Process p = new ProcessBuilder(syslogNg, "-F", "-f", dir.resolve("syslog-ng.conf").toString(), "-R",
                dir.resolve("persist").toString(), "-p", dir.resolve("pid").toString(), "-c",
                dir.resolve("ctl").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("syslog-ng.log").toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            Files.copy(corpus, in);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("syslog-ng failed: " + Files.readString(dir.resolve("syslog-ng.log")));
        }
        return Files.size(dir.resolve("syslog-ng.out"));
    }

    @Benchmark
    public long watchfloor() throws IOException {
        RecordReader reader = new RecordReader(65_536, 1000);
        Normalizer normalizer = new Normalizer(new TestTimes(), new Mappers());
        Instant received = Instant.now();
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("watchfloor.out"))) {
            for (byte[] body : bodies) {
                List<Piece> pieces = reader.read(body, RecordReader.Hint.DETECT);
                List<Normalizer.Request> requests = new java.util.ArrayList<>(pieces.size());
                for (Piece piece : pieces) {
                    if (piece.isQuarantined()) {
                        out.write(piece.raw());
                        out.write('\n');
                        written++;
                    } else {
                        requests.add(new Normalizer.Request(piece.parsed(), null, null));
                    }
                }
                for (Normalizer.Outcome outcome : normalizer.normalizeAll(requests, false, received)) {
                    out.write(outcome.record().body().toString());
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }
}
