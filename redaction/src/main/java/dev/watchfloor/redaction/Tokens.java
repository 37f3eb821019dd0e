package dev.watchfloor.redaction;

/**
 * Secrets with a recognizable shape of their own: AWS access key ids, GitHub and Slack tokens, JWTs and PEM private
 * keys. Each method is called at a candidate start and returns the index after the match, or -1.
 */
final class Tokens {

    private static final int AWS_KEY_LENGTH = 20;

    private Tokens() {
    }

    /** {@code AKIA} or {@code ASIA} and 16 upper-case letters or digits, as a whole word. */
    static int awsAccessKey(char[] b, int i, int end) {
        if (!(Chars.startsWith(b, i, end, "AKIA") || Chars.startsWith(b, i, end, "ASIA"))
                || end - i < AWS_KEY_LENGTH) {
            return -1;
        }
        for (int k = i + 4; k < i + AWS_KEY_LENGTH; k++) {
            if (!(Chars.isUpper(b[k]) || Chars.isDigit(b[k]))) {
                return -1;
            }
        }
        return wordEndsAt(b, i + AWS_KEY_LENGTH, end);
    }

    /** {@code ghp_ gho_ ghu_ ghs_ ghr_} and 30+ letters or digits, or {@code github_pat_} and 22+ more. */
    static int githubToken(char[] b, int i, int end) {
        if (Chars.startsWith(b, i, end, "github_pat_")) {
            int e = Chars.wordEnd(b, i + 11, end);
            return e - i >= 11 + 22 ? e : -1;
        }
        if (end - i < 4 || b[i + 1] != 'h' || b[i + 3] != '_' || "pousr".indexOf(b[i + 2]) < 0) {
            return -1;
        }
        int e = i + 4;
        while (e < end && Chars.isAlnum(b[e])) {
            e++;
        }
        return e - i >= 4 + 30 ? wordEndsAt(b, e, end) : -1;
    }

    /** {@code xoxa- xoxb- xoxp- xoxr- xoxs-} and 10+ letters, digits or dashes. */
    static int slackToken(char[] b, int i, int end) {
        if (!Chars.startsWith(b, i, end, "xox") || end - i < 5 || "abprs".indexOf(b[i + 3]) < 0 || b[i + 4] != '-') {
            return -1;
        }
        int e = i + 5;
        while (e < end && (Chars.isAlnum(b[e]) || b[e] == '-')) {
            e++;
        }
        return e - i >= 5 + 10 ? wordEndsAt(b, e, end) : -1;
    }

    /** Three base64url parts separated by dots, the header starting {@code eyJ} (a JSON object). */
    static int jwt(char[] b, int i, int end) {
        if (!Chars.startsWith(b, i, end, "eyJ")) {
            return -1;
        }
        int headerEnd = base64UrlEnd(b, i, end);
        if (headerEnd - i < 10 || headerEnd >= end || b[headerEnd] != '.') {
            return -1;
        }
        int payloadEnd = base64UrlEnd(b, headerEnd + 1, end);
        if (payloadEnd - headerEnd - 1 < 2 || payloadEnd >= end || b[payloadEnd] != '.') {
            return -1;
        }
        return base64UrlEnd(b, payloadEnd + 1, end);
    }

    /** A whole {@code -----BEGIN ... PRIVATE KEY-----} block up to its END line (or the end of the text). */
    static int privateKey(char[] b, int i, int end) {
        if (!Chars.startsWith(b, i, end, "-----BEGIN ")) {
            return -1;
        }
        int labelEnd = Chars.indexOf(b, i + 11, Math.min(end, i + 80), "-----");
        if (labelEnd < 0 || !Chars.startsWith(b, labelEnd - 11, end, "PRIVATE KEY")) {
            return -1;
        }
        int footer = Chars.indexOf(b, labelEnd + 5, end, "-----END ");
        if (footer < 0) {
            return end;
        }
        int footerEnd = Chars.indexOf(b, footer + 9, Math.min(end, footer + 80), "-----");
        return footerEnd < 0 ? end : footerEnd + 5;
    }

    private static int base64UrlEnd(char[] b, int i, int end) {
        int e = i;
        while (e < end && (Chars.isAlnum(b[e]) || b[e] == '-' || b[e] == '_')) {
            e++;
        }
        return e;
    }

    private static int wordEndsAt(char[] b, int e, int end) {
        return e < end && Chars.isWord(b[e]) ? -1 : e;
    }
}
