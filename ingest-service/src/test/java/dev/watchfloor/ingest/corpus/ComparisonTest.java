package dev.watchfloor.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The comparison's left-out rules leave a field out only for the one value they name; anything else is a miss. */
class ComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Tally compare(String want, String got, Map<String, String> defects) throws Exception {
        Tally tally = new Tally();
        Comparison.compare("v", "f.raw", List.of(JSON.readTree(want)), List.of(JSON.readTree(got)), Map.of(),
                defects, tally);
        return tally;
    }

    @Test
    void aDeprecatedClassIsLeftOutOnlyWhenOursIsItsSuccessorWithTheSameActivity() throws Exception {
        Tally successor = compare("{\"class_uid\":2001,\"activity_id\":1,\"type_uid\":200101}",
                "{\"class_uid\":2004,\"activity_id\":1,\"type_uid\":200401}", Map.of());
        assertThat(successor.defects).hasSize(2).allMatch(d -> d.contains("deprecated since OCSF 1.1.0"));
        assertThat(successor.compared).isEqualTo(1);
        assertThat(successor.agreed).isEqualTo(1);

        Tally otherActivity = compare("{\"class_uid\":2001,\"activity_id\":1,\"type_uid\":200101}",
                "{\"class_uid\":2004,\"activity_id\":2,\"type_uid\":200402}", Map.of());
        assertThat(otherActivity.defects).hasSize(1); // the class alone
        assertThat(otherActivity.misses).hasSize(2).anyMatch(m -> m.startsWith("f.raw: type_uid"));

        Tally otherClass = compare("{\"class_uid\":2001,\"activity_id\":1}", "{\"class_uid\":4001,\"activity_id\":1}",
                Map.of());
        assertThat(otherClass.defects).isEmpty();
        assertThat(otherClass.misses).singleElement().asString().contains("class_uid expected '2001'");
    }

    @Test
    void aListedExactFieldIsLeftOutOnlyWhileOursIsTheListedValue() throws Exception {
        Map<String, String> defects = Map.of("f.raw activity_id", "=6 the newer files say Traffic");
        Tally listed = compare("{\"activity_id\":2}", "{\"activity_id\":6}", defects);
        assertThat(listed.defects).singleElement().asString().contains("the newer files say Traffic");
        assertThat(listed.compared).isZero();

        Tally regressed = compare("{\"activity_id\":2}", "{\"activity_id\":1}", defects);
        assertThat(regressed.defects).isEmpty();
        assertThat(regressed.compared).isEqualTo(1);
        assertThat(regressed.agreed).isZero();
        assertThat(regressed.misses).anyMatch(m -> m.contains("listed in known-defects.txt with ours as 6"));
        assertThat(regressed.strict()).isZero();
    }
}
