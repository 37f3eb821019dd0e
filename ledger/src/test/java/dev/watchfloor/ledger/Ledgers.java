package dev.watchfloor.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds reproducible chains that look like governance's: a mix of event types, ids that apply or not, details. */
public final class Ledgers {

    public static final String TENANT = "acme";
    public static final String KEY_ID = "ckpt-2026-11";

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2026-11-27T15:04:05.123456Z");
    private static final String[] ACTORS = {"ingest-service", "reasoning-service", "action-service", "alice@acme.io",
            "bob@acme.io"};
    private static final String[] EVENTS = {"alert.received", "investigation.started", "investigation.concluded",
            "action.proposed", "action.approved", "action.executed", "model.call"};
    private static final String[] STATES = {"open", "approved", "rejected", "done", "zoë-reviewed"};

    /** The trusted checkpoint key of the tests. */
    public static final KeyPair KEYS = keyPair(1);
    private static final CheckpointVerifier VERIFIER = new CheckpointVerifier(trusted());

    private Ledgers() {
    }

    /** A key pair that is the same on every run for the same seed, so that failures reproduce. */
    public static KeyPair keyPair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CheckpointSigner signer() {
        return new CheckpointSigner(KEY_ID, KEYS.getPrivate());
    }

    public static PublicKeys trusted() {
        return PublicKeys.of(KEY_ID, KEYS.getPublic());
    }

    /** One verifier of the trusted key for all tests, as a service would hold one. */
    public static CheckpointVerifier verifier() {
        return VERIFIER;
    }

    /** Entries 1..size of the tenant, hashed and linked. */
    public static List<AuditRecord> chain(String tenant, int size, long seed) {
        Random random = new Random(seed);
        List<AuditRecord> chain = new ArrayList<>(size);
        String prevHash = ChainHash.GENESIS;
        for (long seq = 1; seq <= size; seq++) {
            AuditRecord entry = entry(random, tenant, seq).chainedAfter(prevHash);
            chain.add(entry);
            prevHash = entry.hash();
        }
        return chain;
    }

    /** Checkpoints every {@code every} entries and one at the head. */
    public static List<Checkpoint> checkpoints(List<AuditRecord> chain, CheckpointSigner signer, int every) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (AuditRecord entry : chain) {
            if (entry.seq() % every == 0 || entry.seq() == chain.size()) {
                checkpoints.add(signer.sign(entry.tenant(), entry.seq(), entry.hash(), timestamp(entry.seq() + 1)));
            }
        }
        return checkpoints;
    }

    public static AuditRecord entry(Random random, String tenant, long seq) {
        String event = EVENTS[random.nextInt(EVENTS.length)];
        boolean human = random.nextInt(4) == 0;
        ObjectNode details = JsonNodeFactory.instance.objectNode()
                .put("state", STATES[random.nextInt(STATES.length)])
                .put("score", (1 + random.nextInt(998)) / 1000.0)
                .put("attempt", 1 + random.nextInt(3));
        if (random.nextInt(5) == 0) {
            details.put("reason", "policy \"high-risk\" requires a second approver\n(see runbook §4)");
        }
        return new AuditRecord(uuid(random), tenant, seq, timestamp(seq),
                human ? ACTORS[3 + random.nextInt(2)] : ACTORS[random.nextInt(3)],
                human ? "" : ACTORS[3 + random.nextInt(2)], event, uuid(random).toString(),
                event.startsWith("alert") ? "" : uuid(random).toString(),
                event.startsWith("action") ? uuid(random).toString() : "", hex(random, 16),
                random.nextBoolean() ? "" : "req-" + Long.toHexString(random.nextLong()), details, "", "");
    }

    public static String timestamp(long seq) {
        return MICROS.format(START.plusNanos(seq * 1_234_567_000L));
    }

    public static UUID uuid(Random random) {
        long msb = random.nextLong() & ~0xf000L | 0x4000L;
        long lsb = random.nextLong() & ~(3L << 62) | 1L << 63;
        return new UUID(msb, lsb);
    }

    private static String hex(Random random, int bytes) {
        StringBuilder hex = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16)).append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
