package dev.watchfloor.ingest.normalize.ocsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.vendor.VendorMappers;

/**
 * The mappers, in the order detection tries them: vendor mappers first (most specific first), then the generic ones for
 * syslog and text, and for JSON. A client may name a mapper ({@code ?source=okta}) to skip detection.
 */
public final class Mappers {

    private static final String SYSLOG_CARRYING = "syslog+";

    private final List<Mapper> ordered;
    /** Per wire format (a closed set the readers name), the mappers detection asks. */
    private final Map<String, List<Mapper>> candidates = new ConcurrentHashMap<>();
    private final Map<String, Mapper> byId = new LinkedHashMap<>();
    private final Mapper text = new GenericSyslogMapper();
    private final Mapper fallback = new GenericJsonMapper();

    public Mappers() {
        this(VendorMappers.all());
    }

    public Mappers(List<Mapper> vendors) {
        this.ordered = new ArrayList<>(vendors);
        for (Mapper m : vendors) {
            if (byId.put(m.id(), m) != null) {
                throw new IllegalStateException("two mappers named " + m.id());
            }
        }
        byId.put(text.id(), text);
        byId.put(fallback.id(), fallback);
    }

    /** The mapper a client named; 400 listing the known ones when there is none of that name. */
    public Mapper named(String id) {
        Mapper m = byId.get(id);
        if (m == null) {
            throw ProblemException.badRequest("unknown-source",
                    "no parser is named '" + id + "'; known: " + String.join(", ", byId.keySet()));
        }
        return m;
    }

    /** The first vendor mapper that claims the record, else the generic one for syslog and text, else for JSON. */
    public Mapper detect(Parsed record) {
        for (Mapper m : candidates.computeIfAbsent(record.format(), this::readingFormat)) {
            if (m.matches(record)) {
                return m;
            }
        }
        return text.matches(record) ? text : fallback;
    }

    /** The vendor mappers, in order, that read records of a wire format ({@link Mapper#formats()}). */
    private List<Mapper> readingFormat(String format) {
        String own = format.startsWith(SYSLOG_CARRYING) ? format.substring(SYSLOG_CARRYING.length()) : format;
        return ordered.stream().filter(m -> m.formats().isEmpty() || m.formats().contains(own)).toList();
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
