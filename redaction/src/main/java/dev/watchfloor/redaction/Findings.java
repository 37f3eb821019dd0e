package dev.watchfloor.redaction;

import java.util.Arrays;

/** The matches in one text, in order and never overlapping: start, end and detector of each. Reused, not shared. */
final class Findings {

    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private Detector[] detectors = new Detector[8];
    private boolean[] encoded = new boolean[8];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Where a match may start at the earliest: after the previous match, and not before {@code off}. */
    int floor(int off) {
        return size == 0 ? off : Math.max(off, ends[size - 1]);
    }

    /** Records a match; {@code encodedRun} marks a whole base64/URL-encoded run that hides it (always masked). */
    void add(int start, int end, Detector detector, boolean encodedRun) {
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            detectors = Arrays.copyOf(detectors, n);
            encoded = Arrays.copyOf(encoded, n);
        }
        starts[size] = start;
        ends[size] = end;
        detectors[size] = detector;
        encoded[size] = encodedRun;
        size++;
    }

    int start(int k) {
        return starts[k];
    }

    int end(int k) {
        return ends[k];
    }

    Detector detector(int k) {
        return detectors[k];
    }

    boolean encoded(int k) {
        return encoded[k];
    }
}
