package dev.watchfloor.ingest.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.normalize.format.RecordReader;

/**
 * Checks a request body's content type and undoes its content encoding ({@code gzip}), refusing a body that inflates
 * beyond the configured bound (a decompression bomb) with 413.
 */
final class BodyDecoder {

    private static final Set<String> JSON = Set.of("application/json", "application/x-ndjson", "application/ndjson",
            "application/jsonl", "application/x-jsonlines", "application/json-seq");
    /** Detected: text lines, XML, and tables with a title line (rwcut, VPC flow logs, Zeek) sent as CSV or TSV. */
    private static final Set<String> TEXT = Set.of("text/plain", "application/octet-stream", "text/xml",
            "application/xml", "application/cef", "text/x-syslog", "text/csv", "text/tab-separated-values");

    private final long maxBytes;

    BodyDecoder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] decode(byte[] body, String contentType, String encoding) {
        hint(contentType); // 415 before reading further
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return body == null ? new byte[0] : body;
        }
        if (!encoding.strip().equalsIgnoreCase("gzip") && !encoding.strip().equalsIgnoreCase("x-gzip")) {
            throw new ProblemException(415, "unsupported-encoding", "Unsupported content encoding",
                    "Content-Encoding '" + encoding + "' is not supported; send gzip or no encoding");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, body.length * 4));
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new ProblemException(413, "body-too-large", "Body too large",
                            "the gzip body inflates beyond " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-gzip", "the body is not valid gzip: " + e.getMessage());
        }
    }

    /** How the body should be read, from its content type; 415 for types that hold no records Watchfloor reads. */
    static RecordReader.Hint hint(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return RecordReader.Hint.DETECT;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (JSON.contains(type) || type.endsWith("+json")) {
            return RecordReader.Hint.JSON;
        }
        if (TEXT.contains(type) || type.endsWith("+xml")) {
            return RecordReader.Hint.DETECT;
        }
        throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                "'" + type + "' is not read here; send application/json, application/x-ndjson, text/plain "
                        + "(syslog, CEF, LEEF, key=value lines), text/csv (tables with a title line, such as "
                        + "SiLK rwcut output) or application/xml (Windows events)");
    }
}
