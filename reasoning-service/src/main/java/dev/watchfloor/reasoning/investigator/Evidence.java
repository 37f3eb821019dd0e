package dev.watchfloor.reasoning.investigator;

import java.util.List;

/** One evidence item as the investigator sees it (after governance prepared its text). */
public record Evidence(String id, String kind, String summary, String text, List<String> entities, double relevance,
        String reason, List<String> sourceIds) {
}
