package dev.watchfloor.redaction;

/**
 * UK National Insurance numbers: two prefix letters, three pairs of digits and a suffix A-D, written together
 * ({@code AB123456C}) or spaced ({@code AB 12 34 56 C}). The prefix follows HMRC's rules: first letter not D F I Q U V,
 * second not D F I O Q U V, and not BG GB KN NK NT TN ZZ.
 */
final class NationalInsurance {

    private static final String BAD_FIRST = "DFIQUV";
    private static final String BAD_SECOND = "DFIOQUV";
    private static final String[] BAD_PREFIXES = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};

    private NationalInsurance() {
    }

    /** Called at an upper-case letter that starts a word; returns the end of a NINO there, or -1. */
    static int at(char[] b, int i, int end) {
        if (end - i < 9 || !validPrefix(b[i], b[i + 1])) {
            return -1;
        }
        boolean spaced = b[i + 2] == ' ';
        int p = i + 2;
        for (int pair = 0; pair < 3; pair++) {
            if (spaced) {
                if (p >= end || b[p] != ' ') {
                    return -1;
                }
                p++;
            }
            if (p + 2 > end || !Chars.isDigit(b[p]) || !Chars.isDigit(b[p + 1])) {
                return -1;
            }
            p += 2;
        }
        if (spaced && p < end && b[p] == ' ') {
            p++;
        }
        if (p >= end || b[p] < 'A' || b[p] > 'D') {
            return -1;
        }
        p++;
        return p < end && Chars.isWord(b[p]) ? -1 : p;
    }

    private static boolean validPrefix(char first, char second) {
        if (!Chars.isUpper(first) || !Chars.isUpper(second) || BAD_FIRST.indexOf(first) >= 0
                || BAD_SECOND.indexOf(second) >= 0) {
            return false;
        }
        for (String bad : BAD_PREFIXES) {
            if (bad.charAt(0) == first && bad.charAt(1) == second) {
                return false;
            }
        }
        return true;
    }
}
