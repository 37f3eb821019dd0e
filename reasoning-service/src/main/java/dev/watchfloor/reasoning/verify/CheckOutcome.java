package dev.watchfloor.reasoning.verify;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.watchfloor.contracts.domain.WireNames;

/**
 * How a verification step came out: {@code passed}; {@code failed} (the assessment was changed: actions dropped or the
 * verdict turned to {@code needs_review}); {@code flagged} (a disagreement a human should see); {@code skipped} (the
 * step did not apply, e.g. convergence for a low-severity answer without consequential actions).
 */
public enum CheckOutcome {

    PASSED, FAILED, FLAGGED, SKIPPED;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }
}
