package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * AWS Security Hub findings in the AWS Security Finding Format (ASFF, SchemaVersion 2018-10-08; AWS Security Hub User
 * Guide, "ASFF syntax"): one finding object, as exported, imported or read from {@code GetFindings}, or the one finding
 * of an EventBridge "Security Hub Findings - Imported" event ({@code detail.findings[0]}). A finding with
 * {@code Compliance.Status} is a Compliance Finding, any other a Detection Finding; {@code Severity.Label} gives the
 * severity, {@code Workflow.Status} the finding status, {@code RecordState} ARCHIVED closes it.
 */
public final class SecurityHubFindingMapper implements Mapper {

    private static final int MAX_RESOURCES = 32;

    @Override
    public String id() {
        return "asff";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        if (wrapped(record.fields())) {
            return true;
        }
        ObjectNode f = record.fields();
        String productArn = Fields.peek(f, "ProductArn");
        if (Fields.peek(f, "Id") == null || Fields.peek(f, "AwsAccountId") == null) {
            return "AWS.SecurityFindingFormat".equals(Fields.peek(f, "p_log_type"));
        }
        return "2018-10-08".equals(Fields.peek(f, "SchemaVersion"))
                || productArn != null && productArn.startsWith("arn:aws") && Fields.has(f, "GeneratorId");
    }

    @Override
    public void map(Parsed record, Source source, OcsfEvent out, MapContext ctx) {
        Prefixed in = new Prefixed(source, wrapped(record.fields()) ? "detail.findings.0." : "");
        if (!in.prefix().isEmpty()) {
            source.use("detail-type", "source", "version", "id", "time", "account", "region", "resources");
        }
        String compliance = in.text("Compliance.Status");
        OcsfClass c = compliance != null ? OcsfClass.COMPLIANCE_FINDING : OcsfClass.DETECTION_FINDING;
        String created = in.text("CreatedAt");
        String updated = in.text("UpdatedAt");
        String state = in.text("RecordState");
        FindingStatus.classify(out, c, "ARCHIVED".equalsIgnoreCase(state), created, updated);
        out.time(ctx.time(updated != null ? updated : created));
        String product = in.text("ProductName");
        String company = in.text("CompanyName");
        out.product(company != null ? company : "AWS", product != null ? product : "Security Hub");
        out.set("metadata.product.uid", in.text("ProductArn"));
        out.set("metadata.log_version", in.text("SchemaVersion"));
        out.severity(severity(in));
        FindingStatus.workflow(out, in.text("Workflow.Status", "WorkflowState"));
        findingInfo(in, out, created, updated);
        out.set("cloud.provider", "AWS");
        out.set("cloud.account.uid", in.text("AwsAccountId"));
        out.set("cloud.region", in.text("Region"));
        if (compliance != null) {
            compliance(in, out, compliance);
        }
        resources(in, out);
        network(in, out);
    }

    private static void findingInfo(Prefixed in, OcsfEvent out, String created, String updated) {
        out.set("finding_info.uid", in.text("Id"));
        out.set("finding_info.title", in.text("Title"));
        out.set("finding_info.desc", in.text("Description"));
        out.set("finding_info.src_url", in.text("SourceUrl"));
        out.set("finding_info.created_time_dt", created);
        out.set("finding_info.modified_time_dt", updated);
        out.set("finding_info.first_seen_time_dt", in.text("FirstObservedAt"));
        out.set("finding_info.last_seen_time_dt", in.text("LastObservedAt"));
        String generator = in.text("GeneratorId");
        out.set("finding_info.analytic.uid", generator);
        out.set("finding_info.analytic.name", generator);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        out.set("metadata.product.feature.uid", generator);
        JsonNode types = in.node("Types");
        if (types == null) {
            types = in.node("FindingProviderFields.Types");
        }
        out.set("finding_info.types", types != null && types.isArray() ? (JsonNode) types.deepCopy() : null);
    }

    /** An EventBridge "Security Hub Findings - Imported" (or Custom Action) event holding one finding. */
    private static boolean wrapped(JsonNode f) {
        String type = Fields.peek(f, "detail-type");
        JsonNode findings = f.path("detail").path("findings");
        return type != null && type.startsWith("Security Hub Findings") && findings.isArray() && findings.size() == 1
                && findings.get(0).isObject();
    }

