package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void isEmptyForEqualTexts() {
        assertThat(LineDiff.unified("a\nb\n", "a\nb\n", "v1", "v2")).isEmpty();
    }

    @Test
    void showsAChangedLineWithThreeLinesOfContext() {
        String before = numbered(1, 10);
        String after = before.replace("line 5\n", "line five\n");

        assertThat(LineDiff.unified(before, after, "policy v1", "policy v2")).isEqualTo("""
                --- policy v1
                +++ policy v2
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """);
    }

    @Test
    void splitsChangesMoreThanSixLinesApartIntoHunks() {
        String before = numbered(1, 30);
        String after = before.replace("line 2\n", "").replace("line 9\n", "line 9\nline 9b\n")
                .replace("line 25\n", "line 25!\n");

        assertThat(LineDiff.unified(before, after, "a", "b")).isEqualTo("""
                --- a
                +++ b
                @@ -1,5 +1,4 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                @@ -7,6 +6,7 @@
                 line 7
                 line 8
                 line 9
                +line 9b
                 line 10
                 line 11
                 line 12
                @@ -22,7 +22,7 @@
                 line 22
                 line 23
                 line 24
                -line 25
                +line 25!
                 line 26
                 line 27
                 line 28
                """);
    }

    @Test
    void mergesChangesAtMostSixLinesApartIntoOneHunk() {
        String before = numbered(1, 20);
        String after = before.replace("line 2\n", "").replace("line 8\n", "line 8\nline 8b\n");

        assertThat(LineDiff.unified(before, after, "a", "b")).isEqualTo("""
                --- a
                +++ b
                @@ -1,11 +1,11 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                 line 6
                 line 7
                 line 8
                +line 8b
                 line 9
                 line 10
                 line 11
                """);
    }

    @Test
    void countsAnEmptySideFromTheLineBeforeIt() {
        assertThat(LineDiff.unified("", "a\nb\n", "empty", "new")).isEqualTo("""
                --- empty
                +++ new
                @@ -0,0 +1,2 @@
                +a
                +b
                """);
        assertThat(LineDiff.unified("a\nb\n", "a\nb\nc\n", "x", "y")).isEqualTo("""
                --- x
                +++ y
                @@ -1,2 +1,3 @@
                 a
                 b
                +c
                """);
    }

    @Test
    void marksALastLineWithoutNewline() {
        assertThat(LineDiff.unified("a\nb", "a\nb\n", "x", "y")).isEqualTo("""
                --- x
                +++ y
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """);
    }

    @Test
    void findsAShortestEditScript() {
        // the classic example of Myers' paper: ABCABBA -> CBABAC needs 5 edits
        List<String> a = List.of("A", "B", "C", "A", "B", "B", "A");
        List<String> b = List.of("C", "B", "A", "B", "A", "C");

        List<MyersDiff.Edit> script = MyersDiff.edits(a, b);

        assertThat(script).filteredOn(e -> e.kind() != MyersDiff.Kind.EQUAL).hasSize(5);
        assertThat(apply(script, a, b)).isEqualTo(b);
    }

    @Test
    void producesScriptsThatTurnOneTextIntoTheOther() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);

            List<MyersDiff.Edit> script = MyersDiff.edits(a, b);

            assertThat(apply(script, a, b)).isEqualTo(b);
            assertThat(script.stream().filter(e -> e.kind() != MyersDiff.Kind.INSERT).map(e -> a.get(e.beforeIndex())))
                    .containsExactlyElementsOf(a);
            assertThat(script.stream().filter(e -> e.kind() == MyersDiff.Kind.EQUAL).count())
                    .isEqualTo(lcsLength(a, b));
        }
    }

    private static List<String> randomLines(Random random) {
        List<String> lines = new ArrayList<>();
        int size = random.nextInt(12);
        for (int i = 0; i < size; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static List<String> apply(List<MyersDiff.Edit> script, List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        for (MyersDiff.Edit edit : script) {
            switch (edit.kind()) {
                case EQUAL -> {
                    assertThat(a.get(edit.beforeIndex())).isEqualTo(b.get(edit.afterIndex()));
                    out.add(a.get(edit.beforeIndex()));
                }
                case INSERT -> out.add(b.get(edit.afterIndex()));
                case DELETE -> {
                }
            }
        }
        return out;
    }

    /** Reference: the textbook dynamic program, to check the script keeps a longest common subsequence. */
    private static int lcsLength(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j))
                        ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }
}
