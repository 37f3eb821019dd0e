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
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.reasoning.ReasoningConfig;
import dev.watchfloor.reasoning.client.ActionClient;
import dev.watchfloor.reasoning.client.ContextClient;
import dev.watchfloor.reasoning.client.GovernanceClient;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.llm.ModelRun;
import dev.watchfloor.reasoning.llm.Targets;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;

/** The pipeline's calls to other services, and the mapping between contract messages and investigator values. */
@ApplicationScoped
public class RemoteSteps {

    private final ContextClient context;
    private final GovernanceClient governance;
    private final ActionClient actions;
    private final int tokenBudget;
    /** Convergence runs, each with one possible reprompt: the most calls a model step makes. */
    private final int maxCalls;

    static final String STEP = "investigate";
    /** The cost ledger's step for a call escalated to a stronger route. */
    static final String ESCALATED_STEP = "investigate-escalated";
    /** Entities asked about, and offered to a model as targets, per investigation; the alert's own come first. */
    static final int MAX_ENTITIES = 200;

    public RemoteSteps(ContextClient context, GovernanceClient governance, ActionClient actions,
            ReasoningConfig config) {
        this.context = context;
        this.governance = governance;
        this.actions = actions;
        this.tokenBudget = config.tokenBudget();
        this.maxCalls = 2 * Math.max(1, config.convergence().runs());
    }

    Uni<AssembleResponse> assemble(Trace trace, QueuedInvestigation q) {
        return context.assemble(trace, AssembleRequest.newBuilder().setTenant(q.tenant()).setAlertId(q.alertId())
                .setInvestigationId(q.id().toString()).setRun(q.reruns()).setTokenBudget(tokenBudget).build());
    }

    /** The entities a model may target: those context extracted, the alert's first. */
    static Targets targets(AssembleResponse assembled) {
        return Targets.of(entities(assembled));
    }

    /** The entities the evidence names, the alert's first, at most {@link #MAX_ENTITIES}. */
    private static List<String> entities(AssembleResponse assembled) {
        Set<String> entities = new LinkedHashSet<>();
        assembled.getItemsList().forEach(i -> entities.addAll(i.getEntitiesList()));
        return entities.stream().limit(MAX_ENTITIES).toList();
    }

    /**
     * Everything a model could see goes through governance: the title, each evidence item under its id, and the target
     * list under {@link Targets#EVIDENCE_ID}. With the alert's severity, so the policy may start it on a stronger
     * route; {@code escalate} asks for that route after an unsure answer (a step of its own in the cost ledger).
     */
    Uni<PrepareModelCallResponse> prepare(Trace trace, QueuedInvestigation q, AssembleResponse assembled,
            Targets targets, boolean escalate) {
        PrepareModelCallRequest.Builder request = PrepareModelCallRequest.newBuilder().setTenant(q.tenant())
                .setAlertId(q.alertId()).setInvestigationId(q.id().toString()).setPurpose("investigate")
                .setStep(usageStep(escalate ? ESCALATED_STEP : STEP, q)).setTitle(q.title()).setSource(q.source())
                .setSeverity(Severity.ofAlert(q.severityId()).wire()).setEscalate(escalate)
                .setEstimatedInputTokens(assembled.getTokensUsed()).setMaxCalls(maxCalls);
        assembled.getItemsList().forEach(i -> request.addEvidence(EvidenceText.newBuilder().setId(i.getId())
                .setSummary(i.getSummary()).setText(i.getContentJson())));
        if (!targets.isEmpty()) {
            request.addEvidence(EvidenceText.newBuilder().setId(Targets.EVIDENCE_ID).setSummary("action targets")
                    .setText(targets.toJson()));
        }
        return governance.prepareModelCall(trace, request.build());
    }

