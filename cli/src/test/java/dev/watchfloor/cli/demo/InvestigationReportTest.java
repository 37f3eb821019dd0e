package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.watchfloor.cli.api.Investigation;
import dev.watchfloor.cli.api.JsonHttp;

class InvestigationReportTest {

    private static final String DETAIL = """
            {"id":"inv-1","alertId":"al-1","status":"completed","verdict":"malicious","severity":"critical",
             "confidence":0.912,"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
             "title":"Credential dumping tool on ws-042 read LSASS memory",
             "evidence":[{"id":"e1","kind":"process","summary":"m64.exe","relevance":0.9,"reason":"r","sourceIds":["s"]},
                         {"id":"e2","kind":"network","summary":"conn","relevance":0.7,"reason":"r","sourceIds":[]}],
             "findings":[{"statement":"dumped","evidenceIds":["e1"]}],
             "steps":[{"name":"context","status":"ok","latencyMs":120},
                      {"name":"investigate","status":"ok","latencyMs":48}],
             "actions":[{"actionId":"a1","type":"isolate_host","target":"ws-042","state":"pending_approval",
                         "approvalId":"ap-1"},
                        {"actionId":"a2","type":"open_ticket","target":"ws-042","state":"executed",
                         "approvalId":null}],
             "unknownField":true}""";

    @Test
    void showsVerdictEvidenceStepLatenciesActionsAndTrace() throws Exception {
        Investigation investigation = JsonHttp.MAPPER.readValue(DETAIL, Investigation.class);

        String table = InvestigationReport.table(List.of(investigation), Map.of(), Set.of("ap-1")).render();

        assertThat(table)
                .contains("malicious")
                .contains("0.91")
                .contains("context=120ms").doesNotContain("(ok)")
                .contains("investigate=48ms")
                .contains("isolate_host ws-042: pending_approval, approval pending")
                .contains("open_ticket ws-042: executed, approval not required")
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("  2  ");
    }

    @Test
    void fallsBackToTheSubmittedAlertTitle() throws Exception {
        Investigation untitled = JsonHttp.MAPPER.readValue("{\"id\":\"i\",\"alertId\":\"al-7\"}",
                Investigation.class);

        assertThat(InvestigationReport.table(List.of(untitled), Map.of("al-7", "Port sweep"), Set.of()).render())
                .contains("Port sweep");
    }
}
