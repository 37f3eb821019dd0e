package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class of an Entra ID audit activity (Microsoft Entra audit log activity reference): user lifecycle,
 * password, security-info and role membership activities are Account Change, group lifecycle and membership Group
 * Management, the rest API Activity by {@code operationType} (Add, Update, Delete, Assign, Unassign).
 */
final class EntraAuditClasses {

    private EntraAuditClasses() {
    }

    static void classify(String category, String activity, String operationType, OcsfEvent out) {
        String a = Fields.lower(activity).strip();
        String c = Fields.lower(category);
        int account = account(a);
        if (account > 0 && (c.isEmpty() || c.equals("usermanagement") || c.equals("rolemanagement")
                || c.equals("auditlogs"))) {
            Activities.account(out, account);
            return;
        }
        int group = switch (a) {
            case "add member to group" -> 3;
            case "remove member from group" -> 4;
            case "add group" -> 6;
            case "delete group", "hard delete group" -> 5;
            case "add owner to group" -> 1;
            case "remove owner from group" -> 2;
            default -> 0;
        };
        if (group > 0) {
            Activities.group(out, group);
            return;
        }
        ApiVerbs.api(out, switch (Fields.lower(operationType)) {
            case "add" -> 1;
            case "update", "assign", "unassign" -> 3;
            case "delete" -> 4;
            default -> ApiVerbs.activity(a);
        });
    }

    /** The Account Change activity of a user or role activity name, 0 when none. */
    private static int account(String activity) {
        return switch (activity) {
            case "add user", "invite external user" -> 1;
            case "enable account", "restore user" -> 2;
            case "change password (self-service)", "change user password" -> 3;
            case "reset password (self-service)", "reset user password", "reset password (by admin)" -> 4;
            case "disable account" -> 5;
            case "delete user", "hard delete user" -> 6;
            case "add member to role", "add eligible member to role", "add member to role completed (pim activation)",
                    "add app role assignment grant to user" ->
                7;
            case "remove member from role", "remove eligible member from role",
                    "remove app role assignment from user" ->
                8;
            case "user registered security info", "admin registered security info",
                    "user registered all required security info" ->
                10;
            case "user deleted security info", "admin deleted security info" -> 11;
            case "update user" -> 99;
            default -> activity.startsWith("add member to role") || activity.startsWith("add eligible member to role")
                    ? 7
                    : activity.startsWith("remove member from role")
                            || activity.startsWith("remove eligible member from role") ? 8 : 0;
        };
    }
}
