package dev.watchfloor.reasoning.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Assessment.Finding;
import dev.watchfloor.reasoning.investigator.Assessment.ProposedAction;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.investigator.Severity;

class VerifierTest {

    private final Case c = new Case("Credential dumping on ws-042", 5, List.of(
            new Evidence("ev-1", "alert", "Credential dumping on ws-042", "{\"host\":\"ws-042\"}",
                    List.of("host:ws-042", "user:carol"), 1, "the alert", List.of("a1")),
            new Evidence("ev-2", "event", "DNS query from db-7", "{}", List.of("host:db-7"), 0.3, "near",
                    List.of("e1"))),
            Map.of());

    @Test
    void aWellCitedAssessmentPassesEveryStep() {
        Verification v = Verifier.verify(assessment(Verdict.MALICIOUS,
                List.of(new Finding("mimikatz ran on ws-042", List.of("ev-1"))),
                List.of(new ProposedAction(ActionType.ISOLATE_HOST, "host:ws-042", "contain", List.of("ev-1")))),
                new Grounds(c, null), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(v.assessment().actions()).hasSize(1);
        assertThat(v.checks()).extracting(CheckResult::check, CheckResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("citations", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("targets", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("cross_check", CheckOutcome.SKIPPED));
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void aFindingCitingUnknownEvidenceTurnsTheVerdictToNeedsReviewWithNoActions() {
        Verification v = Verifier.verify(assessment(Verdict.MALICIOUS,
                List.of(new Finding("made up", List.of("ev-9"))),
                List.of(new ProposedAction(ActionType.ISOLATE_HOST, "host:ws-042", "contain", List.of("ev-1")))),
                new Grounds(c, null), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.assessment().actions()).isEmpty();
        assertThat(v.problems()).singleElement().asString().startsWith("citations: finding cites no or unknown");
    }

    @Test
    void aFindingNamingAnEntityItsCitedEvidenceDoesNotMentionFails() {
        Verification v = Verifier.verify(assessment(Verdict.MALICIOUS,
                List.of(new Finding("db-7 dumped credentials", List.of("ev-1"))), List.of()),
                new Grounds(c, null), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.problems()).singleElement().asString().contains("names db-7");
    }

    @Test
    void aPseudonymInAStatementMustAppearInTheCitedEvidence() {
        Verification v = Verifier.verify(assessment(Verdict.SUSPICIOUS,
                List.of(new Finding("pn_email_0123456789ab logged in", List.of("ev-1"))), List.of()),
                new Grounds(c, null), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void actionsAimedOutsideTheExtractedEntitiesOrCitingNothingAreDroppedAndTheVerdictNeedsReview() {
        Verification v = Verifier.verify(assessment(Verdict.MALICIOUS,
                List.of(new Finding("mimikatz ran on ws-042", List.of("ev-1"))),
                List.of(new ProposedAction(ActionType.DISABLE_USER, "model:user:ceo", "asked", List.of("ev-1")),
                        new ProposedAction(ActionType.BLOCK_IP, "ip:203.0.113.9", "asked", List.of("ev-1")),
                        new ProposedAction(ActionType.OPEN_TICKET, "host:ws-042", "uncited", List.of()),
                        new ProposedAction(ActionType.ISOLATE_HOST, "host:ws-042", "contain", List.of("ev-1")))),
                new Grounds(c, null), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.assessment().actions()).isEmpty();
        assertThat(v.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("model:user:ceo"))
                .anySatisfy(p -> assertThat(p).contains("ip:203.0.113.9"));
    }

    @Test
    void aModelDismissingWhatTheRulesCallMaliciousIsFlaggedForReview() {
        Assessment rules = assessment(Verdict.MALICIOUS, List.of(new Finding("mimikatz", List.of("ev-1"))),
                List.of(new ProposedAction(ActionType.ISOLATE_HOST, "host:ws-042", "contain", List.of("ev-1")),
                        new ProposedAction(ActionType.OPEN_TICKET, "host:ws-042", "track", List.of("ev-1"))));
        Assessment model = assessment(Verdict.BENIGN, List.of(new Finding("an admin test", List.of("ev-1"))),
                List.of());

        Verification v = Verifier.verify(model, new Grounds(c, rules), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.assessment().actions()).extracting(ProposedAction::type).containsExactly(ActionType.OPEN_TICKET);
        assertThat(v.checks()).last().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CheckOutcome.FLAGGED);
            assertThat(r.problems()).singleElement().asString().contains("the model says benign")
                    .contains("rules say malicious");
        });
    }

    @Test
    void aModelCallingMaliciousWhatTheRulesDismissLosesItsConsequentialActions() {
        Assessment rules = assessment(Verdict.FALSE_POSITIVE, List.of(), List.of());
        Assessment model = assessment(Verdict.MALICIOUS, List.of(new Finding("bad", List.of("ev-1"))),
                List.of(new ProposedAction(ActionType.ISOLATE_HOST, "host:ws-042", "contain", List.of("ev-1"))));

        Verification v = Verifier.verify(model, new Grounds(c, rules), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(v.assessment().actions()).isEmpty();
    }

    @Test
    void milderDisagreementPassesTheCrossCheck() {
        Assessment rules = assessment(Verdict.SUSPICIOUS, List.of(), List.of());
        Assessment model = assessment(Verdict.MALICIOUS, List.of(new Finding("bad", List.of("ev-1"))), List.of());

        Verification v = Verifier.verify(model, new Grounds(c, rules), List.of());

        assertThat(v.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(v.checks()).last().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
    }

    private static Assessment assessment(Verdict verdict, List<Finding> findings, List<ProposedAction> actions) {
        return new Assessment(verdict, Severity.HIGH, 0.9, List.of("T1003"), "s", findings, actions);
    }
}
