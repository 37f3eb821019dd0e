package dev.watchfloor.ingest.normalize.ocsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.vendor.VendorMappers;

/**
 * The mappers, in the order detection tries them: vendor mappers first (most specific first), then the generic ones for
 * syslog and text, and for JSON. A client may name a mapper ({@code ?source=okta}) to skip detection.
 */
public final class Mappers {

    private final List<Mapper> ordered;
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
        for (Mapper m : ordered) {
            if (m.matches(record)) {
                return m;
            }
        }
        return text.matches(record) ? text : fallback;
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
