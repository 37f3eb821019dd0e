package dev.watchfloor.ingest.normalize.vendor.identity;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * AWS CloudTrail event records (AWS CloudTrail User Guide, "CloudTrail record contents", eventVersion 1.0x): one
 * element of a log file's {@code Records[]}, or the {@code detail} of an EventBridge "AWS API Call via CloudTrail" /
 * "AWS Console Sign In via CloudTrail" event. Sign-in events ({@code signin.amazonaws.com}) become Authentication, IAM
 * user, password and MFA events Account Change, IAM group membership Group Management, everything else API Activity by
 * the verb of {@code eventName}; {@code errorCode} marks a failure. Collectors that lower-case the top-level keys are
 * read too.
 */
public final class CloudTrailMapper implements Mapper {

    private static final int MAX_RESOURCES = 32;

    @Override
    public String id() {
        return "cloudtrail";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        JsonNode root = eventBridge(f) ? f.get("detail") : f;
        String source = Fields.peek(root, Fields.key(root, "eventSource"));
        String name = Fields.peek(root, Fields.key(root, "eventName"));
        if (source != null && name != null && source.transform(Regexes.matches("[a-z0-9.-]+\\.amazonaws\\.com"))) {
            return true;
        }
        return "AWS.CloudTrail".equals(Fields.peek(f, "p_log_type"));
    }

    private static boolean eventBridge(JsonNode f) {
        String type = Fields.peek(f, "detail-type");
        return type != null && type.contains("via CloudTrail") && Fields.hasObject(f, "detail");
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        JsonNode f = record.fields();
        String prefix = eventBridge(f) ? "detail." : "";
        JsonNode root = prefix.isEmpty() ? f : f.get("detail");
        Keys k = camel -> prefix + Fields.key(root, camel);
        if (!prefix.isEmpty()) {
            in.use("detail-type", "source", "version", "id", "time", "account", "region", "resources");
        }
        out.product("AWS", "CloudTrail");
        String name = in.text(k.of("eventName"));
        String source = in.text(k.of("eventSource"));
        CloudTrailClasses.classify(source, name, out);
        out.time(ctx.time(Fields.scalar(in, k.of("eventTime"))));
        out.severity(1);
        call(in, k, name, source, out);
        String error = in.text(k.of("errorCode"));
        out.set("status_code", error);
        out.set("status_detail", in.text(k.of("errorMessage")));
        CloudTrailIdentity.actor(in, k.of("userIdentity") + ".", out);
        if (out.ocsfClass() == OcsfClass.AUTHENTICATION) {
            CloudTrailIdentity.signIn(in, k, name, error, out);
        } else {
            out.status(error == null ? 1 : 2);
            CloudTrailIdentity.target(in, k, out);
        }
    }

    /** The call: its names and ids, the cloud account and region, and where it came from. */
    private static void call(Source in, Keys k, String name, String source, OcsfEvent out) {
        out.set("metadata.event_code", name);
        out.set("message", name);
        out.set("metadata.uid", in.text(k.of("eventID")));
        out.set("metadata.product.version", in.text(k.of("eventVersion")));
        out.set("metadata.product.feature.name", in.text(k.of("eventCategory")));
        out.set("api.operation", name);
        out.set("api.service.name", source);
        out.set("api.request.uid", in.text(k.of("requestID")));
        out.set("cloud.provider", "AWS");
        out.set("cloud.region", in.text(k.of("awsRegion")));
        out.set("cloud.account.uid", in.text(k.of("recipientAccountId")));
        Fields.endpoint(out, "src_endpoint", in.text(k.of("sourceIPAddress")));
        out.set("http_request.user_agent", in.text(k.of("userAgent")));
        resources(in, k.of("resources"), out);
    }

    /** The record's {@code resources[]} (ARN and type) as OCSF resources. */
    private static void resources(Source in, String at, OcsfEvent out) {
        JsonNode resources = in.peek(at);
        int n = resources != null && resources.isArray() ? Math.min(resources.size(), MAX_RESOURCES) : 0;
        for (int i = 0; i < n; i++) {
            String arn = in.text(at + "." + i + ".ARN");
            if (arn != null) {
                ObjectNode resource = out.append("resources").put("uid", arn);
                String type = in.text(at + "." + i + ".type");
                if (type != null) {
                    resource.put("type", type);
                }
            }
        }
    }

    /** The record's path of a top-level key (prefixed inside an EventBridge envelope, lower-cased when written so). */
    @FunctionalInterface
    interface Keys {

        String of(String camel);
    }
}
