package dev.watchfloor.governance.policy.document;

import java.math.BigDecimal;
import java.util.List;

/**
 * A budget holder.
 *
 * @param sources
 *            alert-source globs billed to this department
 */
public record Department(String name, BigDecimal monthlyUsd, long dailyTokens, List<String> sources) {

    public Department {
        sources = List.copyOf(sources);
    }
}
