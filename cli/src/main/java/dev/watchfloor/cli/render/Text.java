package dev.watchfloor.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers for terminal output. */
public final class Text {

    private Text() {
    }

    /** Breaks text at spaces into lines of at most {@code width} characters; longer words are cut. */
    public static String wrap(String text, int width) {
        if (text == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                flush(lines, line);
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                flush(lines, line);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(lines, line);
        return String.join("\n", lines);
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }
}
