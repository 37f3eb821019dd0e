package dev.watchfloor.ingest.normalize.vendor.identity;

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
            Activities.authentication(out, 1);
        } else if (type.equals("user.session.end") || type.equals("user.session.clear")) {
            Activities.authentication(out, 2);
        } else {
            Activities.authentication(out, 99);
        }
    }

    private static void accountChange(String type, OcsfEvent out) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        if (type.startsWith("user.mfa.factor.")) {
            boolean on = last.equals("activate") || last.equals("enroll");
            boolean off = last.equals("deactivate") || last.equals("reset_all") || last.equals("suspend");
            Activities.account(out, on ? 10 : off ? 11 : 99);
            return;
        }
        if (type.startsWith("user.account.lock")) {
            Activities.account(out, 9);
            return;
        }
        Activities.account(out, switch (last) {
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
        Activities.group(out, activity);
    }

    private static void api(String type, OcsfEvent out) {
        String last = type.substring(type.lastIndexOf('.') + 1);
        ApiVerbs.classify(last, out);
    }
}