    /**
     * Which entities of the evidence the tenant's policy sanctions (allow-lists, change windows) at the time the alert
     * was observed; entity to reason.
     */
    Uni<Map<String, String>> sanctions(Trace trace, QueuedInvestigation q,
            AssembleResponse assembled) {
        List<String> entities = entities(assembled);
        if (entities.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String at = assembled.getItemsCount() == 0 ? "" : assembled.getItems(0).getObservedAt();
        CheckSanctionsRequest.Builder request = CheckSanctionsRequest.newBuilder().setTenant(q.tenant())
                .addAllEntities(entities);
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
     * Evidence as the investigators see it: the summaries and texts governance prepared, paired with context's items by
     * id, with context's metadata. The entities stay as context found them: they name action targets.
     */
    static List<Evidence> evidence(AssembleResponse assembled, PrepareModelCallResponse prepared) {
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

    /** The target list as governance redacted it; empty when it sent none back. */
    static String preparedTargets(PrepareModelCallResponse prepared) {
        return prepared.getPreparedEvidenceList().stream().filter(e -> Targets.EVIDENCE_ID.equals(e.getId()))
                .map(EvidenceText::getText).findFirst().orElse("[]");
    }

    /**
     * Settles each preparation with governance: when a model was asked on it, its summed tokens against its reservation
     * (the route's price table sets the cost); when not, its reservation is released. When no model was asked at all,
     * the deterministic step is recorded at zero tokens in the department governance named. Governance records a step's
     * usage once per investigation, so a retried attempt records nothing new; a rerun an analyst asked for is a run of
     * its own, recorded under its own step name.
     */
    Uni<Void> recordUsage(Trace trace, QueuedInvestigation q, ModelPath.Chosen chosen) {
        List<Uni<Void>> settled = new ArrayList<>();
        for (ModelPath.Settlement s : chosen.settlements()) {
            PrepareModelCallResponse prepared = s.prepared();
            if (s.paid()) {
                ModelRun run = s.run();
                settled.add(governance.recordUsage(trace, usage(q, prepared).setStep(usageStep(ModelPath.MODEL, q))
                        .setRoute(prepared.getRoute()).setReservationId(prepared.getReservationId())
                        .setInputTokens(run.inputTokens()).setOutputTokens(run.outputTokens())
                        .setCostUsd(run.costUsd()).build()).replaceWithVoid());
            } else if (!prepared.getReservationId().isEmpty()) {
                settled.add(governance.release(trace, ReleaseReservationRequest.newBuilder().setTenant(q.tenant())
                        .setReservationId(prepared.getReservationId()).setReason(chosen.reason()).build())
                        .replaceWithVoid());
            }
        }
        Uni<Void> all = settled.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(settled).andFailFast().replaceWithVoid();
        if (chosen.settlements().stream().anyMatch(ModelPath.Settlement::paid)) {
            return all;
        }
        return all.chain(() -> governance.recordUsage(trace, usage(q, chosen.prepared())
                .setStep(usageStep(STEP, q)).setRoute(ModelPath.DETERMINISTIC).setInputTokens(0)
                .setOutputTokens(0).setCostUsd(0).build())).replaceWithVoid();
    }

    private static RecordUsageRequest.Builder usage(QueuedInvestigation q, PrepareModelCallResponse prepared) {
        return RecordUsageRequest.newBuilder().setTenant(q.tenant()).setInvestigationId(q.id().toString())
                .setDepartment(prepared.getDepartment());
    }

    /** The step's name in the cost ledger: as is for the first run, with {@code /rerun-N} for the N-th rerun. */
    static String usageStep(String step, QueuedInvestigation q) {
        return q.reruns() == 0 ? step : step + "/rerun-" + q.reruns();
    }

    Uni<ProposeActionsResponse> propose(Trace trace, QueuedInvestigation q,
            Assessment assessment) {
        if (assessment.actions().isEmpty()) {
            return Uni.createFrom().item(ProposeActionsResponse.getDefaultInstance());
        }
        ProposeActionsRequest.Builder request = ProposeActionsRequest.newBuilder().setTenant(q.tenant())
                .setInvestigationId(q.id().toString()).setAlertId(q.alertId());
        assessment.actions().forEach(a -> request.addActions(ProposedAction.newBuilder().setType(a.type().wire())
                .setTarget(a.target()).setRationale(a.justification())
                .setParametersJson(new JsonObject().put("target", a.target()).encode())));
        return actions.propose(trace, request.build());
    }
}
