package dev.watchfloor.governance.modelcall;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.Policy;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.governance.testing.Identities;
import dev.watchfloor.governance.testing.OtlpStandIn;
import dev.watchfloor.redaction.corpus.Leaks;
import dev.watchfloor.redaction.corpus.SecretCorpus;
import dev.watchfloor.redaction.corpus.SeededEvent;

/**
 * The redaction corpus through governance's real PrepareModelCall: 1,000 events seeded with secrets and personal data,
 * plain and encoded. What comes back is what reasoning hands to a model; none of it, nor an exported span, a log line
 * or an audit entry, may hold a planted value, plain or encoded.
 */
@QuarkusTest
@QuarkusTestResource(OtlpStandIn.class)
class RedactionCorpusTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TENANT = "redaction-corpus";
    private static final int EVENTS = 1000;
    private static final Pattern PSEUDONYM = Pattern.compile("pn_[a-z_]+_[0-9a-f]{12}");
    private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
    private static final Handler CAPTURE = new Handler() {

        @Override
        public void publish(LogRecord record) {
            LOG.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @GrpcClient("self")
    Policy policy;

    @Inject
    Pool pool;

    @BeforeAll
    static void captureLogs() {
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void noPlantedSecretReachesTheModelASpanALogLineOrTheLedger() {
        List<SeededEvent> corpus = SecretCorpus.generate(20261127L, EVENTS);
        Policy client = Identities.withToken(policy, Identities.service(MeshService.REASONING));
        int spansBefore = OtlpStandIn.EXPORTS.size();

        List<PrepareModelCallResponse> prepared = Multi.createFrom().iterable(corpus).onItem()
                .transformToUni(e -> client.prepareModelCall(PrepareModelCallRequest.newBuilder().setTenant(TENANT)
                        .setInvestigationId(UUID.randomUUID().toString()).setAlertId("alert-corpus")
                        .setTitle(e.title())
                        .addEvidence(EvidenceText.newBuilder().setId("ev-1").setText(e.json()).setSummary(e.title()))
                        .setEstimatedInputTokens(500).build()))
                .merge(8).collect().asList().await().atMost(WAIT);

        assertThat(prepared).hasSize(EVENTS);
        assertThat(prepared).allSatisfy(p -> assertThat(p.getRedactionsMap().values().stream()
                .mapToInt(Integer::intValue).sum()).isPositive());
        StringBuilder modelBound = new StringBuilder();
        prepared.forEach(p -> modelBound.append(p.getPreparedTitle()).append('\n')
                .append(p.getPreparedEvidenceList().stream().map(e -> e.getSummary() + "\n" + e.getText())
                        .collect(java.util.stream.Collectors.joining("\n")))
                .append('\n'));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> OtlpStandIn.EXPORTS.size() > spansBefore);
        String spans = OtlpStandIn.EXPORTS.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        String audit = auditDetails();
        String logs = String.join("\n", LOG);

        List<String> secrets = corpus.stream().flatMap(event -> event.secrets().stream()).toList();
        List<String> leaks = new ArrayList<>();
        leaks.addAll(Leaks.find("model-bound text", modelBound, secrets));
        leaks.addAll(Leaks.find("exported span", spans, secrets));
        leaks.addAll(Leaks.find("audit entry", audit, secrets));
        leaks.addAll(Leaks.find("log", logs, secrets));
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(EVENTS);
        assertThat(leaks).as("planted values found").isEmpty();
        assertThat(audit).contains("\"redactions\"");
    }

    @Test
    void pseudonymsAreStablePerTenantAndRevealedOnlyByGovernanceToAnAuthorizedRole() {
        Policy client = Identities.withToken(policy, Identities.service(MeshService.REASONING));
        String text = "{\"actor\":{\"user\":{\"name\":\"j.doe\",\"email_addr\":\"jane.doe@example.org\"}}}";
        String first = prepare(client, TENANT, text);
        String again = prepare(client, TENANT, text);
        String elsewhere = prepare(client, "redaction-other", text);

        Matcher m = PSEUDONYM.matcher(first);
        List<String> pseudonyms = new ArrayList<>();
        while (m.find()) {
            pseudonyms.add(m.group());
        }
        assertThat(first).doesNotContain("jane.doe@example.org").doesNotContain("j.doe");
        assertThat(pseudonyms).isNotEmpty();
        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).doesNotContain(pseudonyms.get(0));

        String email = pseudonyms.stream().filter(p -> p.startsWith("pn_email_")).findFirst().orElseThrow();
        given().auth().oauth2(Identities.user(TENANT, "ana", "analyst")).when().get("/v1/pseudonyms/{p}", email)
                .then().statusCode(200).body("value", org.hamcrest.Matchers.equalTo("jane.doe@example.org"));
        given().auth().oauth2(Identities.user(TENANT, "aud", "auditor")).when().get("/v1/pseudonyms/{p}", email)
                .then().statusCode(403);
        given().auth().oauth2(Identities.user("redaction-other", "ana", "analyst")).when()
                .get("/v1/pseudonyms/{p}", email).then().statusCode(404);
    }

    @Test
    void everyItemComesBackUnderItsOwnId() {
        Policy client = Identities.withToken(policy, Identities.service(MeshService.REASONING));
        var prepared = client.prepareModelCall(PrepareModelCallRequest.newBuilder().setTenant(TENANT)
                .setInvestigationId(UUID.randomUUID().toString())
                .addEvidence(EvidenceText.newBuilder().setId("ev-7").setSummary("mail from bob@example.org")
                        .setText("{\"note\":\"plain\"}"))
                .addEvidence(EvidenceText.newBuilder().setId("ev-2").setSummary("plain").setText(
                        "{\"password\":\"hunter2-hunter2\"}"))
                .build()).await().atMost(WAIT);

        assertThat(prepared.getPreparedEvidenceList()).extracting(EvidenceText::getId).containsExactly("ev-7", "ev-2");
        assertThat(prepared.getPreparedEvidence(0).getSummary()).doesNotContain("bob@example.org");
        assertThat(prepared.getPreparedEvidence(0).getText()).isEqualTo("{\"note\":\"plain\"}");
        assertThat(prepared.getPreparedEvidence(1).getText()).doesNotContain("hunter2");
    }

    private static String prepare(Policy client, String tenant, String text) {
        return client.prepareModelCall(PrepareModelCallRequest.newBuilder().setTenant(tenant)
                .setInvestigationId(UUID.randomUUID().toString())
                .addEvidence(EvidenceText.newBuilder().setId("ev-1").setText(text)).build()).await().atMost(WAIT)
                .getPreparedEvidence(0).getText();
    }

    private String auditDetails() {
        StringBuilder all = new StringBuilder();
        pool.preparedQuery("SELECT details FROM governance.audit_entries WHERE tenant = $1").execute(Tuple.of(TENANT))
                .await().atMost(WAIT).forEach(r -> all.append(r.getString("details")).append('\n'));
        return all.toString();
    }
}
