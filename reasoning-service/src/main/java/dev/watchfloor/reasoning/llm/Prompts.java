package dev.watchfloor.reasoning.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.contracts.domain.WireNames;
import dev.watchfloor.reasoning.investigator.Severity;

/**
 * The investigation prompt, kept as versioned resources under {@code prompts/investigate-v1/}: the system prompt, the
 * user template, one instruction per convergence run (paraphrases of each other), the reprompt after an invalid answer,
 * and the answer's JSON Schema, whose closed sets are filled from the enums that define them.
 */
public final class Prompts {

    /** Part of every cache key and stored with every model answer; change it with any change to the resources. */
    public static final String VERSION = "investigate-v1";
    private static final String DIR = "prompts/" + VERSION + "/";

    private final String system;
    private final String user;
    private final List<String> instructions;
    private final String reprompt;
    private final String schema;

    private Prompts(String system, String user, List<String> instructions, String reprompt, String schema) {
        this.system = system;
        this.user = user;
        this.instructions = instructions;
        this.reprompt = reprompt;
        this.schema = schema;
    }

    public static Prompts load() {
        return new Prompts(read("system.txt"), read("user.txt"),
                List.of(read("instruction-0.txt"), read("instruction-1.txt"), read("instruction-2.txt")),
                read("reprompt.txt"), schema(read("answer-schema.json")));
    }

    String system(EvidenceFence fence) {
        return fill(system, Map.of("fence", fence.open(), "end_fence", fence.close(), "mark",
                String.valueOf(EvidenceFence.MARK), "action_types", ActionType.WIRE_NAMES));
    }

    /** The user message of convergence run {@code run}: its own paraphrase of the instruction. */
    String user(int run, Map<String, String> values) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(values);
        all.put("instruction", instructions.get(run % instructions.size()).strip());
        return fill(user, all);
    }

    String reprompt(String errors) {
        return fill(reprompt, Map.of("errors", errors)).strip();
    }

    /** The answer's JSON Schema, as text. */
    public String schema() {
        return schema;
    }

    int variants() {
        return instructions.size();
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int at = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", at)) {
            int close = template.indexOf("}}", open);
            if (close < 0) {
                break;
            }
            String key = template.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("prompt placeholder {{" + key + "}} has no value");
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
        return out.append(template.substring(at)).toString();
    }

    private static String schema(String text) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(text);
            ObjectNode props = (ObjectNode) root.get("properties");
            enumOf(props.with("verdict"), Verdict.class);
            enumOf(props.with("severity"), Severity.class);
            enumOf(((ObjectNode) props.get("actions").get("items").get("properties")).with("type"), ActionType.class);
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void enumOf(ObjectNode node, Class<? extends Enum<?>> type) {
        node.remove("$comment");
        ArrayNode values = node.putArray("enum");
        Arrays.stream(type.getEnumConstants()).map(WireNames::of).forEach(values::add);
    }

    private static String read(String name) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
