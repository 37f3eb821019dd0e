package dev.watchfloor.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonEncoding;

/**
 * The export file of one tenant's audit chain, which anyone holding the published checkpoint keys can verify offline.
 * JSON Lines in UTF-8: first
 * {@code {"kind":"header","format":"watchfloor-audit-export/1","tenant":..,"exportedAt":..}}, then
 * {@code {"kind":"entry",...}} lines with every {@link AuditRecord} member in seq order, each
 * {@code {"kind":"checkpoint",...}} line right after the entry it names. Lines are written and read one at a time.
 */
public final class AuditExport {

    public static final String FORMAT = "watchfloor-audit-export/1";

    private AuditExport() {
    }

    /** Starts an export by writing its header. */
    public static ExportWriter writer(OutputStream out, String tenant, String exportedAt) throws IOException {
        return new ExportWriter(StrictJson.MAPPER.createGenerator(out, JsonEncoding.UTF8), tenant, exportedAt);
    }

    /** Starts an export by writing its header. */
    public static ExportWriter writer(Writer out, String tenant, String exportedAt) throws IOException {
        return new ExportWriter(StrictJson.MAPPER.createGenerator(out), tenant, exportedAt);
    }

    /** Opens an export by reading its header. */
    public static ExportReader reader(InputStream in) throws IOException {
        return ExportReader.of(in);
    }

    /** Opens an export by reading its header. */
    public static ExportReader reader(Reader in) throws IOException {
        return ExportReader.of(in);
    }

    /**
     * Verifies an export streaming: the chain of the header's tenant, against the trusted checkpoint keys. Lines are
     * parsed on a second thread while the entries read before are hashed.
     */
    public static VerificationReport verify(InputStream in, CheckpointVerifier signatures) throws IOException {
        try (in) {
            return verify(reader(in), signatures);
        } catch (MalformedExportException e) {
            return unreadableHeader(e);
        }
    }

    /**
     * Verifies an export streaming: the chain of the header's tenant, against the trusted checkpoint keys. Lines are
     * parsed on a second thread while the entries read before are hashed.
     */
    public static VerificationReport verify(Reader in, CheckpointVerifier signatures) throws IOException {
        try (in) {
            return verify(reader(in), signatures);
        } catch (MalformedExportException e) {
            return unreadableHeader(e);
        }
    }

    private static VerificationReport unreadableHeader(MalformedExportException e) {
        return VerificationReport.invalid(0, ChainHash.GENESIS, 0, 0, 1L, null, e.getMessage());
    }

    private static VerificationReport verify(ExportReader reader, CheckpointVerifier signatures) throws IOException {
        try (reader; ReadAhead items = new ReadAhead(reader)) {
            ChainVerifier verifier = ChainVerifier.forTenant(reader.header().tenant(), signatures);
            try {
                for (ExportItem item = items.next(); item != null && !verifier.failed(); item = items.next()) {
                    switch (item) {
                        case ExportItem.EntryLine entry -> verifier.accept(entry.entry());
                        case ExportItem.CheckpointLine mark -> verifier.checkpoint(mark.checkpoint());
                    }
                }
            } catch (MalformedExportException e) {
                verifier.reportUnreadable(e.getMessage());
            }
            return verifier.finish();
        }
    }
}
