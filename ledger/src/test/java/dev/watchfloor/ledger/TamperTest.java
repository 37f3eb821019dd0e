package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Applies a thousand random tamperings, each to a fresh copy of a signed ledger, and requires every one to be detected,
 * both when the chain is verified as records and when it goes through an export file. The seed makes it reproducible; a
 * tampering that changes nothing (a byte replaced by itself, a value that does not parse) is drawn again and not
 * counted.
 */
class TamperTest {

    private static final long SEED = 20261127L;
    private static final int ENTRIES = 317;
    private static final int TAMPERINGS = 1_000;
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    enum Kind {
        FLIP_ENTRY_BYTE, UPDATE_ENTRY_FIELD, DELETE_ENTRY, DELETE_NEWEST_ENTRIES, REORDER_ENTRIES, INSERT_FORGED_ENTRY, FLIP_CHECKPOINT_BYTE, ALTER_SIGNATURE, DELETE_SIGNATURE, RESIGN_WITH_UNTRUSTED_KEY
    }

    record Ledger(List<AuditRecord> entries, List<Checkpoint> checkpoints) {

        Ledger copy() {
            return new Ledger(new ArrayList<>(entries), new ArrayList<>(checkpoints));
        }
    }

    /** What was done, for the failure message, and the ledger it was done to (null when nothing changed). */
    record Tampering(Kind kind, String what, Ledger ledger) {
    }

    private final Ledger original;
    private final Random random = new Random(SEED);

    TamperTest() {
        List<AuditRecord> entries = Ledgers.chain(Ledgers.TENANT, ENTRIES, SEED);
        original = new Ledger(List.copyOf(entries), List.copyOf(Ledgers.checkpoints(entries, Ledgers.signer(), 50)));
    }

    @Test
    void theUntamperedLedgerVerifies() {
        assertThat(inMemory(original).valid()).isTrue();
        assertThat(throughExport(original).valid()).isTrue();
        assertThat(original.checkpoints()).hasSize(ENTRIES / 50 + 1); // every 50 and the head
    }

    @Test
    void detectsEveryOneOfAThousandRandomTamperings(TestReporter reporter) {
        Map<Kind, Integer> detected = new EnumMap<>(Kind.class);
        int redrawn = 0;
        while (detected.values().stream().mapToInt(Integer::intValue).sum() < TAMPERINGS) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Tampering tampering = tamper(kind, original.copy());
            if (tampering.ledger() == null || tampering.ledger().equals(original)) {
                redrawn++;
                continue;
            }

            VerificationReport records = inMemory(tampering.ledger());
            VerificationReport file = throughExport(tampering.ledger());

            assertThat(records.valid()).as("%s: %s", kind, tampering.what()).isFalse();
            assertThat(file.valid()).as("%s: %s (through an export)", kind, tampering.what()).isFalse();
            detected.merge(kind, 1, Integer::sum);
        }

