package dev.watchfloor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorTest {

    private static Redacted redact(String text) {
        return Redactors.ALL.redact(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "key AKIAIOSFODNN7EXAMPLE used|AKIAIOSFODNN7EXAMPLE|aws_access_key",
            "temp ASIAY34FZKBOKMUTVV7A ok|ASIAY34FZKBOKMUTVV7A|aws_access_key",
            "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY x|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|aws_secret_key",
            "aws_secret_key = /d8D/Zz/fhi7P/SI/6fVyqcqGIQOwEepP3lIs6YW|/d8D/Zz/fhi7P/SI/6fVyqcqGIQOwEepP3lIs6YW|aws_secret_key",
            "push with ghp_16C7e42F292c6912E7710c838347Ae178B4a done|ghp_16C7e42F292c6912E7710c838347Ae178B4a|github_token",
            "github_pat_11ABCDEFG0123456789abc_xyzXYZ0123456789abcdefghijklmnopqrstuv|github_pat_11ABCDEFG0123456789abc_xyzXYZ0123456789abcdefghijklmnopqrstuv|github_token",
            "hook xoxb-12345678901-123456789012-AbCdEfGhIjKlMnOpQrStUvWx end|xoxb-12345678901-123456789012-AbCdEfGhIjKlMnOpQrStUvWx|slack_token",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk end|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk|jwt",
            "db postgres://app:S3cretPw!@db.internal:5432/x|S3cretPw!|url_password",
            "Authorization: Bearer abcDEF123456ghiJKL789|abcDEF123456ghiJKL789|authorization_header",
            "Proxy-Authorization: Basic dXNlcjpodW50ZXIy|dXNlcjpodW50ZXIy|authorization_header",
            "login password=hunter2xyz for bob|hunter2xyz|password_field",
            "{'client_secret': 'Zq8-secret-val'}|Zq8-secret-val|password_field",
            "X-Api-Key: k3y-value-123|k3y-value-123|password_field",
            "clientSecret=abcdef123|abcdef123|password_field",
            "4111 1111 1111 1111 charged|4111 1111 1111 1111|card_number",
            "card 4111-1111-1111-1111|4111-1111-1111-1111|card_number",
            "amex 378282246310005.|378282246310005|card_number",
            "ssn 123-45-6789 on file|123-45-6789|national_id",
            "NI QQ123456C|QQ123456C|none",
            "NI AB123456C ok|AB123456C|national_id",
            "NI AB 12 34 56 C ok|AB 12 34 56 C|national_id",
            "SIN 130-692-544 ok|130-692-544|national_id", "SIN 130 692 544|130 692 544|national_id"})
    void masksEachDetectorInPlainText(String text, String secret, String detector) {
        Redacted redacted = redact(text);

        if (detector.equals("none")) {
            assertThat(redacted.total()).isZero();
            assertThat(redacted.text()).isEqualTo(text);
            return;
        }
        assertThat(redacted.text()).doesNotContain(secret).contains("[REDACTED:" + detector + "]");
        assertThat(redacted.detectorsFound()).containsExactly(detector);
        assertThat(redacted.counts()).containsEntry(detector, 1);
    }

    @Test
    void masksAWholePemPrivateKeyBlock() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "AAAAAAABAAAAMwAAAAtzc2gtZWQyNTUx\n-----END OPENSSH PRIVATE KEY-----";

        Redacted redacted = redact("key:\n" + key + "\nafter");

        assertThat(redacted.text()).isEqualTo("key:\n[REDACTED:private_key]\nafter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA ", "EC ", "ENCRYPTED ", ""})
    void masksEveryKindOfPemPrivateKey(String kind) {
        String text = "-----BEGIN " + kind + "PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END " + kind + "PRIVATE KEY-----";

        assertThat(redact(text).text()).isEqualTo("[REDACTED:private_key]");
    }

    @Test
    void leavesPublicKeysAndCertificatesAlone() {
        String text = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----";

        assertThat(redact(text).total()).isZero();
    }

    @Test
    void masksOnlyThePasswordOfAUrl() {
        Redacted redacted = redact("connect https://admin:pa55word@example.com/path");

        assertThat(redacted.text()).isEqualTo("connect https://admin:[REDACTED:url_password]@example.com/path");
    }

    @Test
    void keepsTheSchemeOfAnAuthorizationHeader() {
        assertThat(redact("authorization: Bearer tok123456").text())
                .isEqualTo("authorization: Bearer [REDACTED:authorization_header]");
    }

    @Test
    void pseudonymizesEmailsAndPhones() {
        Redacted redacted = redact("mail alice.smith@acme-corp.com or call +1 415 555 0142");

        String email = Redactors.PSEUDONYMS.pseudonym("email", "alice.smith@acme-corp.com");
        String phone = Redactors.PSEUDONYMS.pseudonym("phone", "+1 415 555 0142");
        assertThat(redacted.text()).isEqualTo("mail " + email + " or call " + phone);
        assertThat(redacted.pseudonyms()).containsEntry(email, "alice.smith@acme-corp.com")
                .containsEntry(phone, "+1 415 555 0142");
        assertThat(email).matches("pn_email_[0-9a-f]{12}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-0142", "415-555-0142", "415.555.0142", "+44 20 7946 0958", "+14155550142",
            "020 7946 0958", "07700 900123", "+1 (415) 555-0142"})
    void findsPhoneNumbersInCommonForms(String phone) {
        Redacted redacted = redact("call " + phone + " now");

        assertThat(redacted.detectorsFound()).containsExactly("phone");
        assertThat(redacted.text()).doesNotContain(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550e8400-e29b-41d4-a716-446655440000", "10.0.4.17", "192.168.100.200:8443",
            "2024-05-01T10:22:33.123Z", "2024-05-01 10:22:33", "1714557600123", "1714557600",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "d41d8cd98f00b204e9800998ecf8427e",
            "port 443 pid 31337", "S-1-5-21-3623811015-3361044348-30300820-1013", "version 10.0.19045.3803",
            "fe80::1ff:fe23:4567:890a", "The quick brown fox, password reset requested", "user@localhost",
            "4111111111111112", "000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36", "token_type=bearer",
            "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", "AKIAIOSFODNN7EXAMPLEX", "ghp_short",
            "eyJhbGciOiJIUzI1NiJ9", "xoxb-short", "https://example.com/a?b=c", "+05:30", "1.5e-7",
            "Jan 15 2024 10:30:00", "call 555-1234", "amount 1234 5678 9012", "id 1011000990139424 ",
            "sin-like 046-454-286"})
    void findsNothingInBenignText(String text) {
        Redacted redacted = redact(text);

        assertThat(redacted.counts()).as(text).isEmpty();
        assertThat(redacted.text()).isEqualTo(text);
    }

    @Test
    void findsNothingInABase64Sha256Fingerprint() {
        assertThat(redact("ED25519 SHA256:K2ZpbmdlcnByaW50IG9mIGEga2V5IG9mIHRoZSBob3N0").total()).isZero();
    }

    @Test
    void doesNotMaskAValueThatIsAlreadyMasked() {
        Redacted redacted = redact("password=[REDACTED:password_field]");

        assertThat(redacted.total()).isZero();
    }

    @Test
    void leavesDisabledDetectorsAlone() {
        Redactor onlyCards = new Redactor(
                new RedactionRules(java.util.Set.of(Detector.CARD_NUMBER), null, null, null, null), null);

        Redacted redacted = onlyCards.redact("bob@example.com paid with 4111111111111111");

        assertThat(redacted.text()).isEqualTo("bob@example.com paid with [REDACTED:card_number]");
    }
}
