package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CheckpointTest {

    private static final String HEAD = "ab".repeat(32);
    private final CheckpointSigner signer = Ledgers.signer();
    private final CheckpointVerifier verifier = new CheckpointVerifier(Ledgers.trusted());

    @Test
    void signsTheCanonicalJsonOfTenantSeqHeadHashCreatedAtAndKeyId() {
        Checkpoint checkpoint = signer.sign("acme", 42, HEAD, "2026-11-27T15:04:05.123456Z");

        assertThat(new String(checkpoint.signedContent(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"createdAt\":\"2026-11-27T15:04:05.123456Z\",\"headHash\":\"" + HEAD + "\",\"keyId\":\""
                        + Ledgers.KEY_ID + "\",\"seq\":42,\"tenant\":\"acme\"}");
        assertThat(Base64.getDecoder().decode(checkpoint.signature())).hasSize(64);
        assertThat(verifier.check(checkpoint)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aCheckpointWhoseContentChangedHasABadSignature() {
        Checkpoint c = signer.sign("acme", 42, HEAD, "2026-11-27T15:04:05.123456Z");

        assertThat(verifier.check(new Checkpoint("acme2", 42, HEAD, c.createdAt(), c.keyId(), c.signature())))
                .isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(new Checkpoint("acme", 43, HEAD, c.createdAt(), c.keyId(), c.signature())))
                .isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(new Checkpoint("acme", 42, "cd".repeat(32), c.createdAt(), c.keyId(),
                c.signature()))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(new Checkpoint("acme", 42, HEAD, "2026-11-27T15:04:05.123457Z", c.keyId(),
                c.signature()))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
    }

    @Test
    void aSignatureThatIsNotCanonicalBase64OfTheRightBytesIsBad() {
        Checkpoint c = signer.sign("acme", 1, HEAD, "2026-11-27T15:04:05.123456Z");
        String sig = c.signature();
        // 64 bytes end in "==": the last data character carries 4 unused bits; changing them keeps the bytes
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char last = sig.charAt(sig.length() - 3);
        String sameBytes = sig.substring(0, sig.length() - 3) + alphabet.charAt(alphabet.indexOf(last) ^ 1) + "==";

        assertThat(Base64.getDecoder().decode(sameBytes)).isEqualTo(Base64.getDecoder().decode(sig));
        assertThat(verifier.check(withSignature(c, sameBytes))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(withSignature(c, ""))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(withSignature(c, "not base64!"))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(verifier.check(withSignature(c, sig.substring(4)))).isEqualTo(SignatureCheck.BAD_SIGNATURE);
    }

    @Test
    void aKeyIdOutsideTheTrustedSetIsUnknownAndAnotherKeyUnderATrustedIdIsBad() {
        KeyPair stranger = Ledgers.keyPair(99);

        Checkpoint unknown = new CheckpointSigner("other", stranger.getPrivate()).sign("acme", 1, HEAD, "t");
        Checkpoint impostor = new CheckpointSigner(Ledgers.KEY_ID, stranger.getPrivate()).sign("acme", 1, HEAD, "t");

        assertThat(verifier.check(unknown)).isEqualTo(SignatureCheck.UNKNOWN_KEY);
        assertThat(verifier.check(impostor)).isEqualTo(SignatureCheck.BAD_SIGNATURE);
    }

    @Test
    void checkpointsOfARotatedKeyKeepVerifyingWhileItsPublicKeyIsTrusted() {
        KeyPair next = Ledgers.keyPair(2);
        Checkpoint old = signer.sign("acme", 1, HEAD, "t1");
        Checkpoint current = new CheckpointSigner("ckpt-2026-12", next.getPrivate()).sign("acme", 2, HEAD, "t2");

        CheckpointVerifier both = new CheckpointVerifier(Ledgers.trusted().with("ckpt-2026-12", next.getPublic()));

        assertThat(both.check(old)).isEqualTo(SignatureCheck.VALID);
        assertThat(both.check(current)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check(current)).isEqualTo(SignatureCheck.UNKNOWN_KEY);
    }

    @Test
    void remembersOnlyTheExactCheckpointsItFoundValid() {
        Checkpoint c = signer.sign("acme", 42, HEAD, "t");

        assertThat(verifier.check(c)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check(c)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check(new Checkpoint("acme", 43, HEAD, "t", c.keyId(), c.signature())))
                .isEqualTo(SignatureCheck.BAD_SIGNATURE);
        assertThat(new CheckpointVerifier(PublicKeys.none()).check(c)).isEqualTo(SignatureCheck.UNKNOWN_KEY);
    }

    @Test
    void keysSurviveTheirBase64Pkcs8AndX509Forms() {
        KeyPair pair = Ed25519Keys.generate();

        String privateText = Ed25519Keys.encodePrivate(pair.getPrivate());
        String publicText = Ed25519Keys.encodePublic(pair.getPublic());
        Checkpoint c = new CheckpointSigner("k", Ed25519Keys.decodePrivate(privateText)).sign("acme", 1, HEAD, "t");

        assertThat(new CheckpointVerifier(PublicKeys.of("k", Ed25519Keys.decodePublic(publicText))).check(c))
                .isEqualTo(SignatureCheck.VALID);
        assertThat(Ed25519Keys.decodePublic(publicText)).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> Ed25519Keys.decodePublic("AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519Keys.decodePrivate("%%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishesAPublicKeyAsAnOkpJwkAndReadsItBack() {
        Jwk jwk = new Jwk(Ledgers.KEY_ID, Ledgers.KEYS.getPublic());

        JsonNode json = jwk.toJson();

        assertThat(json.get("kty").textValue()).isEqualTo("OKP");
        assertThat(json.get("crv").textValue()).isEqualTo("Ed25519");
        assertThat(json.get("kid").textValue()).isEqualTo(Ledgers.KEY_ID);
        assertThat(json.get("x").textValue()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(jwk.toJsonText()).startsWith("{\"crv\":\"Ed25519\",\"kid\":");
        assertThat(Jwk.parse(jwk.toJsonText())).isEqualTo(jwk);
        assertThat(Jwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"kid\":\"k\","
                + "\"x\":\"" + json.get("x").textValue() + "\"}").key()).isEqualTo(Ledgers.KEYS.getPublic());
    }

    @Test
    void refusesJwksThatAreNotEd25519PublicKeys() {
        String x = new Jwk("k", Ledgers.KEYS.getPublic()).toJson().get("x").textValue();

        assertThatThrownBy(() -> Jwk.parse("{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\",\"x\":\"" + x + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"AAAA\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJwkSetCarriesEveryTrustedKey() {
        PublicKeys keys = Ledgers.trusted().with("ckpt-2026-12", Ledgers.keyPair(2).getPublic());

        String published = CanonicalJson.canonicalize(keys.toJwkSet());

        assertThat(PublicKeys.fromJwkSet(published)).isEqualTo(keys);
        assertThat(published).startsWith("{\"keys\":[{\"crv\":\"Ed25519\",\"kid\":\"ckpt-2026-11\"");
        assertThatThrownBy(() -> PublicKeys.fromJwkSet("{\"keys\":[" + new Jwk("a", Ledgers.KEYS.getPublic())
                .toJsonText() + "," + new Jwk("a", Ledgers.KEYS.getPublic()).toJsonText() + "]}"))
                .hasMessageContaining("two keys with kid a");
    }

    private static Checkpoint withSignature(Checkpoint c, String signature) {
        return new Checkpoint(c.tenant(), c.seq(), c.headHash(), c.createdAt(), c.keyId(), signature);
    }
}
