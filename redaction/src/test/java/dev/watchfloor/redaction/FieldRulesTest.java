package dev.watchfloor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class FieldRulesTest {

    @Test
    void masksAFieldBySimpleNameAtAnyDepth() {
        Redactor redactor = Redactors.withFields(Set.of("hostname"), Set.of(), Set.of());

        Redacted redacted = redactor.redact("{\"a\":{\"hostname\":\"web-01\"},\"hostname\":\"db-02\"}");

        assertThat(redacted.text())
                .isEqualTo("{\"a\":{\"hostname\":\"[REDACTED:field]\"},\"hostname\":\"[REDACTED:field]\"}");
        assertThat(redacted.counts()).containsEntry("field:hostname", 2);
        assertThat(redacted.fieldsFound()).containsExactly("hostname");
    }

    @Test
    void masksAFieldByDottedPathThroughArrays() {
        Redactor redactor = Redactors.withFields(Set.of("users.credential"), Set.of(), Set.of());

        Redacted redacted = redactor.redact(
                "{\"users\":[{\"credential\":\"c1\"},{\"credential\":\"c2\"}],\"other\":{\"credential\":\"keep\"}}");

        assertThat(redacted.text()).isEqualTo("{\"users\":[{\"credential\":\"[REDACTED:field]\"},"
                + "{\"credential\":\"[REDACTED:field]\"}],\"other\":{\"credential\":\"keep\"}}");
        assertThat(redacted.counts()).containsEntry("field:users.credential", 2);
    }

    @Test
    void masksEveryScalarUnderAMaskedObjectButKeepsItsShape() {
        Redactor redactor = Redactors.withFields(Set.of("user"), Set.of(), Set.of());

        Redacted redacted = redactor.redact("{\"user\":{\"name\":\"bob\",\"ids\":[1,2],\"admin\":true,\"x\":null}}");

        assertThat(redacted.text()).isEqualTo("{\"user\":{\"name\":\"[REDACTED:field]\",\"ids\":[\"[REDACTED:field]\","
                + "\"[REDACTED:field]\"],\"admin\":\"[REDACTED:field]\",\"x\":null}}");
    }

    @Test
    void pseudonymizesScalarFieldsStably() {
        Redactor redactor = Redactors.withFields(Set.of(), Set.of("actor.user.name"), Set.of());

        Redacted first = redactor.redact("{\"actor\":{\"user\":{\"name\":\"bob\"}}}");
        Redacted second = redactor.redact("{\"actor\":{\"user\":{\"name\":\"bob\"}},\"name\":\"bob\"}");

        String pseudonym = Redactors.PSEUDONYMS.pseudonym("field", "bob");
        assertThat(first.text()).isEqualTo("{\"actor\":{\"user\":{\"name\":\"" + pseudonym + "\"}}}");
        assertThat(second.text()).isEqualTo("{\"actor\":{\"user\":{\"name\":\"" + pseudonym + "\"}},\"name\":\"bob\"}");
        assertThat(first.pseudonyms()).containsEntry(pseudonym, "bob");
        assertThat(first.counts()).containsEntry("field:actor.user.name", 1);
    }

    @Test
    void dropsAFieldEntirely() {
        Redactor redactor = Redactors.withFields(Set.of(), Set.of(), Set.of("raw_event", "a.b"));

        Redacted redacted = redactor.redact("{\"raw_event\":{\"x\":[1,{\"y\":2}]},\"a\":{\"b\":1,\"c\":2},\"z\":3}");

        assertThat(redacted.text()).isEqualTo("{\"a\":{\"c\":2},\"z\":3}");
        assertThat(redacted.counts()).containsEntry("dropped:raw_event", 1).containsEntry("dropped:a.b", 1);
        assertThat(redacted.fieldsFound()).containsExactlyInAnyOrder("raw_event", "a.b");
    }

    @Test
    void matchesFieldNamesCaseInsensitively() {
        Redactor redactor = Redactors.withFields(Set.of(), Set.of(), Set.of("Client_Secret"));

        assertThat(redactor.redact("{\"client_secret\":\"x\",\"CLIENT_SECRET\":\"y\"}").text()).isEqualTo("{}");
    }

    @Test
    void dropWinsOverMaskForTheSameField() {
        Redactor redactor = Redactors.withFields(Set.of("secret_note"), Set.of(), Set.of("secret_note"));

        assertThat(redactor.redact("{\"secret_note\":\"x\",\"k\":1}").text()).isEqualTo("{\"k\":1}");
    }

    @Test
    void masksValuesOfSecretKeysWithoutAnyFieldRule() {
        Redacted redacted = Redactors.ALL.redact("{\"password\":\"p4ss\",\"pin_token\":12345,\"authorization\":"
                + "\"Bearer abc.def\",\"aws_secret_access_key\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\","
                + "\"token\":{\"type\":\"opaque\"},\"secret\":true}");

        assertThat(redacted.text()).isEqualTo("{\"password\":\"[REDACTED:password_field]\",\"pin_token\":"
                + "\"[REDACTED:password_field]\",\"authorization\":\"Bearer [REDACTED:authorization_header]\","
                + "\"aws_secret_access_key\":\"[REDACTED:aws_secret_key]\",\"token\":{\"type\":\"opaque\"},\"secret\":true}");
    }

    @Test
    void leavesPlainTextOutOfFieldRules() {
        Redactor redactor = Redactors.withFields(Set.of("hostname"), Set.of(), Set.of());

        assertThat(redactor.redact("hostname: web-01").text()).isEqualTo("hostname: web-01");
    }
}
