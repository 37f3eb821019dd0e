package dev.watchfloor.reasoning.pipeline;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Model answers in the answer schema, built with a JSON library for the stand-in models to return. */
public final class Answers {

    private Answers() {
    }

    public static JsonObject answer(String verdict, String severity, double confidence) {
        return new JsonObject().put("verdict", verdict).put("severity", severity).put("confidence", confidence)
                .put("techniques", new JsonArray().add("T1003.001")).put("summary", "stand-in assessment")
                .put("findings", new JsonArray()).put("actions", new JsonArray());
    }

    public static JsonObject finding(JsonObject answer, String statement, String... evidenceIds) {
        answer.getJsonArray("findings").add(new JsonObject().put("statement", statement).put("evidenceIds",
                new JsonArray(List.of((Object[]) evidenceIds))));
        return answer;
    }

    public static JsonObject action(JsonObject answer, String type, String target, String... evidenceIds) {
        answer.getJsonArray("actions").add(new JsonObject().put("type", type).put("target", target)
                .put("justification", "stand-in").put("evidenceIds", new JsonArray(List.of((Object[]) evidenceIds))));
        return answer;
    }
}
