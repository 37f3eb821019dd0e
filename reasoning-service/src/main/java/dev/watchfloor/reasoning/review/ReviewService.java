package dev.watchfloor.reasoning.review;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.tenant.Principal;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.contracts.domain.WireNames;

/**
 * What analysts do with a finished investigation: judge its verdict (stored for accuracy tracking, audited
 * {@code investigation.feedback}) or run it again (audited {@code investigation.rerun_requested}).
 */
@ApplicationScoped
public class ReviewService {

    private final ReviewRepository repository;

    public ReviewService(ReviewRepository repository) {
        this.repository = repository;
    }

    public record Recorded(String investigationId, String judgedVerdict, String correctVerdict, boolean agreed) {
    }

    public Uni<Recorded> feedback(Trace trace, Principal who, UUID id, FeedbackRequest request) {
        boolean agree = Boolean.TRUE.equals(request.agree());
        if (agree == (request.verdict() != null)) {
            throw ProblemException.badRequest("feedback-invalid",
                    "give either \"agree\": true or the correct \"verdict\" (" + WireNames.list(Verdict.class) + ")");
        }
        String correct = agree
                ? null
                : Verdict.fromWire(request.verdict()).map(Verdict::wire)
                        .orElseThrow(
                                () -> ProblemException.badRequest("feedback-invalid", "verdict '" + request.verdict()
                                        + "' is not one of " + WireNames.list(Verdict.class)));
        String comment = request.comment() == null ? "" : request.comment();
        // the entry's details are completed below once the judged verdict is known; ids only, the comment stays here
        return repository.addFeedback(trace, who.tenant(), id, correct == null ? "" : correct, comment, who.name(),
                AuditEntry.of(who.tenant(), "investigation.feedback").onBehalfOf(who.name())
                        .investigation(id.toString())
                        .details(Map.of("agreed", agree, "correctVerdict", correct == null ? "" : correct)))
                .map(j -> recorded(id, j, correct));
    }

    private static Recorded recorded(UUID id, ReviewRepository.Judged j, String correct) {
        if (j == null) {
            throw ProblemException.notFound("investigation", id.toString());
        }
        if (!"completed".equals(j.status())) {
            throw new ProblemException(409, "investigation-not-completed", "Investigation not completed",
                    "only a completed investigation's verdict can be judged; this one is " + j.status());
        }
        String right = correct == null ? j.verdict() : correct;
        return new Recorded(id.toString(), j.verdict(), right, j.verdict().equals(right));
    }

    public Uni<Map<String, String>> rerun(Trace trace, Principal who, UUID id) {
        return repository.rerun(trace, who.tenant(), id, AuditEntry.of(who.tenant(), "investigation.rerun_requested")
                .onBehalfOf(who.name()).investigation(id.toString())).map(j -> {
                    if (j == null) {
                        throw ProblemException.notFound("investigation", id.toString());
                    }
                    if (!"completed".equals(j.status()) && !"failed".equals(j.status())) {
                        throw new ProblemException(409, "investigation-in-progress", "Investigation in progress",
                                "it is " + j.status() + "; it can be run again once it has completed or failed");
                    }
                    return Map.of("id", id.toString(), "status", "queued", "previousStatus", j.status());
                });
    }

    public Uni<Accuracy> accuracy(Principal who) {
        return repository.accuracy(who.tenant());
    }
}
