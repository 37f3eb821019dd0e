package dev.watchfloor.governance.policy.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shortest edit script between two line lists by Myers' greedy O(ND) algorithm, after trimming the common prefix and
 * suffix. Keeps the furthest-reaching paths of every step (O(D²) memory); beyond {@link #MAX_EDITS} differences it
 * gives up on minimality and replaces the whole differing middle.
 */
final class MyersDiff {

    static final int MAX_EDITS = 4000;

    enum Kind {
        EQUAL, DELETE, INSERT
    }

    /** One step of the script: a line kept, deleted from before, or inserted from after (0-based indexes). */
    record Edit(Kind kind, int beforeIndex, int afterIndex) {
    }

    private MyersDiff() {
    }

    static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, prefix);
        List<Edit> script = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            script.add(new Edit(Kind.EQUAL, i, i));
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        List<int[]> trace = forward(midA, midB);
        List<Edit> middle = trace == null
                ? replaceAll(midA.size(), midB.size())
                : backtrack(trace, midA.size(), midB.size());
        middle.forEach(e -> script.add(new Edit(e.kind(), e.beforeIndex() + prefix, e.afterIndex() + prefix)));
        for (int i = suffix; i > 0; i--) {
            script.add(new Edit(Kind.EQUAL, a.size() - i, b.size() - i));
        }
        return script;
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        return prefix;
    }

    private static int commonSuffix(List<String> a, List<String> b, int prefix) {
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        return suffix;
    }

    /**
     * For each step d, the furthest x reached on every diagonal k in [-d, d] (stored at index k + d); null when the
     * texts differ in more than {@link #MAX_EDITS} lines.
     */
    private static List<int[]> forward(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<int[]> trace = new ArrayList<>();
        int[] previous = {0}; // a virtual step -1 whose diagonal 1 ends at x = 0
        for (int d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
            int[] v = new int[2 * d + 1];
            for (int k = -d; k <= d; k += 2) {
                int x = d == 0 ? 0 : next(previous, d - 1, k, d);
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[k + d] = x;
                if (x >= n && y >= m) {
                    trace.add(v);
                    return trace;
                }
            }
            trace.add(v);
            previous = v;
        }
        return null;
    }

    /** Where step d starts on diagonal k: down from k+1 (an insertion) or right from k-1 (a deletion). */
    private static int next(int[] previous, int previousD, int k, int d) {
        if (down(previous, previousD, k, d)) {
            return previous[k + 1 + previousD];
        }
        return previous[k - 1 + previousD] + 1;
    }

    private static boolean down(int[] previous, int previousD, int k, int d) {
        return k == -d || (k != d && previous[k - 1 + previousD] < previous[k + 1 + previousD]);
    }

    private static List<Edit> backtrack(List<int[]> trace, int n, int m) {
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d > 0; d--) {
            int[] previous = trace.get(d - 1);
            int k = x - y;
            boolean down = down(previous, d - 1, k, d);
            int previousK = down ? k + 1 : k - 1;
            int previousX = previous[previousK + d - 1];
            int previousY = previousX - previousK;
            int startX = down ? previousX : previousX + 1;
            while (x > startX) {
                reversed.add(new Edit(Kind.EQUAL, --x, --y));
            }
            reversed.add(down ? new Edit(Kind.INSERT, x, previousY) : new Edit(Kind.DELETE, previousX, y));
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0) {
            reversed.add(new Edit(Kind.EQUAL, --x, --y));
        }
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<Edit> replaceAll(int n, int m) {
        List<Edit> script = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            script.add(new Edit(Kind.DELETE, i, 0));
        }
        for (int j = 0; j < m; j++) {
            script.add(new Edit(Kind.INSERT, n, j));
        }
        return script;
    }
}
