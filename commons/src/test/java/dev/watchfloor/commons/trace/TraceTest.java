package dev.watchfloor.commons.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

class TraceTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void restoresTraceIdAndTraceparentFromStoredValue() {
        Trace trace = Trace.fromTraceparent(PARENT);

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.traceparent()).isEqualTo(PARENT);
    }

    @Test
    void missingOrMalformedTraceparentGivesEmptyTrace() {
        assertThat(Trace.fromTraceparent(null).traceId()).isEmpty();
        assertThat(Trace.fromTraceparent("garbage").traceId()).isEmpty();
        assertThat(Trace.fromTraceparent("").traceparent()).isNull();
    }

    @Test
    void callSeesTheTraceAsCurrentWhileSubscribing() {
        Trace trace = Trace.fromTraceparent(PARENT);

        String seen = trace.call(() -> Uni.createFrom().item(() -> Span.current().getSpanContext().getTraceId()))
                .await().indefinitely();

        assertThat(seen).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Span.fromContext(Context.current()).getSpanContext().isValid()).isFalse();
    }

    @Test
    void callPropagatesFailureOfTheSupplier() {
        Trace trace = Trace.fromTraceparent(PARENT);

        Uni<String> failing = trace.call(() -> {
            throw new IllegalStateException("boom");
        });

        assertThat(failing.onFailure().recoverWithItem(Throwable::getMessage).await().indefinitely())
                .isEqualTo("boom");
    }
}
