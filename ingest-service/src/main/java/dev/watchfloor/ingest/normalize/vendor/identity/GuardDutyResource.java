package dev.watchfloor.ingest.normalize.vendor.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * A GuardDuty finding's {@code resource}: the EC2 instance (device), the IAM access key and its principal (actor), and
 * the other resource kinds as {@code resources[]}.
 */
final class GuardDutyResource {

    private GuardDutyResource() {
    }

    static void map(Source in, String p, OcsfEvent out) {
        String kind = in.text(p + "resourceType");
        ObjectNode resource = out.append("resources");
        if (kind != null) {
            resource.put("type", kind);
        }
        instance(in, p + "instanceDetails.", resource, out);
        String key = p + "accessKeyDetails.";
        out.set("actor.user.name", in.text(key + "userName"));
        out.set("actor.user.uid", in.text(key + "principalId"));
        out.set("actor.user.type", in.text(key + "userType"));
        out.set("actor.user.credential_uid", in.text(key + "accessKeyId"));
        String bucket = in.text(p + "s3BucketDetails.0.name");
        if (bucket != null) {
            resource.put("name", bucket);
            String arn = in.text(p + "s3BucketDetails.0.arn");
            resource.put("uid", arn != null ? arn : bucket);
        }
        String cluster = in.text(p + "eksClusterDetails.name");
        if (cluster != null && !resource.has("name")) {
            resource.put("name", cluster);
        }
        if (resource.isEmpty()) {
            out.node().remove("resources");
        }
    }

    /** The EC2 instance as the device (a virtual machine) and the resource's uid. */
    private static void instance(Source in, String p, ObjectNode resource, OcsfEvent out) {
        String instance = in.text(p + "instanceId");
        if (instance == null) {
            return;
        }
        resource.put("uid", instance);
        out.set("device.instance_uid", instance);
        out.set("device.type_id", 6L);
        out.set("device.type", "Virtual");
        out.set("device.ip", in.text(p + "networkInterfaces.0.privateIpAddress"));
        out.set("device.hostname", in.text(p + "networkInterfaces.0.privateDnsName"));
        out.set("device.image.uid", in.text(p + "imageId"));
        out.set("device.os.name", in.text(p + "platform"));
        out.set("device.region", in.text(p + "availabilityZone"));
    }
}
