package dev.watchfloor.ingest.normalize.vendor.identity;

import java.math.BigDecimal;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Amazon GuardDuty findings (Amazon GuardDuty User Guide, "Finding details"; GetFindings / S3 export / the
 * {@code detail} of an EventBridge "GuardDuty Finding" event, schemaVersion 2.0) to Detection Finding: the finding type
 * as analytic, the 1.0-10.0 severity (Low below 4, Medium below 7, High below 9, Critical from 9), the affected
 * resource (instance, access key, S3 bucket ...), the remote address of the action and the principal of the access key.
 */
public final class GuardDutyFindingMapper implements Mapper {

    @Override
    public String id() {
        return "guardduty";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        if (wrapped(f)) {
            return true;
        }
        String arn = Fields.peek(f, "arn");
        boolean guardDuty = arn != null && arn.startsWith("arn:aws:guardduty:")
                || "guardduty".equals(Fields.peek(f, "service.serviceName"));
        return guardDuty && Fields.has(f, "severity") && Fields.has(f, "id")
                || "AWS.GuardDuty".equals(Fields.peek(f, "p_log_type"));
    }

    private static boolean wrapped(JsonNode f) {
        return "GuardDuty Finding".equals(Fields.peek(f, "detail-type")) && Fields.hasObject(f, "detail");
    }

    @Override
    public void map(Parsed record, Source source, OcsfEvent out, MapContext ctx) {
        Prefixed in = new Prefixed(source, wrapped(record.fields()) ? "detail." : "");
        if (!in.prefix().isEmpty()) {
            source.use("detail-type", "source", "version", "id", "time", "account", "region", "resources");
        }
        String created = in.text("createdAt");
        String updated = in.text("updatedAt");
        JsonNode archived = in.node("service.archived");
        boolean closed = archived != null && archived.asBoolean();
        FindingStatus.classify(out, OcsfClass.DETECTION_FINDING, closed, created, updated);
        out.time(ctx.time(updated != null ? updated : created));
        out.product("AWS", "GuardDuty");
        out.set("metadata.log_version", in.text("schemaVersion"));
        out.severity(severity(in.node("severity")));
        if (archived != null) {
            FindingStatus.workflow(out, closed ? "archived" : "new");
        }
        findingInfo(in, out, created, updated);
        out.set("cloud.provider", "AWS");
        out.set("cloud.account.uid", in.text("accountId"));
        out.set("cloud.region", in.text("region"));
        GuardDutyResource.map(source, in.prefix() + "resource.", out);
        GuardDutyAction.map(source, in.prefix() + "service.action.", out);
    }

    private static void findingInfo(Prefixed in, OcsfEvent out, String created, String updated) {
        String type = in.text("type");
        out.set("finding_info.uid", in.text("id"));
        out.set("finding_info.uid_alt", in.text("arn"));
        out.set("finding_info.title", in.text("title"));
        out.set("finding_info.desc", in.text("description"));
        out.set("finding_info.analytic.name", type);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        if (type != null) {
            out.set("finding_info.types", JsonNodeFactory.instance.arrayNode().add(type));
        }
        out.set("finding_info.created_time_dt", created);
        out.set("finding_info.modified_time_dt", updated);
        out.set("finding_info.first_seen_time_dt", in.text("service.eventFirstSeen"));
        out.set("finding_info.last_seen_time_dt", in.text("service.eventLastSeen"));
        out.set("finding_info.product_uid", in.text("service.detectorId"));
    }

    /** GuardDuty's 1.0-10.0 severity (a number or its text). */
    static int severity(JsonNode value) {
        if (value == null || !value.isValueNode()) {
            return 0;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
        double v = number.doubleValue();
        if (!(v > 0)) {
            return 0;
        }
        return v < 4 ? 2 : v < 7 ? 3 : v < 9 ? 4 : 5;
    }
}
