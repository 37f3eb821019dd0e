package dev.watchfloor.commons.trace;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;

/** Opens a span as a child of a carried {@link Trace} around asynchronous work, e.g. one outbox delivery. */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} inside a new span whose parent is {@code parent}; the work receives the trace of the new span
     * to pass to the calls it makes. Attributes carry ids only, never payloads.
     */
    public <T> Uni<T> inSpan(Trace parent, String name, SpanKind kind, Map<String, String> attributes,
            Function<Trace, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setParent(parent.context()).setSpanKind(kind).startSpan();
            attributes.forEach(span::setAttribute);
            Trace child = new Trace(parent.context().with(span));
            return child.call(() -> work.apply(child))
                    .onItem().invoke(ignored -> span.end())
                    .onFailure().invoke(failure -> {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                        span.end();
                    });
        });
    }
}
