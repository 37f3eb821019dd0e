package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * IBM QRadar SIEM offenses as the REST API returns them ({@code GET /api/siem/offenses}, IBM QRadar API reference,
 * version 12+) to Detection Finding: the description as title, the magnitude (1-10, else the severity) as severity, the
 * offense's status (OPEN, HIDDEN, CLOSED) as finding status and activity, its categories as types, and the offense
 * source by its documented {@code offense_type} (0 source IP, 1 destination IP, 3 username, 7 hostname, 10/11 IPv6) as
 * the matching OCSF field.
 */
public final class QRadarOffenseMapper implements Mapper {

    private static final int MAX_CATEGORIES = 32;

    @Override
    public String id() {
        return "qradar-offense";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        return Fields.has(f, "offense_type") && Fields.has(f, "offense_source") && Fields.has(f, "id")
                && (Fields.has(f, "magnitude") || Fields.has(f, "severity"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String status = in.text("status");
        boolean closed = "CLOSED".equalsIgnoreCase(status);
        out.classify(OcsfClass.DETECTION_FINDING, closed ? 3 : 1, closed ? "Close" : "Create");
        Long start = in.number("start_time");
        out.time(ctx.time(start != null ? LongNode.valueOf(start) : null));
        Long magnitude = in.number("magnitude");
        Long severity = in.number("severity");
        out.severity(severity(magnitude != null && magnitude > 0 ? magnitude : severity));
        out.product("IBM", "QRadar SIEM");
        out.set("metadata.log_name", "Offense");
        workflow(status, out);
        String description = in.text("description");
        String id = in.text("id");
        out.set("metadata.uid", id);
        out.set("finding_info.uid", id);
        out.set("finding_info.title", description);
        out.set("finding_info.desc", description);
        out.set("message", description);
        epoch(ctx, "finding_info.created_time", start, out);
        epoch(ctx, "finding_info.modified_time", in.number("last_updated_time"), out);
        epoch(ctx, "finding_info.first_seen_time", in.number("first_persisted_time"), out);
        epoch(ctx, "finding_info.last_seen_time", in.number("last_persisted_time"), out);
        epoch(ctx, "end_time", in.number("close_time"), out);
        out.set("confidence_score", in.number("credibility"));
        out.set("risk_score", magnitude);
        out.set("count", in.number("event_count"));
        categories(in, out);
        source(in, out);
    }

    /** QRadar's 0-10 scale: 1-3 Low, 4-6 Medium, 7-8 High, 9-10 Critical. */
    static int severity(Long value) {
        if (value == null || value <= 0 || value > 10) {
            return 0;
        }
        return value <= 3 ? 2 : value <= 6 ? 3 : value <= 8 ? 4 : 5;
    }

    /** OPEN: New (In Progress once assigned), HIDDEN: Suppressed, CLOSED: Resolved. */
    private static void workflow(String status, OcsfEvent out) {
        if (status == null) {
            return;
        }
        int id = switch (Fields.lower(status)) {
            case "open" -> 1;
            case "hidden" -> 3;
            case "closed" -> 4;
            default -> 99;
        };
        out.set("status_id", (long) id);
        out.set("status", switch (id) {
            case 1 -> "New";
            case 3 -> "Suppressed";
            case 4 -> "Resolved";
            default -> "Other";
        });
    }

    private static void epoch(MapContext ctx, String path, Long millis, OcsfEvent out) {
        if (millis != null && millis > 0) {
            out.set(path, ctx.time(LongNode.valueOf(millis)).utc().toEpochMilli());
        }
    }

    private static void categories(Source in, OcsfEvent out) {
        JsonNode categories = in.peek("categories");
        int n = categories != null && categories.isArray() ? Math.min(categories.size(), MAX_CATEGORIES) : 0;
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            String category = in.text("categories." + i);
            if (category != null) {
                types.add(category);
            }
        }
        if (!types.isEmpty()) {
            out.set("finding_info.types", types);
        }
    }

    /** {@code offense_source} by {@code offense_type}. */
    private static void source(Source in, OcsfEvent out) {
        Long type = in.number("offense_type");
        String value = in.peekText("offense_source");
        if (type == null || value == null) {
            return;
        }
        String path = switch (type.intValue()) {
            case 0, 10 -> Fields.isIp(value) ? "src_endpoint.ip" : null;
            case 1, 11 -> Fields.isIp(value) ? "dst_endpoint.ip" : null;
            case 3 -> "actor.user.name";
            case 7 -> "device.hostname";
            case 2, 14 -> "finding_info.analytic.name";
            default -> null;
        };
        if (path != null) {
            out.set(path, in.text("offense_source"));
        }
    }
}
