package dev.watchfloor.ingest.normalize.ocsf;

/**
 * The OCSF event classes Watchfloor emits (schema 1.3.0). The category is {@code uid / 1000}; the type is
 * {@code uid * 100 + activity_id}.
 */
public enum OcsfClass {

    BASE_EVENT(0, "Base Event"), FILE_ACTIVITY(1001, "File System Activity"), KERNEL_EXTENSION(1002,
            "Kernel Extension Activity"), KERNEL_ACTIVITY(1003, "Kernel Activity"), MEMORY_ACTIVITY(1004,
                    "Memory Activity"), MODULE_ACTIVITY(1005, "Module Activity"), SCHEDULED_JOB_ACTIVITY(1006,
                            "Scheduled Job Activity"), PROCESS_ACTIVITY(1007, "Process Activity"), EVENT_LOG_ACTIVITY(
                                    1008, "Event Log Activity"), REGISTRY_KEY_ACTIVITY(201001,
                                            "Registry Key Activity"), REGISTRY_VALUE_ACTIVITY(201002,
                                                    "Registry Value Activity"), SECURITY_FINDING(2001,
                                                            "Security Finding"), VULNERABILITY_FINDING(2002,
                                                                    "Vulnerability Finding"), COMPLIANCE_FINDING(2003,
                                                                            "Compliance Finding"), DETECTION_FINDING(
                                                                                    2004,
                                                                                    "Detection Finding"), INCIDENT_FINDING(
                                                                                            2005,
                                                                                            "Incident Finding"), ACCOUNT_CHANGE(
                                                                                                    3001,
                                                                                                    "Account Change"), AUTHENTICATION(
                                                                                                            3002,
                                                                                                            "Authentication"), AUTHORIZE_SESSION(
                                                                                                                    3003,
                                                                                                                    "Authorize Session"), ENTITY_MANAGEMENT(
                                                                                                                            3004,
                                                                                                                            "Entity Management"), USER_ACCESS(
                                                                                                                                    3005,
                                                                                                                                    "User Access Management"), GROUP_MANAGEMENT(
                                                                                                                                            3006,
                                                                                                                                            "Group Management"), NETWORK_ACTIVITY(
                                                                                                                                                    4001,
                                                                                                                                                    "Network Activity"), HTTP_ACTIVITY(
                                                                                                                                                            4002,
                                                                                                                                                            "HTTP Activity"), DNS_ACTIVITY(
                                                                                                                                                                    4003,
                                                                                                                                                                    "DNS Activity"), DHCP_ACTIVITY(
                                                                                                                                                                            4004,
                                                                                                                                                                            "DHCP Activity"), RDP_ACTIVITY(
                                                                                                                                                                                    4005,
                                                                                                                                                                                    "RDP Activity"), SMB_ACTIVITY(
                                                                                                                                                                                            4006,
                                                                                                                                                                                            "SMB Activity"), SSH_ACTIVITY(
                                                                                                                                                                                                    4007,
                                                                                                                                                                                                    "SSH Activity"), FTP_ACTIVITY(
                                                                                                                                                                                                            4008,
                                                                                                                                                                                                            "FTP Activity"), EMAIL_ACTIVITY(
                                                                                                                                                                                                                    4009,
                                                                                                                                                                                                                    "Email Activity"), NETWORK_FILE_ACTIVITY(
                                                                                                                                                                                                                            4010,
                                                                                                                                                                                                                            "Network File Activity"), EMAIL_FILE_ACTIVITY(
                                                                                                                                                                                                                                    4011,
                                                                                                                                                                                                                                    "Email File Activity"), EMAIL_URL_ACTIVITY(
                                                                                                                                                                                                                                            4012,
                                                                                                                                                                                                                                            "Email URL Activity"), NTP_ACTIVITY(
                                                                                                                                                                                                                                                    4013,
                                                                                                                                                                                                                                                    "NTP Activity"), TUNNEL_ACTIVITY(
                                                                                                                                                                                                                                                            4014,
                                                                                                                                                                                                                                                            "Tunnel Activity"), DEVICE_INVENTORY_INFO(
                                                                                                                                                                                                                                                                    5001,
                                                                                                                                                                                                                                                                    "Device Inventory Info"), DEVICE_CONFIG_STATE(
                                                                                                                                                                                                                                                                            5002,
                                                                                                                                                                                                                                                                            "Device Config State"), WEB_RESOURCES_ACTIVITY(
                                                                                                                                                                                                                                                                                    6001,
                                                                                                                                                                                                                                                                                    "Web Resources Activity"), APPLICATION_LIFECYCLE(
                                                                                                                                                                                                                                                                                            6002,
                                                                                                                                                                                                                                                                                            "Application Lifecycle"), API_ACTIVITY(
                                                                                                                                                                                                                                                                                                    6003,
                                                                                                                                                                                                                                                                                                    "API Activity"), DATASTORE_ACTIVITY(
                                                                                                                                                                                                                                                                                                            6005,
                                                                                                                                                                                                                                                                                                            "Datastore Activity"), FILE_HOSTING_ACTIVITY(
                                                                                                                                                                                                                                                                                                                    6006,
                                                                                                                                                                                                                                                                                                                    "File Hosting Activity");

    private final int uid;
    private final String caption;

    OcsfClass(int uid, String caption) {
        this.uid = uid;
        this.caption = caption;
    }

    public int uid() {
        return uid;
    }

    public String caption() {
        return caption;
    }

    /**
     * 1 System Activity, 2 Findings, 3 Identity & Access Management, 4 Network Activity, 5 Discovery, 6 Application
     * Activity; extension classes (201001) fall in their base category.
     */
    public int category() {
        int category = uid / 1000;
        return category > 100 ? (uid % 100_000) / 1000 : category;
    }

    public String categoryName() {
        return switch (category()) {
            case 1 -> "System Activity";
            case 2 -> "Findings";
            case 3 -> "Identity & Access Management";
            case 4 -> "Network Activity";
            case 5 -> "Discovery";
            case 6 -> "Application Activity";
            default -> "Other";
        };
    }
}
