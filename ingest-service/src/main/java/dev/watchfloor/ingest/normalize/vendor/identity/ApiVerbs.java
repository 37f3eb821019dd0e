package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * API Activity (6003) from the verb an operation name starts or ends with: create, read, update, delete, else other.
 */
public final class ApiVerbs {

    private static final String[] CREATE = {"create", "put", "run", "add", "insert", "upload", "import", "register"};
    private static final String[] READ = {"get", "describe", "list", "read", "view", "download", "lookup", "search",
            "head", "clone", "fetch", "preview"};
    private static final String[] UPDATE = {"update", "modify", "attach", "set", "edit", "change", "rename", "move",
            "replace", "enable", "disable", "associate"};
    private static final String[] DELETE = {"delete", "detach", "terminate", "remove", "destroy", "trash", "revoke",
            "deregister", "disassociate"};

    private ApiVerbs() {
    }

    /** The activity id of an operation name ({@code DescribeInstances}, {@code repo.create}, {@code rename}). */
    public static int activity(String operation) {
        String op = Fields.lower(operation).replaceAll("[^a-z]", "");
        for (String[] verbs : new String[][]{DELETE, UPDATE, CREATE, READ}) {
            for (String verb : verbs) {
                if (op.startsWith(verb)) {
                    return verbs == CREATE ? 1 : verbs == READ ? 2 : verbs == UPDATE ? 3 : 4;
                }
            }
        }
        return 99;
    }

    static void classify(String operation, OcsfEvent out) {
        api(out, activity(operation));
    }

    public static void api(OcsfEvent out, int activity) {
        out.classify(OcsfClass.API_ACTIVITY, activity, switch (activity) {
            case 1 -> "Create";
            case 2 -> "Read";
            case 3 -> "Update";
            case 4 -> "Delete";
            default -> "Other";
        });
    }
}
