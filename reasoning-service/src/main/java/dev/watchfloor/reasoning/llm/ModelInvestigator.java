package dev.watchfloor.reasoning.llm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.contracts.governance.v1.ModelRoute;
import dev.watchfloor.reasoning.ReasoningConfig;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.investigator.Severity;
import dev.watchfloor.reasoning.model.ModelCallException;
import dev.watchfloor.reasoning.model.ModelEndpoint;
import dev.watchfloor.reasoning.model.ModelGateway;
import dev.watchfloor.reasoning.model.ModelReply;
import dev.watchfloor.reasoning.model.ModelRequest;
import dev.watchfloor.reasoning.verify.CheckOutcome;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * Asks a model for an assessment of a case: fenced, datamarked evidence; one reprompt on an unusable answer, then
 * {@code needs_review}; for high severity or a consequential action, up to K runs with the evidence order, the
 * instruction's wording and the seed varied, and the verdict kept only when the runs agree. Blocking: the caller runs
 * it on a worker thread. Each call is a span with OpenTelemetry's {@code gen_ai.*} attributes and its cost.
 */
@ApplicationScoped
public class ModelInvestigator {

    static final String STRUCTURE = "structure";

    private final ModelGateway gateway;
    private final Tracer tracer;
    private final Prompts prompts = Prompts.load();
    private final ReasoningConfig.Convergence convergence;
    private final AnswerCache cache;

    public ModelInvestigator(ModelGateway gateway, Tracer tracer, ReasoningConfig config) {
        this.gateway = gateway;
        this.tracer = tracer;
        this.convergence = config.convergence();
        this.cache = new AnswerCache(config.answerCache().size(), config.answerCache().ttl());
    }

    /** What the model is shown besides the evidence: the redacted title and target list, the sanctions. */
    public record Briefing(String title, Targets targets, String preparedTargets) {
    }

    public ModelRun investigate(Trace trace, Case c, Briefing briefing, ModelEndpoint endpoint, ModelRoute route) {
        String key = AnswerCache.key(Prompts.VERSION, endpoint, c, briefing);
        ModelRun hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        List<ModelCallRecord> calls = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        try {
            Attempt first = attempt(trace, c, briefing, endpoint, route, 0, calls);
            checks.add(first.structure());
            if (first.assessment() == null) {
                Assessment review = Assessment.needsReview(Severity.ofAlert(c.severityId()),
                        "The model's answer was unusable twice; a human decides.", List.of());
                checks.add(CheckResult.skipped(Convergence.NAME, "no usable answer"));
                return remember(key, new ModelRun(review, checks, calls, null, false));
            }
            if (!Convergence.applies(first.assessment())) {
                checks.add(CheckResult.skipped(Convergence.NAME, "severity " + first.assessment().severity().wire()
                        + " and no consequential action"));
                return remember(key, new ModelRun(first.assessment(), checks, calls, null, false));
            }
            List<Assessment> runs = new ArrayList<>(List.of(first.assessment()));
            for (int run = 1; run < convergence.runs()
                    && !Convergence.settledEarly(runs, convergence.earlyStopConfidence()); run++) {
                Attempt next = attempt(trace, c, briefing, endpoint, route, run, calls);
                runs.add(next.assessment() != null
                        ? next.assessment()
                        : first.assessment().withVerdict(Verdict.NEEDS_REVIEW,
                                List.of()));
            }
            Convergence.Outcome outcome = Convergence.decide(runs, convergence.agreement());
            checks.add(outcome.result());
            return remember(key, new ModelRun(outcome.assessment(), checks, calls, null, false));
        } catch (ModelCallException e) {
            return new ModelRun(null, checks, calls, e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(),
                    false);
        }
    }

    private ModelRun remember(String key, ModelRun run) {
        cache.put(key, new ModelRun(run.assessment(), run.checks(), List.of(), null, true));
        return run;
    }

    private record Attempt(Assessment assessment, CheckResult structure) {
    }

