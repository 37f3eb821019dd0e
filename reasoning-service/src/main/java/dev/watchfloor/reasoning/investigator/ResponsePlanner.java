package dev.watchfloor.reasoning.investigator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.reasoning.investigator.Assessment.ProposedAction;

/** Chooses response actions from the verdict and the ATT&CK techniques found, aimed at the alert's entities. */
final class ResponsePlanner {

    private ResponsePlanner() {
    }

    /** Actions for the verdict, each citing {@code cited}: the evidence the findings rest on. */
    static List<ProposedAction> plan(Verdict verdict, Set<String> techniques, List<String> alertEntities,
            List<String> cited) {
        List<ProposedAction> actions = new ArrayList<>();
        if (alertEntities.isEmpty() || !verdict.warrantsResponse()) {
            return actions;
        }
        if (verdict == Verdict.MALICIOUS) {
            boolean dumping = any(techniques, "T1003");
            boolean onHost = dumping || any(techniques, "T1059") || any(techniques, "T1204");
            boolean remoteLogin = any(techniques, "T1110") || any(techniques, "T1078");
            boolean account = remoteLogin || dumping;
            for (String entity : alertEntities) {
                if (onHost && entity.startsWith("host:")) {
                    actions.add(new ProposedAction(ActionType.ISOLATE_HOST, entity,
                            "malicious execution on this host; contain it", cited));
                } else if (account && entity.startsWith("user:")) {
                    actions.add(new ProposedAction(ActionType.DISABLE_USER, entity,
                            "this account's credentials are likely compromised", cited));
                } else if (remoteLogin && entity.startsWith("ip:") && isPublic(entity.substring(3))) {
                    actions.add(new ProposedAction(ActionType.BLOCK_IP, entity,
                            "external source of the malicious logins", cited));
                }
            }
        }
        actions.add(new ProposedAction(ActionType.OPEN_TICKET, ticketSubject(alertEntities),
                verdict == Verdict.MALICIOUS ? "track containment and follow-up" : "an analyst should review",
                cited));
        return actions;
    }

    /** Whether a technique or one of its sub-techniques was found. */
    private static boolean any(Set<String> techniques, String technique) {
        return techniques.stream().anyMatch(t -> t.equals(technique) || t.startsWith(technique + "."));
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
