package dev.watchfloor.reasoning.investigator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.watchfloor.reasoning.investigator.Assessment.ProposedAction;

/** Chooses response actions from the verdict and the kinds of activity found, aimed at the alert's entities. */
final class ResponsePlanner {

    private ResponsePlanner() {
    }

    static List<ProposedAction> plan(Verdict verdict, Set<Signals> found, List<String> alertEntities) {
        List<ProposedAction> actions = new ArrayList<>();
        if (alertEntities.isEmpty() || verdict == Verdict.BENIGN || verdict == Verdict.FALSE_POSITIVE) {
            return actions;
        }
        if (verdict == Verdict.TRUE_POSITIVE) {
            boolean onHost = found.contains(Signals.CREDENTIAL_DUMPING) || found.contains(Signals.MALWARE)
                    || found.contains(Signals.POWERSHELL);
            boolean remoteLogin = found.contains(Signals.BRUTE_FORCE) || found.contains(Signals.VALID_ACCOUNTS);
            boolean account = remoteLogin || found.contains(Signals.CREDENTIAL_DUMPING);
            for (String entity : alertEntities) {
                if (onHost && entity.startsWith("host:")) {
                    actions.add(new ProposedAction(ActionType.ISOLATE_HOST, entity,
                            "malicious execution on this host; contain it"));
                } else if (account && entity.startsWith("user:")) {
                    actions.add(new ProposedAction(ActionType.DISABLE_USER, entity,
                            "this account's credentials are likely compromised"));
                } else if (remoteLogin && entity.startsWith("ip:") && isPublic(entity.substring(3))) {
                    actions.add(new ProposedAction(ActionType.BLOCK_IP, entity,
                            "external source of the malicious logins"));
                }
            }
        }
        actions.add(new ProposedAction(ActionType.OPEN_TICKET, ticketSubject(alertEntities),
                verdict == Verdict.TRUE_POSITIVE ? "track containment and follow-up" : "an analyst should review"));
        return actions;
    }

    /** The entity a ticket is filed about: the host, else the user, else whatever the alert names first. */
    static String ticketSubject(List<String> entities) {
        for (String prefix : List.of("host:", "user:", "ip:")) {
            for (String entity : entities) {
                if (entity.startsWith(prefix)) {
                    return entity;
                }
            }
        }
        return entities.get(0);
    }

    static boolean isPublic(String ip) {
        if (ip.startsWith("10.") || ip.startsWith("192.168.") || ip.startsWith("127.") || ip.contains(":")) {
            return false;
        }
        if (ip.startsWith("172.")) {
            String[] parts = ip.split("\\.");
            int second = parts.length > 1 && parts[1].chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(
                            parts[1])
                    : -1;
            return second < 16 || second > 31;
        }
        return true;
    }
}
