package dev.watchfloor.ingest.normalize.ocsf;

import java.util.Set;

import dev.watchfloor.ingest.normalize.format.Parsed;

/**
 * Maps one vendor's records to OCSF. A mapper fills what analysts pivot on (time, severity, activity, status, actor and
 * target user, endpoints, device, process, file) from the vendor's documented fields; whatever it does not read lands
 * in {@code unmapped} by itself ({@link Source}), and the raw record is kept beside the event.
 */
public interface Mapper {

    /** Stable id: the {@code source} a client names to force this mapper, and the record's source when detected. */
    String id();

    /** {@link #formats()} of a mapper whose records are JSON objects (alone, or as a syslog message). */
    Set<String> JSON = Set.of("json");

    /** Whether a record looks like this vendor's (used when the client names no source). Must not throw. */
    boolean matches(Parsed record);

    /**
     * The wire formats this vendor's records come in, as {@link Parsed#format()} names them, a syslog message counting
     * as its own format ({@code syslog+json} is {@code json}). Detection asks a mapper only about records of these
     * formats, so a CEF line is not put to twenty JSON mappers. Empty (the default): records of any format.
     */
    default Set<String> formats() {
        return Set.of();
    }

    /**
     * Fills {@code out} from the record. Read values through {@code in} so the rest ends in {@code unmapped}; set the
     * time with {@code out.time(ctx.time(value))}.
     */
    void map(Parsed record, Source in, OcsfEvent out, MapContext ctx);
}
