package dev.watchfloor.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.watchfloor.redaction.corpus.SecretCorpus;
import dev.watchfloor.redaction.corpus.SeededEvent;

/**
 * Single-threaded redaction throughput over a mix of 1,000 events: 950 benign OCSF-like events and 50 from
 * {@link SecretCorpus} (with planted secrets), titles and JSON both redacted, in a fixed shuffled order. One operation
 * is one kilobyte of input (UTF-8 bytes of the mix, counted in setup; one invocation redacts the whole mix and
 * {@link OperationsPerInvocation} divides by {@link #KILOBYTES}), so the score in ops/ms is KB/ms = MB/s (10^3 KB per
 * MB). Run with {@code ./mvnw -B -pl redaction -am -Pbench -DskipTests verify} (see redaction/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RedactorBenchmark {

    /** The input size of the mix in kilobytes; checked against the real size in setup. */
    static final int KILOBYTES = 1_302;

    private final Redactor redactor = new Redactor(RedactionRules.all(),
            new HmacPseudonyms("bench-key".getBytes(StandardCharsets.UTF_8)));
    private List<String> texts;

    @Setup(Level.Trial)
    public void mix() {
        List<SeededEvent> events = new ArrayList<>(SecretCorpus.benign(1L, 950));
        events.addAll(SecretCorpus.generate(2L, 50));
        Collections.shuffle(events, new Random(3L));
        texts = new ArrayList<>();
        long bytes = 0;
        for (SeededEvent event : events) {
            texts.add(event.title());
            texts.add(event.json());
            bytes += event.title().getBytes(StandardCharsets.UTF_8).length;
            bytes += event.json().getBytes(StandardCharsets.UTF_8).length;
        }
        long kilobytes = Math.round(bytes / 1000.0);
        if (kilobytes != KILOBYTES) {
            throw new IllegalStateException("the mix is " + kilobytes + " KB; set KILOBYTES to it");
        }
    }

    @Benchmark
    @OperationsPerInvocation(KILOBYTES)
    public void redactMix(Blackhole sink) {
        for (String text : texts) {
            sink.consume(redactor.redact(text));
        }
    }
}
