package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Set;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * The OCSF class and activity of an ECS document, from {@code event.kind}, the {@code event.category} and
 * {@code event.type} lists ("ECS Categorization Fields") and, where ECS has no type for it, a word of
 * {@code event.action}.
 */
final class EcsClasses {

    /** Rules are tried in order: {@code type:<event.type>} or {@code action:<word in event.action>}, id, caption. */
    private static final String[][] AUTHENTICATION = {{"type:end", "2", "Logoff"}, {"action:logoff", "2", "Logoff"},
            {"action:logout", "2", "Logoff"}, {"type:start", "1", "Logon"}, {"type:info", "1", "Logon"}};
    private static final String[][] PROCESS = {{"type:start", "1", "Launch"}, {"type:end", "2", "Terminate"},
            {"type:access", "3", "Open"}};
    private static final String[][] GROUP = {{"action:add", "3", "Add User"}, {"action:remove", "4", "Remove User"},
            {"type:deletion", "5", "Delete"}, {"type:creation", "6", "Create"}};
    private static final String[][] ACCOUNT = {{"type:creation", "1", "Create"}, {"type:deletion", "6", "Delete"},
            {"action:password", "3", "Password Change"}, {"action:enable", "2", "Enable"},
            {"action:disable", "5", "Disable"}, {"action:lock", "9", "Lock"}};
    private static final String[][] FILE = {{"type:creation", "1", "Create"}, {"type:deletion", "4", "Delete"},
            {"action:rename", "5", "Rename"}, {"type:change", "3", "Update"}, {"type:access", "2", "Read"}};
    private static final String[][] NETWORK = {{"type:denied", "5", "Refuse"}, {"type:start", "1", "Open"},
            {"type:end", "2", "Close"}, {"type:connection", "6", "Traffic"}, {"type:protocol", "6", "Traffic"}};

    private EcsClasses() {
    }

    static void classify(OcsfEvent out, Source in, String kind, Set<String> categories, Set<String> types,
            String action) {
        String a = action == null ? "" : action;
        if (kind.equals("alert") || kind.equals("signal")) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        } else if (categories.contains("authentication")) {
            pick(out, OcsfClass.AUTHENTICATION, types, a, AUTHENTICATION);
        } else if (categories.contains("process")) {
            pick(out, OcsfClass.PROCESS_ACTIVITY, types, a, PROCESS);
        } else if (categories.contains("iam") && types.contains("group")) {
            pick(out, OcsfClass.GROUP_MANAGEMENT, types, a, GROUP);
        } else if (categories.contains("iam") && types.contains("user")) {
            pick(out, OcsfClass.ACCOUNT_CHANGE, types, a, ACCOUNT);
        } else if (categories.contains("file")) {
            pick(out, OcsfClass.FILE_ACTIVITY, types, a, FILE);
        } else if (in.peek("dns.question.name") != null) {
            boolean answer = in.peek("dns.response_code") != null || in.peek("dns.answers") != null;
            out.classify(OcsfClass.DNS_ACTIVITY, answer ? 2 : 1, answer ? "Response" : "Query");
        } else if (in.peek("http.request.method") != null || categories.contains("web")) {
            NetworkFields.http(out, in.text("http.request.method"));
        } else if (categories.contains("network") || categories.contains("intrusion_detection")) {
            pick(out, OcsfClass.NETWORK_ACTIVITY, types, a, NETWORK);
        } else {
            out.classify(OcsfClass.BASE_EVENT, 99, "Other");
        }
    }

    /** The first rule that holds gives the activity; none: 99 Other. */
    private static void pick(OcsfEvent out, OcsfClass c, Set<String> types, String action, String[][] rules) {
        for (String[] rule : rules) {
            String[] test = rule[0].split(":", 2);
            boolean holds = test[0].equals("type") ? types.contains(test[1]) : action.contains(test[1]);
            if (holds) {
                out.classify(c, Integer.parseInt(rule[1]), rule[2]);
                return;
            }
        }
        out.classify(c, 99, "Other");
    }
}
