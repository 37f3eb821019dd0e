package dev.watchfloor.reasoning.model;

/**
 * One call to a model.
 *
 * @param endpoint
 *            where to send it ({@link ModelEndpoints#resolve})
 * @param system
 *            the system prompt
 * @param user
 *            the user message
 * @param jsonSchema
 *            JSON Schema text the answer must follow, or {@code null} for free text; sent as
 *            {@code response_format: json_schema} to OpenAI-compatible servers and as {@code format} to Ollama;
 *            Anthropic has no such parameter, so the prompt must ask for the JSON there
 * @param schemaName
 *            name of the schema ({@code [a-zA-Z0-9_-]}, up to 64 characters); {@code "answer"} when {@code null}
 * @param seed
 *            sampling seed, or {@code null}; honoured by OpenAI-compatible servers and Ollama, not sent to Anthropic
 * @param temperature
 *            sampling temperature
 */
public record ModelRequest(ModelEndpoint endpoint, String system, String user, String jsonSchema, String schemaName,
        Integer seed, double temperature) {
}
