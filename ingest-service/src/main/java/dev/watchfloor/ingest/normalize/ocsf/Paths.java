package dev.watchfloor.ingest.normalize.ocsf;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Dotted paths split once: mappers name a bounded set of paths and read them for every record. */
final class Paths {

    private static final int MAX_CACHED = 20_000;
    private static final ConcurrentMap<String, String[]> SPLIT = new ConcurrentHashMap<>();

    private Paths() {
    }

    static String[] split(String path) {
        String[] cached = SPLIT.get(path);
        if (cached != null) {
            return cached;
        }
        String[] segments = path.split("\\.", -1);
        if (SPLIT.size() < MAX_CACHED) {
            SPLIT.put(path, segments);
        }
        return segments;
    }
}
