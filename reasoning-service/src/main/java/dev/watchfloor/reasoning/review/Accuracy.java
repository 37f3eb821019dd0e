package dev.watchfloor.reasoning.review;

import java.util.List;

/**
 * How verdicts fared with analysts, from the latest judgement of each investigation: totals per path, and each
 * correction (judged verdict to correct verdict) with its count.
 */
public record Accuracy(long judged, long agreed, Double agreement, List<PathAccuracy> byPath,
        List<Correction> corrections) {

    public record PathAccuracy(String path, long judged, long agreed) {
    }

    public record Correction(String judged, String correct, long count) {
    }
}
