package dev.watchfloor.reasoning.investigator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.watchfloor.reasoning.investigator.Evidence;

class RulePackTest {

    @Test
    void theShippedPackLoadsAndEveryRuleHasAnAttackId() {
        RulePack pack = RulePack.load();

        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r.techniques()).isNotEmpty());
    }

    @Test
    void conditionsCombineSelectionsWithAndOrNotAndGroups() {
        Set<String> names = Set.of("a", "b", "filter_x", "filter_y");
        Condition c = Condition.parse("(a or b) and not 1 of filter_*", names);

        assertThat(c.test(Set.of("a")::contains)).isTrue();
        assertThat(c.test(Set.of("b", "filter_y")::contains)).isFalse();
        assertThat(Condition.parse("all of them", names).test(names::contains)).isTrue();
        assertThat(Condition.parse("all of filter_*", names).test(Set.of("filter_x")::contains)).isFalse();
        assertThatThrownBy(() -> Condition.parse("a and c", names)).hasMessageContaining("unknown selection 'c'");
        assertThatThrownBy(() -> Condition.parse("a and", names)).hasMessageContaining("ends too early");
    }

    @Test
    void modifiersCompareWithoutCaseAndListsMeanAnyUnlessAll() throws IOException {
        RulePack pack = pack("""
                fields:
                  cmd: [command_line, process.cmd_line]
                ---
                id: t-1
                title: test
                level: high
                tags: [attack.t1059.001]
                detection:
                  sel:
                    cmd|contains|all: [invoke, download]
                  other:
                    - host|startswith: WS-
                    - host|re: '^db-\\d+$'
                  condition: sel and other
                """);

        assertThat(pack.evaluate(item("{\"process\":{\"cmd_line\":\"INVOKE-x DownLoad\"},\"host\":\"ws-1\"}")))
                .hasSize(1);
        assertThat(pack.evaluate(item("{\"command_line\":\"invoke only\",\"host\":\"ws-1\"}"))).isEmpty();
        assertThat(pack.evaluate(item("{\"command_line\":\"invoke download\",\"host\":[\"x\",\"db-12\"]}")))
                .hasSize(1);
        assertThat(pack.evaluate(item("not json at all"))).isEmpty();
    }

    @Test
    void aRuleTheLoaderDoesNotUnderstandFailsLoudly() {
        assertThatThrownBy(() -> pack("""
                id: t-2
                title: bad
                level: high
                detection:
                  sel:
                    cmd|fuzzy: x
                  condition: sel
                """)).hasMessageContaining("unsupported modifier 'fuzzy'");
        assertThatThrownBy(() -> pack("""
                id: t-3
                title: bad
                level: severe
                detection:
                  sel:
                    cmd: x
                  condition: sel
                """)).hasMessageContaining("level must be one of");
    }

    private static RulePack pack(String yaml) throws IOException {
        return RulePack.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Evidence item(String json) {
        return new Evidence("ev-1", "alert", "", json, List.of(), 1, "", List.of());
    }
}
