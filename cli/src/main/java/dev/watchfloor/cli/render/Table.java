package dev.watchfloor.cli.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for terminals: left-aligned columns two spaces apart, a dashed rule under the header, cells that
 * may span several lines ({@code \n}), and {@code -} for empty cells. No trailing spaces.
 */
public final class Table {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    /** Adds a row; {@code null} or blank cells render as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Table::text).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        appendLine(out, rules, widths);
        for (List<String> row : rows) {
            List<List<String>> cellLines = row.stream().map(cell -> cell.lines().toList()).toList();
            int height = cellLines.stream().mapToInt(List::size).max().orElse(1);
            for (int i = 0; i < height; i++) {
                final int line = i;
                appendLine(out, cellLines.stream().map(l -> line < l.size() ? l.get(line) : "").toList(), widths);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                for (String line : row.get(c).lines().toList()) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        return widths;
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String text(Object cell) {
        String value = cell == null ? "" : cell.toString();
        return value.isBlank() ? "-" : value.replace("\t", " ").replace("\r", "");
    }
}
