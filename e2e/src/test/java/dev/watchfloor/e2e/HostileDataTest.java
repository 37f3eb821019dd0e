package dev.watchfloor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

import dev.watchfloor.redaction.corpus.Leaks;
import dev.watchfloor.redaction.corpus.SecretCorpus;
import dev.watchfloor.redaction.corpus.SeededEvent;

/**
 * Alerts full of secrets and personal data, plain and encoded, walk the whole mesh: ingest, context, reasoning,
 * governance. What reasoning holds as model-bound evidence (the summaries and texts governance prepared), every span
 * the five services export and every line they log must hold none of the planted values, in any encoding.
 */
@ExtendWith(Mesh.class)
class HostileDataTest {

    private static final int ALERTS = 40;
    /** A tenant of its own: its high-severity alerts propose containment, which counts against the rate caps. */
    private static final String TENANT = "e2e-hostile";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plantedSecretsReachNoModelBoundTextNoExportedSpanAndNoLog() throws IOException {
        List<SeededEvent> corpus = SecretCorpus.generate(42L, ALERTS);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (SeededEvent event : corpus) {
            Map<String, Object> alert = new LinkedHashMap<>(JSON.readValue(event.json(), new TypeReference<>() {
            }));
            alert.put("title", event.title());
            alert.put("severity", "high");
            alerts.add(alert);
        }
        int spansBefore = Mesh.get().collector().exports().size();

        List<String> alertIds = Api.postAlerts(TENANT, alerts);
        StringBuilder modelBound = new StringBuilder();
        for (String alertId : alertIds) {
            Map<String, Object> summary = Api.awaitCompleted(TENANT, alertId, Duration.ofSeconds(120));
            JsonPath view = Api.investigation(TENANT, (String) summary.get("id"));
            view.getList("evidence.text", String.class).forEach(t -> modelBound.append(t).append('\n'));
            view.getList("evidence.summary", String.class).forEach(t -> modelBound.append(t).append('\n'));
            assertThat(view.getMap("modelCall.redactions")).isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Mesh.get().collector().exports().size() > spansBefore);

        List<String> secrets = corpus.stream().flatMap(e -> e.secrets().stream()).toList();
        List<String> leaks = new ArrayList<>();
        leaks.addAll(Leaks.find("model-bound evidence", modelBound, secrets));
        leaks.addAll(Leaks.find("exported spans", spans(), secrets));
        leaks.addAll(Leaks.find("service logs", logs(), secrets));
        assertThat(modelBound).isNotEmpty();
        assertThat(leaks).as("planted values found").isEmpty();
    }

    private static String spans() {
        StringBuilder all = new StringBuilder();
        Mesh.get().collector().exports().forEach(b -> all.append(new String(b, StandardCharsets.ISO_8859_1)));
        return all.toString();
    }

    private static String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Mesh.get().logDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
