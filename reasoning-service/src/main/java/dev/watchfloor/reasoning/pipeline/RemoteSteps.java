package dev.watchfloor.reasoning.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.ProposeActionsRequest;
import dev.watchfloor.contracts.action.v1.ProposeActionsResponse;
import dev.watchfloor.contracts.action.v1.ProposedAction;
import dev.watchfloor.contracts.context.v1.AssembleRequest;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;
import dev.watchfloor.contracts.governance.v1.CheckSanctionsRequest;
import dev.watchfloor.contracts.governance.v1.EvidenceText;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallRequest;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageResponse;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.reasoning.ReasoningConfig;
import dev.watchfloor.reasoning.client.ActionClient;
import dev.watchfloor.reasoning.client.ContextClient;
import dev.watchfloor.reasoning.client.GovernanceClient;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;

/** The pipeline's calls to other services, and the mapping between contract messages and investigator values. */
@ApplicationScoped
public class RemoteSteps {

    private final ContextClient context;
    private final GovernanceClient governance;
    private final ActionClient actions;
    private final int tokenBudget;

    static final String STEP = "investigate";
    /** Entities asked about per investigation; the alert's own come first. */
    static final int MAX_ENTITIES = 200;
    static final String DETERMINISTIC = "deterministic";

    public RemoteSteps(ContextClient context, GovernanceClient governance, ActionClient actions,
            ReasoningConfig config) {
        this.context = context;
        this.governance = governance;
        this.actions = actions;
        this.tokenBudget = config.tokenBudget();
    }

    Uni<AssembleResponse> assemble(Trace trace, dev.watchfloor.reasoning.queue.QueuedInvestigation q) {
        return context.assemble(trace, AssembleRequest.newBuilder().setTenant(q.tenant()).setAlertId(q.alertId())
                .setInvestigationId(q.id().toString()).setTokenBudget(tokenBudget).build());
    }

    Uni<PrepareModelCallResponse> prepare(Trace trace, dev.watchfloor.reasoning.queue.QueuedInvestigation q,
            AssembleResponse assembled) {
        PrepareModelCallRequest.Builder request = PrepareModelCallRequest.newBuilder().setTenant(q.tenant())
                .setAlertId(q.alertId()).setInvestigationId(q.id().toString()).setPurpose("investigate")
                .setStep(STEP).setTitle(q.title()).setSource(q.source())
                .setEstimatedInputTokens(assembled.getTokensUsed());
        assembled.getItemsList().forEach(i -> request.addEvidence(EvidenceText.newBuilder().setId(i.getId())
                .setSummary(i.getSummary()).setText(i.getContentJson())));
        return governance.prepareModelCall(trace, request.build());
    }

    /**
     * Which entities of the evidence the tenant's policy sanctions (allow-lists, change windows) at the time the alert
     * was observed; entity to reason.
     */
    Uni<Map<String, String>> sanctions(Trace trace, dev.watchfloor.reasoning.queue.QueuedInvestigation q,
            AssembleResponse assembled) {
        Set<String> entities = new LinkedHashSet<>();
        assembled.getItemsList().forEach(i -> entities.addAll(i.getEntitiesList()));
        if (entities.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String at = assembled.getItemsCount() == 0 ? "" : assembled.getItems(0).getObservedAt();
        CheckSanctionsRequest.Builder request = CheckSanctionsRequest.newBuilder().setTenant(q.tenant())
                .addAllEntities(entities.stream().limit(MAX_ENTITIES).toList());
        if (isInstant(at)) {
            request.setAt(at);
        }
        return governance.checkSanctions(trace, request.build()).map(response -> {
            Map<String, String> sanctioned = new LinkedHashMap<>();
            response.getSanctionsList().forEach(s -> sanctioned.put(s.getEntity(), s.getReason()));
            return sanctioned;
        });
    }

    private static boolean isInstant(String text) {
        try {
            java.time.Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Evidence as the investigator (and, with the reasoning issue, a model) sees it: the summaries and texts governance
     * prepared, with context's metadata. The entities stay as context found them: they name action targets.
     */
    List<Evidence> evidence(AssembleResponse assembled, PrepareModelCallResponse prepared) {
        Map<String, EvidenceText> preparedById = new HashMap<>();
        prepared.getPreparedEvidenceList().forEach(e -> preparedById.put(e.getId(), e));
        List<Evidence> list = new ArrayList<>();
        for (EvidenceItem item : assembled.getItemsList()) {
            // an item governance did not answer for is not shown to anyone: it would bypass redaction
            EvidenceText text = preparedById.getOrDefault(item.getId(), EvidenceText.getDefaultInstance());
            list.add(new Evidence(item.getId(), item.getKind().name().replace("EVIDENCE_KIND_", "").toLowerCase(),
                    text.getSummary(), text.getText(), item.getEntitiesList(), item.getRelevance(), item.getReason(),
                    item.getSourceIdsList()));
        }
        return list;
    }

    /**
     * Records the step's usage. This build has no model client yet, so the deterministic investigator ran whatever
     * route governance allowed: a reservation is released (no model was called) and the step is recorded at zero tokens
     * on the deterministic route, in the department governance named.
     */
    Uni<RecordUsageResponse> recordUsage(Trace trace, dev.watchfloor.reasoning.queue.QueuedInvestigation q,
            PrepareModelCallResponse prepared) {
        Uni<?> release = prepared.getReservationId().isEmpty()
                ? Uni.createFrom().voidItem()
                : governance.release(trace, ReleaseReservationRequest.newBuilder().setTenant(q.tenant())
                        .setReservationId(prepared.getReservationId())
                        .setReason("no model client in this build; the deterministic investigator ran").build());
        return release.chain(() -> governance.recordUsage(trace, RecordUsageRequest.newBuilder().setTenant(q.tenant())
                .setInvestigationId(q.id().toString()).setStep(STEP).setRoute(DETERMINISTIC)
                .setDepartment(prepared.getDepartment()).setInputTokens(0).setOutputTokens(0).setCostUsd(0).build()));
    }

    Uni<ProposeActionsResponse> propose(Trace trace, dev.watchfloor.reasoning.queue.QueuedInvestigation q,
            Assessment assessment) {
        if (assessment.actions().isEmpty()) {
            return Uni.createFrom().item(ProposeActionsResponse.getDefaultInstance());
        }
        ProposeActionsRequest.Builder request = ProposeActionsRequest.newBuilder().setTenant(q.tenant())
                .setInvestigationId(q.id().toString()).setAlertId(q.alertId());
        assessment.actions().forEach(a -> request.addActions(ProposedAction.newBuilder().setType(a.type().wire())
                .setTarget(a.target()).setRationale(a.rationale())
                .setParametersJson(new JsonObject().put("target", a.target()).encode())));
        return actions.propose(trace, request.build());
    }
}
