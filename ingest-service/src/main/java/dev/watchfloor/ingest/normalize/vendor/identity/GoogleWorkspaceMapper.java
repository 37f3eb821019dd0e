package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Google Workspace audit activities (Admin SDK Reports API v1, the {@code activities} resource: {@code id.time},
 * {@code id.applicationName}, {@code actor.email}, {@code ipAddress}, {@code events[]} with {@code type}, {@code name}
 * and {@code parameters[]} of {@code name} and {@code value} / {@code boolValue} / {@code intValue} /
 * {@code multiValue}); also the one-event-per-record form collectors write ({@code name}, {@code type} and a
 * {@code parameters} object at the top). The first event is mapped; the login application is Authentication, account
 * and user changes Account Change, group membership Group Management, the rest API Activity.
 */
public final class GoogleWorkspaceMapper implements Mapper {

    @Override
    public String id() {
        return "google-workspace";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        String kind = Fields.peek(f, "kind");
        if (kind != null && kind.startsWith("admin#reports#activity")) {
            return true;
        }
        return Fields.peek(f, "id.applicationName") != null
                && (Fields.peek(f, "id.time") != null || Fields.peek(f, "id.uniqueQualifier") != null
                        || Fields.hasObject(f, "actor"))
                || "GSuite.ActivityEvent".equals(Fields.peek(f, "p_log_type"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        JsonNode events = in.peek("events");
        Params params = new Params(in, events != null && events.isArray() && !events.isEmpty() ? "events.0." : "");
        in.use("kind", "etag");
        String app = in.text("id.applicationName");
        String name = params.event("name");
        out.product("Google", "Google Workspace");
        out.set("metadata.product.feature.name", app);
        GoogleWorkspaceClasses.classify(app, name, out);
        out.time(ctx.time(Fields.scalar(in, "id.time")));
        out.set("metadata.uid", in.text("id.uniqueQualifier"));
        out.set("metadata.event_code", name);
        out.set("message", app == null ? name : name == null ? app : app + ": " + name);
        out.set("api.operation", out.ocsfClass() == OcsfClass.API_ACTIVITY ? name : null);
        String email = in.text("actor.email");
        out.set("actor.user.email_addr", email);
        out.set("actor.user.name", email);
        out.set("actor.user.uid", in.text("actor.profileId"));
        out.set("actor.user.type", in.text("actor.callerType"));
        String ip = in.text("ipAddress");
        if (Fields.isIp(ip)) {
            out.set("src_endpoint.ip", ip);
        }
        GoogleWorkspaceDetails.map(app, name, params, email, out);
    }

    /** Reads an event's fields and parameters in either shape, marking what it reads. */
    static final class Params {

        private static final int MAX_PARAMETERS = 256;

        private final Source in;
        private final String prefix;

        Params(Source in, String prefix) {
            this.in = in;
            this.prefix = prefix;
        }

        String event(String key) {
            return in.text(prefix + key);
        }

        /** A parameter's value as text (the first of a multi-value), or null. */
        String text(String name) {
            JsonNode value = node(name);
            if (value == null) {
                return null;
            }
            JsonNode scalar = value.isArray() && !value.isEmpty() ? value.get(0) : value;
            return scalar.isValueNode() && !scalar.asText().isBlank() ? scalar.asText().strip() : null;
        }

        /** A parameter's value node, marked used, or null. */
        JsonNode node(String name) {
            JsonNode parameters = in.peek(prefix + "parameters");
            if (parameters != null && parameters.isObject()) {
                return in.node(prefix + "parameters." + name);
            }
            if (parameters == null || !parameters.isArray()) {
                return null;
            }
            for (int i = 0; i < Math.min(parameters.size(), MAX_PARAMETERS); i++) {
                JsonNode p = parameters.get(i);
                if (p != null && p.isObject() && name.equals(p.path("name").asText(null))) {
                    String at = prefix + "parameters." + i + ".";
                    for (String field : new String[]{"value", "boolValue", "intValue", "multiValue",
                            "multiIntValue"}) {
                        JsonNode value = in.peek(at + field);
                        if (value != null) {
                            in.use(at + "name");
                            return in.node(at + field);
                        }
                    }
                }
            }
            return null;
        }
    }
}
