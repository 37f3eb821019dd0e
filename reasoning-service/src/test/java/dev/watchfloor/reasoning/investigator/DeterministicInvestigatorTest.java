package dev.watchfloor.reasoning.investigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeterministicInvestigatorTest {

    private final DeterministicInvestigator investigator = new DeterministicInvestigator();

    @Test
    void credentialDumpingOnAHostIsATruePositiveWithCitedFindingsAndContainment() {
        List<Evidence> evidence = List.of(
                evidence("ev-1", "Credential dumping tool detected", "{\"process\":\"mimikatz.exe\"}",
                        "host:ws-042", "user:carol", "ip:203.0.113.9"),
                evidence("ev-2", "Handle to lsass.exe opened", "{}", "host:ws-042"),
                evidence("ev-3", "DNS query", "{}", "host:ws-042"));

        Assessment a = investigator.investigate("Credential dumping tool detected", 5, evidence, Map.of());

        assertThat(a.verdict()).isEqualTo(Verdict.TRUE_POSITIVE);
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.techniques()).contains("T1003");
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.evidenceIds()).containsExactly("ev-1", "ev-2"));
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type, Assessment.ProposedAction::target)
                .contains(org.assertj.core.groups.Tuple.tuple(ActionType.ISOLATE_HOST, "host:ws-042"),
                        org.assertj.core.groups.Tuple.tuple(ActionType.DISABLE_USER, "user:carol"),
                        org.assertj.core.groups.Tuple.tuple(ActionType.OPEN_TICKET, "host:ws-042"));
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type).doesNotContain(ActionType.BLOCK_IP);
    }

    @Test
    void bruteForceFromAPublicAddressBlocksItAndDisablesTheAccount() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Brute force then successful login", "{}", "user:eve",
                "ip:203.0.113.5", "ip:10.0.0.4"));

        Assessment a = investigator.investigate("Brute force", 4, evidence, Map.of());

        assertThat(a.actions()).extracting(Assessment.ProposedAction::type, Assessment.ProposedAction::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ActionType.DISABLE_USER, "user:eve"),
                        org.assertj.core.groups.Tuple.tuple(ActionType.BLOCK_IP, "ip:203.0.113.5"),
                        org.assertj.core.groups.Tuple.tuple(ActionType.OPEN_TICKET, "user:eve"));
    }

    @Test
    void activityOfAnEntityThePolicySanctionsIsBenignWithoutActions() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Port sweep from scanner-01", "{}", "host:scanner-01"));

        Assessment a = investigator.investigate("Port sweep", 3, evidence,
                Map.of("host:scanner-01", "vulnerability-scanner: authorized internal scanner"));

        assertThat(a.verdict()).isEqualTo(Verdict.BENIGN);
        assertThat(a.actions()).isEmpty();
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.statement())
                .contains("host:scanner-01 is sanctioned by the tenant's policy (vulnerability-scanner"));
    }

    @Test
    void wordsInEventTextNeverSanctionActivity() {
        List<Evidence> evidence = List.of(evidence("ev-1",
                "Port sweep from ws-7 (authorized scan, approved change, change window, scheduled scan)", "{}",
                "host:ws-7"));

        Assessment a = investigator.investigate("Port sweep (authorized scan)", 4, evidence, Map.of());

        assertThat(a.verdict()).isNotEqualTo(Verdict.BENIGN);
    }

    @Test
    void aSanctionedEntityShowingCredentialDumpingIsStillMalicious() {
        List<Evidence> evidence = List.of(evidence("ev-1", "mimikatz sekurlsa::logonpasswords on scanner-01", "{}",
                "host:scanner-01"));

        Assessment a = investigator.investigate("Credential dumping", 5, evidence,
                Map.of("host:scanner-01", "vulnerability-scanner: authorized internal scanner"));

        assertThat(a.verdict()).isEqualTo(Verdict.TRUE_POSITIVE);
    }

    @Test
    void aLoneWeakSignalNeedsReviewAndOnlyOpensATicket() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Login from new country", "{}", "user:dave",
                "ip:198.51.100.9"));

        Assessment a = investigator.investigate("Login from new country", 3, evidence, Map.of());

        assertThat(a.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type).containsExactly(ActionType.OPEN_TICKET);
    }

    @Test
    void sameEvidenceGivesTheSameAssessment() {
        List<Evidence> evidence = List.of(evidence("ev-1", "brute force against vpn", "{\"msg\":\"failed login\"}",
                "user:eve", "ip:203.0.113.5"));

        assertThat(investigator.investigate("t", 4, evidence, Map.of()))
                .isEqualTo(investigator.investigate("t", 4, evidence, Map.of()));
    }

    @Test
    void verifierDropsActionsAimedOutsideTheEvidenceAndDowngradesUncitedFindings() {
        List<Evidence> evidence = List.of(evidence("ev-1", "x", "{}", "host:a"));
        Assessment forged = new Assessment(Verdict.TRUE_POSITIVE, "high", 0.9, List.of(),
                List.of(new Assessment.Finding("ok", List.of("ev-1"))),
                List.of(new Assessment.ProposedAction(ActionType.ISOLATE_HOST, "host:b", "r"),
                        new Assessment.ProposedAction(ActionType.ISOLATE_HOST, "host:a", "r")));

        AssessmentVerifier.Verified checked = AssessmentVerifier.verify(forged, evidence);
        assertThat(checked.assessment().actions()).extracting(Assessment.ProposedAction::target)
                .containsExactly("host:a");
        assertThat(checked.problems()).singleElement().asString().contains("host:b");

        Assessment uncited = new Assessment(Verdict.TRUE_POSITIVE, "high", 0.9, List.of(),
                List.of(new Assessment.Finding("made up", List.of("ev-9"))), forged.actions());
        assertThat(AssessmentVerifier.verify(uncited, evidence).assessment().verdict())
                .isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(AssessmentVerifier.verify(uncited, evidence).assessment().actions()).isEmpty();
    }

    @Test
    void privateAddressesAreNeverBlocked() {
        assertThat(ResponsePlanner.isPublic("10.1.2.3")).isFalse();
        assertThat(ResponsePlanner.isPublic("172.20.0.1")).isFalse();
        assertThat(ResponsePlanner.isPublic("172.32.0.1")).isTrue();
        assertThat(ResponsePlanner.isPublic("203.0.113.5")).isTrue();
    }

    private static Evidence evidence(String id, String summary, String text, String... entities) {
        return new Evidence(id, id.equals("ev-1") ? "alert" : "event", summary, text, List.of(entities), 1.0, "r",
                List.of(id));
    }
}
