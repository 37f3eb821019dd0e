package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
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
            out.classify(OcsfClass.ACCOUNT_CHANGE, account, accountName(account));
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
            out.classify(OcsfClass.GROUP_MANAGEMENT, group, group == 3
                    ? "Add User"
                    : group == 4 ? "Remove User" : group == 6 ? "Create" : "Delete");
            return;
        }
        if (app.equals("login")) {
            out.classify(OcsfClass.AUTHENTICATION, 99, "Other"); // account and attack warnings of sign-ins
            return;
        }
        ApiVerbs.classify(name.equals("authorize") ? "create" : name, out);
    }

    private static void authentication(String name, OcsfEvent out) {
        if (name.equals("logout")) {
            out.classify(OcsfClass.AUTHENTICATION, 2, "Logoff");
        } else if (name.equals("login_verification")) {
            out.classify(OcsfClass.AUTHENTICATION, 99, "Other");
        } else {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        }
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

    private static String accountName(int activity) {
        return switch (activity) {
            case 1 -> "Create";
            case 2 -> "Enable";
            case 3 -> "Password Change";
            case 4 -> "Password Reset";
            case 5 -> "Disable";
            case 6 -> "Delete";
            case 7 -> "Attach Policy";
            case 8 -> "Detach Policy";
            case 10 -> "MFA Factor Enable";
            case 11 -> "MFA Factor Disable";
            default -> "Other";
        };
    }
}
