package dev.watchfloor.governance.policy.document;

/** At most {@code perHour} actions of {@code type} per tenant in any rolling hour. */
public record RateCap(String type, int perHour) {
}
