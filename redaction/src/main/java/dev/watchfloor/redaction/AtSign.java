package dev.watchfloor.redaction;

/**
 * What an {@code @} gives away: the password of {@code scheme://user:PASSWORD@host} (only the password is matched), or
 * an e-mail address {@code local@domain.tld}.
 */
final class AtSign {

    private AtSign() {
    }

    /** Called at an {@code @}; adds a URL password or an e-mail address and returns where to go on, or -1. */
    static int at(TextScanner scanner, char[] b, int off, int i, int end, Findings out) {
        int floor = out.floor(off);
        int userinfo = i;
        while (userinfo > floor && !endsUserinfo(b[userinfo - 1])) {
            userinfo--;
        }
        if (userinfo - 3 >= off && b[userinfo - 1] == '/' && b[userinfo - 2] == '/' && b[userinfo - 3] == ':') {
            return urlPassword(scanner, b, userinfo, i, out);
        }
        return email(scanner, b, floor, i, end, out);
    }

    private static int urlPassword(TextScanner scanner, char[] b, int userinfo, int at, Findings out) {
        int colon = userinfo;
        while (colon < at && b[colon] != ':') {
            colon++;
        }
        if (colon + 1 < at && scanner.enabled(Detector.URL_PASSWORD)) {
            out.add(colon + 1, at, Detector.URL_PASSWORD, false);
        }
        return at + 1;
    }

    private static int email(TextScanner scanner, char[] b, int floor, int at, int end, Findings out) {
        int start = at;
        while (start > floor && isLocal(b[start - 1])) {
            start--;
        }
        while (start < at && b[start] == '.') {
            start++;
        }
        if (start == at || !scanner.enabled(Detector.EMAIL)) {
            return -1;
        }
        int domainEnd = domainEnd(b, at + 1, end);
        if (domainEnd < 0) {
            return -1;
        }
        out.add(start, domainEnd, Detector.EMAIL, false);
        return domainEnd;
    }

    /** The end of {@code label(.label)+} with an alphabetic top-level label of 2+ letters, or -1. */
    private static int domainEnd(char[] b, int d, int end) {
        int e = d;
        while (e < end && (Chars.isAlnum(b[e]) || b[e] == '-' || (b[e] == '.' && e > d && b[e - 1] != '.'))) {
            e++;
        }
        while (e > d && (b[e - 1] == '.' || b[e - 1] == '-')) {
            e--;
        }
        int tld = e;
        while (tld > d && Chars.isAlnum(b[tld - 1])) {
            tld--;
        }
        if (tld <= d || b[tld - 1] != '.' || e - tld < 2) {
            return -1;
        }
        for (int k = tld; k < e; k++) {
            if (Chars.isDigit(b[k])) {
                return -1;
            }
        }
        return e;
    }

    private static boolean isLocal(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean endsUserinfo(char c) {
        return c <= ' ' || c == '/' || c == '"' || c == '\'' || c == '@' || c == '<' || c == '(' || c == ','
                || c == ';';
    }
}
