package dev.watchfloor.governance.policy.document;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.governance.policy.document.YamlDocument.Position;

/**
 * The rules a JSON Schema cannot state: names defined before use and unique, levels routed, a detector masked or
 * pseudonymized (not both), valid time zones, approvers for approval rules. Reads the tree defensively, so it can run
 * alongside the schema check on a document that fails it and report everything at once.
 */
final class SemanticCheck {

    private final YamlDocument document;
    private final JsonNode root;
    private final List<PolicyViolation> violations = new ArrayList<>();

    private SemanticCheck(YamlDocument document) {
        this.document = document;
        this.root = document.root();
    }

    static List<PolicyViolation> violations(YamlDocument document) {
        SemanticCheck check = new SemanticCheck(document);
        check.levels();
        check.routes();
        check.classificationRules();
        check.maskOrPseudonymize();
        check.modelRouteNames();
        check.uniqueNames("/actions/changeWindows");
        check.uniqueNames("/actions/allowLists");
        check.uniqueNames("/budgets/departments");
        check.approverRoles();
        check.timezones();
        check.departments();
        return check.violations;
    }

    private void levels() {
        Set<String> levels = levelNames();
        String defaultPath = "/data/classification/default";
        JsonNode defaultLevel = root.at(defaultPath);
        if (defaultLevel.isTextual() && !levels.contains(defaultLevel.asText())) {
            add(defaultPath, "level-defined",
                    "level '" + defaultLevel.asText() + "' is not in data.classification.levels");
        }
        JsonNode routes = root.at("/data/routes");
        JsonNode levelList = root.at("/data/classification/levels");
        for (int i = 0; i < levelList.size() && routes.isObject(); i++) {
            String level = levelList.get(i).asText();
            if (!routes.has(level)) {
                add(YamlDocument.child("/data/classification/levels", i), "level-routed",
                        "level '" + level + "' has no entry in data.routes");
            }
        }
    }

    private void routes() {
        Set<String> levels = levelNames();
        Set<String> routeNames = new HashSet<>(names("/models/routes"));
        routeNames.add(DataPolicy.DETERMINISTIC);
        root.at("/data/routes").properties().forEach(entry -> {
            String path = YamlDocument.child("/data/routes", entry.getKey());
            if (!levels.contains(entry.getKey())) {
                addAtKey(path, "level-defined", "level '" + entry.getKey() + "' is not in data.classification.levels");
            }
            JsonNode names = entry.getValue();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).isTextual() && !routeNames.contains(names.get(i).asText())) {
                    add(YamlDocument.child(path, i), "route-defined", "route '" + names.get(i).asText()
                            + "' is neither defined in models.routes nor 'deterministic'");
                }
            }
        });
        JsonNode escalation = root.at("/models/escalation/route");
        if (escalation.isTextual() && !names("/models/routes").contains(escalation.asText())) {
            add("/models/escalation/route", "route-defined", "escalation route '" + escalation.asText()
                    + "' is not defined in models.routes");
        }
    }

    private void classificationRules() {
        Set<String> levels = levelNames();
        JsonNode rules = root.at("/data/classification/rules");
        for (int i = 0; i < rules.size(); i++) {
            String path = YamlDocument.child("/data/classification/rules", i);
            JsonNode rule = rules.get(i);
            if (rule.has("detector") == rule.has("field")) {
                add(path, "one-of", "a classification rule names exactly one of 'detector' or 'field'");
            }
            JsonNode level = rule.path("level");
            if (level.isTextual() && !levels.contains(level.asText())) {
                add(path + "/level", "level-defined",
                        "level '" + level.asText() + "' is not in data.classification.levels");
            }
        }
    }

    private void maskOrPseudonymize() {
        List<String> masked = PolicyMapper.strings(root.at("/data/mask"));
        JsonNode pseudonymized = root.at("/data/pseudonymize");
        for (int i = 0; i < pseudonymized.size(); i++) {
            if (masked.contains(pseudonymized.get(i).asText())) {
                add(YamlDocument.child("/data/pseudonymize", i), "mask-or-pseudonymize", "detector '"
                        + pseudonymized.get(i).asText() + "' is already masked; a detector is masked or pseudonymized");
            }
        }
    }

    private void modelRouteNames() {
        uniqueNames("/models/routes");
        JsonNode routes = root.at("/models/routes");
        for (int i = 0; i < routes.size(); i++) {
            if (DataPolicy.DETERMINISTIC.equals(routes.get(i).path("name").asText())) {
                add(YamlDocument.child("/models/routes", i) + "/name", "reserved-name",
                        "'deterministic' is the built-in route; a model route may not use that name");
            }
        }
    }

    private void uniqueNames(String arrayPath) {
        JsonNode items = root.at(arrayPath);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode name = items.get(i).path("name");
            if (name.isTextual() && !seen.add(name.asText())) {
                add(YamlDocument.child(arrayPath, i) + "/name", "unique-name",
                        "name '" + name.asText() + "' is already used in " + arrayPath);
            }
        }
    }

    private void approverRoles() {
        JsonNode rules = root.at("/actions/rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            if ("require_approval".equals(rule.path("decision").asText()) && rule.path("approverRoles").isEmpty()) {
                add(YamlDocument.child("/actions/rules", i) + "/approverRoles", "approver-roles",
                        "a require_approval rule needs at least one of approverRoles: approver, admin");
            }
        }
    }

    private void timezones() {
        JsonNode windows = root.at("/actions/changeWindows");
        for (int i = 0; i < windows.size(); i++) {
            JsonNode zone = windows.get(i).path("timezone");
            if (zone.isTextual() && !zone.asText().isEmpty() && !validZone(zone.asText())) {
                add(YamlDocument.child("/actions/changeWindows", i) + "/timezone", "timezone",
                        "'" + zone.asText() + "' is not a time zone id (e.g. UTC, Europe/Berlin)");
            }
        }
    }

    private void departments() {
        JsonNode departments = root.at("/budgets/departments");
        if (departments.isArray() && departments.isEmpty()) {
            add("/budgets/departments", "required", "at least one department is required");
        }
    }

    private Set<String> levelNames() {
        return new HashSet<>(PolicyMapper.strings(root.at("/data/classification/levels")));
    }

    private List<String> names(String arrayPath) {
        List<String> names = new ArrayList<>();
        root.at(arrayPath).forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static boolean validZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void add(String path, String rule, String message) {
        Position at = document.at(path);
        violations.add(new PolicyViolation(at.line(), at.column(), path, rule, message));
    }

    private void addAtKey(String path, String rule, String message) {
        Position at = document.keyAt(path);
        violations.add(new PolicyViolation(at.line(), at.column(), path, rule, message));
    }
}
