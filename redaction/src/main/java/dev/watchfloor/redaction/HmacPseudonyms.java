package dev.watchfloor.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code pn_<kind>_<first 12 hex digits of HMAC-SHA256(key, kind + ":" + value)>}: stable for one key, unlinkable
 * across keys, and not reversible without the key. Thread-safe (one {@link Mac} per thread).
 */
public final class HmacPseudonyms implements Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final ThreadLocal<Mac> macs;

    public HmacPseudonyms(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the pseudonym key must not be empty");
        }
        SecretKeySpec spec = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        newMac(spec);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    @Override
    public String pseudonym(String kind, String value) {
        byte[] digest = macs.get().doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
        return "pn_" + kind + "_" + HEX.formatHex(digest, 0, 6);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