    /** One run: a call, and one reprompt if its answer is unusable. */
    private Attempt attempt(Trace trace, Case c, Briefing briefing, ModelEndpoint endpoint, ModelRoute route, int run,
            List<ModelCallRecord> calls) {
        EvidenceFence fence = EvidenceFence.random();
        String system = prompts.system(fence);
        String user = prompts.user(run, values(c, briefing, fence, run));
        String label = "run-" + (run + 1);
        ModelReply reply = call(trace, endpoint, route, new ModelRequest(endpoint, system, user, prompts.schema(),
                "assessment", run + 1, convergence.temperature()), label, calls);
        AnswerParser.Parsed parsed = AnswerParser.parse(reply.text(), briefing.targets());
        if (parsed.valid()) {
            return new Attempt(parsed.assessment(), CheckResult.of(STRUCTURE, List.of(), CheckOutcome.PASSED));
        }
        markInvalid(calls);
        String errors = String.join("; ", parsed.errors());
        String again = user + "\n\nYour previous answer was:\n" + fence.wrap("previous-answer", "model output", "",
                reply.text()) + "\n" + prompts.reprompt(errors);
        ModelReply second = call(trace, endpoint, route, new ModelRequest(endpoint, system, again, prompts.schema(),
                "assessment", run + 1, convergence.temperature()), label + "-reprompt", calls);
        AnswerParser.Parsed reparsed = AnswerParser.parse(second.text(), briefing.targets());
        if (reparsed.valid()) {
            return new Attempt(reparsed.assessment(),
                    new CheckResult(STRUCTURE, CheckOutcome.PASSED, List.of("reprompted once: " + errors)));
        }
        markInvalid(calls);
        return new Attempt(null, new CheckResult(STRUCTURE, CheckOutcome.FAILED,
                List.of("unusable answer: " + errors, "unusable after the reprompt: "
                        + String.join("; ", reparsed.errors()))));
    }

    private static void markInvalid(List<ModelCallRecord> calls) {
        ModelCallRecord last = calls.remove(calls.size() - 1);
        calls.add(new ModelCallRecord(last.label(), last.model(), last.inputTokens(), last.outputTokens(),
                last.costUsd(), last.latencyMs(), "invalid"));
    }

    private Map<String, String> values(Case c, Briefing briefing, EvidenceFence fence, int run) {
        StringBuilder evidence = new StringBuilder();
        for (Evidence e : ordered(c.evidence(), run)) {
            evidence.append(fence.wrap(e.id(), e.kind(), e.summary(), e.text())).append('\n');
        }
        StringBuilder sanctioned = new StringBuilder();
        c.sanctioned().forEach((entity, reason) -> sanctioned.append("- ").append(handleOf(briefing, entity))
                .append(": ").append(EvidenceFence.mark(reason)).append('\n'));
        return Map.of("title", EvidenceFence.mark(briefing.title()), "alert_severity",
                Severity.ofAlert(c.severityId()).wire(), "targets",
                briefing.targets().describe(briefing.preparedTargets()),
                "sanctioned", sanctioned.isEmpty() ? "(nothing)\n" : sanctioned.toString(), "evidence_count",
                String.valueOf(c.evidence().size()), "evidence", evidence.toString());
    }

    private static String handleOf(Briefing briefing, String entity) {
        return briefing.targets().handleOf(entity).orElse("an entity not among the targets");
    }

    /** Run 0 keeps context's order; later runs keep the alert first and reorder the rest, each in its own way. */
    static List<Evidence> ordered(List<Evidence> evidence, int run) {
        if (run == 0 || evidence.size() < 3) {
            return evidence;
        }
        List<Evidence> rest = new ArrayList<>(evidence.subList(1, evidence.size()));
        if (run == 1) {
            Collections.reverse(rest);
        } else {
            Collections.shuffle(rest, new Random(run));
        }
        List<Evidence> out = new ArrayList<>(List.of(evidence.get(0)));
        out.addAll(rest);
        return out;
    }

    private ModelReply call(Trace trace, ModelEndpoint endpoint, ModelRoute route, ModelRequest request, String label,
            List<ModelCallRecord> calls) {
        Span span = tracer.spanBuilder("chat " + endpoint.model()).setParent(trace.context())
                .setSpanKind(SpanKind.CLIENT).setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.system", endpoint.provider())
                .setAttribute("gen_ai.request.model", endpoint.model())
                .setAttribute("watchfloor.model.route", endpoint.route())
                .setAttribute("watchfloor.model.call", label).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ModelReply reply = gateway.call(request);
            double cost = cost(route, reply.inputTokens(), reply.outputTokens());
            span.setAttribute("gen_ai.response.model", reply.model());
            span.setAttribute("gen_ai.usage.input_tokens", reply.inputTokens());
            span.setAttribute("gen_ai.usage.output_tokens", reply.outputTokens());
            span.setAttribute("watchfloor.cost.usd", cost);
            calls.add(new ModelCallRecord(label, reply.model(), reply.inputTokens(), reply.outputTokens(), cost,
                    reply.latencyMs(), "ok"));
            return reply;
        } catch (ModelCallException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.kind().name());
            calls.add(new ModelCallRecord(label, endpoint.model(), 0, 0, 0, 0,
                    "failed:" + e.kind().name().toLowerCase(Locale.ROOT)));
            throw e;
        } finally {
            span.end();
        }
    }

    /** USD from the route's price table (per million tokens). */
    static double cost(ModelRoute route, int inputTokens, int outputTokens) {
        return (inputTokens * route.getInputUsdPerMillion() + outputTokens * route.getOutputUsdPerMillion()) / 1e6;
    }
}
