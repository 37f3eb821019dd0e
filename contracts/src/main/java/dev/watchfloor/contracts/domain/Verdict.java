package dev.watchfloor.contracts.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an investigation concluded about an alert: {@code malicious} (an attack, act on it), {@code suspicious} (likely
 * bad, not proven), {@code benign} (real activity, sanctioned or harmless), {@code false_positive} (the detection was
 * wrong) or {@code needs_review} (Watchfloor could not reach a verified conclusion; a human decides).
 */
public enum Verdict {

    MALICIOUS, SUSPICIOUS, BENIGN, FALSE_POSITIVE, NEEDS_REVIEW;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    public static Optional<Verdict> fromWire(String wire) {
        return WireNames.parse(Verdict.class, wire);
    }

    /** Whether response actions beyond a ticket may follow from this verdict. */
    public boolean warrantsResponse() {
        return this == MALICIOUS || this == SUSPICIOUS;
    }
}
