package dev.watchfloor.reasoning.investigation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.contracts.context.v1.GetAlertGroupRequest;
import dev.watchfloor.reasoning.client.ActionClient;
import dev.watchfloor.reasoning.client.ContextClient;
import dev.watchfloor.reasoning.investigation.InvestigationView.ActionState;
import dev.watchfloor.reasoning.pipeline.InvestigationResult;
import dev.watchfloor.reasoning.review.ReviewRepository;

/**
 * Read side of investigations, joined with the live state of their actions from action-service and their alert's group
 * from context-service.
 */
@ApplicationScoped
public class InvestigationService {

    private final InvestigationRepository repository;
    private final ReviewRepository reviews;
    private final ActionClient actions;
    private final ContextClient context;

    public InvestigationService(InvestigationRepository repository, ReviewRepository reviews, ActionClient actions,
            ContextClient context) {
        this.repository = repository;
        this.reviews = reviews;
        this.actions = actions;
        this.context = context;
    }

    public Uni<List<InvestigationSummary>> list(String tenant, String alertId, String status, int limit) {
        return repository.list(tenant, alertId, status, limit);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    public Uni<InvestigationView> get(Trace trace, String tenant, UUID id) {
        return repository.find(tenant, id).chain(stored -> reviews.latestFeedback(tenant, id)
                .chain(feedback -> view(trace, tenant, id, stored, feedback)));
    }

    private Uni<InvestigationView> view(Trace trace, String tenant, UUID id, InvestigationRepository.Stored stored,
            InvestigationView.Feedback feedback) {
        if (stored == null) {
            throw ProblemException.notFound("investigation", id.toString());
        }
        InvestigationResult result = stored.result() == null
                ? null
                : stored.result().mapTo(InvestigationResult.class);
        return Uni.combine().all().unis(actions(trace, tenant, id), group(trace, tenant, stored.summary().alertId()))
                .with((actions, group) -> InvestigationViews.of(stored.summary(), result,
                        new InvestigationViews.Live(actions.value(), actions.error(), group.value(), group.error()),
                        feedback));
    }

    /** A part of the view read from another service, or why it could not be. */
    record Read<T>(T value, String error) {

        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }
    }

    private Uni<Read<List<ActionState>>> actions(Trace trace, String tenant, UUID id) {
        return actions.list(trace, ListActionsRequest.newBuilder().setTenant(tenant)
                .setInvestigationId(id.toString()).build())
                .map(r -> Read.of(r.getActionsList().stream().map(a -> new ActionState(a.getActionId(), a.getType(),
                        a.getTarget(), a.getState(), emptyToNull(a.getApprovalId()), emptyToNull(a.getDetail())))
                        .toList()))
                .onFailure().recoverWithItem(e -> new Read<>(List.of(),
                        "action-service unavailable: " + e.getMessage()));
    }

    /**
     * The alert's group as it stands now, read at view time rather than kept: ingest records every member in the
     * transaction that stores it, so reading it when asked is always current and needs no second copy to keep in step.
     */
    private Uni<Read<InvestigationView.Group>> group(Trace trace, String tenant, String alertId) {
        return context.alertGroup(trace, GetAlertGroupRequest.newBuilder().setTenant(tenant).setAlertId(alertId)
                .build())
                .map(r -> Read.of(r.hasGroup() ? InvestigationViews.group(r.getGroup()) : null))
                .onFailure().recoverWithItem(e -> new Read<>(null,
                        "alert group unavailable from context-service: " + e.getMessage()));
    }
}
