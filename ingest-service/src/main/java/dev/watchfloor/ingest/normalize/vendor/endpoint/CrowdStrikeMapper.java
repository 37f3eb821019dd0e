package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * CrowdStrike Falcon, in the shapes its documented exports take: the Event Streams API ({@code metadata.eventType} with
 * the event under {@code event}: DetectionSummaryEvent, EppDetectionSummaryEvent, AuthActivityAuditEvent,
 * UserActivityAuditEvent, RemoteResponseSession*), the SIEM connector's flat form of the same ({@code ExternalApiType},
 * {@code EventType: Event_ExternalApiEvent}), the Alerts API / Detects API ({@code composite_id}, {@code device},
 * {@code behaviors}) and Falcon Data Replicator telemetry ({@code event_simpleName}, {@code aid}, {@code timestamp} in
 * epoch milliseconds), also when a collector nests the record under {@code event}.
 */
public final class CrowdStrikeMapper implements Mapper {

    @Override
    public String id() {
        return "crowdstrike";
    }

    /** Per place an FDR or streaming event sits: event_simpleName, aid, cid, ExternalApiType, eid. */
    private static final String[][] STREAM_PATHS = Stream.of("", "event.", "unknown_payload.")
            .map(base -> Stream.of("event_simpleName", "aid", "cid", "ExternalApiType", "eid").map(base::concat)
                    .toArray(String[]::new))
            .toArray(String[][]::new);

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        try {
            Source in = new Source(record.fields());
            if (in.peekText("metadata.eventType") != null && in.peek("metadata.customerIDString") != null) {
                return true;
            }
            for (String[] at : STREAM_PATHS) {
                if (in.peekText(at[0]) != null && (in.peek(at[1]) != null || in.peek(at[2]) != null)) {
                    return true;
                }
                String api = in.peekText(at[3]);
                if (api != null && (api.startsWith("Event_") || in.peek(at[4]) != null
                        || in.peek(at[2]) != null || in.peek("cid") != null)) {
                    return true;
                }
            }
            if (in.peekText("composite_id") != null) {
                return isObject(in.peek("device")) || in.peek("tactic_id") != null || in.peek("behaviors") != null;
            }
            return in.peekText("detection_id") != null && in.peek("behaviors") != null
                    && isObject(in.peek("device"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        out.product("CrowdStrike", "CrowdStrike Falcon");
        if (in.peekText("metadata.eventType") != null && !(in.peek("event") instanceof JsonNode e && !e.isObject())) {
            String type = in.text("metadata.eventType");
            out.set("metadata.log_name", type);
            new CrowdStrikeEvents(in, out, ctx, "event.").streamEvent(type,
                    in.peek("metadata.eventCreationTime"));
            return;
        }
        if (in.peekText("composite_id") != null || in.peekText("detection_id") != null) {
            new CrowdStrikeAlerts(in, out, ctx).map();
            return;
        }
        String base = isObject(in.peek("event")) && (in.peekText("event.event_simpleName") != null
                || in.peekText("event.ExternalApiType") != null)
                        ? "event."
                        : isObject(in.peek("unknown_payload")) ? "unknown_payload." : "";
        CrowdStrikeEvents events = new CrowdStrikeEvents(in, out, ctx, base);
        String simpleName = in.text(base + "event_simpleName");
        if (simpleName == null && !base.isEmpty()) {
            simpleName = in.text("event_simpleName");
        }
        String api = in.text(base + "ExternalApiType");
        if (simpleName != null && !simpleName.startsWith("Event_")) {
            out.set("metadata.log_name", simpleName);
            new CrowdStrikeTelemetry(in, out, ctx, base).map(simpleName);
        } else {
            String type = api != null ? api : simpleName;
            out.set("metadata.log_name", type);
            events.streamEvent(type == null ? "" : type.replaceFirst("^Event_", ""), null);
        }
    }
}
