package dev.watchfloor.redaction.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeaksTest {

    private static final String SECRET = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @Test
    void findsAValueAsPlantedAndInEachEncodingWithoutRepeatingIt() {
        String text = "x " + SECRET + " y " + SecretCorpus.base64(SECRET) + " z";

        List<String> found = Leaks.find("log", text, List.of(SECRET));

        assertThat(found).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("log at ")
                .doesNotContain(SECRET.substring(3)));
    }

    @Test
    void looksForEachDistinctFormOnce() {
        assertThat(Leaks.forms(SECRET)).doesNotHaveDuplicates().contains(SECRET, SecretCorpus.base64(SECRET));
        assertThat(Leaks.forms("p@ss \"w\"")).contains("p%40ss%20%22w%22", "p@ss \\\"w\\\"");
    }

    @Test
    void findsNothingInCleanTextAndIgnoresTooShortValues() {
        assertThat(Leaks.find("spans", "[REDACTED:github_token] and abc", List.of(SECRET, "abc"))).isEmpty();
    }
}
