package dev.watchfloor.redaction;

import java.util.Set;

/**
 * One pass over a text that finds every detector's matches. The loop jumps word by word; a detector is only tried where
 * its first character can start it (a word start for tokens and numbers, {@code @} for e-mail and URL passwords,
 * {@code = :} for secret keys, {@code -----} for PEM, {@code % \} for escapes), so benign text costs a table lookup per
 * character. Encoded runs are decoded and scanned again up to {@link #MAX_DEPTH} levels deep. Immutable.
 */
final class TextScanner {

    /** How many levels of encoding (base64, escapes, embedded JSON) are looked through. */
    static final int MAX_DEPTH = 3;

    private final boolean[] enabled = new boolean[Detector.values().length];

    TextScanner(Set<Detector> detectors) {
        for (Detector detector : detectors) {
            enabled[detector.ordinal()] = true;
        }
    }

    boolean enabled(Detector detector) {
        return enabled[detector.ordinal()];
    }

    /** Adds the matches in {@code b[off..end)} to {@code out}, stopping after {@code limit} of them. */
    void scan(char[] b, int off, int end, int depth, Findings out, Scratch s, int limit) {
        int i = off;
        while (i < end && out.size() < limit) {
            char c = b[i];
            int next = Chars.isWord(c)
                    ? atWord(b, off, i, end, depth, out, s)
                    : atSymbol(b, off, i, end, depth, out, s);
            if (next >= 0) {
                i = next;
            } else if (next < -1) {
                i = -2 - next;
            } else {
                i = Chars.isWord(c) ? Chars.wordEnd(b, i, end) : i + 1;
            }
        }
    }

    /** What a detector returns for "nothing here, and nothing until {@code index} either". */
    static int resumeAt(int index) {
        return -2 - index;
    }

    /** The detector of the first match in a decoded text, or null; at the depth limit, nothing is looked at. */
    Detector firstIn(String decoded, int depth, Scratch s) {
        if (depth > MAX_DEPTH || decoded.isEmpty()) {
            return null;
        }
        char[] chars = decoded.toCharArray();
        Findings found = s.findings(depth);
        scan(chars, 0, chars.length, depth, found, s, 1);
        return found.size() == 0 ? null : found.detector(0);
    }

    private int atWord(char[] b, int off, int i, int end, int depth, Findings out, Scratch s) {
        int matched = token(b, off, i, end, out, s);
        if (matched != -1 || depth >= MAX_DEPTH || (i > off && Chars.isBase64(b[i - 1]))) {
            return matched;
        }
        return Base64Runs.at(this, b, i, end, depth, out, s);
    }

    private int token(char[] b, int off, int i, int end, Findings out, Scratch s) {
        char c = b[i];
        if (Chars.isDigit(c)) {
            return DigitRuns.at(this, b, off, i, end, out, s);
        }
        if (Chars.isUpper(c)) {
            int e = enabled(Detector.AWS_ACCESS_KEY) ? Tokens.awsAccessKey(b, i, end) : -1;
            if (e >= 0) {
                return add(out, i, e, Detector.AWS_ACCESS_KEY);
            }
            e = enabled(Detector.NATIONAL_ID) ? NationalInsurance.at(b, i, end) : -1;
            return e >= 0 ? add(out, i, e, Detector.NATIONAL_ID) : -1;
        }
        return switch (c) {
            case 'g' ->
                enabled(Detector.GITHUB_TOKEN) ? add(out, i, Tokens.githubToken(b, i, end), Detector.GITHUB_TOKEN) : -1;
            case 'x' ->
                enabled(Detector.SLACK_TOKEN) ? add(out, i, Tokens.slackToken(b, i, end), Detector.SLACK_TOKEN) : -1;
            case 'e' -> enabled(Detector.JWT) ? add(out, i, Tokens.jwt(b, i, end), Detector.JWT) : -1;
            default -> -1;
        };
    }

    private int atSymbol(char[] b, int off, int i, int end, int depth, Findings out, Scratch s) {
        return switch (b[i]) {
            case '@' -> AtSign.at(this, b, off, i, end, out);
            case '=', ':' -> SecretKeys.afterSeparator(this, b, off, i, end, out);
            case '-' ->
                enabled(Detector.PRIVATE_KEY) ? add(out, i, Tokens.privateKey(b, i, end), Detector.PRIVATE_KEY) : -1;
            case '%', '\\' -> depth < MAX_DEPTH ? EscapedRuns.at(this, b, off, i, end, depth, out, s) : -1;
            case '+', '(' -> plusOrParen(b, off, i, end, depth, out, s);
            case '/' -> base64Start(b, off, i, end, depth, out, s);
            default -> -1;
        };
    }

    private int plusOrParen(char[] b, int off, int i, int end, int depth, Findings out, Scratch s) {
        int e = i + 1 < end && (Chars.isDigit(b[i + 1]) || b[i + 1] == '(')
                ? DigitRuns.at(this, b, off, i, end, out, s)
                : -1;
        return e != -1 || b[i] == '(' ? e : base64Start(b, off, i, end, depth, out, s);
    }

    private int base64Start(char[] b, int off, int i, int end, int depth, Findings out, Scratch s) {
        if (depth >= MAX_DEPTH || (i > off && Chars.isBase64(b[i - 1]))) {
            return -1;
        }
        return Base64Runs.at(this, b, i, end, depth, out, s);
    }

    private static int add(Findings out, int start, int end, Detector detector) {
        if (end >= 0) {
            out.add(start, end, detector, false);
        }
        return end;
    }
}
