package dev.watchfloor.ingest.normalize.vendor.cloud;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF security-control outcome of a firewall-like decision: {@code action_id} (1 Allowed, 2 Denied, 99 Other) and
 * {@code disposition_id} (1 Allowed, 2 Blocked, 15 Detected, 17 Logged, 99 Other), each with its caption.
 */
final class Controls {

    private Controls() {
    }

    static void allowed(OcsfEvent out) {
        decision(out, 1, "Allowed", 1, "Allowed");
    }

    static void blocked(OcsfEvent out) {
        decision(out, 2, "Denied", 2, "Blocked");
    }

    /** Allowed through but reported (an alert or count rule): action Allowed, disposition Detected or Logged. */
    static void detected(OcsfEvent out, boolean logged) {
        decision(out, 1, "Allowed", logged ? 17 : 15, logged ? "Logged" : "Detected");
    }

    static void other(OcsfEvent out, String what) {
        decision(out, 99, what, 99, what);
    }

    private static void decision(OcsfEvent out, int action, String actionName, int disposition,
            String dispositionName) {
        out.set("action_id", (long) action);
        out.set("action", actionName);
        out.set("disposition_id", (long) disposition);
        out.set("disposition", dispositionName);
    }
}
