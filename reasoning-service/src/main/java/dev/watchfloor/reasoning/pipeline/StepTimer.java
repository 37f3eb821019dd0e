package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.trace.Spans;
import dev.watchfloor.commons.trace.Trace;

/**
 * Runs each step of one investigation in a span of its own ({@code step.<name>}, a child of the run's span, with
 * {@code watchfloor.cost.usd} when it cost something), times it, keeps the record for the investigation view (latency
 * and cost per step), and reports it to {@link StepMetrics}.
 */
public final class StepTimer {

    public record Step(String name, String status, long latencyMs, double costUsd) {
    }

    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final StepMetrics metrics;
    private final Spans spans;
    private final Trace run;
    private final String tenant;
    private volatile String route = "deterministic";

    StepTimer(StepMetrics metrics, Spans spans, Trace run, String tenant) {
        this.metrics = metrics;
        this.spans = spans;
        this.run = run;
        this.tenant = tenant;
    }

    /** The route later steps are reported under, once governance has chosen it. */
    void route(String route) {
        this.route = route;
    }

    /** Runs a step; it receives the trace of its own span to pass to the calls it makes. */
    <T> Uni<T> time(String name, Function<Trace, Uni<T>> step) {
        return time(name, step, ignored -> 0);
    }

    /** Runs a step whose result knows what it cost (the model step). */
    <T> Uni<T> time(String name, Function<Trace, Uni<T>> step, ToDoubleFunction<T> cost) {
        return spans.inSpan(run, "step." + name, SpanKind.INTERNAL, Map.of("watchfloor.step", name), trace -> {
            long start = System.nanoTime();
            return step.apply(trace)
                    .onItem().invoke(result -> {
                        double usd = cost.applyAsDouble(result);
                        if (usd > 0) {
                            Span.fromContext(trace.context()).setAttribute("watchfloor.cost.usd", usd);
                        }
                        record(name, "ok", start, usd);
                    })
                    .onFailure().invoke(e -> record(name, "failed", start, 0));
        });
    }

    private void record(String name, String status, long start, double costUsd) {
        long nanos = System.nanoTime() - start;
        steps.add(new Step(name, status, nanos / 1_000_000, costUsd));
        metrics.step(name, status, tenant, route, nanos, costUsd);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
