package dev.watchfloor.redaction;

import java.util.Locale;
import java.util.Optional;

/** What the redactor recognizes in text. The wire name (lower case) appears in masks, counts and pseudonym kinds. */
public enum Detector {

    AWS_ACCESS_KEY, AWS_SECRET_KEY, GITHUB_TOKEN, SLACK_TOKEN, JWT, PRIVATE_KEY, URL_PASSWORD, AUTHORIZATION_HEADER, PASSWORD_FIELD, EMAIL, PHONE, CARD_NUMBER, NATIONAL_ID;

    private final String wire = name().toLowerCase(Locale.ROOT);
    private final String mask = "[REDACTED:" + wire + "]";

    /** The lower-case name, e.g. {@code github_token}. */
    public String wire() {
        return wire;
    }

    /** The text that replaces a masked value: {@code [REDACTED:<wire name>]}. */
    public String mask() {
        return mask;
    }

    /** The detector with this wire name (case-insensitive), if any. */
    public static Optional<Detector> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (Detector detector : values()) {
            if (detector.wire.equalsIgnoreCase(wire.trim())) {
                return Optional.of(detector);
            }
        }
        return Optional.empty();
    }
}
