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
    /** Expected values known to be wrong (known-defects.txt): left out of the agreement. */
    final List<String> defects = new ArrayList<>();

    double agreement() {
        return compared == 0 ? 1.0 : (double) agreed / compared;
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
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %d | %d | %d |%n", vendor,
                files, compared, agreed, agreement() * 100, swapped, extra, defects.size());
    }
}
