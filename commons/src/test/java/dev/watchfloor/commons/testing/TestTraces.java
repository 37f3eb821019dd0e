package dev.watchfloor.commons.testing;

import dev.watchfloor.commons.trace.Trace;

/** A trace for the services' tests to record audit entries and spans under, the W3C specification's example ids. */
public final class TestTraces {

    public static final Trace SAMPLE = Trace.fromTraceparent(
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    private TestTraces() {
    }
}
