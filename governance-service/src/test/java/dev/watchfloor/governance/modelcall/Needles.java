package dev.watchfloor.governance.modelcall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds any of many needles in a large text in one pass: needles are indexed by their first {@value #KEY} characters,
 * and each position of the text is looked up once. Needles shorter than the key are not searched (too short to be a
 * secret worth the name).
 */
final class Needles {

    static final int KEY = 6;

    private Needles() {
    }

    /** One line per needle found: the place and the needle's first characters only, never the whole value. */
    static List<String> found(String place, String text, List<String> needles) {
        Map<String, List<String>> byPrefix = new HashMap<>();
        for (String needle : needles) {
            if (needle.length() >= KEY) {
                byPrefix.computeIfAbsent(needle.substring(0, KEY), k -> new ArrayList<>()).add(needle);
            }
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i + KEY <= text.length(); i++) {
            List<String> candidates = byPrefix.get(text.substring(i, i + KEY));
            if (candidates == null) {
                continue;
            }
            for (String needle : candidates) {
                if (text.startsWith(needle, i)) {
                    found.add(place + " at " + i + ": " + needle.substring(0, 3) + "...");
                }
            }
        }
        return found;
    }
}
