package dev.watchfloor.reasoning.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.verify.CheckOutcome;

class ConvergenceTest {

    @Test
    void appliesToHighSeverityOrConsequentialActionsOnly() {
        assertThat(Convergence.applies(answer(Verdict.SUSPICIOUS, Severity.HIGH, 0.5))).isTrue();
        assertThat(Convergence.applies(answer(Verdict.SUSPICIOUS, Severity.LOW, 0.5))).isFalse();
        assertThat(Convergence.applies(answer(Verdict.SUSPICIOUS, Severity.LOW, 0.5).withActions(List.of(
                new Assessment.ProposedAction(ActionType.BLOCK_IP, "ip:1.2.3.4", "j", List.of("ev-1"))))))
                .isTrue();
    }

    @Test
    void twoConfidentAgreeingRunsSettleEarly() {
        assertThat(Convergence.settledEarly(List.of(answer(Verdict.MALICIOUS, Severity.HIGH, 0.9),
                answer(Verdict.MALICIOUS, Severity.HIGH, 0.85)), 0.8)).isTrue();
        assertThat(Convergence.settledEarly(List.of(answer(Verdict.MALICIOUS, Severity.HIGH, 0.9),
                answer(Verdict.MALICIOUS, Severity.HIGH, 0.6)), 0.8)).isFalse();
    }

    @Test
    void unanimousRunsKeepTheVerdict() {
        Convergence.Outcome o = Convergence.decide(List.of(answer(Verdict.MALICIOUS, Severity.HIGH, 0.7),
                answer(Verdict.MALICIOUS, Severity.HIGH, 0.9), answer(Verdict.MALICIOUS, Severity.HIGH, 0.8)), 0.75);

        assertThat(o.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(o.assessment().confidence()).isEqualTo(0.9);
        assertThat(o.result().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void verdictsThatFlipBetweenRunsNeedReviewWithTheDisagreementShown() {
        Convergence.Outcome o = Convergence.decide(List.of(answer(Verdict.MALICIOUS, Severity.HIGH, 0.9),
                answer(Verdict.BENIGN, Severity.LOW, 0.9), answer(Verdict.MALICIOUS, Severity.HIGH, 0.8)), 0.75);

        assertThat(o.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(o.assessment().actions()).isEmpty();
        assertThat(o.result().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(o.result().problems()).singleElement().asString()
                .contains("malicious (0.9), benign (0.9), malicious (0.8)").contains("agreement 0.667, below 0.75");
    }

    private static Assessment answer(Verdict v, Severity s, double confidence) {
        return new Assessment(v, s, confidence, List.of(), "s", List.of(), List.of());
    }
}
