package dev.watchfloor.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys as the JDK provides them (no extra provider), and their text forms: base64 PKCS#8 for a private key
 * (what an environment variable or a secret holds), base64 X.509 SubjectPublicKeyInfo for a public key.
 */
public final class Ed25519Keys {

    static final String ALGORITHM = "Ed25519";
    /** DER of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the 32 bytes of the raw key. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    public static String encodePrivate(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads a base64 PKCS#8 Ed25519 private key; anything else is an IllegalArgumentException. */
    public static PrivateKey decodePrivate(String base64) {
        try {
            return factory().generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** Reads a base64 X.509 Ed25519 public key; anything else is an IllegalArgumentException. */
    public static PublicKey decodePublic(String base64) {
        try {
            return fromX509(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** The 32 bytes of the key itself (RFC 8032 encoding), as JWK's {@code x} holds them. */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + 32
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("is not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    static PublicKey fromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        return fromX509(encoded);
    }

    private static PublicKey fromX509(byte[] encoded) {
        try {
            PublicKey key = factory().generatePublic(new X509EncodedKeySpec(encoded));
            raw(key); // refuses keys of other algorithms the factory might accept
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an X.509 Ed25519 public key", e);
        }
    }

    private static KeyFactory factory() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM);
    }
}
