package dev.watchfloor.ingest.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome for one record found in a request body, in body order: {@code accepted} (with the record's id) or
 * {@code quarantined} (with the quarantine entry's id, the reason and the byte offset where the record starts).
 * Warnings name what was repaired or assumed while reading an accepted record.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IntakeResult(int index, String status, String id, String source, String reason, Long offset,
        List<String> warnings) {

    public static final String ACCEPTED = "accepted";
    public static final String QUARANTINED = "quarantined";

    static IntakeResult accepted(int index, String id, String source, List<String> warnings) {
        return new IntakeResult(index, ACCEPTED, id, source, null, null, warnings);
    }

    static IntakeResult quarantined(int index, String id, String reason, long offset) {
        return new IntakeResult(index, QUARANTINED, id, null, reason, offset, List.of());
    }
}
