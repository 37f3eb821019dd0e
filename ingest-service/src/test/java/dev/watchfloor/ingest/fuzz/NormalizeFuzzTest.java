package dev.watchfloor.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.TestTimes;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/**
 * Detection, parsing and mapping under arbitrary bytes: nothing throws, and every record found ends normalized (an OCSF
 * event with a class) or quarantined (with a reason and its raw text), whichever mapper detection picks and whichever
 * mapper a client names.
 *
 * <p>
 * The normal build runs the seeds ({@code src/test/resources/dev/watchfloor/ingest/fuzz/NormalizeFuzzTestInputs}); to
 * fuzz (the corpus it grows is kept in {@code ingest-service/.cifuzz-corpus} and reused by the next run, so repeated
 * runs add up): {@code JAZZER_FUZZ=1 ./mvnw -pl ingest-service -am test -Dtest=NormalizeFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.seconds=600} (or {@code FUZZ_SECONDS=600}); without either it fuzzes
 * for {@code maxDuration}. Jazzer's JUnit runner reads the time only from the annotation: the pom's
 * {@code fuzz-seconds} profiles pass a later {@code -max_total_time} to libFuzzer. A crashing input is written beside
 * the seeds and then runs in every build.
 */
class NormalizeFuzzTest {

    private static final Mappers MAPPERS = new Mappers();
    private static final Normalizer NORMALIZER = new Normalizer(new TestTimes(), MAPPERS);
    private static final RecordReader READER = new RecordReader(4096, 200);
    private static final Instant RECEIVED = Instant.parse("2026-11-28T12:00:00Z");

    @FuzzTest(maxDuration = "5m")
    void everyRecordEndsNormalizedOrQuarantined(byte[] body) {
        for (RecordReader.Hint hint : RecordReader.Hint.values()) {
            List<Piece> pieces = READER.read(body, hint);
            for (Piece piece : pieces) {
                if (piece.isQuarantined()) {
                    assertThat(piece.reason()).isNotBlank();
                    assertThat(piece.raw()).isNotNull();
                    continue;
                }
                check(NORMALIZER.normalize(piece.parsed(), null, true, RECEIVED));
                for (String source : MAPPERS.ids()) {
                    check(NORMALIZER.normalize(piece.parsed(), source, false, RECEIVED));
                }
            }
        }
    }

    private static void check(NormalizedRecord r) {
        assertThat(r.body().path("class_uid").isInt()).isTrue();
        assertThat(r.body().path("time").isIntegralNumber()).isTrue();
        assertThat(r.title()).isNotNull();
        assertThat(r.contentHash()).hasSize(32);
        r.body().toString(); // serializable as stored
    }
}
