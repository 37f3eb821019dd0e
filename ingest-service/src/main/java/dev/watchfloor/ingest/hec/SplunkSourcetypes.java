package dev.watchfloor.ingest.hec;

import java.util.Locale;
import java.util.Map;

/** Splunk sourcetypes that name one of Watchfloor's mappers, so a HEC sender's sourcetype picks the parser. */
final class SplunkSourcetypes {

    /** Splunk sourcetypes (lower case) that name one of Watchfloor's mappers. */
    private static final Map<String, String> SOURCETYPES = Map.ofEntries(
            Map.entry("aws:cloudtrail", "cloudtrail"), Map.entry("oktaim2:log", "okta"),
            Map.entry("okta:im2:log", "okta"), Map.entry("aws:cloudwatch:guardduty", "guardduty"),
            Map.entry("aws:securityhub:finding", "asff"), Map.entry("github:enterprise:audit", "github-audit"),
            Map.entry("xmlwineventlog", "windows"), Map.entry("wineventlog", "windows"),
            Map.entry("xmlwineventlog:security", "windows"), Map.entry("wineventlog:security", "windows"),
            Map.entry("xmlwineventlog:microsoft-windows-sysmon/operational", "windows"),
            Map.entry("crowdstrike:event:streams:json", "crowdstrike"), Map.entry("suricata", "suricata"),
            Map.entry("bro:conn:json", "zeek"), Map.entry("zeek:conn:json", "zeek"),
            Map.entry("cisco:asa", "cisco-asa"),
            Map.entry("pan:log", "panos"), Map.entry("pan:traffic", "panos"), Map.entry("pan:threat", "panos"),
            Map.entry("fortigate_traffic", "fortigate"), Map.entry("fortigate_utm", "fortigate"),
            Map.entry("fortigate_event", "fortigate"), Map.entry("linux_secure", "linux-auth"),
            Map.entry("cef", "cef"), Map.entry("leef", "leef"), Map.entry("_json", "json"));

    private SplunkSourcetypes() {
    }

    /** The mapper id for a sourcetype, or null (detect the record's format). */
    static String mapper(String sourcetype) {
        return sourcetype == null ? null : SOURCETYPES.get(sourcetype.strip().toLowerCase(Locale.ROOT));
    }
}
