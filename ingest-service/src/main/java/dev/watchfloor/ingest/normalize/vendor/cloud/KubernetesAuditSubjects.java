package dev.watchfloor.ingest.normalize.vendor.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;
import dev.watchfloor.ingest.normalize.vendor.identity.Prefixed;

/**
 * Who and what a Kubernetes audit event ({@code audit.k8s.io/v1}) names: the requesting {@code user} (name, uid,
 * groups, and the AWS IAM session an EKS user came through in {@code user.extra}) as actor, and {@code objectRef} as
 * resource.
 */
final class KubernetesAuditSubjects {

    private static final int MAX_GROUPS = 64;

    private KubernetesAuditSubjects() {
    }

    /** The authenticated user, its groups, and the IAM session an EKS user came through. */
    static void actor(Prefixed in, OcsfEvent out) {
        String name = in.text("user.username");
        out.set("actor.user.name", name);
        out.set("actor.user.uid", in.text("user.uid"));
        out.set("actor.user.email_addr", Fields.email(name));
        JsonNode groups = in.peek("user.groups");
        int n = groups != null && groups.isArray() ? Math.min(groups.size(), MAX_GROUPS) : 0;
        for (int i = 0; i < n; i++) {
            String group = in.text("user.groups." + i);
            if (group != null) {
                out.append("actor.user.groups").put("name", group);
            }
        }
        out.set("actor.session.credential_uid", in.text("user.extra.accessKeyId.0"));
        out.set("actor.session.issuer", in.text("user.extra.canonicalArn.0", "user.extra.arn.0"));
        out.set("actor.session.uid", in.text("user.extra.sessionName.0"));
        out.set("actor.user.uid_alt", in.text("user.extra.arn.0"));
    }

    /** {@code objectRef}: the resource, its namespace and subresource. */
    static void resource(Prefixed in, OcsfEvent out) {
        String type = in.text("objectRef.resource");
        String name = in.text("objectRef.name");
        String uid = in.text("objectRef.uid");
        String namespace = in.text("objectRef.namespace");
        if (type == null && name == null && uid == null) {
            return;
        }
        String sub = in.text("objectRef.subresource");
        ObjectNode resource = out.append("resources");
        put(resource, "type", type == null || sub == null ? type : type + "/" + sub);
        put(resource, "name", name);
        put(resource, "uid", uid);
        put(resource, "namespace", namespace);
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
