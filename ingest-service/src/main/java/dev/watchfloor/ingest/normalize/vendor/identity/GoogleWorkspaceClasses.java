package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class of a Google Workspace activity (Reports API event names of the {@code login}, {@code user_accounts}
 * and {@code admin} applications): sign-in events are Authentication, password, 2-step verification, recovery and user
 * lifecycle events Account Change, group membership Group Management, the rest (Drive, token, admin settings ...) API
 * Activity by the verb the name starts with.
 */
final class GoogleWorkspaceClasses {

    private GoogleWorkspaceClasses() {
    }

    static void classify(String application, String eventName, OcsfEvent out) {
        String app = Fields.lower(application);
        String name = Fields.lower(eventName);
        if (name.startsWith("login_") || name.equals("logout") || name.startsWith("suspicious_login")
                || name.equals("suspicious_programmatic_login")) {
            authentication(name, out);
            return;
        }
        int account = account(name);
        if (account > 0 && (app.equals("login") || app.equals("user_accounts") || app.equals("admin"))) {
            Activities.account(out, account);
            return;
        }
        int group = switch (name) {
            case "add_group_member" -> 3;
            case "remove_group_member" -> 4;
            case "create_group" -> 6;
            case "delete_group" -> 5;
            default -> 0;
        };
        if (group > 0 && app.equals("admin")) {
            Activities.group(out, group);
            return;
        }
        if (app.equals("login")) {
            Activities.authentication(out, 99); // account and attack warnings of sign-ins
            return;
        }
        ApiVerbs.classify(name.equals("authorize") ? "create" : name, out);
    }

    private static void authentication(String name, OcsfEvent out) {
        Activities.authentication(out, name.equals("logout") ? 2 : name.equals("login_verification") ? 99 : 1);
    }

    /** Account Change activity of a user account event, 0 when the event is none. */
    private static int account(String name) {
        return switch (name) {
            case "create_user" -> 1;
            case "unsuspend_user", "account_disabled_password_leak_reenabled" -> 2;
            case "password_edit" -> 3;
            case "change_password", "change_password_on_next_login" -> 4;
            case "suspend_user" -> 5;
            case "delete_user" -> 6;
            case "assign_role", "grant_admin_privilege", "grant_delegated_admin_privileges" -> 7;
            case "unassign_role", "revoke_admin_privilege" -> 8;
            case "2sv_enroll", "titanium_enroll", "enforce_strong_authentication" -> 10;
            case "2sv_disable", "titanium_unenroll" -> 11;
            default -> name.startsWith("account_disabled_")
                    ? 5
                    : name.startsWith("recovery_") || name.startsWith("email_forwarding_") ? 99 : 0;
        };
    }
}
