package dev.watchfloor.ingest.normalize.vendor.cloud;

import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfClass;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Exchange Online message trace rows (Microsoft 365 Reporting web service {@code MessageTrace} report and
 * {@code Get-MessageTrace}: MessageTraceId, Received, SenderAddress, RecipientAddress, Subject, Status, FromIP, ToIP,
 * Size, MessageId) to Email Activity, activity Trace: Delivered is success, Failed failure, the other states (Pending,
 * Expanded, Quarantined, FilteredAsSpam, GettingStatus, Resolved) other, with the state as status detail. The trace
 * carries no severity.
 */
public final class M365MessageTraceMapper implements Mapper {

    @Override
    public String id() {
        return "m365-message-trace";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        ObjectNode f = record.fields();
        return Fields.peek(f, "MessageTraceId") != null && Fields.peek(f, "Received") != null
                && (Fields.has(f, "SenderAddress") || Fields.has(f, "RecipientAddress"));
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        out.classify(OcsfClass.EMAIL_ACTIVITY, 4, "Trace");
        out.time(ctx.time(Fields.scalar(in, "Received")));
        out.severity(0);
        out.product("Microsoft", "Exchange Online");
        String status = in.text("Status");
        out.status(switch (Fields.lower(status)) {
            case "delivered" -> 1;
            case "failed" -> 2;
            case "" -> 0;
            default -> 99;
        });
        out.set("status_detail", status);
        out.set("message_trace_uid", in.text("MessageTraceId"));
        out.set("metadata.uid", out.text("message_trace_uid"));
        String from = in.text("SenderAddress");
        String to = in.text("RecipientAddress");
        out.set("email.smtp_from", from);
        out.set("email.from", from);
        if (to != null) {
            out.set("email.smtp_to", JsonNodeFactory.instance.arrayNode().add(to));
            out.set("email.to", JsonNodeFactory.instance.arrayNode().add(to));
        }
        out.set("email.subject", in.text("Subject"));
        out.set("email.message_uid", in.text("MessageId"));
        out.set("email.size", in.number("Size"));
        String fromIp = in.text("FromIP");
        if (Fields.isIp(fromIp)) {
            out.set("src_endpoint.ip", fromIp);
        }
        String toIp = in.text("ToIP");
        if (Fields.isIp(toIp)) {
            out.set("dst_endpoint.ip", toIp);
        }
        out.set("direction_id", 0L);
        out.set("direction", "Unknown");
        out.set("message", status == null ? null : "Message " + status.toLowerCase(java.util.Locale.ROOT));
    }
}
