package dev.watchfloor.reasoning.model;

/**
 * A model's answer.
 *
 * @param text
 *            the answer's text (the JSON document when a schema was asked for); empty when the model gave none
 * @param inputTokens
 *            prompt tokens the provider counted (0 when it did not say)
 * @param outputTokens
 *            answer tokens the provider counted (0 when it did not say)
 * @param model
 *            the model that answered, as the provider names it (the requested one when it does not say)
 * @param latencyMs
 *            time spent in {@link ModelGateway#call}, retries and their waits included
 */
public record ModelReply(String text, int inputTokens, int outputTokens, String model, long latencyMs) {
}
