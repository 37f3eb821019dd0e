package dev.watchfloor.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesValidJsonInTheOriginalMemberOrder() throws Exception {
        String input = "{ \"z\": 1, \"email\": \"bob@example.com\", \"a\": [1.50, -2, 1e3, true, null],"
                + " \"m\": \"line\\nbreak \\\"quoted\\\" password=abc\" }";

        Redacted redacted = Redactors.ALL.redact(input);

        JsonNode tree = JSON.readTree(redacted.text());
        List<String> names = new ArrayList<>();
        Iterator<String> it = tree.fieldNames();
        it.forEachRemaining(names::add);
        assertThat(names).containsExactly("z", "email", "a", "m");
        assertThat(redacted.text()).contains("[1.50,-2,1e3,true,null]");
        assertThat(tree.get("m").asText()).isEqualTo("line\nbreak \"quoted\" password=[REDACTED:password_field]");
        assertThat(tree.get("email").asText()).startsWith("pn_email_");
    }

    @Test
    void redactsTopLevelArrays() {
        assertThat(Redactors.ALL.redact("[\"ssn 123-45-6789\", 4111111111111111]").text())
                .isEqualTo("[\"ssn [REDACTED:national_id]\",\"[REDACTED:card_number]\"]");
    }

    @Test
    void scansBrokenJsonAsPlainText() {
        Redacted redacted = Redactors.ALL.redact("{\"password\":\"abc\" trailing");

        assertThat(redacted.text()).isEqualTo("{\"password\":\"[REDACTED:password_field]\" trailing");
        assertThat(redacted.counts()).containsExactly(java.util.Map.entry("password_field", 1));
    }

    @Test
    void redactsSecretsInMemberNames() {
        assertThat(Redactors.ALL.redact("{\"AKIAIOSFODNN7EXAMPLE\":1}").text())
                .isEqualTo("{\"[REDACTED:aws_access_key]\":1}");
    }

    @Test
    void returnsPlainTextUnchangedWhenNothingIsFound() {
        String title = "Outbound connection to 10.0.0.5:443";

        Redacted redacted = Redactors.ALL.redact(title);

        assertThat(redacted.text()).isSameAs(title);
        assertThat(redacted.total()).isZero();
    }

    @Test
    void treatsNullAsEmptyText() {
        assertThat(Redactors.ALL.redact(null).text()).isEmpty();
    }

    @Test
    void countsEveryReplacement() {
        Redacted redacted = Redactors.ALL.redact("a@example.com b@example.com 123-45-6789");

        assertThat(redacted.counts()).containsEntry("email", 2).containsEntry("national_id", 1);
        assertThat(redacted.total()).isEqualTo(3);
        assertThat(redacted.detectorsFound()).containsExactlyInAnyOrder("email", "national_id");
    }

    @Test
    void refusesPseudonymizingRulesWithoutPseudonyms() {
        assertThatThrownBy(() -> new Redactor(RedactionRules.all(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksWhatIsBothMaskedAndPseudonymized() {
        Redactor redactor = new Redactor(
                new RedactionRules(Set.of(Detector.EMAIL), Set.of(Detector.EMAIL), null, null, null),
                Redactors.PSEUDONYMS);

        assertThat(redactor.redact("bob@example.com").text()).isEqualTo("[REDACTED:email]");
    }

    @Test
    void givesTheSameResultsFromManyThreads() throws Exception {
        String text = "{\"m\":\"bob@example.com 4111111111111111 " + "x".repeat(200) + "\"}";
        String expected = Redactors.ALL.redact(text).text();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> Redactors.ALL.redact(text).text()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesDetectorsByWireName() {
        assertThat(Detector.GITHUB_TOKEN.wire()).isEqualTo("github_token");
        assertThat(Detector.fromWire("github_token")).contains(Detector.GITHUB_TOKEN);
        assertThat(Detector.fromWire("nope")).isEmpty();
        assertThat(RedactionRules.all().pseudonymize()).containsExactlyInAnyOrder(Detector.EMAIL, Detector.PHONE);
        assertThat(RedactionRules.all().mask()).hasSize(Detector.values().length - 2);
    }

    @Test
    void keepsPseudonymsStablePerKeyAndDifferentAcrossKeys() {
        HmacPseudonyms one = new HmacPseudonyms("key-one".getBytes(StandardCharsets.UTF_8));
        HmacPseudonyms again = new HmacPseudonyms("key-one".getBytes(StandardCharsets.UTF_8));
        HmacPseudonyms two = new HmacPseudonyms("key-two".getBytes(StandardCharsets.UTF_8));

        String pseudonym = one.pseudonym("email", "bob@example.com");

        assertThat(pseudonym).matches("pn_email_[0-9a-f]{12}");
        assertThat(again.pseudonym("email", "bob@example.com")).isEqualTo(pseudonym);
        assertThat(two.pseudonym("email", "bob@example.com")).isNotEqualTo(pseudonym);
        assertThat(one.pseudonym("email", "alice@example.com")).isNotEqualTo(pseudonym);
        assertThat(one.pseudonym("field", "bob@example.com")).isNotEqualTo(pseudonym).startsWith("pn_field_");
    }

    @Test
    void refusesAnEmptyPseudonymKey() {
        assertThatThrownBy(() -> new HmacPseudonyms(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