        reporter.publishEntry("detected", detected + ", redrawn " + redrawn);
        assertThat(detected).containsOnlyKeys(Kind.values());
        assertThat(detected.values()).allSatisfy(count -> assertThat(count).isGreaterThan(50));
    }

    private Tampering tamper(Kind kind, Ledger ledger) {
        return switch (kind) {
            case FLIP_ENTRY_BYTE -> flipEntryByte(ledger);
            case UPDATE_ENTRY_FIELD -> updateEntryField(ledger);
            case DELETE_ENTRY -> {
                int at = random.nextInt(ledger.entries().size());
                ledger.entries().remove(at);
                yield new Tampering(kind, "deleted entry at index " + at, ledger);
            }
            case DELETE_NEWEST_ENTRIES -> {
                int k = 1 + random.nextInt(60);
                ledger.entries().subList(ENTRIES - k, ENTRIES).clear();
                yield new Tampering(kind, "deleted the newest " + k + " entries", ledger);
            }
            case REORDER_ENTRIES -> {
                int i = random.nextInt(ENTRIES);
                int j = random.nextInt(ENTRIES);
                Collections.swap(ledger.entries(), i, j);
                yield new Tampering(kind, "swapped indices " + i + " and " + j, i == j ? null : ledger);
            }
            case INSERT_FORGED_ENTRY -> insertForged(ledger);
            case FLIP_CHECKPOINT_BYTE -> flipCheckpointByte(ledger);
            case ALTER_SIGNATURE -> alterSignature(ledger);
            case DELETE_SIGNATURE -> {
                int at = random.nextInt(ledger.checkpoints().size());
                Checkpoint c = ledger.checkpoints().get(at);
                ledger.checkpoints().set(at, withSignature(c, ""));
                yield new Tampering(kind, "emptied the signature of checkpoint " + c.seq(), ledger);
            }
            case RESIGN_WITH_UNTRUSTED_KEY -> resign(ledger);
        };
    }

    /** One byte of one field's text form replaced by another printable byte. */
    private Tampering flipEntryByte(Ledger ledger) {
        int at = random.nextInt(ENTRIES);
        String field = EntryFields.NAMES.get(random.nextInt(EntryFields.NAMES.size()));
        byte[] bytes = EntryFields.get(ledger.entries().get(at), field).getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return new Tampering(Kind.FLIP_ENTRY_BYTE, "empty " + field, null);
        }
        int position = random.nextInt(bytes.length);
        byte replacement = (byte) (0x20 + random.nextInt(0x5f));
        if (bytes[position] < 0 || bytes[position] == replacement) {
            return new Tampering(Kind.FLIP_ENTRY_BYTE, "no change", null);
        }
        bytes[position] = replacement;
        String text = new String(bytes, StandardCharsets.UTF_8);
        String what = "entry " + (at + 1) + " " + field + " byte " + position + " -> " + text;
        try {
            ledger.entries().set(at, EntryFields.set(ledger.entries().get(at), field, text));
            return new Tampering(Kind.FLIP_ENTRY_BYTE, what, ledger);
        } catch (IllegalArgumentException notAValue) {
            return new Tampering(Kind.FLIP_ENTRY_BYTE, what + " (not a value of the field)", null);
        }
    }

    /** One field set to another plausible value: another entry's, an attacker's, or a made-up one. */
    private Tampering updateEntryField(Ledger ledger) {
        int at = random.nextInt(ENTRIES);
        AuditRecord entry = ledger.entries().get(at);
        AuditRecord donor = original.entries().get(random.nextInt(ENTRIES));
        String field = EntryFields.NAMES.get(random.nextInt(EntryFields.NAMES.size()));
        String value = switch (field) {
            case "id" -> Ledgers.uuid(random).toString();
            case "seq" -> Integer.toString(1 + random.nextInt(ENTRIES + 10));
            case "details" -> random.nextBoolean()
                    ? EntryFields.get(donor, field)
                    : "{\"approvedBy\":\"mallory\",\"state\":\"approved\"}";
            case "prevHash", "hash" -> random.nextBoolean() ? donor.hash() : ChainHash.GENESIS;
            default -> random.nextBoolean() ? EntryFields.get(donor, field) : "mallory";
        };
        ledger.entries().set(at, EntryFields.set(entry, field, value));
        return new Tampering(Kind.UPDATE_ENTRY_FIELD, "entry " + (at + 1) + " " + field + " = " + value, ledger);
    }

    /**
     * A made-up entry with a correct hash put before an existing one, taking its seq. Half of the time the attacker
     * also renumbers and rehashes every later entry, so only the checkpoints can tell.
     */
    private Tampering insertForged(Ledger ledger) {
        List<AuditRecord> entries = ledger.entries();
        int at = random.nextInt(ENTRIES);
        String prevHash = at == 0 ? ChainHash.GENESIS : entries.get(at - 1).hash();
        AuditRecord forged = Ledgers.entry(random, Ledgers.TENANT, at + 1L).chainedAfter(prevHash);
        entries.add(at, forged);
        boolean rechain = random.nextBoolean();
        if (rechain) {
            for (int i = at + 1; i < entries.size(); i++) {
                AuditRecord renumbered = EntryFields.set(entries.get(i), "seq", Long.toString(i + 1L));
                entries.set(i, renumbered.chainedAfter(entries.get(i - 1).hash()));
            }
        }
        String what = "forged seq " + (at + 1) + (rechain ? ", later entries renumbered and rehashed" : "");
        return new Tampering(Kind.INSERT_FORGED_ENTRY, what, ledger);
    }

    private Tampering flipCheckpointByte(Ledger ledger) {
        int at = random.nextInt(ledger.checkpoints().size());
        Checkpoint c = ledger.checkpoints().get(at);
        String[] fields = {c.tenant(), Long.toString(c.seq()), c.headHash(), c.createdAt(), c.keyId()};
        int field = random.nextInt(fields.length);
        char[] chars = fields[field].toCharArray();
        int position = random.nextInt(chars.length);
        char replacement = (char) (0x20 + random.nextInt(0x5f));
        if (chars[position] == replacement || field == 1 && !Character.isDigit(replacement)) {
            return new Tampering(Kind.FLIP_CHECKPOINT_BYTE, "no change", null);
        }
        chars[position] = replacement;
        fields[field] = new String(chars);
        ledger.checkpoints().set(at, new Checkpoint(fields[0], Long.parseLong(fields[1]), fields[2], fields[3],
                fields[4], c.signature()));
        return new Tampering(Kind.FLIP_CHECKPOINT_BYTE, "checkpoint " + c.seq() + " field " + field + " -> "
                + fields[field], ledger);
    }

    private Tampering alterSignature(Ledger ledger) {
        int at = random.nextInt(ledger.checkpoints().size());
        Checkpoint c = ledger.checkpoints().get(at);
        char[] signature = c.signature().toCharArray();
        int position = random.nextInt(signature.length);
        char replacement = BASE64.charAt(random.nextInt(BASE64.length()));
        if (signature[position] == replacement) {
            return new Tampering(Kind.ALTER_SIGNATURE, "no change", null);
        }
        signature[position] = replacement;
        ledger.checkpoints().set(at, withSignature(c, new String(signature)));
        return new Tampering(Kind.ALTER_SIGNATURE, "checkpoint " + c.seq() + " signature char " + position, ledger);
    }

    /**
     * A checkpoint signed again with a key that is not trusted: under its own key id or a new one, either as it was or
     * moved to a new head after the newest entries were deleted.
     */
    private Tampering resign(Ledger ledger) {
        boolean sameKeyId = random.nextBoolean();
        CheckpointSigner rogue = new CheckpointSigner(sameKeyId ? Ledgers.KEY_ID : "ckpt-rogue",
                Ledgers.keyPair(random.nextInt(1000) + 100L).getPrivate());
        List<Checkpoint> checkpoints = ledger.checkpoints();
        if (random.nextBoolean()) {
            int at = random.nextInt(checkpoints.size());
            Checkpoint c = checkpoints.get(at);
            checkpoints.set(at, rogue.sign(c.tenant(), c.seq(), c.headHash(), c.createdAt()));
            return new Tampering(Kind.RESIGN_WITH_UNTRUSTED_KEY, "re-signed checkpoint " + c.seq() + " as "
                    + rogue.keyId(), ledger);
        }
        int k = 1 + random.nextInt(40);
        ledger.entries().subList(ENTRIES - k, ENTRIES).clear();
        AuditRecord head = ledger.entries().get(ledger.entries().size() - 1);
        Checkpoint last = checkpoints.remove(checkpoints.size() - 1);
        checkpoints.removeIf(c -> c.seq() > head.seq());
        checkpoints.add(rogue.sign(head.tenant(), head.seq(), head.hash(), last.createdAt()));
        return new Tampering(Kind.RESIGN_WITH_UNTRUSTED_KEY, "deleted the newest " + k + " entries and signed the new "
                + "head as " + rogue.keyId(), ledger);
    }

    private static Checkpoint withSignature(Checkpoint c, String signature) {
        return new Checkpoint(c.tenant(), c.seq(), c.headHash(), c.createdAt(), c.keyId(), signature);
    }

    private static VerificationReport inMemory(Ledger ledger) {
        return ChainVerifier.verify(Ledgers.TENANT, Ledgers.verifier(), ledger.entries().iterator(),
                ledger.checkpoints());
    }

    private static VerificationReport throughExport(Ledger ledger) {
        try {
            StringWriter out = new StringWriter();
            try (ExportWriter writer = AuditExport.writer(out, Ledgers.TENANT, "2026-11-28T00:00:00.000000Z")) {
                writer.checkpoints(ledger.checkpoints());
                for (AuditRecord entry : ledger.entries()) {
                    writer.entry(entry);
                }
            }
            return AuditExport.verify(new StringReader(out.toString()), Ledgers.verifier());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
