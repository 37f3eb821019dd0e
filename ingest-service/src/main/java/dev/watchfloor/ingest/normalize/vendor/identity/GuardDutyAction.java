package dev.watchfloor.ingest.normalize.vendor.identity;

import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * A GuardDuty finding's {@code service.action}: the remote address and ports of a network connection, port probe, API
 * call, Kubernetes API call or RDS login, and the API called. An inbound connection's remote host is the source, an
 * outbound one's the destination.
 */
final class GuardDutyAction {

    private GuardDutyAction() {
    }

    static void map(Source in, String p, OcsfEvent out) {
        in.use(p + "actionType");
        String net = p + "networkConnectionAction.";
        if (in.peek(net + "remoteIpDetails") != null || in.peek(net + "connectionDirection") != null) {
            boolean outbound = "OUTBOUND".equalsIgnoreCase(in.text(net + "connectionDirection"));
            String remote = outbound ? "dst_endpoint" : "src_endpoint";
            String local = outbound ? "src_endpoint" : "dst_endpoint";
            out.set(remote + ".ip", in.text(net + "remoteIpDetails.ipAddressV4", net + "remoteIpDetails.ipAddressV6"));
            out.port(remote + ".port", in.text(net + "remotePortDetails.port"));
            out.set(local + ".ip", in.text(net + "localIpDetails.ipAddressV4", net + "localIpDetails.ipAddressV6"));
            out.port(local + ".port", in.text(net + "localPortDetails.port"));
            out.set("connection_info.protocol_name", in.text(net + "protocol"));
            return;
        }
        String probe = p + "portProbeAction.portProbeDetails.0.";
        out.set("src_endpoint.ip", in.text(probe + "remoteIpDetails.ipAddressV4",
                p + "awsApiCallAction.remoteIpDetails.ipAddressV4",
                p + "kubernetesApiCallAction.remoteIpDetails.ipAddressV4",
                p + "rdsLoginAttemptAction.remoteIpDetails.ipAddressV4"));
        out.port("dst_endpoint.port", in.text(probe + "localPortDetails.port"));
        out.set("api.operation", in.text(p + "awsApiCallAction.api"));
        out.set("api.service.name", in.text(p + "awsApiCallAction.serviceName"));
        out.set("src_endpoint.domain", in.text(p + "awsApiCallAction.domainDetails.domain"));
        out.set("dst_endpoint.domain", in.text(p + "dnsRequestAction.domain"));
    }
}
