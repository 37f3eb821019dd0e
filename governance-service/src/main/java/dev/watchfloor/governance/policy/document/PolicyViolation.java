package dev.watchfloor.governance.policy.document;

/**
 * One reason a policy document was rejected.
 *
 * @param line
 *            1-based line of the offending YAML node (or of the object holding the problem)
 * @param column
 *            1-based column of that node
 * @param path
 *            JSON pointer of the offending value, e.g. {@code /actions/rules/0/decision} ({@code ""} for the document)
 * @param rule
 *            the JSON Schema keyword that failed ({@code enum}, {@code required}, {@code additionalProperties},
 *            {@code type}, {@code pattern}, {@code minimum}, ...) or a rule id of the parser or the semantic checks
 *            ({@code yaml-syntax}, {@code duplicate-key}, {@code size}, {@code empty}, {@code route-defined}, ...)
 * @param message
 *            what is wrong, for people
 */
public record PolicyViolation(int line, int column, String path, String rule, String message) {
}
