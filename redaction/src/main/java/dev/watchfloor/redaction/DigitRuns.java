package dev.watchfloor.redaction;

/**
 * Numbers with separators, read once and then classified: US social security numbers, Canadian social insurance
 * numbers, Luhn-valid card numbers and phone numbers. A run is digit groups joined by one or two of
 * {@code space - . ( )}; it must stand alone (no letter or digit right after it), which keeps timestamps
 * ({@code 2024-05-01T...}), versions, IPs and hashes out.
 */
final class DigitRuns {

    private static final int MAX_DIGITS = 19;

    private DigitRuns() {
    }

    /**
     * Called at a digit, {@code +} or {@code (} that starts a token; adds what the run is and returns its end, or -1.
     */
    static int at(TextScanner scanner, char[] b, int off, int i, int end, Findings out, Scratch s) {
        boolean plus = b[i] == '+';
        if (i > off && (b[i - 1] == '.' || b[i - 1] == '+' || Chars.isWord(b[i - 1]))) {
            return -1;
        }
        Run run = read(b, plus ? i + 1 : i, end, s);
        if (run == null || (run.end < end && Chars.isWord(b[run.end]))) {
            return -1;
        }
        Detector detector = plus ? e164(run, s) : classify(run, b[i] == '(', s);
        if (detector == null || !scanner.enabled(detector)) {
            return run.groups > 1 ? TextScanner.resumeAt(run.end) : -1;
        }
        out.add(i, run.end, detector, false);
        return run.end;
    }

    private record Run(int end, int digits, int groups) {
    }

    private static Run read(char[] b, int p, int end, Scratch s) {
        int digits = 0;
        int groups = 0;
        if (p < end && b[p] == '(') {
            p++;
        }
        while (p < end && Chars.isDigit(b[p])) {
            int start = p;
            while (p < end && Chars.isDigit(b[p])) {
                if (digits == MAX_DIGITS) {
                    return null;
                }
                s.digits[digits++] = (byte) (b[p++] - '0');
            }
            s.groupLengths[groups++] = p - start;
            int q = p;
            while (q < end && q - p < 2 && isSeparator(b[q])) {
                q++;
            }
            if (q == p || q == end || !Chars.isDigit(b[q]) || groups == s.groupLengths.length) {
                break;
            }
            s.gaps[groups - 1] = gap(b, p, q);
            p = q;
        }
        return digits == 0 ? null : new Run(p, digits, groups);
    }

    private static Detector classify(Run run, boolean paren, Scratch s) {
        if (!paren && isSsn(run, s)) {
            return Detector.NATIONAL_ID;
        }
        if (!paren && isSin(run, s)) {
            return Detector.NATIONAL_ID;
        }
        if (!paren && isCard(run, s)) {
            return Detector.CARD_NUMBER;
        }
        return isNationalPhone(run, paren, s) ? Detector.PHONE : null;
    }

    /** US SSN {@code ddd-dd-dddd}: area not 000, 666 or 9xx, group not 00, serial not 0000. */
    private static boolean isSsn(Run run, Scratch s) {
        if (!shape(run, s, 3, 2, 4) || s.gaps[0] != '-' || s.gaps[1] != '-') {
            return false;
        }
        int area = number(s, 0, 3);
        return area != 0 && area != 666 && area < 900 && number(s, 3, 5) != 0 && number(s, 5, 9) != 0;
    }

    /** Canadian SIN {@code ddd-ddd-ddd} or {@code ddd ddd ddd}, Luhn-valid, not starting with 0 or 8. */
    private static boolean isSin(Run run, Scratch s) {
        return shape(run, s, 3, 3, 3) && s.gaps[0] == s.gaps[1] && (s.gaps[0] == '-' || s.gaps[0] == ' ')
                && s.digits[0] != 0 && s.digits[0] != 8 && luhn(s, run.digits);
    }

    /** 13-19 digits starting 2-6 (the card networks' ranges; keeps epoch millis out), one kind of separator, Luhn. */
    private static boolean isCard(Run run, Scratch s) {
        if (run.digits < 13 || s.digits[0] < 2 || s.digits[0] > 6 || !cardGroups(run, s)) {
            return false;
        }
        for (int g = 1; g < run.groups; g++) {
            char gap = s.gaps[g - 1];
            if ((gap != ' ' && gap != '-') || gap != s.gaps[0]) {
                return false;
            }
        }
        return luhn(s, run.digits);
    }

    /** Groups as printed on cards: 4-4-4-4(-3), or 4-6-5 and 4-6-4; or no separator at all. */
    private static boolean cardGroups(Run run, Scratch s) {
        if (run.groups == 1) {
            return true;
        }
        if (run.groups == 3 && s.groupLengths[0] == 4 && s.groupLengths[1] == 6) {
            return s.groupLengths[2] == 5 || s.groupLengths[2] == 4;
        }
        for (int g = 0; g < run.groups - 1; g++) {
            if (s.groupLengths[g] != 4) {
                return false;
            }
        }
        return s.groupLengths[run.groups - 1] <= 4;
    }

    /** {@code (415) 555-0142}, {@code 415-555-0142}, {@code 415.555.0142}; or a trunk 0 and 10-11 digits. */
    private static boolean isNationalPhone(Run run, boolean paren, Scratch s) {
        if (run.groups < 2) {
            return false;
        }
        if (shape(run, s, 3, 3, 4) && s.digits[0] >= 2) {
            return paren ? s.gaps[0] == ')' && (s.gaps[1] == '-' || s.gaps[1] == ' ') : uniform(run, s, " -.");
        }
        if (paren || s.digits[0] != 0 || run.digits < 10 || run.digits > 11 || run.groups > 4) {
            return false;
        }
        for (int g = 0; g < run.groups; g++) {
            if (s.groupLengths[g] < 2) {
                return false;
            }
        }
        return uniform(run, s, " -");
    }

    /** E.164: {@code +} then 8-15 digits, the first not 0, any of the separators. */
    private static Detector e164(Run run, Scratch s) {
        return run.digits >= 8 && run.digits <= 15 && s.digits[0] != 0 ? Detector.PHONE : null;
    }

    private static boolean uniform(Run run, Scratch s, String allowed) {
        for (int g = 1; g < run.groups; g++) {
            if (s.gaps[g - 1] != s.gaps[0] || allowed.indexOf(s.gaps[0]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean shape(Run run, Scratch s, int a, int b, int c) {
        return run.groups == 3 && s.groupLengths[0] == a && s.groupLengths[1] == b && s.groupLengths[2] == c;
    }

    private static int number(Scratch s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n = n * 10 + s.digits[k];
        }
        return n;
    }

    static boolean luhn(Scratch s, int count) {
        int sum = 0;
        for (int k = 0; k < count; k++) {
            int d = s.digits[count - 1 - k];
            if ((k & 1) == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The separator that stands for a gap: {@code )} for a closing parenthesis, else its first character. */
    private static char gap(char[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == ')') {
                return ')';
            }
        }
        return b[from];
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }
}
