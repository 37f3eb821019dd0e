package dev.watchfloor.reasoning.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.watchfloor.reasoning.investigator.Assessment;

/**
 * Reads a model's reply into an {@link Assessment}: Jackson into {@link ModelAnswer} (closed sets as enums, unknown
 * members refused), then the rules a schema cannot carry everywhere (required members, confidence within 0..1, ATT&CK
 * ids). Targets are mapped from handles to the entities they stand for; a target that is not a handle is kept as
 * {@code model:<text>} so the target check drops it and says what the model asked for.
 */
final class AnswerParser {

    /** What went wrong, in words fit to send back to the model in a reprompt. */
    record Parsed(Assessment assessment, List<String> errors) {

        boolean valid() {
            return assessment != null;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final int MAX_ITEMS = 50;

    private AnswerParser() {
    }

    static Parsed parse(String reply, Targets targets) {
        ModelAnswer answer;
        try {
            answer = JSON.readValue(unwrap(reply), ModelAnswer.class);
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of("not valid JSON of the answer schema: " + e.getOriginalMessage()));
        }
        if (answer == null) {
            return new Parsed(null, List.of("the answer is empty"));
        }
        List<String> errors = errors(answer);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        List<Assessment.Finding> findings = answer.findings().stream()
                .map(f -> new Assessment.Finding(f.statement(), ids(f.evidenceIds()))).toList();
        List<Assessment.ProposedAction> actions = answer.actions().stream()
                .map(a -> new Assessment.ProposedAction(a.type(),
                        targets.entity(a.target()).orElse("model:" + a.target()),
                        Objects.toString(a.justification(), ""),
                        ids(a.evidenceIds())))
                .toList();
        return new Parsed(new Assessment(answer.verdict(), answer.severity(), answer.confidence(),
                answer.techniques().stream().map(String::strip).distinct().toList(), answer.summary(), findings,
                actions), List.of());
    }

    private static List<String> errors(ModelAnswer a) {
        List<String> errors = new ArrayList<>();
        require(a.verdict(), "verdict", errors);
        require(a.severity(), "severity", errors);
        require(a.confidence(), "confidence", errors);
        require(a.techniques(), "techniques", errors);
        require(a.summary(), "summary", errors);
        require(a.findings(), "findings", errors);
        require(a.actions(), "actions", errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (a.confidence() < 0 || a.confidence() > 1 || a.confidence().isNaN()) {
            errors.add("confidence must be between 0 and 1");
        }
        a.techniques().stream().filter(t -> t == null || !TECHNIQUE.matcher(t.strip()).matches())
                .forEach(t -> errors.add("technique " + t + " is not an ATT&CK id like T1003 or T1059.001"));
        if (a.findings().size() > MAX_ITEMS || a.actions().size() > MAX_ITEMS) {
            errors.add("at most " + MAX_ITEMS + " findings and " + MAX_ITEMS + " actions");
        }
        for (ModelAnswer.Finding f : a.findings()) {
            if (f == null || f.statement() == null || f.statement().isBlank() || f.evidenceIds() == null) {
                errors.add("every finding needs a statement and evidenceIds");
            }
        }
        for (ModelAnswer.Action x : a.actions()) {
            if (x == null || x.type() == null || x.target() == null || x.evidenceIds() == null) {
                errors.add("every action needs a type, a target handle and evidenceIds");
            }
        }
        return errors;
    }

    private static void require(Object value, String name, List<String> errors) {
        if (value == null) {
            errors.add(name + " is missing");
        }
    }

    private static List<String> ids(List<String> ids) {
        return ids.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
    }

    /** Some models wrap JSON in a Markdown code block although told not to; the block's content is what they meant. */
    static String unwrap(String reply) {
        String text = reply == null ? "" : reply.strip();
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine) {
                return text.substring(firstLine + 1, end).strip();
            }
        }
        return text;
    }
}
