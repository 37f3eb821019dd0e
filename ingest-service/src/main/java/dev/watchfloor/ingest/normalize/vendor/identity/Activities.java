package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * The identity classes' activities (OCSF 1.3.0) by id, each with its caption: Account Change (3001), Group Management
 * (3006) and Authentication (3002).
 */
final class Activities {

    private Activities() {
    }

    /**
     * Account Change: 1 Create, 2 Enable, 3 Password Change, 4 Password Reset, 5 Disable, 6 Delete, 7 Attach Policy, 8
     * Detach Policy, 9 Lock, 10 MFA Factor Enable, 11 MFA Factor Disable, 99 Other.
     */
    static void account(OcsfEvent out, int activity) {
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

    /** Group Management: 1 Assign Privileges, 2 Revoke Privileges, 3 Add User, 4 Remove User, 5 Delete, 6 Create. */
    static void group(OcsfEvent out, int activity) {
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

    /** Authentication: 1 Logon, 2 Logoff, 99 Other. */
    static void authentication(OcsfEvent out, int activity) {
        out.classify(OcsfClass.AUTHENTICATION, activity, switch (activity) {
            case 1 -> "Logon";
            case 2 -> "Logoff";
            default -> "Other";
        });
    }
}
