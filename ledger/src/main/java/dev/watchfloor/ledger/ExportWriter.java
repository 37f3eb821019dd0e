package dev.watchfloor.ledger;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes an export line by line, so an export of any size streams out. After the header come the entries in seq order;
 * a checkpoint goes right after the entry it names, which is what {@link #checkpoints(Collection)} arranges. Closing
 * the writer closes the stream it writes to.
 */
public final class ExportWriter implements Closeable, Flushable {

    private final JsonGenerator json;
    private final TreeMap<Long, List<Checkpoint>> pending = new TreeMap<>();

    ExportWriter(JsonGenerator json, String tenant, String exportedAt) throws IOException {
        this.json = json;
        json.setRootValueSeparator(null);
        ExportJson.writeHeader(json, tenant, exportedAt);
        json.writeRaw('\n');
    }

    /** Writes the next entry, then the checkpoints given to {@link #checkpoints(Collection)} up to its seq. */
    public ExportWriter entry(AuditRecord entry) throws IOException {
        ExportJson.writeEntry(json, entry);
        json.writeRaw('\n');
        writePending(entry.seq());
        return this;
    }

    /** Writes a checkpoint now. */
    public ExportWriter checkpoint(Checkpoint checkpoint) throws IOException {
        ExportJson.writeCheckpoint(json, checkpoint);
        json.writeRaw('\n');
        return this;
    }

    /**
     * Checkpoints to write each right after the entry it names; those naming entries that never come are written at
     * {@link #close()}, where they show that the newest entries are missing.
     */
    public ExportWriter checkpoints(Collection<Checkpoint> checkpoints) {
        checkpoints.forEach(c -> pending.computeIfAbsent(c.seq(), s -> new ArrayList<>(1)).add(c));
        return this;
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        try (json) {
            writePending(Long.MAX_VALUE);
        }
    }

    private void writePending(long upToSeq) throws IOException {
        while (!pending.isEmpty() && pending.firstKey() <= upToSeq) {
            Map.Entry<Long, List<Checkpoint>> first = pending.pollFirstEntry();
            for (Checkpoint checkpoint : first.getValue()) {
                checkpoint(checkpoint);
            }
        }
    }
}
