package dev.watchfloor.governance.policy.document;

import java.math.BigDecimal;

/**
 * A model a data level may be routed to, with its price table.
 *
 * @param baseUrl
 *            the provider endpoint; empty = taken from the environment
 */
public record ModelRoute(String name, String provider, String model, String baseUrl, BigDecimal inputUsdPerMillion,
        BigDecimal outputUsdPerMillion, int maxOutputTokens) {
}
