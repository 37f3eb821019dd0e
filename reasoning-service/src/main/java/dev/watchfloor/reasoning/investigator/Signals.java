package dev.watchfloor.reasoning.investigator;

import java.util.List;
import java.util.Locale;

/**
 * Indicators the deterministic investigator looks for in evidence text, each with the ATT&CK technique it points to.
 * There is deliberately no "sanctioned" indicator: words in event text are written by whoever caused the event, so
 * whether activity is sanctioned comes only from the tenant's policy (allow-lists, change windows).
 */
enum Signals {

    CREDENTIAL_DUMPING("T1003", true, "mimikatz", "lsass", "credential dump", "sekurlsa"), BRUTE_FORCE("T1110", true,
            "brute force", "password spray", "failed login", "login failed", "failed password"), POWERSHELL("T1059.001",
                    true, "downloadstring", "invoke-expression", "iex(", "-encodedcommand",
                    "-enc "), VALID_ACCOUNTS("T1078", true, "impossible travel", "new country",
                            "unfamiliar location"), MALWARE("T1204", true, "malware", "trojan", "ransomware",
                                    "cobalt strike", "known bad hash"), NETWORK_SCAN("T1046", false, "port scan",
                                            "port sweep", "scanner");

    final String technique;
    final boolean malicious;
    final List<String> phrases;

    Signals(String technique, boolean malicious, String... phrases) {
        this.technique = technique;
        this.malicious = malicious;
        this.phrases = List.of(phrases);
    }

    /** The first phrase of this signal that the text contains, or null. */
    String match(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().filter(lower::contains).findFirst().orElse(null);
    }
}
