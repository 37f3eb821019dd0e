package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class PolicyParserTest {

    static final String DEFAULT = PolicyParser.defaultPolicyYaml();

    /**
     * The default policy with each {@code from} (which must occur exactly once) replaced by the following {@code to}.
     */
    static String edit(String... fromTo) {
        String yaml = DEFAULT;
        for (int i = 0; i < fromTo.length; i += 2) {
            int at = yaml.indexOf(fromTo[i]);
            assertThat(at).as("'%s' in the default policy", fromTo[i]).isNotNegative();
            assertThat(yaml.indexOf(fromTo[i], at + 1)).as("'%s' occurs once", fromTo[i]).isNegative();
            yaml = yaml.substring(0, at) + fromTo[i + 1] + yaml.substring(at + fromTo[i].length());
        }
        return yaml;
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                // YAML itself
                arguments("a second colon in a plain scalar", edit("name: default", "name: default: x"),
                        "yaml-syntax", 4, 14, ""),
                arguments("an unclosed flow sequence", "apiVersion: [watchfloor\nname: x\n", "yaml-syntax", 2, 5, ""),
                arguments("a tab as indentation", edit("    - email", "\t- email"), "yaml-syntax", 22, 1, ""),
                arguments("a duplicate top-level key", edit("name: default\n", "name: default\nname: other\n"),
                        "duplicate-key", 5, 1, "/name"),
                arguments("a duplicate nested key", edit("      perHour: 20\n    - type: disable_user",
                        "      perHour: 20\n      perHour: 30\n    - type: disable_user"), "duplicate-key", 105, 7,
                        "/actions/rateCaps/0/perHour"),
                arguments("a document over 256 KiB", DEFAULT + "#" + "x".repeat(256 * 1024) + "\n", "size", 1, 1, ""),
                arguments("an empty document", "", "empty", 1, 1, ""),
                arguments("only comments", "# nothing here\n", "empty", 1, 1, ""),
                // schema
                arguments("a scalar document", "just a string\n", "type", 1, 1, ""),
                arguments("another format version", edit("policy/v1", "policy/v2"), "const", 3, 13, "/apiVersion"),
                arguments("no name", edit("name: default\n", ""), "required", 3, 1, "/name"),
                arguments("a minimal document without sections", "apiVersion: watchfloor.dev/policy/v1\nname: x\n",
                        "required", 1, 1, "/actions"),
                arguments("an unknown data property", edit("  neverToModel:", "  neverToModels:"),
                        "additionalProperties", 29, 3, "/data/neverToModels"),
                arguments("an unknown top-level property", edit("name: default\n", "name: default\nowner: soc\n"),
                        "additionalProperties", 5, 1, "/owner"),
                arguments("an unknown detector", edit("    - jwt\n", "    - jwt_token\n"), "enum", 13, 7,
                        "/data/mask/4"),
                arguments("a policy name with capitals", edit("name: default", "name: Default"), "pattern", 4, 7,
                        "/name"),
                arguments("a field name with a space", edit("[raw_data,", "[raw data,"), "pattern", 29, 18,
                        "/data/neverToModel/0"),
                arguments("a detector listed twice", edit("    - jwt\n", "    - jwt\n    - jwt\n"), "uniqueItems", 9,
                        5, "/data/mask"),
                arguments("an unknown escalation severity", edit("severities: [critical]", "severities: [urgent]"),
                        "enum", 74, 18, "/models/escalation/severities/0"),
                arguments("a level without routes", edit("restricted: [deterministic]", "restricted: []"),
                        "minItems", 46, 17, "/data/routes/restricted"),
                arguments("a price below zero", edit("inputUsdPerMillion: 0.15", "inputUsdPerMillion: -0.15"),
                        "minimum", 54, 27, "/models/routes/0/inputUsdPerMillion"),
                arguments("a token limit that is not a number",
                        edit("      maxOutputTokens: 1024\n    - name: local",
                                "      maxOutputTokens: lots\n    - name: local"),
                        "type", 56, 24, "/models/routes/0/maxOutputTokens"),
                arguments("a base URL that is not http", edit("model: gpt-4o-mini\n",
                        "model: gpt-4o-mini\n      baseUrl: ftp://models\n"), "pattern", 54, 16,
                        "/models/routes/0/baseUrl"),
                arguments("an unknown criticality", edit("default: standard", "default: medium"), "enum", 87, 14,
                        "/actions/assets/default"),
                arguments("a target glob without a type", edit("match: \"host:dc-*\"", "match: \"dc-*\""), "pattern",
                        82, 16, "/actions/assets/rules/0/match"),
                arguments("an unknown action type", edit("- type: isolate_host\n      criticality",
                        "- type: reboot_host\n      criticality"), "enum", 91, 13, "/actions/rules/0/type"),
                arguments("an unknown action type in a list", edit("[open_ticket, notify]", "[open_ticket, page]"),
                        "enum", 98, 27, "/actions/rules/2/type/1"),
                arguments("an action type that is a number", edit("- type: isolate_host\n      criticality",
                        "- type: 5\n      criticality"), "type", 91, 13, "/actions/rules/0/type"),
                arguments("a criticality that is not a list", edit("criticality: [critical]", "criticality: critical"),
                        "type", 92, 20, "/actions/rules/0/criticality"),
                arguments("an unknown decision", edit("decision: allow", "decision: permit"), "enum", 99, 17,
                        "/actions/rules/2/decision"),
                arguments("a rule without a decision", edit("      decision: allow\n", ""), "required", 98, 7,
                        "/actions/rules/2/decision"),
                arguments("an unknown approver role", edit("[approver, admin]", "[approver, root]"), "enum", 97, 33,
                        "/actions/rules/1/approverRoles/1"),
                arguments("a negative rate cap", edit("      perHour: 20\n    - type: disable_user",
                        "      perHour: -1\n    - type: disable_user"), "minimum", 104, 16,
                        "/actions/rateCaps/0/perHour"),
                arguments("an unknown day", edit("[sat, sun]", "[sat, sunday]"), "enum", 119, 19,
                        "/actions/changeWindows/0/days/1"),
                arguments("a time past 23:59", edit("start: \"22:00\"", "start: \"24:00\""), "pattern", 120, 14,
                        "/actions/changeWindows/0/start"),
                arguments("a budget given as text", edit("monthlyUsd: 200", "monthlyUsd: \"200\""), "type", 132,
                        19, "/budgets/departments/0/monthlyUsd"),
                arguments("an unknown exhaustion mode", edit("onExhausted: deterministic", "onExhausted: stop"),
                        "enum", 136, 16, "/budgets/onExhausted"),
                // semantics
                arguments("a route that is not defined", edit("[local, deterministic]", "[local-gpu, deterministic]"),
                        "route-defined", 45, 20, "/data/routes/confidential/0"),
                arguments("an escalation route that is not defined", edit("route: hosted-large", "route: hosted-huge"),
                        "route-defined", 73, 12, "/models/escalation/route"),
                arguments("routes for an unknown level",
                        edit("    restricted: [deterministic]\n",
                                "    restricted: [deterministic]\n    secret: [deterministic]\n"),
                        "level-defined", 47, 5, "/data/routes/secret"),
                arguments("a classification rule with an unknown level",
                        edit("        level: confidential", "        level: secret"), "level-defined", 40, 16,
                        "/data/classification/rules/2/level"),
                arguments("an unknown default level", edit("default: internal", "default: private"), "level-defined",
                        33, 14, "/data/classification/default"),
                arguments("a level without a routes entry", edit("    restricted: [deterministic]\n", ""),
                        "level-routed", 32, 46, "/data/classification/levels/3"),
                arguments("two model routes with one name",
                        edit("- name: local", "- name: hosted-small", "[local, deterministic]", "[deterministic]"),
                        "unique-name", 57, 13, "/models/routes/1/name"),
                arguments("a model route named deterministic",
                        edit("- name: local", "- name: deterministic", "[local, deterministic]", "[deterministic]"),
                        "reserved-name", 57, 13, "/models/routes/1/name"),
                arguments("two departments with one name", edit("  perInvestigationTokens",
                        "    - name: soc\n      monthlyUsd: 5\n      dailyTokens: 5\n  perInvestigationTokens"),
                        "unique-name", 135, 13, "/budgets/departments/1/name"),
                arguments("two allow-lists with one name", edit("\nbudgets:",
                        "    - name: vulnerability-scanner\n      entities: [\"ip:10.0.0.1\"]\n      reason: again\n\nbudgets:"),
                        "unique-name", 128, 13, "/actions/allowLists/1/name"),
                arguments("a classification rule with detector and field",
                        edit("      - field: user.credential\n",
                                "      - field: user.credential\n        detector: jwt\n"),
                        "one-of", 37, 9, "/data/classification/rules/1"),
                arguments("a classification rule with neither detector nor field",
                        edit("      - field: user.credential\n        level", "      - level"), "one-of", 37, 9,
                        "/data/classification/rules/1"),
                arguments("a detector both masked and pseudonymized", edit("    - phone\n", "    - jwt\n"),
                        "mask-or-pseudonymize", 23, 7, "/data/pseudonymize/1"),
                arguments("an unknown time zone", edit("timezone: UTC", "timezone: Mars/Olympus_Mons"), "timezone",
                        122, 17, "/actions/changeWindows/0/timezone"),
                arguments("an approval rule without approvers", edit("      approverRoles: [approver, admin]\n", ""),
                        "approver-roles", 95, 7, "/actions/rules/1/approverRoles"),
                arguments("an approval rule with an empty approver list",
                        edit("approverRoles: [approver, admin]", "approverRoles: []"), "approver-roles", 97, 22,
                        "/actions/rules/1/approverRoles"),
                arguments("no department",
                        edit("""
                                  departments:
                                    - name: soc
                                      monthlyUsd: 200
                                      dailyTokens: 2000000
                                      sources: ["*"]             # alert sources billed to this department (glob); first match wins
                                """,
                                "  departments: []\n"),
                        "required", 130, 16, "/budgets/departments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void rejectsInvalidDocumentWithRuleLineAndColumn(String what, String yaml, String rule, int line, int column,
            String path) {
        PolicyRejected rejected = catchThrowableOfType(PolicyRejected.class, () -> PolicyParser.parse(yaml));

        assertThat(rejected).as(what).isNotNull();
        PolicyViolation first = rejected.violations().getFirst();
        assertThat(first).as(what + ": " + rejected.violations())
                .extracting(PolicyViolation::rule, PolicyViolation::line, PolicyViolation::column,
                        PolicyViolation::path)
                .containsExactly(rule, line, column, path);
        assertThat(first.message()).isNotBlank();
        assertThat(rejected.violations()).as("no unrelated violations").extracting(PolicyViolation::rule)
                .containsOnly(rule);
    }

    @Test
    void parsesTheDefaultPolicy() throws PolicyRejected {
        PolicyDocument policy = PolicyParser.parse(DEFAULT);

        assertThat(policy.name()).isEqualTo("default");
        assertThat(policy.data().mask()).hasSize(11).contains("aws_access_key", "national_id");
        assertThat(policy.data().pseudonymize()).containsExactly("email", "phone");
        assertThat(policy.data().maskFields()).containsExactly("user.credential", "client_secret");
        assertThat(policy.data().pseudonymizeFields()).containsExactly("user.name", "actor.user.name");
        assertThat(policy.data().neverToModel()).containsExactly("raw_data", "unmapped.http_request.body");
        assertThat(policy.data().routesFor("confidential")).containsExactly("local", "deterministic");
        assertThat(policy.models()).extracting(ModelRoute::name).containsExactly("hosted-small", "local",
                "hosted-large");
        assertThat(policy.escalation()).isEqualTo(new Escalation("hosted-large", java.util.Set.of("critical"), 0.6));
        assertThat(PolicyParser.parse(edit("  escalation:\n    route: hosted-large\n    severities: [critical]\n"
                + "    belowConfidence: 0.6\n", "")).escalation()).isEqualTo(Escalation.NONE);
        assertThat(policy.route("hosted-small")).hasValue(new ModelRoute("hosted-small", "openai", "gpt-4o-mini", "",
                new BigDecimal("0.15"), new BigDecimal("0.60"), 1024));
        assertThat(policy.route("llama3.1:8b")).isEmpty();
        assertThat(policy.route("local").orElseThrow().model()).isEqualTo("llama3.1:8b");
        assertThat(policy.actions().rules()).hasSize(3);
        assertThat(policy.actions().defaultDecision()).isEqualTo(Decision.DENY);
        assertThat(policy.budgets().perInvestigationTokens()).isEqualTo(60_000);
        assertThat(policy.budgets().onExhausted()).isEqualTo(OnExhausted.DETERMINISTIC);
        assertThat(policy.budgets().departmentFor("okta").name()).isEqualTo("soc");
    }

    @Test
    void readsYamlByTheCoreSchemaSoTimesAndWordsStayStrings() throws PolicyRejected {
        PolicyDocument policy = PolicyParser
                .parse(edit("start: \"22:00\"", "start: 22:00", "reason: authorized internal scanner",
                        "reason: no"));

        assertThat(policy.actions().changeWindows().getFirst().start()).hasToString("22:00");
        assertThat(policy.actions().allowLists().getFirst().reason()).isEqualTo("no");
    }

    @Test
    void acceptsAMinimalPolicyWithOnlyTheDeterministicRoute() throws PolicyRejected {
        PolicyDocument policy = PolicyParser.parse("""
                apiVersion: watchfloor.dev/policy/v1
                name: minimal
                data:
                  mask: []
                  pseudonymize: []
                  classification: {levels: [internal], default: internal}
                  routes: {internal: [deterministic]}
                models: {routes: []}
                actions: {rules: [], default: deny}
                budgets:
                  departments: [{name: all, monthlyUsd: 0, dailyTokens: 0}]
                  perInvestigationTokens: 0
                  onExhausted: hold
                """);

        assertThat(policy.models()).isEmpty();
        assertThat(policy.data().classify(Set.of("email"), Set.of())).isEqualTo("internal");
        assertThat(policy.actions().asset("host:web-1")).isEqualTo(new AssetProfile("standard", List.of()));
        assertThat(policy.actions().evaluate("notify", "user:a").decision()).isEqualTo(Decision.DENY);
        assertThat(policy.budgets().departmentFor("okta").name()).isEqualTo("all");
        assertThat(policy.budgets().onExhausted()).isEqualTo(OnExhausted.HOLD);
    }

    @Test
    void collectsEveryViolationSortedByPosition() {
        String yaml = edit("name: default", "name: Default", "decision: allow", "decision: permit", "timezone: UTC",
                "timezone: Nowhere/City");

        PolicyRejected rejected = catchThrowableOfType(PolicyRejected.class, () -> PolicyParser.parse(yaml));

        assertThat(rejected.violations()).extracting(PolicyViolation::rule, PolicyViolation::line)
                .containsExactly(tuple("pattern", 4), tuple("enum", 99), tuple("timezone", 122));
        assertThat(rejected).hasMessageStartingWith("policy rejected: line 4, column 7: pattern:");
    }

    @Test
    void publishesADraft202012SchemaThatIsStrictEverywhere() throws Exception {
        var schema = new ObjectMapper().readTree(PolicyParser.schemaJson());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").path("apiVersion").path("const").asText())
                .isEqualTo("watchfloor.dev/policy/v1");
        assertThat(schema.findParents("required")).allSatisfy(object -> {
            if (object.path("type").asText().equals("object")) {
                assertThat(object.path("additionalProperties").isBoolean()).isTrue();
            }
        });
    }

    @Test
    void rejectsAYamlErrorWithTheParsersPosition() {
        assertThatThrownBy(() -> PolicyParser.parse("name: x\n  bad: indent\n")).isInstanceOf(PolicyRejected.class)
                .satisfies(e -> assertThat(((PolicyRejected) e).violations()).singleElement()
                        .extracting(PolicyViolation::rule, PolicyViolation::line).containsExactly("yaml-syntax", 2));
    }
}
