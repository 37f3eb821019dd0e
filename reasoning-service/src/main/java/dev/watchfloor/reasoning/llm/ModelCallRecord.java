package dev.watchfloor.reasoning.llm;

/**
 * One call to a model, as stored with the investigation and billed: which run and attempt ({@code run-1},
 * {@code run-1-reprompt}), tokens, cost from the route's price table, latency, and how it ended ({@code ok},
 * {@code invalid} answer, or {@code failed:<kind>}).
 */
public record ModelCallRecord(String label, String model, int inputTokens, int outputTokens, double costUsd,
        long latencyMs, String outcome) {

    /** The same call under another label (e.g. prefixed with its route when an investigation used two). */
    public ModelCallRecord relabelled(String newLabel) {
        return new ModelCallRecord(newLabel, model, inputTokens, outputTokens, costUsd, latencyMs, outcome);
    }
}
