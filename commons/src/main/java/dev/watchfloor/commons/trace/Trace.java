package dev.watchfloor.commons.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;

/**
 * The trace a unit of work belongs to, carried as a value. Reactive callbacks can run on other threads than the one
 * that started the work, so the current OpenTelemetry context is not reliable there; code that makes remote calls
 * passes a Trace along and wraps each call in {@link #call(Supplier)}, which subscribes inside the trace's scope so the
 * client instrumentation sees the right parent. Durable hand-offs (outbox, queue, action rows) store
 * {@link #traceparent()} and restore it with {@link #fromTraceparent(String)}.
 */
public record Trace(Context context) {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The trace of the calling thread, e.g. at the entry of a REST or gRPC handler. */
    public static Trace current() {
        return new Trace(Context.current());
    }

    /** Restores a trace stored as a W3C traceparent; null or malformed input gives a root (empty) trace. */
    public static Trace fromTraceparent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return new Trace(Context.root());
        }
        return new Trace(W3C.extract(Context.root(), Map.of("traceparent", traceparent), MAP_GETTER));
    }

    /** The W3C traceparent header value of this trace, or null when there is no valid span context. */
    public String traceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** 32 hex digits, or the empty string when there is no trace. */
    public String traceId() {
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? span.getTraceId() : "";
    }

    /** Runs the call with this trace current while it subscribes, so spans it starts become children of it. */
    public <T> Uni<T> call(Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Uni<T> uni;
            try (Scope ignored = context.makeCurrent()) {
                uni = call.get();
                uni.subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        });
    }
}
