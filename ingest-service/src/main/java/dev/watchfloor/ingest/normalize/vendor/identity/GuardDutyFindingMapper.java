package dev.watchfloor.ingest.normalize.vendor.identity;

import java.math.BigDecimal;

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
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String p = wrapped(record.fields()) ? "detail." : "";
        if (!p.isEmpty()) {
            in.use("detail-type", "source", "version", "id", "time", "account", "region", "resources");
        }
        String created = in.text(p + "createdAt");
        String updated = in.text(p + "updatedAt");
        JsonNode archived = in.node(p + "service.archived");
        FindingStatus.classify(out, OcsfClass.DETECTION_FINDING, archived != null && archived.asBoolean(), created,
                updated);
        out.time(ctx.time(updated != null ? updated : created));
        out.product("AWS", "GuardDuty");
        out.set("metadata.log_version", in.text(p + "schemaVersion"));
        out.severity(severity(in.peek(p + "severity")));
        in.use(p + "severity");
        if (archived != null) {
            FindingStatus.workflow(out, archived.asBoolean() ? "archived" : "new");
        }

        String type = in.text(p + "type");
        out.set("finding_info.uid", in.text(p + "id"));
        out.set("finding_info.uid_alt", in.text(p + "arn"));
        out.set("finding_info.title", in.text(p + "title"));
        out.set("finding_info.desc", in.text(p + "description"));
        out.set("finding_info.analytic.name", type);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        if (type != null) {
            out.set("finding_info.types", JsonNodeFactory.instance.arrayNode().add(type));
        }
        out.set("finding_info.created_time_dt", created);
        out.set("finding_info.modified_time_dt", updated);
        out.set("finding_info.first_seen_time_dt", in.text(p + "service.eventFirstSeen"));
        out.set("finding_info.last_seen_time_dt", in.text(p + "service.eventLastSeen"));
        out.set("finding_info.product_uid", in.text(p + "service.detectorId"));
        out.set("cloud.provider", "AWS");
        out.set("cloud.account.uid", in.text(p + "accountId"));
        out.set("cloud.region", in.text(p + "region"));
        GuardDutyResource.map(in, p + "resource.", out);
        GuardDutyAction.map(in, p + "service.action.", out);
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
