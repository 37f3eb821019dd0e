package dev.watchfloor.redaction;

import java.util.Arrays;

/** Buffers one redaction reuses while it scans, so that the inner loops allocate nothing. Not shared. */
final class Scratch {

    private final Findings[] findings = new Findings[TextScanner.MAX_DEPTH + 2];
    final byte[] digits = new byte[24];
    final int[] groupLengths = new int[8];
    final char[] gaps = new char[8];
    final char[] key = new char[64];
    byte[] bytes = new byte[256];

    /** The findings list for scans at this depth of decoding (cleared). */
    Findings findings(int depth) {
        Findings f = findings[depth];
        if (f == null) {
            f = new Findings();
            findings[depth] = f;
        }
        f.clear();
        return f;
    }

    byte[] bytes(int capacity) {
        if (bytes.length < capacity) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
        return bytes;
    }
}
