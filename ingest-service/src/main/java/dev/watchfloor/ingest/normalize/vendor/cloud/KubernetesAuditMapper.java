package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.ApiVerbs;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;
import dev.watchfloor.ingest.normalize.vendor.identity.Prefixed;

/**
 * Kubernetes audit events (Kubernetes documentation, "Auditing", {@code audit.k8s.io/v1} {@code Event}; also
 * {@code v1beta1}) as the API server writes them, on Amazon EKS (control-plane "audit" log, or Panther's
 * {@code Amazon.EKS.Audit}), Azure Kubernetes Service (resource logs of category {@code kube-audit}, the event in
 * {@code properties.log}) and other clusters, to API Activity: the verb as activity (create, get/list/watch,
 * update/patch, delete/deletecollection), the response code as status (below 400 success), the requesting user and its
 * groups as actor, the first source IP, the object referred to as resource. EKS events (AWS IAM authenticator users)
 * are labelled Amazon EKS, others Kubernetes.
 */
public final class KubernetesAuditMapper implements Mapper {

    /** Where Azure Kubernetes Service resource logs (category kube-audit) hold the event. */
    private static final String AKS = "properties.log.";

    @Override
    public String id() {
        return "k8s-audit";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        return event(f) || event(f.path("properties").path("log"))
                || "Amazon.EKS.Audit".equals(Fields.peek(f, "p_log_type"));
    }

    private static boolean event(JsonNode f) {
        String api = Fields.peek(f, "apiVersion");
        return "Event".equals(Fields.peek(f, "kind")) && api != null && api.startsWith("audit.k8s.io/");
    }

    @Override
    public void map(Parsed record, Source source, OcsfEvent out, MapContext ctx) {
        boolean aks = !event(record.fields()) && event(record.fields().path("properties").path("log"));
        Prefixed in = new Prefixed(source, aks ? AKS : "");
        String verb = in.text("verb");
        ApiVerbs.api(out, activity(verb));
        String p = in.prefix();
        // an AKS resource log's own time when the event has none
        out.time(ctx.time(Fields.scalar(source, p + "stageTimestamp", p + "requestReceivedTimestamp",
                aks ? "time" : p + "stageTimestamp")));
        JsonNode received = in.peek("requestReceivedTimestamp");
        if (received != null && received.isValueNode()) {
            out.set("start_time", ctx.time(in.node("requestReceivedTimestamp")).utc().toEpochMilli());
        }
        out.severity(1);
        if (aks) {
            out.product("Microsoft", "Azure Kubernetes Service");
            out.set("cloud.provider", "Azure");
            out.set("metadata.product.feature.name", source.text("category"));
            out.set("cloud.account.uid", subscription(source.text("resourceId", "ResourceId")));
        } else if (eks(record.fields())) {
            out.product("AWS", "Amazon EKS");
            out.set("cloud.provider", "AWS");
        } else {
            out.product("Kubernetes", "Kubernetes");
        }
        out.set("metadata.product.version", in.text("apiVersion"));
        out.set("metadata.log_name", in.text("kind"));
        out.set("metadata.log_level", in.text("level"));
        out.set("metadata.uid", in.text("auditID"));
        String stage = in.text("stage");
        out.set("metadata.event_code", stage);
        out.set("api.operation", verb);
        out.set("api.request.uid", out.text("metadata.uid"));
        out.set("api.version", in.text("objectRef.apiVersion"));
        out.set("api.group.name", in.text("objectRef.apiGroup"));
        String uri = in.text("requestURI");
        out.set("http_request.url.path", uri);
        out.set("http_request.user_agent", in.text("userAgent"));
        out.set("message", verb != null && uri != null ? verb + " " + uri : stage);
        status(in, out);
        KubernetesAuditSubjects.actor(in, out);
        JsonNode ips = in.peek("sourceIPs");
        if (ips != null && ips.isArray() && !ips.isEmpty()) {
            String ip = in.text("sourceIPs.0");
            if (Fields.isIp(ip)) {
                out.set("src_endpoint.ip", ip);
            }
        }
        KubernetesAuditSubjects.resource(in, out);
    }

    /** create 1; get, list, watch 2; update, patch 3; delete, deletecollection 4; other verbs (proxy ...) 99. */
    static int activity(String verb) {
        return switch (Fields.lower(verb)) {
            case "create" -> 1;
            case "get", "list", "watch" -> 2;
            case "update", "patch" -> 3;
            case "delete", "deletecollection" -> 4;
            default -> 99;
        };
    }

    /** The subscription id of an Azure resource id ({@code /subscriptions/<id>/resourceGroups/...}). */
    static String subscription(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(?i)^/subscriptions/([^/]+)/").matcher(resourceId);
        return m.find() ? m.group(1) : null;
    }

    private static boolean eks(JsonNode f) {
        String uid = Fields.peek(f, "user.uid");
        return "Amazon.EKS.Audit".equals(Fields.peek(f, "p_log_type")) || uid != null
                && (uid.startsWith("heptio-authenticator-aws:") || uid.startsWith("aws-iam-authenticator:"))
                || Fields.hasObject(f.path("user"), "extra") && f.path("user").path("extra").has("arn");
    }

    private static void status(Prefixed in, OcsfEvent out) {
        Long code = in.number("responseStatus.code");
        String decision = in.peekText("annotations.authorization.k8s.io/decision");
        if (code != null) {
            out.set("api.response.code", code);
            out.set("status_code", Long.toString(code));
            out.status(code < 400 ? 1 : 2);
        } else if (decision != null) {
            out.status("forbid".equals(decision) ? 2 : 1);
        }
        out.set("status_detail", in.text("responseStatus.message", "responseStatus.reason"));
        out.set("api.response.message", in.text("responseStatus.status"));
    }
}
