package dev.watchfloor.governance.policy.document;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds the typed document from a tree that passed the schema and the semantic checks: explicit mapping, no reflection
 * (so nothing needs registering for native builds).
 */
final class PolicyMapper {

    private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private PolicyMapper() {
    }

    static PolicyDocument document(JsonNode root) {
        return new PolicyDocument(root.path("name").asText(), data(root.path("data")),
                list(root.path("models").path("routes"), PolicyMapper::route),
                escalation(root.path("models").path("escalation")), actions(root.path("actions")),
                budgets(root.path("budgets")));
    }

    private static Escalation escalation(JsonNode escalation) {
        if (escalation.isMissingNode() || escalation.isNull()) {
            return Escalation.NONE;
        }
        return new Escalation(escalation.path("route").asText(), Set.copyOf(strings(escalation.path("severities"))),
                escalation.path("belowConfidence").asDouble(0));
    }

    private static DataPolicy data(JsonNode data) {
        JsonNode classification = data.path("classification");
        Map<String, List<String>> routes = new LinkedHashMap<>();
        data.path("routes").properties().forEach(entry -> routes.put(entry.getKey(), strings(entry.getValue())));
        return new DataPolicy(strings(data.path("mask")), strings(data.path("pseudonymize")),
                strings(data.path("fields").path("mask")), strings(data.path("fields").path("pseudonymize")),
                strings(data.path("neverToModel")),
                new Classification(strings(classification.path("levels")), classification.path("default").asText(),
                        list(classification.path("rules"), rule -> new ClassificationRule(text(rule, "detector"),
                                text(rule, "field"), rule.path("level").asText()))),
                routes);
    }

    private static ModelRoute route(JsonNode route) {
        return new ModelRoute(route.path("name").asText(), route.path("provider").asText(),
                route.path("model").asText(), route.path("baseUrl").asText(""),
                route.path("inputUsdPerMillion").decimalValue(), route.path("outputUsdPerMillion").decimalValue(),
                route.path("maxOutputTokens").asInt());
    }

    private static ActionPolicy actions(JsonNode actions) {
        JsonNode assets = actions.path("assets");
        return new ActionPolicy(
                list(assets.path("rules"),
                        rule -> new AssetRule(rule.path("match").asText(), rule.path("criticality").asText(),
                                strings(rule.path("tags")))),
                assets.path("default").asText("standard"), list(actions.path("rules"), PolicyMapper::actionRule),
                Decision.fromYaml(actions.path("default").asText()),
                list(actions.path("rateCaps"),
                        cap -> new RateCap(cap.path("type").asText(), cap.path("perHour").asInt())),
                list(actions.path("blastRadius"), PolicyMapper::blastRadius),
                list(actions.path("changeWindows"), PolicyMapper::changeWindow),
                list(actions.path("allowLists"), list -> new AllowList(list.path("name").asText(),
                        strings(list.path("entities")), list.path("reason").asText())));
    }

    private static ActionRule actionRule(JsonNode rule) {
        JsonNode type = rule.path("type");
        return new ActionRule(type.isTextual() ? List.of(type.asText()) : strings(type),
                strings(rule.path("criticality")), Decision.fromYaml(rule.path("decision").asText()),
                strings(rule.path("approverRoles")), text(rule, "reason"));
    }

    private static BlastRadius blastRadius(JsonNode limit) {
        JsonNode max = limit.path("maxPerInvestigation");
        return new BlastRadius(limit.path("type").asText(),
                max.isNumber() ? OptionalInt.of(max.asInt()) : OptionalInt.empty(), strings(limit.path("neverTags")));
    }

    private static ChangeWindow changeWindow(JsonNode window) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        strings(window.path("days")).forEach(day -> days.add(DAYS.get(DAY_NAMES.indexOf(day))));
        return new ChangeWindow(window.path("name").asText(), days, LocalTime.parse(window.path("start").asText()),
                LocalTime.parse(window.path("end").asText()), ZoneId.of(window.path("timezone").asText()),
                strings(window.path("targets")), text(window, "reason"));
    }

    private static BudgetPolicy budgets(JsonNode budgets) {
        return new BudgetPolicy(list(budgets.path("departments"), PolicyMapper::department),
                budgets.path("perInvestigationTokens").asLong(),
                OnExhausted.fromYaml(budgets.path("onExhausted").asText()));
    }

    private static Department department(JsonNode department) {
        return new Department(department.path("name").asText(), department.path("monthlyUsd").decimalValue(),
                department.path("dailyTokens").asLong(), strings(department.path("sources")));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> values = new ArrayList<>();
        array.forEach(element -> values.add(item.apply(element)));
        return values;
    }
}
