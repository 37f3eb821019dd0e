package dev.watchfloor.ingest.corpus;

import java.util.ArrayList;
import java.util.List;

/** Agreement counts for one vendor. */
final class Tally {

    int files;
    int compared;
    int agreed;
    int swapped;
    int extra;
    final List<String> misses = new ArrayList<>();
    /**
     * Expected values known to be wrong (known-defects.txt) or of an older OCSF version where ours is the current one:
     * left out of the agreement, listed, and counted as misses in {@link #strict()}.
     */
    final List<String> defects = new ArrayList<>();

    double agreement() {
        return compared == 0 ? 1.0 : (double) agreed / compared;
    }

    /** The agreement when every left-out field counts as a miss. */
    double strict() {
        return compared + defects.size() == 0 ? 1.0 : (double) agreed / (compared + defects.size());
    }

    void add(Tally other) {
        files += other.files;
        compared += other.compared;
        agreed += other.agreed;
        swapped += other.swapped;
        extra += other.extra;
        defects.addAll(other.defects);
    }

    String row(String vendor) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %d | %d | %d | %.1f %% |%n",
                vendor, files, compared, agreed, agreement() * 100, swapped, extra, defects.size(), strict() * 100);
    }
}
