package dev.watchfloor.governance.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import dev.watchfloor.ledger.AuditExport;
import dev.watchfloor.ledger.AuditRecord;
import dev.watchfloor.ledger.ExportWriter;

/**
 * Streams a tenant's chain as an export ({@code dev.watchfloor.ledger.AuditExport}): one page of entries at a time is
 * read, written as lines and sent, so an export of any size never sits in memory.
 */
@ApplicationScoped
public class AuditExporter {

    private static final int PAGE = 2000;

    private final AuditRepository repository;

    public AuditExporter(AuditRepository repository) {
        this.repository = repository;
    }

    public Multi<Buffer> export(String tenant) {
        StringWriter sink = new StringWriter();
        return Multi.createFrom().uni(repository.checkpoints(tenant)).onItem().transformToMultiAndConcatenate(
                checkpoints -> {
                    ExportWriter writer = open(sink, tenant).checkpoints(checkpoints);
                    AtomicLong after = new AtomicLong();
                    Multi<Buffer> pages = Multi.createBy().repeating()
                            .uni(() -> repository.page(tenant, after.get(), Long.MAX_VALUE, PAGE))
                            .whilst(page -> page.size() == PAGE)
                            .map(page -> {
                                write(writer, page);
                                if (!page.isEmpty()) {
                                    after.set(page.get(page.size() - 1).seq());
                                }
                                return drain(sink);
                            });
                    return Multi.createBy().concatenating().streams(Multi.createFrom().item(() -> drain(sink)),
                            pages, Multi.createFrom().uni(Uni.createFrom().item(() -> {
                                close(writer);
                                return drain(sink);
                            })));
                });
    }

    private static ExportWriter open(StringWriter sink, String tenant) {
        try {
            return AuditExport.writer(sink, tenant, LedgerTime.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ExportWriter writer, List<AuditRecord> page) {
        try {
            for (AuditRecord entry : page) {
                writer.entry(entry);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ExportWriter writer) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Buffer drain(StringWriter sink) {
        StringBuffer text = sink.getBuffer();
        Buffer chunk = Buffer.buffer(text.toString());
        text.setLength(0);
        return chunk;
    }
}
