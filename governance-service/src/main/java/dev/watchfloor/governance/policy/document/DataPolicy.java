package dev.watchfloor.governance.policy.document;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What may reach a model.
 *
 * @param mask
 *            detectors whose findings are masked
 * @param pseudonymize
 *            detectors whose findings are pseudonymized
 * @param maskFields
 *            fields whose values are masked
 * @param pseudonymizeFields
 *            fields whose values are pseudonymized
 * @param neverToModel
 *            fields removed before any model call
 * @param classification
 *            how a call is classified
 * @param routes
 *            route names per level, in order of preference (may include {@code deterministic})
 */
public record DataPolicy(List<String> mask, List<String> pseudonymize, List<String> maskFields,
        List<String> pseudonymizeFields, List<String> neverToModel, Classification classification,
        Map<String, List<String>> routes) {

    public static final String DETERMINISTIC = "deterministic";

    public DataPolicy {
        mask = List.copyOf(mask);
        pseudonymize = List.copyOf(pseudonymize);
        maskFields = List.copyOf(maskFields);
        pseudonymizeFields = List.copyOf(pseudonymizeFields);
        neverToModel = List.copyOf(neverToModel);
        routes = Map.copyOf(routes);
    }

    /**
     * The highest level (by the order of the classification levels) any rule reaches for these findings; the default
     * level when no rule matches.
     */
    public String classify(Set<String> detectorsFound, Set<String> fieldsFound) {
        return classification.classify(detectorsFound, fieldsFound);
    }

    /**
     * The route names a level may use, in order of preference; only {@code deterministic} for a level the policy does
     * not know (so nothing leaves Watchfloor).
     */
    public List<String> routesFor(String level) {
        return routes.getOrDefault(level, List.of(DETERMINISTIC));
    }
}
