package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Set;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * The OCSF class and activity of an ECS document, from {@code event.kind}, the {@code event.category} and
 * {@code event.type} lists ("ECS Categorization Fields") and, where ECS has no type for it, {@code event.action}.
 */
final class EcsClasses {

    private EcsClasses() {
    }

    static void classify(OcsfEvent out, Source in, String kind, Set<String> categories, Set<String> types,
            String action) {
        String a = action == null ? "" : action;
        if (kind.equals("alert") || kind.equals("signal")) {
            out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        } else if (categories.contains("authentication")) {
            boolean end = types.contains("end") || a.contains("logoff") || a.contains("logout");
            out.classify(OcsfClass.AUTHENTICATION, end ? 2 : 1, end ? "Logoff" : "Logon");
        } else if (categories.contains("process")) {
            int id = types.contains("start") ? 1 : types.contains("end") ? 2 : types.contains("access") ? 3 : 99;
            out.classify(OcsfClass.PROCESS_ACTIVITY, id, id == 1
                    ? "Launch"
                    : id == 2
                            ? "Terminate"
                            : id == 3 ? "Open" : "Other");
        } else if (categories.contains("iam") && types.contains("group")) {
            int id = a.contains("add")
                    ? 3
                    : a.contains("remove")
                            ? 4
                            : types.contains("deletion")
                                    ? 5
                                    : types.contains("creation") ? 6 : 99;
            out.classify(OcsfClass.GROUP_MANAGEMENT, id, new String[]{"", "", "", "Add User", "Remove User",
                    "Delete", "Create"}[id == 99 ? 0 : id]);
        } else if (categories.contains("iam") && types.contains("user")) {
            int id = types.contains("creation")
                    ? 1
                    : types.contains("deletion")
                            ? 6
                            : a.contains("password")
                                    ? 3
                                    : a.contains("enable") ? 2 : a.contains("disable") ? 5 : 99;
            out.classify(OcsfClass.ACCOUNT_CHANGE, id, new String[]{"", "Create", "Enable", "Password Change", "",
                    "Disable", "Delete"}[id == 99 ? 0 : id]);
        } else if (categories.contains("file")) {
            int id = types.contains("creation")
                    ? 1
                    : types.contains("deletion")
                            ? 4
                            : a.contains("rename")
                                    ? 5
                                    : types.contains("change") ? 3 : types.contains("access") ? 2 : 99;
            out.classify(OcsfClass.FILE_ACTIVITY, id, new String[]{"", "Create", "Read", "Update", "Delete",
                    "Rename"}[id == 99 ? 0 : id]);
        } else {
            network(out, in, categories, types);
        }
    }
    private static void network(OcsfEvent out, Source in, Set<String> categories, Set<String> types) {
        boolean dns = in.peek("dns.question.name") != null;
        boolean http = in.peek("http.request.method") != null;
        if (dns) {
            boolean answer = in.peek("dns.response_code") != null || in.peek("dns.answers") != null;
            out.classify(OcsfClass.DNS_ACTIVITY, answer ? 2 : 1, answer ? "Response" : "Query");
        } else if (http || categories.contains("web")) {
            out.classify(OcsfClass.HTTP_ACTIVITY, 99, "Other");
        } else if (categories.contains("network") || categories.contains("intrusion_detection")) {
            int id = types.contains("denied") ? 5 : types.contains("start") ? 1 : types.contains("end") ? 2 : 6;
            out.classify(OcsfClass.NETWORK_ACTIVITY, id, new String[]{"", "Open", "Close", "", "", "Refuse",
                    "Traffic"}[id]);
        } else {
            out.classify(OcsfClass.BASE_EVENT, 99, "Other");
        }
    }
}
