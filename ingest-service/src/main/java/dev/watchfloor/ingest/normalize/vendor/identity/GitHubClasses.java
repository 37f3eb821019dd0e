package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class of a GitHub audit {@code action}: SSO responses and user sign-ins are Authentication; adding and
 * removing members of teams and organizations, team lifecycle and role changes Group Management; the rest API Activity
 * by the verb after the last dot ({@code git.push} and other verbs are Other).
 */
final class GitHubClasses {

    private GitHubClasses() {
    }

    static void classify(String action, OcsfEvent out) {
        String a = Fields.lower(action);
        String verb = a.substring(a.lastIndexOf('.') + 1);
        if (verb.equals("sso_response") || a.equals("user.login") || a.equals("user.failed_login")) {
            Activities.authentication(out, 1);
            if (a.equals("user.failed_login")) {
                out.status(2);
            }
        } else if (a.equals("user.logout")) {
            Activities.authentication(out, 2);
        } else if (a.startsWith("team.") || a.startsWith("org.") || a.startsWith("business.")
                || a.startsWith("organization_moderators.")) {
            group(a, verb, out);
        } else {
            ApiVerbs.classify(verb, out);
        }
    }

    private static void group(String action, String verb, OcsfEvent out) {
        int activity = switch (verb) {
            case "add_member", "add_user", "add_admin", "add_owner" -> 3;
            case "remove_member", "remove_user", "remove_admin", "remove_owner", "remove_outside_collaborator" -> 4;
            case "promote_maintainer", "update_member", "update_member_repository_permission" -> 1;
            case "demote_maintainer" -> 2;
            case "create" -> action.startsWith("team.") ? 6 : -1;
            case "destroy" -> action.startsWith("team.") ? 5 : -1;
            default -> -1;
        };
        if (activity < 0) {
            ApiVerbs.classify(verb, out);
            return;
        }
        Activities.group(out, activity);
    }
}
