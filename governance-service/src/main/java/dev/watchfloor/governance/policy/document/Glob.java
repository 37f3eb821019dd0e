package dev.watchfloor.governance.policy.document;

/**
 * Whole-string, case-sensitive glob matching: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one; every other character matches itself. Linear backtracking over the last {@code *}, no regular expressions.
 */
final class Glob {

    private Glob() {
    }

    static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    static boolean any(Iterable<String> globs, String text) {
        for (String glob : globs) {
            if (matches(glob, text)) {
                return true;
            }
        }
        return false;
    }
}
