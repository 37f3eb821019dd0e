package dev.watchfloor.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains audit entries: lower-case hex SHA-256 over the UTF-8 bytes of
 * {@code prevHash + "\n" + canonical JSON of the entry without its hash}, the entry's fields named as in
 * {@link AuditRecord} ({@code details} as the JSON value itself, {@code id} as text, {@code seq} as a number). The
 * first entry of a tenant has {@link #GENESIS} as its prevHash.
 * <p>
 * Verification hashes every entry, so this is written for speed: each thread keeps one digest and one buffer, the body
 * is written in its canonical member order directly (a test checks it against {@link CanonicalJson}), and
 * {@link #matches(AuditRecord)} compares digests without building strings.
 */
public final class ChainHash {

    /** The prevHash of a tenant's first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Hasher> HASHERS = ThreadLocal.withInitial(Hasher::new);
    /** Every member of the entry but its hash, sorted as RFC 8785 sorts them. */
    private static final String[] MEMBERS = {"actionId", "actor", "alertId", "details", "eventType", "id",
            "idempotencyKey", "investigationId", "onBehalfOf", "prevHash", "recordedAt", "seq", "tenant", "traceId"};
    private static final byte[][] PREFIXES = prefixes();

    private ChainHash() {
    }

    /** The hash the entry should carry; IllegalArgumentException when it has no canonical form (a lone surrogate). */
    public static String of(AuditRecord entry) {
        return HEX.formatHex(HASHERS.get().digest(entry));
    }

    /**
     * Whether the entry's stored hash is the one its content gives (lower-case hex, as written);
     * IllegalArgumentException when the content has no canonical form.
     */
    public static boolean matches(AuditRecord entry) {
        byte[] digest = HASHERS.get().digest(entry);
        String stored = entry.hash();
        if (stored.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (stored.charAt(2 * i) != HEX_DIGITS[(digest[i] >> 4) & 0xf]
                    || stored.charAt(2 * i + 1) != HEX_DIGITS[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** The canonical JSON the hash covers after the prevHash line, for people checking the format by hand. */
    public static String canonicalBody(AuditRecord entry) {
        Utf8Buffer out = new Utf8Buffer();
        writeBody(out, entry);
        return out.toText();
    }

    /** The body's members in RFC 8785 order (sorted names), written without building a tree. */
    private static void writeBody(Utf8Buffer out, AuditRecord e) {
        out.raw(PREFIXES[0]);
        JsonStrings.write(out, e.actionId());
        out.raw(PREFIXES[1]);
        JsonStrings.write(out, e.actor());
        out.raw(PREFIXES[2]);
        JsonStrings.write(out, e.alertId());
        out.raw(PREFIXES[3]);
        CanonicalWriter.value(out, e.details());
        out.raw(PREFIXES[4]);
        JsonStrings.write(out, e.eventType());
        out.raw(PREFIXES[5]);
        out.uuid(e.id());
        out.raw(PREFIXES[6]);
        JsonStrings.write(out, e.idempotencyKey());
        out.raw(PREFIXES[7]);
        JsonStrings.write(out, e.investigationId());
        out.raw(PREFIXES[8]);
        JsonStrings.write(out, e.onBehalfOf());
        out.raw(PREFIXES[9]);
        JsonStrings.write(out, e.prevHash());
        out.raw(PREFIXES[10]);
        JsonStrings.write(out, e.recordedAt());
        out.raw(PREFIXES[11]);
        out.integer(e.seq());
        out.raw(PREFIXES[12]);
        JsonStrings.write(out, e.tenant());
        out.raw(PREFIXES[13]);
        JsonStrings.write(out, e.traceId());
        out.ascii('}');
    }

    /** {@code {"actionId":}, {@code ,"actor":}, ...: what comes before each member's value, encoded once. */
    private static byte[][] prefixes() {
        byte[][] prefixes = new byte[MEMBERS.length][];
        for (int i = 0; i < MEMBERS.length; i++) {
            if (i > 0 && MEMBERS[i - 1].compareTo(MEMBERS[i]) >= 0) {
                throw new IllegalStateException("the body's members must be in RFC 8785 order");
            }
            Utf8Buffer out = new Utf8Buffer();
            out.ascii(i == 0 ? '{' : ',');
            CanonicalWriter.name(out, MEMBERS[i]);
            prefixes[i] = out.toByteArray();
        }
        return prefixes;
    }

    /** One per thread: MessageDigest is not thread-safe, and allocating one per entry is measurable. */
    private static final class Hasher {

        private final MessageDigest sha256;
        private final Utf8Buffer buffer = new Utf8Buffer();
        private final byte[] digest = new byte[32];

        Hasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        /** The digest of the entry, in a buffer that the next call overwrites. */
        byte[] digest(AuditRecord entry) {
            buffer.reset();
            buffer.utf8(entry.prevHash());
            buffer.ascii('\n');
            writeBody(buffer, entry);
            sha256.update(buffer.bytes, 0, buffer.length);
            try {
                sha256.digest(digest, 0, digest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 digest fits in 32 bytes", e);
            }
            return digest;
        }
    }
}
