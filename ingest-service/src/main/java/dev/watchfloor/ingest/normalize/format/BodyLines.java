package dev.watchfloor.ingest.normalize.format;

/** Walks a body line by line (LF or CRLF), giving each line without its terminator and the offset it starts at. */
final class BodyLines {

    /** Takes one line; answers whether to go on to the next. */
    @FunctionalInterface
    interface Visitor {

        boolean line(String line, int offset);
    }

    private BodyLines() {
    }

    /** Every line of {@code body} from character {@code from}, until the visitor says stop. */
    static void each(String body, int from, Visitor visitor) {
        int pos = from;
        while (pos < body.length()) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? body.length() : nl;
            String line = body.substring(pos, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!visitor.line(line, pos)) {
                return;
            }
            pos = end + 1;
        }
    }
}
