package dev.watchfloor.governance.policy.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What may run: decisions per action type and asset criticality, rate caps, blast radius, and the activity the policy
 * sanctions (change windows and allow-lists).
 *
 * @param assetRules
 *            criticality and tags by target glob; the first match wins
 * @param defaultCriticality
 *            the criticality of a target no asset rule matches
 * @param rules
 *            decision rules; the first match wins
 * @param defaultDecision
 *            the decision when no rule matches
 */
public record ActionPolicy(List<AssetRule> assetRules, String defaultCriticality, List<ActionRule> rules,
        Decision defaultDecision, List<RateCap> rateCaps, List<BlastRadius> blastRadius,
        List<ChangeWindow> changeWindows, List<AllowList> allowLists) {

    /** Who may approve when the default decision is {@link Decision#REQUIRE_APPROVAL}. */
    public static final List<String> DEFAULT_APPROVER_ROLES = List.of("approver", "admin");

    public ActionPolicy {
        assetRules = List.copyOf(assetRules);
        rules = List.copyOf(rules);
        rateCaps = List.copyOf(rateCaps);
        blastRadius = List.copyOf(blastRadius);
        changeWindows = List.copyOf(changeWindows);
        allowLists = List.copyOf(allowLists);
    }

    /** The profile of the first asset rule whose glob matches the whole target; else the default, without tags. */
    public AssetProfile asset(String target) {
        return assetRules.stream().filter(rule -> Glob.matches(rule.match(), target)).findFirst()
                .map(rule -> new AssetProfile(rule.criticality(), rule.tags()))
                .orElseGet(() -> new AssetProfile(defaultCriticality, List.of()));
    }

    /**
     * The decision for an action of {@code type} on {@code target}: a blast-radius {@code neverTags} match denies
     * whatever the rules say; otherwise the first rule matching type and criticality decides, then the default.
     */
    public ActionVerdict evaluate(String type, String target) {
        AssetProfile asset = asset(target);
        for (int i = 0; i < blastRadius.size(); i++) {
            BlastRadius limit = blastRadius.get(i);
            Optional<String> tag = limit.neverTags().stream().filter(asset.tags()::contains).findFirst();
            if (limit.type().equals(type) && tag.isPresent()) {
                return new ActionVerdict(Decision.DENY, List.of(),
                        type + " is never run on an asset tagged " + tag.get(),
                        "actions.blastRadius[" + i + "].neverTags", asset);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            ActionRule rule = rules.get(i);
            if (rule.matches(type, asset.criticality())) {
                String reason = rule.reason() != null
                        ? rule.reason()
                        : type + " on a " + asset.criticality() + " asset " + rule.decision().phrase();
                return verdict(rule.decision(), rule.approverRoles(), reason, "actions.rules[" + i + "]", asset);
            }
        }
        String reason = "no rule matches " + type + " on a " + asset.criticality() + " asset; the default "
                + defaultDecision.yamlName() + " applies";
        return verdict(defaultDecision, DEFAULT_APPROVER_ROLES, reason, "actions.default", asset);
    }

    private static ActionVerdict verdict(Decision decision, List<String> roles, String reason, String rule,
            AssetProfile asset) {
        return new ActionVerdict(decision, decision == Decision.REQUIRE_APPROVAL ? roles : List.of(), reason, rule,
                asset);
    }

    /** The rate cap of an action type (actions per tenant per rolling hour), if the policy sets one. */
    public OptionalInt rateCapPerHour(String type) {
        return rateCaps.stream().filter(cap -> cap.type().equals(type)).mapToInt(RateCap::perHour).findFirst();
    }

    /** The most targets of an action type per investigation, if the policy sets a limit. */
    public OptionalInt maxPerInvestigation(String type) {
        return blastRadius.stream().filter(limit -> limit.type().equals(type))
                .map(BlastRadius::maxPerInvestigation).filter(OptionalInt::isPresent).findFirst()
                .orElse(OptionalInt.empty());
    }

    /**
     * The allow-list or change window that sanctions activity by or on {@code entity} ("type:value") at {@code at}, as
     * "name: reason"; allow-lists first, then change windows, each in policy order.
     */
    public Optional<String> sanctioned(String entity, Instant at) {
        Optional<String> listed = allowLists.stream().filter(list -> list.covers(entity)).findFirst()
                .map(list -> list.name() + ": " + list.reason());
        return listed.or(() -> changeWindows.stream().filter(window -> window.covers(entity, at)).findFirst()
                .map(window -> window.name() + ": " + window.describe()));
    }
}
