package dev.watchfloor.reasoning.investigation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.action.v1.ListActionsRequest;
import dev.watchfloor.reasoning.client.ActionClient;
import dev.watchfloor.reasoning.investigation.InvestigationView.ActionState;
import dev.watchfloor.reasoning.pipeline.InvestigationResult;
import dev.watchfloor.reasoning.review.ReviewRepository;

/** Read side of investigations, joined with the live state of their actions from action-service. */
@ApplicationScoped
public class InvestigationService {

    private final InvestigationRepository repository;
    private final ReviewRepository reviews;
    private final ActionClient actions;

    public InvestigationService(InvestigationRepository repository, ReviewRepository reviews, ActionClient actions) {
        this.repository = repository;
        this.reviews = reviews;
        this.actions = actions;
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
        return actions.list(trace, ListActionsRequest.newBuilder().setTenant(tenant)
                .setInvestigationId(id.toString()).build())
                .map(r -> r.getActionsList().stream().map(a -> new ActionState(a.getActionId(), a.getType(),
                        a.getTarget(), a.getState(), emptyToNull(a.getApprovalId()), emptyToNull(a.getDetail())))
                        .toList())
                .map(list -> InvestigationViews.of(stored.summary(), result, list, null, feedback))
                .onFailure().recoverWithItem(e -> InvestigationViews.of(stored.summary(), result, List.of(),
                        "action-service unavailable: " + e.getMessage(), feedback));
    }
}
