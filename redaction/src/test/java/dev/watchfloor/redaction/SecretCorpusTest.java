package dev.watchfloor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.redaction.corpus.SecretCorpus;
import dev.watchfloor.redaction.corpus.SeededEvent;

class SecretCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 2_000;

    @Test
    void leaksNoPlantedSecretFromTwoThousandEvents() throws Exception {
        List<SeededEvent> events = SecretCorpus.generate(20261127L, EVENTS);

        for (SeededEvent event : events) {
            Redacted title = Redactors.ALL.redact(event.title());
            Redacted json = Redactors.ALL.redact(event.json());
            JSON.readTree(json.text());
            assertThat(title.total() + json.total()).as(event.json()).isPositive();
            for (String secret : event.secrets()) {
                for (String form : List.of(secret, SecretCorpus.base64(secret), SecretCorpus.urlEncoded(secret))) {
                    assertThat(json.text()).as(event.json()).doesNotContain(form);
                    assertThat(title.text()).as(event.title()).doesNotContain(form);
                }
            }
        }
    }

    @Test
    void findsNothingInTwoThousandBenignEvents() throws Exception {
        for (SeededEvent event : SecretCorpus.benign(7L, EVENTS)) {
            Redacted title = Redactors.ALL.redact(event.title());
            Redacted json = Redactors.ALL.redact(event.json());

            assertThat(json.counts()).as(event.json()).isEmpty();
            assertThat(title.counts()).as(event.title()).isEmpty();
            assertThat(JSON.readTree(json.text())).isEqualTo(JSON.readTree(event.json()));
        }
    }

    @Test
    void generatesTheSameEventsFromTheSameSeed() {
        assertThat(SecretCorpus.generate(42L, 50)).isEqualTo(SecretCorpus.generate(42L, 50));
        assertThat(SecretCorpus.generate(42L, 50)).isNotEqualTo(SecretCorpus.generate(43L, 50));
    }

    @Test
    void plantsOneToFourSecretsInRealisticEvents() {
        for (SeededEvent event : SecretCorpus.generate(1L, 300)) {
            assertThat(event.secrets()).hasSizeBetween(1, 4);
            assertThat(event.json()).contains("\"class_uid\"", "\"metadata\"", "\"time\"");
            assertThat(event.json().length()).isBetween(700, 6_000);
        }
    }
}
