package dev.watchfloor.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome for one submitted record, in submission order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(int index, String status, String id, String reason) {

    static IntakeResult accepted(int index, String id) {
        return new IntakeResult(index, "accepted", id, null);
    }

    static IntakeResult rejected(int index, String reason) {
        return new IntakeResult(index, "rejected", null, reason);
    }
}
