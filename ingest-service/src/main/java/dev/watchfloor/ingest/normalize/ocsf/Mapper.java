package dev.watchfloor.ingest.normalize.ocsf;

import dev.watchfloor.ingest.normalize.format.Parsed;

/**
 * Maps one vendor's records to OCSF. A mapper fills what analysts pivot on (time, severity, activity, status, actor and
 * target user, endpoints, device, process, file) from the vendor's documented fields; whatever it does not read lands
 * in {@code unmapped} by itself ({@link Source}), and the raw record is kept beside the event.
 */
public interface Mapper {

    /** Stable id: the {@code source} a client names to force this mapper, and the record's source when detected. */
    String id();

    /** Whether a record looks like this vendor's (used when the client names no source). Must not throw. */
    boolean matches(Parsed record);

    /**
     * Fills {@code out} from the record. Read values through {@code in} so the rest ends in {@code unmapped}; set the
     * time with {@code out.time(ctx.time(value))}.
     */
    void map(Parsed record, Source in, OcsfEvent out, MapContext ctx);
}