    /** {@code Severity.Label}, else the 0-100 {@code Severity.Normalized} (ASFF severity ranges). */
    private static int severity(Prefixed in) {
        String label = in.text("Severity.Label", "FindingProviderFields.Severity.Label");
        if (label != null) {
            return switch (Fields.lower(label)) {
                case "informational" -> 1;
                case "low" -> 2;
                case "medium" -> 3;
                case "high" -> 4;
                case "critical" -> 5;
                default -> 0;
            };
        }
        Long normalized = in.number("Severity.Normalized");
        if (normalized == null) {
            return 0;
        }
        return normalized <= 0 ? 1 : normalized < 40 ? 2 : normalized < 70 ? 3 : normalized < 90 ? 4 : 5;
    }

    private static void compliance(Prefixed in, OcsfEvent out, String status) {
        out.set("compliance.status", status);
        out.set("compliance.status_id", (long) switch (Fields.lower(status)) {
            case "passed" -> 1;
            case "warning" -> 2;
            case "failed" -> 3;
            default -> 99;
        });
        out.set("compliance.control", in.text("Compliance.SecurityControlId", "ProductFields.ControlId"));
        JsonNode requirements = in.node("Compliance.RelatedRequirements");
        out.set("compliance.requirements", requirements != null && requirements.isArray()
                ? requirements.deepCopy()
                : null);
        JsonNode standards = in.peek("Compliance.AssociatedStandards");
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        int n = standards != null && standards.isArray() ? Math.min(standards.size(), MAX_RESOURCES) : 0;
        for (int i = 0; i < n; i++) {
            String standard = in.text("Compliance.AssociatedStandards." + i + ".StandardsId");
            if (standard != null) {
                ids.add(standard);
            }
        }
        out.set("compliance.standards", ids.isEmpty() ? null : ids);
    }

    private static void resources(Prefixed in, OcsfEvent out) {
        JsonNode resources = in.peek("Resources");
        int n = resources != null && resources.isArray() ? Math.min(resources.size(), MAX_RESOURCES) : 0;
        for (int i = 0; i < n; i++) {
            String p = "Resources." + i + ".";
            ObjectNode r = out.append("resources");
            putText(r, "uid", in.text(p + "Id"));
            putText(r, "type", in.text(p + "Type"));
            putText(r, "region", in.text(p + "Region"));
            String key = p + "Details.AwsIamAccessKey.";
            if (!out.has("actor.user.name")) {
                out.set("actor.user.name", in.text(key + "UserName", key + "PrincipalName"));
                out.set("actor.user.uid", in.text(key + "PrincipalId"));
                out.set("actor.user.type", in.text(key + "PrincipalType"));
            }
            String instance = p + "Details.AwsEc2Instance.";
            JsonNode ips = in.peek(instance + "IpV4Addresses");
            if (ips != null && ips.isArray() && !out.has("device.ip")) {
                out.set("device.ip", in.text(instance + "IpV4Addresses.0"));
                out.set("device.instance_uid", in.peekText(p + "Id"));
            }
        }
    }

    private static void network(Prefixed in, OcsfEvent out) {
        out.set("src_endpoint.ip", in.text("Network.SourceIpV4", "Network.SourceIpV6",
                "Action.NetworkConnectionAction.RemoteIpDetails.IpAddressV4",
                "Action.AwsApiCallAction.RemoteIpDetails.IpAddressV4",
                "Action.PortProbeAction.PortProbeDetails.0.RemoteIpDetails.IpAddressV4"));
        out.port("src_endpoint.port", in.text("Network.SourcePort"));
        out.set("dst_endpoint.ip", in.text("Network.DestinationIpV4", "Network.DestinationIpV6"));
        out.port("dst_endpoint.port", in.text("Network.DestinationPort"));
        out.set("process.name", in.text("Process.Name"));
        out.set("process.pid", in.number("Process.Pid"));
        out.set("process.file.path", in.text("Process.Path"));
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
