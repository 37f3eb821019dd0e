package dev.watchfloor.redaction.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Looks for planted values in what a system emitted (model-bound text, exported spans, logs): each value as planted and
 * as it would look base64-encoded, URL-encoded and JSON-escaped. One pass over the text: the forms are indexed by their
 * first {@value #KEY} characters and each position is looked up once, so thousands of values over megabytes stay fast.
 */
public final class Leaks {

    /** Forms shorter than this are not searched: too short to tell a secret from chance. */
    public static final int KEY = 6;

    private Leaks() {
    }

    /** The distinct forms a planted value may take on its way out. */
    public static List<String> forms(String secret) {
        return List.copyOf(new LinkedHashSet<>(List.of(secret, SecretCorpus.base64(secret),
                SecretCorpus.urlEncoded(secret), secret.replace("\\", "\\\\").replace("\"", "\\\""))));
    }

    /** One line per form found, naming the place and offset and the first three characters only, never the value. */
    public static List<String> find(String place, CharSequence text, Collection<String> secrets) {
        Map<String, List<String>> byPrefix = new HashMap<>();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                if (form.length() >= KEY) {
                    byPrefix.computeIfAbsent(form.substring(0, KEY), k -> new ArrayList<>()).add(form);
                }
            }
        }
        String haystack = text.toString();
        List<String> found = new ArrayList<>();
        for (int i = 0; i + KEY <= haystack.length(); i++) {
            List<String> candidates = byPrefix.get(haystack.substring(i, i + KEY));
            if (candidates != null) {
                for (String form : candidates) {
                    if (haystack.startsWith(form, i)) {
                        found.add(place + " at " + i + ": " + form.substring(0, 3) + "...");
                    }
                }
            }
        }
        return found;
    }
}
