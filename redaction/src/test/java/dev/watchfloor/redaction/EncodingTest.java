package dev.watchfloor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.watchfloor.redaction.corpus.SecretCorpus;

class EncodingTest {

    private static final String GITHUB = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

    private static Redacted redact(String text) {
        return Redactors.ALL.redact(text);
    }

    @Test
    void masksGithubTokenInsideBase64() {
        String encoded = SecretCorpus.base64("token " + GITHUB);

        Redacted redacted = redact("payload=" + encoded + " end");

        assertThat(redacted.text()).isEqualTo("payload=[REDACTED:github_token] end");
        assertThat(redacted.counts()).containsEntry("github_token", 1);
    }

    @Test
    void masksUrlSafeBase64WithoutPadding() {
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("card 4111111111111111 ??>>").getBytes(StandardCharsets.UTF_8));

        assertThat(redact("v " + encoded).text()).isEqualTo("v [REDACTED:card_number]");
    }

    @Test
    void masksAnEmailInsideBase64InsteadOfPseudonymizingIt() {
        Redacted redacted = redact(SecretCorpus.base64("contact alice@example.com"));

        assertThat(redacted.text()).isEqualTo("[REDACTED:email]");
        assertThat(redacted.pseudonyms()).isEmpty();
    }

    @Test
    void masksBase64AtTheEndOfAPath() {
        String encoded = SecretCorpus.base64("password=hunter2hunter2");

        assertThat(redact("GET /v1/lookup/" + encoded).text()).doesNotContain(encoded)
                .contains("[REDACTED:password_field]");
    }

    @Test
    void masksSecretsInsideDoubleBase64() {
        String twice = SecretCorpus.base64(SecretCorpus.base64("key AKIAIOSFODNN7EXAMPLE"));

        assertThat(redact(twice).text()).isEqualTo("[REDACTED:aws_access_key]");
    }

    @Test
    void stopsLookingAfterThreeLevelsOfEncoding() {
        String fourTimes = "k AKIAIOSFODNN7EXAMPLE";
        for (int i = 0; i < 4; i++) {
            fourTimes = SecretCorpus.base64(fourTimes);
        }

        assertThat(redact(fourTimes).total()).isZero();
    }

    @Test
    void leavesBenignBase64Alone() {
        String encoded = SecretCorpus.base64("just an ordinary sentence, nothing secret");

        assertThat(redact(encoded).text()).isEqualTo(encoded);
    }

    @Test
    void masksAUrlEncodedEmailRun() {
        Redacted redacted = redact("https://x.example/cb?user=alice%40example.com&v=2");

        assertThat(redacted.text()).isEqualTo("https://x.example/cb?user=[REDACTED:email]&v=2");
    }

    @Test
    void masksAUrlEncodedKeyValuePair() {
        String encoded = SecretCorpus.urlEncoded("password=s3cr3t!value");

        assertThat(redact("ref=" + encoded + "&x=1").text()).isEqualTo("ref=[REDACTED:password_field]&x=1");
    }

    @Test
    void masksAUrlEncodedUrlWithPassword() {
        String encoded = SecretCorpus.urlEncoded("https://svc:Pw12345678@db.internal/x");

        assertThat(redact("next=" + encoded).text()).isEqualTo("next=[REDACTED:url_password]");
    }

    @Test
    void masksBackslashUEscapesInPlainText() {
        assertThat(redact("mail bob\\u0040example.com").text()).isEqualTo("mail [REDACTED:email]");
    }

    @Test
    void leavesHarmlessUrlEncodingAlone() {
        String text = "q=quarterly%20report%202024&page=2";

        assertThat(redact(text).text()).isEqualTo(text);
    }

    @Test
    void readsJsonEscapesWhenWalkingJson() {
        Redacted redacted = redact("{\"note\":\"card \\u0034111111111111111 and key \\u0041KIAIOSFODNN7EXAMPLE\"}");

        assertThat(redacted.text())
                .isEqualTo("{\"note\":\"card [REDACTED:card_number] and key [REDACTED:aws_access_key]\"}");
    }

    @Test
    void walksAJsonDocumentEmbeddedAsAString() {
        Redacted redacted = redact("{\"raw\":\"{\\\"password\\\":\\\"x9y8z7\\\",\\\"user\\\":\\\"bob\\\"}\"}");

        assertThat(redacted.text())
                .isEqualTo(
                        "{\"raw\":\"{\\\"password\\\":\\\"[REDACTED:password_field]\\\",\\\"user\\\":\\\"bob\\\"}\"}");
    }

    @Test
    void scansAStringThatOnlyLooksLikeJson() {
        Redacted redacted = redact("{\"raw\":\"{not json, password=abc123}\"}");

        assertThat(redacted.text()).isEqualTo("{\"raw\":\"{not json, password=[REDACTED:password_field]}\"}");
    }

    @Test
    void findsPasswordsInEscapedJsonInsidePlainText() {
        assertThat(redact("body={\\\"password\\\":\\\"x9y8z7\\\"}").text()).doesNotContain("x9y8z7");
    }
}
