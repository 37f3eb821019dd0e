package dev.watchfloor.redaction;

/**
 * Values named by a secret-sounding key: {@code password=...}, {@code "api_key": "..."}, {@code Authorization: Bearer
 * ...}, {@code aws_secret_access_key = ...}. A key matches when it is one of the names below or ends with one after
 * {@code _ - .} or a lower-to-upper case step ({@code db_password}, {@code clientSecret}, {@code X-Api-Key}).
 */
final class SecretKeys {

    private static final String[] NAMES = {"secret_access_key", "aws_secret_key", "aws_secret", "authorization",
            "password", "passwd", "pwd", "client_secret", "secret", "api_key", "api-key", "apikey", "token"};
    private static final Detector[] DETECTORS = {Detector.AWS_SECRET_KEY, Detector.AWS_SECRET_KEY,
            Detector.AWS_SECRET_KEY, Detector.AUTHORIZATION_HEADER, Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD,
            Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD,
            Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD, Detector.PASSWORD_FIELD};
    private static final String[] AUTH_SCHEMES = {"bearer", "basic", "token", "digest", "negotiate", "ntlm", "apikey",
            "aws4-hmac-sha256"};
    private static final int MAX_KEY = 48;
    private static final int AWS_SECRET_LENGTH = 40;

    private SecretKeys() {
    }

    /**
     * The detector a key names ({@code AWS_SECRET_KEY}, {@code AUTHORIZATION_HEADER}, {@code PASSWORD_FIELD}), or null.
     */
    static Detector classify(char[] b, int start, int end) {
        int n = end - start;
        if (n == 0 || n > MAX_KEY || "dtyn".indexOf(Chars.lower(b[end - 1])) < 0) {
            return null;
        }
        for (int k = 0; k < NAMES.length; k++) {
            String name = NAMES[k];
            int from = end - name.length();
            if (from >= start && Chars.startsWithIgnoreCase(b, from, end, name) && boundary(b, start, from)) {
                return DETECTORS[k];
            }
        }
        return null;
    }

    /** Called at {@code =} or {@code :}; masks the value after it when the key before it names a secret. */
    static int afterSeparator(TextScanner scanner, char[] b, int off, int i, int end, Findings out) {
        if (i + 1 >= end || (b[i] == ':' && b[i + 1] == '/') || b[i + 1] == '=' || b[i + 1] == ':') {
            return -1;
        }
        int keyEnd = i;
        while (keyEnd > off && keyEnd > i - 2 && b[keyEnd - 1] == ' ') {
            keyEnd--;
        }
        if (keyEnd > off && (b[keyEnd - 1] == '"' || b[keyEnd - 1] == '\'')) {
            keyEnd--;
            if (keyEnd > off && b[keyEnd - 1] == '\\') {
                keyEnd--;
            }
        }
        int keyStart = keyEnd;
        while (keyStart > off && i - keyStart < MAX_KEY && isKeyChar(b[keyStart - 1])) {
            keyStart--;
        }
        if (keyStart - 2 >= off && b[keyStart - 1] == '/' && b[keyStart - 2] == '/') {
            return -1;
        }
        Detector detector = classify(b, keyStart, keyEnd);
        return detector == null ? -1 : value(scanner, b, i + 1, end, detector, out);
    }

    /** The index where the credential of an Authorization value starts (after its scheme word), or {@code start}. */
    static int credentialStart(char[] b, int start, int end) {
        for (String scheme : AUTH_SCHEMES) {
            int after = start + scheme.length();
            if (after < end && b[after] == ' ' && Chars.startsWithIgnoreCase(b, start, end, scheme)) {
                while (after < end && b[after] == ' ') {
                    after++;
                }
                return after;
            }
        }
        return start;
    }

    /** {@code AWS_SECRET_KEY} only for a value of the right shape (40 base64 characters); otherwise a password. */
    static Detector refine(Detector detector, char[] b, int start, int end) {
        if (detector != Detector.AWS_SECRET_KEY) {
            return detector;
        }
        if (end - start != AWS_SECRET_LENGTH) {
            return Detector.PASSWORD_FIELD;
        }
        for (int k = start; k < end; k++) {
            if (!(Chars.isAlnum(b[k]) || b[k] == '/' || b[k] == '+')) {
                return Detector.PASSWORD_FIELD;
            }
        }
        return Detector.AWS_SECRET_KEY;
    }

    static boolean isRedacted(char[] b, int start, int end) {
        return Chars.startsWith(b, start, end, "[REDACTED:");
    }

    private static int value(TextScanner scanner, char[] b, int from, int end, Detector named, Findings out) {
        int v = from;
        while (v < end && v < from + 2 && b[v] == ' ') {
            v++;
        }
        boolean escaped = v + 1 < end && b[v] == '\\' && b[v + 1] == '"';
        if (escaped) {
            v += 2;
        }
        char quote = !escaped && v < end && (b[v] == '"' || b[v] == '\'') ? b[v] : 0;
        if (quote != 0) {
            v++;
        }
        if (named == Detector.AUTHORIZATION_HEADER) {
            v = credentialStart(b, v, end);
        }
        int e = v;
        while (e < end && (quote != 0 ? b[e] != quote : !endsValue(b[e]) && b[e] != '\\')) {
            e++;
        }
        if (e == v || isRedacted(b, v, e)) {
            return e == v ? -1 : e;
        }
        Detector detector = refine(named, b, v, e);
        if (!scanner.enabled(detector)) {
            return -1;
        }
        out.add(v, e, detector, false);
        return e;
    }

    private static boolean boundary(char[] b, int start, int from) {
        if (from == start) {
            return true;
        }
        char before = b[from - 1];
        return before == '_' || before == '-' || before == '.' || (Chars.isLower(before) && Chars.isUpper(b[from]));
    }

    private static boolean isKeyChar(char c) {
        return Chars.isWord(c) || c == '-' || c == '.';
    }

    private static boolean endsValue(char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '&' || c == '}' || c == ')'
                || c == ']' || c == '<' || c == '>';
    }
}
