package dev.watchfloor.context.store;

import java.time.Instant;
import java.util.List;

/**
 * An alert group as ingest keeps it: near duplicates of one source, detection and entities within ingest's window. The
 * count covers the whole group; {@code memberIds} lists at most the limit asked for, in observed order.
 */
public record StoredGroup(String id, String leaderAlertId, int members, Instant firstSeen, Instant lastSeen,
        List<String> keys, List<String> memberIds, boolean open) {

    public StoredGroup {
        keys = List.copyOf(keys);
        memberIds = List.copyOf(memberIds);
    }
}
