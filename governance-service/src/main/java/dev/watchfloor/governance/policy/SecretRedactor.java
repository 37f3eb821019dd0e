package dev.watchfloor.governance.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials that must never reach a model: values of secret-like keys (password, token, api key, secret) in
 * key=value and JSON form, and AWS access key ids.
 */
final class SecretRedactor {

    static final String MASK = "[REDACTED]";
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\"?(?:password|passwd|pwd|secret|token|api[_-]?key|authorization)\"?\\s*[:=]\\s*\"?)([^\"\\s,;}]+)");
    private static final Pattern AWS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");

    private SecretRedactor() {
    }

    static String redact(String text) {
        Matcher kv = KEY_VALUE.matcher(text);
        String masked = kv.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return AWS_KEY.matcher(masked).replaceAll(MASK);
    }
}
