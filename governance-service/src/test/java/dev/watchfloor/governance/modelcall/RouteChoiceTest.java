package dev.watchfloor.governance.modelcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.watchfloor.governance.policy.document.PolicyDocument;
import dev.watchfloor.governance.policy.document.PolicyParser;
import dev.watchfloor.governance.policy.document.PolicyRejected;

/**
 * The default policy: public and internal data may use hosted-small, then hosted-large; confidential only local;
 * restricted nothing. Its escalation goes to hosted-large, starting critical alerts there.
 */
class RouteChoiceTest {

    private static final Set<String> BOTH = Set.of("hosted-small", "hosted-large", "local");

    private static RouteChoice.Choice choose(String level, Set<String> reachable, String severity, boolean escalate)
            throws PolicyRejected {
        PolicyDocument policy = PolicyParser.parse(PolicyParser.defaultPolicyYaml());
        return RouteChoice.choose(policy, level, reachable, severity, escalate);
    }

    @Test
    void aCallStartsOnTheCheaperRouteAndLearnsWhereItMayEscalate() throws PolicyRejected {
        RouteChoice.Choice c = choose("internal", BOTH, "medium", false);

        assertThat(c.route().name()).isEqualTo("hosted-small");
        assertThat(c.escalation().name()).isEqualTo("hosted-large");
        assertThat(c.escalatedBecause()).isEmpty();
    }

    @Test
    void aSeverityThePolicyNamesStartsOnTheStrongerRoute() throws PolicyRejected {
        RouteChoice.Choice c = choose("public", BOTH, "critical", false);

        assertThat(c.route().name()).isEqualTo("hosted-large");
        assertThat(c.escalation()).isNull();
        assertThat(c.escalatedBecause()).isEqualTo("severity critical");
    }

    @Test
    void aCallerAskingToEscalateGetsTheStrongerRoute() throws PolicyRejected {
        RouteChoice.Choice c = choose("internal", BOTH, "medium", true);

        assertThat(c.route().name()).isEqualTo("hosted-large");
        assertThat(c.escalatedBecause()).isEqualTo("asked: an answer on hosted-small was unsure");
    }

    @Test
    void noEscalationWhereTheLevelDoesNotAllowTheRouteOrTheDeploymentCannotReachIt() throws PolicyRejected {
        RouteChoice.Choice confidential = choose("confidential", BOTH, "critical", true);
        RouteChoice.Choice unreachable = choose("internal", Set.of("hosted-small"), "critical", true);
        RouteChoice.Choice onlyLarge = choose("internal", Set.of("hosted-large"), "medium", false);
        RouteChoice.Choice restricted = choose("restricted", BOTH, "critical", true);

        assertThat(confidential.route().name()).isEqualTo("local");
        assertThat(confidential.escalation()).isNull();
        assertThat(confidential.escalatedBecause()).isEmpty();
        assertThat(unreachable.route().name()).isEqualTo("hosted-small");
        assertThat(unreachable.escalation()).isNull();
        assertThat(unreachable.escalatedBecause()).isEmpty();
        assertThat(onlyLarge.route().name()).as("the first reachable route, with nowhere stronger to go")
                .isEqualTo("hosted-large");
        assertThat(onlyLarge.escalation()).isNull();
        assertThat(restricted.route().name()).isEqualTo("deterministic");
    }
}
