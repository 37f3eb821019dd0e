package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Severities;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Elastic Common Schema documents (ECS 1.x and 8.x, "ECS Field Reference"): {@code @timestamp} with
 * {@code ecs.version}, or an {@code event} object ({@code kind}, {@code category}, {@code type}, {@code action}) beside
 * ECS objects. The class comes from {@code event.kind} and {@code event.category}/{@code event.type} (alerts and
 * signals Detection Finding, authentication Authentication, process Process Activity, file File System Activity, iam
 * user/group Account Change/Group Management, network with DNS or HTTP their classes, else Network Activity);
 * {@code event.outcome} gives the status; the entities come from {@link EcsFields}.
 */
public final class EcsMapper implements Mapper {

    private static final Set<String> ECS_OBJECTS = Set.of("source", "destination", "host", "user", "process", "file",
            "network", "observer", "agent", "rule", "threat", "dns", "url", "http", "client", "server");

    @Override
    public String id() {
        return "ecs";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        JsonNode f = record.fields();
        if (f == null || !f.has("@timestamp")) {
            return false;
        }
        if (f.path("ecs").path("version").isValueNode() || f.has("ecs.version")) {
            return true;
        }
        JsonNode event = f.path("event");
        if (!event.isObject() || !(event.has("kind") || event.has("category") || event.has("action"))) {
            return false;
        }
        for (String object : ECS_OBJECTS) {
            if (f.path(object).isObject()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        Set<String> categories = words(in, "event.category");
        Set<String> types = words(in, "event.type");
        String kind = lower(in.text("event.kind"));
        String action = in.text("event.action");
        String module = in.text("event.module");
        out.product(in.text("observer.vendor"), firstNonNull(in.text("observer.product"), module,
                in.text("event.provider"), "Elastic Common Schema"));
        out.time(ctx.time(in.node("@timestamp")));
        out.set("metadata.uid", in.text("event.id"));
        out.set("metadata.event_code", in.text("event.code"));
        out.set("message", in.text("message"));
        EcsClasses.classify(out, in, kind, categories, types, lower(action));
        if (action != null && "99".equals(out.text("activity_id"))) {
            out.set("activity_name", action);
        }
        outcome(in, out);
        out.severity(severity(in));
        EcsFields.map(in, out);
        if (out.ocsfClass() == OcsfClass.DETECTION_FINDING) {
            EcsFields.finding(in, out);
        }
    }

    private static void outcome(Source in, OcsfEvent out) {
        String outcome = lower(in.text("event.outcome"));
        if (!outcome.isEmpty() && out.ocsfClass() != OcsfClass.DETECTION_FINDING) {
            out.status(outcome.equals("success") ? 1 : outcome.equals("failure") ? 2 : 0);
        }
    }

    /** Elastic's alert severity word, then {@code log.level}, then {@code event.severity} (0-100 risk scale). */
    private static int severity(Source in) {
        for (String path : new String[]{"kibana.alert.severity", "signal.rule.severity", "log.level"}) {
            int id = Severities.of(in.peekText(path));
            if (id > 0) {
                in.use(path);
                return id;
            }
        }
        Long score = in.number("event.severity");
        if (score == null || score < 0) {
            return 0;
        }
        if (score <= 6) {
            return score.intValue();
        }
        return score <= 21 ? 2 : score <= 47 ? 3 : score <= 73 ? 4 : 5;
    }

    /** A string or an array of strings, lower-cased; read. */
    private static Set<String> words(Source in, String path) {
        Set<String> words = new HashSet<>();
        JsonNode node = in.peek(path);
        if (node == null) {
            return words;
        }
        in.use(path);
        if (node.isArray()) {
            node.forEach(n -> words.add(n.asText().toLowerCase(Locale.ROOT)));
        } else {
            words.add(node.asText().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
