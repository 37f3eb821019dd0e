package dev.watchfloor.reasoning.queue;

import java.net.ConnectException;
import java.util.Set;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.TimeoutException;

/**
 * Tells a peer's outage (context, governance or action unreachable, too slow, or its circuit open) from a failure of
 * the investigation itself. An outage delays an investigation; only the other kind uses up its attempts.
 */
final class Outages {

    private static final Set<Status.Code> UNREACHABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

    private Outages() {
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatusRuntimeException s && UNREACHABLE.contains(s.getStatus().getCode())
                    || t instanceof TimeoutException || t instanceof CircuitBreakerOpenException
                    || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for the investigation's last error, e.g. "peer unavailable: UNAVAILABLE: io exception". */
    static String describe(Throwable e) {
        return "peer unavailable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
