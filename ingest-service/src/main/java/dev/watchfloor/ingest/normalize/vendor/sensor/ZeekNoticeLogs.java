package dev.watchfloor.ingest.normalize.vendor.sensor;

import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Zeek's {@code notice.log} as a Detection Finding (the notice type is the analytic, {@code msg} the title; Zeek gives
 * no severity, so Medium) and {@code weird.log} as Network Activity (Other, the weird's name as the message).
 */
final class ZeekNoticeLogs {

    private ZeekNoticeLogs() {
    }

    /** {@code notice.log} as a Detection Finding; {@code weird.log} as Network Activity (Other). */
    static void finding(String log, Source in, OcsfEvent out) {
        if (log.equals("weird")) {
            out.classify(OcsfClass.NETWORK_ACTIVITY, 99, "Weird");
            out.set("message", in.text("name"));
            out.set("status_detail", in.text("addl"));
            return;
        }
        out.classify(OcsfClass.DETECTION_FINDING, 1, "Create");
        out.severity(3);
        String note = in.text("note");
        String msg = in.text("msg");
        out.set("finding_info.title", msg != null ? msg : note);
        out.set("finding_info.desc", in.text("sub"));
        out.set("finding_info.analytic.name", note);
        out.set("finding_info.analytic.type_id", 1L);
        out.set("finding_info.analytic.type", "Rule");
        String uid = out.text("metadata.uid");
        out.set("finding_info.uid", uid != null ? uid : in.text("fuid"));
        out.set("message", msg);
        if (!out.has("src_endpoint.ip")) {
            out.set("src_endpoint.ip", in.text("src"));
            out.set("dst_endpoint.ip", in.text("dst"));
            out.port("dst_endpoint.port", in.text("p"));
        }
        out.set("count", in.number("n"));
    }
}
