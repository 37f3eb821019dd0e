package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Map;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The OCSF class of a CloudTrail event by {@code eventSource} and {@code eventName}: AWS sign-in events are
 * Authentication; IAM user, login profile, access key, user policy and MFA calls Account Change; IAM group membership
 * and group lifecycle Group Management; everything else API Activity by the verb the name starts with.
 */
final class CloudTrailClasses {

    /** IAM operations on a user account: their Account Change activity. */
    private static final Map<String, Integer> ACCOUNT = Map.ofEntries(Map.entry("CreateUser", 1),
            Map.entry("DeleteUser", 6), Map.entry("ChangePassword", 3), Map.entry("CreateLoginProfile", 3),
            Map.entry("UpdateLoginProfile", 4), Map.entry("DeleteLoginProfile", 5), Map.entry("AttachUserPolicy", 7),
            Map.entry("PutUserPolicy", 7), Map.entry("DetachUserPolicy", 8), Map.entry("DeleteUserPolicy", 8),
            Map.entry("EnableMFADevice", 10), Map.entry("DeactivateMFADevice", 11), Map.entry("UpdateUser", 99),
            Map.entry("CreateAccessKey", 99), Map.entry("UpdateAccessKey", 99), Map.entry("DeleteAccessKey", 99));
    /** IAM group operations: their Group Management activity. */
    private static final Map<String, Integer> GROUP = Map.of("AddUserToGroup", 3, "RemoveUserFromGroup", 4,
            "CreateGroup", 6, "DeleteGroup", 5, "AttachGroupPolicy", 1, "PutGroupPolicy", 1, "DetachGroupPolicy", 2,
            "DeleteGroupPolicy", 2);

    private CloudTrailClasses() {
    }

    static void classify(String source, String name, OcsfEvent out) {
        String event = name == null ? "" : name;
        boolean iam = source == null || "iam.amazonaws.com".equals(source);
        if (event.equals("PasswordUpdated")) {
            Activities.account(out, 3);
        } else if ("signin.amazonaws.com".equals(source)) {
            Activities.authentication(out, event.equals("ConsoleLogin") ? 1 : event.equals("ExitRole") ? 2 : 99);
        } else if (iam && ACCOUNT.containsKey(event)) {
            Activities.account(out, ACCOUNT.get(event));
        } else if (iam && GROUP.containsKey(event)) {
            Activities.group(out, GROUP.get(event));
        } else {
            ApiVerbs.classify(event, out);
        }
    }
}
