package dev.watchfloor.ingest.normalize.ocsf;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Dotted paths compiled once: mappers name a bounded set of paths and read them for every record, so each path's
 * segments, and the dotted keys its runs of segments could form ({@code id.orig_h}), are built the first time and kept.
 */
final class Paths {

    private static final int MAX_CACHED = 20_000;
    private static final ConcurrentMap<String, Path> COMPILED = new ConcurrentHashMap<>();

    private Paths() {
    }

    /** A path's segments, and each run of segments joined by dots. */
    static final class Path {

        final String[] segments;
        /** {@code joined[i][n]}: segments i..i+n joined by dots (n ≥ 1; n = 0 is the segment itself). */
        private final String[][] joined;

        private Path(String path) {
            segments = path.split("\\.", -1);
            joined = new String[segments.length][];
            for (int i = 0; i < segments.length; i++) {
                joined[i] = new String[segments.length - i];
                StringBuilder key = new StringBuilder(segments[i]);
                joined[i][0] = segments[i];
                for (int n = 1; n < segments.length - i; n++) {
                    key.append('.').append(segments[i + n]);
                    joined[i][n] = key.toString();
                }
            }
        }

        /** Segments {@code from} (inclusive) to {@code to} (exclusive) joined by dots. */
        String joined(int from, int to) {
            return joined[from][to - from - 1];
        }
    }

    static Path compile(String path) {
        Path cached = COMPILED.get(path);
        if (cached != null) {
            return cached;
        }
        Path compiled = new Path(path);
        if (COMPILED.size() < MAX_CACHED) {
            COMPILED.put(path, compiled);
        }
        return compiled;
    }

    static String[] split(String path) {
        return compile(path).segments;
    }
}
