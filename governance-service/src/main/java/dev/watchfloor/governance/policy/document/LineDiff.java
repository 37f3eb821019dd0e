package dev.watchfloor.governance.policy.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs of two texts by line (Myers' O(ND) shortest edit script), for policy history and
 * {@code watchfloor policy diff}. Hunks carry three lines of context; a last line without a newline is followed by "\
 * No newline at end of file" as in GNU diff.
 */
public final class LineDiff {

    static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\n\\ No newline at end of file";

    private LineDiff() {
    }

    /** The unified diff turning {@code before} into {@code after}; {@code ""} when they are equal. */
    public static String unified(String before, String after, String beforeLabel, String afterLabel) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<MyersDiff.Edit> script = MyersDiff.edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(beforeLabel).append('\n');
        out.append("+++ ").append(afterLabel).append('\n');
        for (int[] hunk : hunks(script)) {
            appendHunk(out, script.subList(hunk[0], hunk[1]), a, b);
        }
        return out.toString();
    }

    /** Ranges [from, to) of the edit script, each a hunk: the changes plus up to three lines of context. */
    private static List<int[]> hunks(List<MyersDiff.Edit> script) {
        List<int[]> hunks = new ArrayList<>();
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).kind() == MyersDiff.Kind.EQUAL) {
                i++;
                continue;
            }
            int from = Math.max(0, i - CONTEXT);
            int lastChange = i;
            int j = i;
            while (j < script.size() && j - lastChange <= 2 * CONTEXT + 1) {
                if (script.get(j).kind() != MyersDiff.Kind.EQUAL) {
                    lastChange = j;
                }
                j++;
            }
            int to = Math.min(script.size(), lastChange + 1 + CONTEXT);
            hunks.add(new int[]{from, to});
            i = to;
        }
        return hunks;
    }

    private static void appendHunk(StringBuilder out, List<MyersDiff.Edit> hunk, List<String> a, List<String> b) {
        MyersDiff.Edit first = hunk.getFirst();
        int beforeCount = (int) hunk.stream().filter(e -> e.kind() != MyersDiff.Kind.INSERT).count();
        int afterCount = (int) hunk.stream().filter(e -> e.kind() != MyersDiff.Kind.DELETE).count();
        out.append("@@ -").append(start(first.beforeIndex(), beforeCount)).append(',').append(beforeCount)
                .append(" +").append(start(first.afterIndex(), afterCount)).append(',').append(afterCount)
                .append(" @@\n");
        for (MyersDiff.Edit edit : hunk) {
            switch (edit.kind()) {
                case EQUAL -> out.append(' ').append(a.get(edit.beforeIndex()));
                case DELETE -> out.append('-').append(a.get(edit.beforeIndex()));
                case INSERT -> out.append('+').append(b.get(edit.afterIndex()));
            }
            out.append('\n');
        }
    }

    /** 1-based first line of a range; for an empty range, the line before it (0 at the start), as diff does. */
    private static int start(int index, int count) {
        return count == 0 ? index : index + 1;
    }

    /** The lines of a text; a last line without a newline carries the "no newline" marker. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            if (newline < 0) {
                lines.add(text.substring(from) + NO_NEWLINE);
                break;
            }
            lines.add(text.substring(from, newline));
            from = newline + 1;
        }
        return lines;
    }
}
