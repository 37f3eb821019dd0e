package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Map;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class of a CloudTrail event by {@code eventSource} and {@code eventName}: AWS sign-in events are
 * Authentication; IAM user, login profile, access key, user policy and MFA calls Account Change; IAM group membership
 * and group lifecycle Group Management; everything else API Activity by the verb the name starts with.
 */
final class CloudTrailClasses {

    /** IAM operations on a user account: OCSF Account Change activity id and name. */
    private static final Map<String, Object[]> ACCOUNT = Map.ofEntries(
            Map.entry("CreateUser", new Object[]{1, "Create"}),
            Map.entry("DeleteUser", new Object[]{6, "Delete"}),
            Map.entry("ChangePassword", new Object[]{3, "Password Change"}),
            Map.entry("CreateLoginProfile", new Object[]{3, "Password Change"}),
            Map.entry("UpdateLoginProfile", new Object[]{4, "Password Reset"}),
            Map.entry("DeleteLoginProfile", new Object[]{5, "Disable"}),
            Map.entry("AttachUserPolicy", new Object[]{7, "Attach Policy"}),
            Map.entry("PutUserPolicy", new Object[]{7, "Attach Policy"}),
            Map.entry("DetachUserPolicy", new Object[]{8, "Detach Policy"}),
            Map.entry("DeleteUserPolicy", new Object[]{8, "Detach Policy"}),
            Map.entry("EnableMFADevice", new Object[]{10, "MFA Factor Enable"}),
            Map.entry("DeactivateMFADevice", new Object[]{11, "MFA Factor Disable"}),
            Map.entry("UpdateUser", new Object[]{99, "Other"}),
            Map.entry("CreateAccessKey", new Object[]{99, "Other"}),
            Map.entry("UpdateAccessKey", new Object[]{99, "Other"}),
            Map.entry("DeleteAccessKey", new Object[]{99, "Other"}));
    /** IAM group operations: OCSF Group Management activity id and name. */
    private static final Map<String, Object[]> GROUP = Map.of(
            "AddUserToGroup", new Object[]{3, "Add User"},
            "RemoveUserFromGroup", new Object[]{4, "Remove User"},
            "CreateGroup", new Object[]{6, "Create"},
            "DeleteGroup", new Object[]{5, "Delete"},
            "AttachGroupPolicy", new Object[]{1, "Assign Privileges"},
            "PutGroupPolicy", new Object[]{1, "Assign Privileges"},
            "DetachGroupPolicy", new Object[]{2, "Revoke Privileges"},
            "DeleteGroupPolicy", new Object[]{2, "Revoke Privileges"});

    private CloudTrailClasses() {
    }

    static void classify(String source, String name, OcsfEvent out) {
        String event = name == null ? "" : name;
        if ("signin.amazonaws.com".equals(source) && !event.equals("PasswordUpdated")) {
            switch (event) {
                case "ConsoleLogin" -> out.classify(OcsfClass.AUTHENTICATION, 1, "Logon");
                case "ExitRole" -> out.classify(OcsfClass.AUTHENTICATION, 2, "Logoff");
                default -> out.classify(OcsfClass.AUTHENTICATION, 99, "Other");
            }
        } else if (event.equals("PasswordUpdated")) {
            out.classify(OcsfClass.ACCOUNT_CHANGE, 3, "Password Change");
        } else if ((source == null || "iam.amazonaws.com".equals(source)) && ACCOUNT.containsKey(event)) {
            Object[] a = ACCOUNT.get(event);
            out.classify(OcsfClass.ACCOUNT_CHANGE, (Integer) a[0], (String) a[1]);
        } else if ((source == null || "iam.amazonaws.com".equals(source)) && GROUP.containsKey(event)) {
            Object[] a = GROUP.get(event);
            out.classify(OcsfClass.GROUP_MANAGEMENT, (Integer) a[0], (String) a[1]);
        } else {
            ApiVerbs.classify(event, out);
        }
    }
}
