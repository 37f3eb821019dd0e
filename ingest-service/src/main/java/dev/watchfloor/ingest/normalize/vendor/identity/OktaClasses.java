package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class and activity of an Okta System Log {@code eventType} (Okta Event Types catalog): sign-on and session
 * events are Authentication, {@code user.lifecycle.*}, {@code user.account.*} and {@code user.mfa.factor.*} Account
 * Change, {@code group.user_membership.*} and {@code group.lifecycle.*} Group Management, the rest API Activity by the
 * verb at the end of the type.
 */
final class OktaClasses {

    private OktaClasses() {
    }

    static void classify(String eventType, OcsfEvent out) {
        String type = Fields.lower(eventType);
        if (type.startsWith("user.session.") || type.startsWith("user.authentication.")
                || type.startsWith("policy.evaluate_sign_on")) {
            authentication(type, out);
        } else if (type.startsWith("user.lifecycle.") || type.startsWith("user.account.")
                || type.startsWith("user.mfa.factor.") || type.startsWith("user.credential.")) {
            accountChange(type, out);
        } else if (type.startsWith("group.user_membership.") || type.startsWith("group.lifecycle.")
                || type.startsWith("group.privilege.")) {
            groupManagement(type, out);
        } else {
            api(type, out);
        }
    }

    private static void authentication(String type, OcsfEvent out) {
        if (type.equals("user.session.start") || type.startsWith("user.authentication.")) {
            out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
        } else if (type.equals("user.session.end") || type.equals("user.session.clear")) {
            out.classify(OcsfClass.AUTHENTICATION, 2, "Logoff");
        } else {
            out.classify(OcsfClass.AUTHENTICATION, 99, "Other");
        }
    }

    private static void accountChange(String type, OcsfEvent out) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        if (type.startsWith("user.mfa.factor.")) {
            boolean on = last.equals("activate") || last.equals("enroll");
            boolean off = last.equals("deactivate") || last.equals("reset_all") || last.equals("suspend");
            account(out, on ? 10 : off ? 11 : 99);
            return;
        }
        if (type.startsWith("user.account.lock")) {
            account(out, 9);
            return;
        }
        account(out, switch (last) {
            case "create" -> 1;
            case "activate", "reactivate", "unsuspend", "unlock", "unlock_by_admin" -> 2;
            case "update_password" -> 3;
            case "reset_password", "expire_password" -> 4;
            case "deactivate", "suspend" -> 5;
            case "delete" -> 6;
            case "grant" -> 7;
            case "revoke" -> 8;
            default -> 99;
        });
    }

    private static void account(OcsfEvent out, int activity) {
        out.classify(OcsfClass.ACCOUNT_CHANGE, activity, switch (activity) {
            case 1 -> "Create";
            case 2 -> "Enable";
            case 3 -> "Password Change";
            case 4 -> "Password Reset";
            case 5 -> "Disable";
            case 6 -> "Delete";
            case 7 -> "Attach Policy";
            case 8 -> "Detach Policy";
            case 9 -> "Lock";
            case 10 -> "MFA Factor Enable";
            case 11 -> "MFA Factor Disable";
            default -> "Other";
        });
    }

    private static void groupManagement(String type, OcsfEvent out) {
        int activity = switch (type) {
            case "group.user_membership.add" -> 3;
            case "group.user_membership.remove" -> 4;
            case "group.lifecycle.create" -> 6;
            case "group.lifecycle.delete" -> 5;
            case "group.privilege.grant" -> 1;
            case "group.privilege.revoke" -> 2;
            default -> 99;
        };
        out.classify(OcsfClass.GROUP_MANAGEMENT, activity, switch (activity) {
            case 1 -> "Assign Privileges";
            case 2 -> "Revoke Privileges";
            case 3 -> "Add User";
            case 4 -> "Remove User";
            case 5 -> "Delete";
            case 6 -> "Create";
            default -> "Other";
        });
    }

    private static void api(String type, OcsfEvent out) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        ApiVerbs.classify(last, out);
    }
}
