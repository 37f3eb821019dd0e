package dev.watchfloor.ingest.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome for one record found in a request body, in body order:
 * <ul>
 * <li>{@code accepted}: stored as {@code id} (an alert also names the {@code group} it opened);</li>
 * <li>{@code duplicate}: the same normalized content is already stored as {@code id}; counted there, not stored
 * again;</li>
 * <li>{@code grouped}: stored as {@code id}, a member of alert {@code group}, whose first alert ({@code leader}) is the
 * one investigated;</li>
 * <li>{@code quarantined}: kept with its raw text as quarantine entry {@code id}, with the {@code reason} and the byte
 * {@code offset} where it starts in the body.</li>
 * </ul>
 * Warnings name what was repaired or assumed while reading the record. accepted + duplicate + grouped + quarantined is
 * always the number of records in the body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection // read back from the idempotency table
public record IntakeResult(int index, String status, String id, String group, String leader, String source,
        String reason, Long offset, List<String> warnings) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String GROUPED = "grouped";
    public static final String QUARANTINED = "quarantined";

    static IntakeResult stored(int index, String status, String id, String group, String leader, String source,
            List<String> warnings) {
        return new IntakeResult(index, status, id, group, leader, source, null, null, warnings);
    }

    static IntakeResult quarantined(int index, String id, String reason, long offset) {
        return new IntakeResult(index, QUARANTINED, id, null, null, null, reason, offset, List.of());
    }
}
