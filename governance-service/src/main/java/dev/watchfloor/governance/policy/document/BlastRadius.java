package dev.watchfloor.governance.policy.document;

import java.util.List;
import java.util.OptionalInt;

/**
 * Limits on where actions of one type may land.
 *
 * @param maxPerInvestigation
 *            at most this many targets per investigation; empty = no limit
 * @param neverTags
 *            never on assets with any of these tags
 */
public record BlastRadius(String type, OptionalInt maxPerInvestigation, List<String> neverTags) {

    public BlastRadius {
        neverTags = List.copyOf(neverTags);
    }
}
