package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The activity and status of a finding (OCSF 1.3 findings): Create when it was never updated, Update after, Close when
 * archived; {@code status_id} is the finding's workflow state (1 New, 2 In Progress, 3 Suppressed, 4 Resolved).
 */
final class FindingStatus {

    private FindingStatus() {
    }

    static void classify(OcsfEvent out, OcsfClass c, boolean archived, String created, String updated) {
        if (archived) {
            out.classify(c, 3, "Close");
        } else if (updated == null || updated.equals(created)) {
            out.classify(c, 1, "Create");
        } else {
            out.classify(c, 2, "Update");
        }
    }

    /** Workflow states NEW, NOTIFIED, SUPPRESSED, RESOLVED (ASFF) and GuardDuty's archived flag. */
    static void workflow(OcsfEvent out, String state) {
        if (state == null) {
            return;
        }
        int id = switch (Fields.lower(state)) {
            case "new" -> 1;
            case "notified", "in_progress", "assigned", "deferred" -> 2;
            case "suppressed", "archived" -> 3;
            case "resolved" -> 4;
            default -> 99;
        };
        out.set("status_id", (long) id);
        out.set("status", switch (id) {
            case 1 -> "New";
            case 2 -> "In Progress";
            case 3 -> "Suppressed";
            case 4 -> "Resolved";
            default -> "Other";
        });
    }
}
