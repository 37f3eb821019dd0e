package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Parsed;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;
import dev.watchfloor.ingest.normalize.ocsf.Source;

/**
 * Microsoft Defender for Endpoint and Microsoft Defender XDR: alerts of the Microsoft Graph security API ({@code alert}
 * resource, alerts_v2), alerts of the Defender for Endpoint API ({@code /api/alerts}: {@code alertCreationTime},
 * {@code computerDnsName}, {@code machineId}, {@code relatedUser}), and Advanced Hunting rows, raw or as the streaming
 * API sends them ({@code category: AdvancedHunting-
 *
<Table>
 * }, the row under {@code properties}).
 */
public final class DefenderMapper implements Mapper {

    @Override
    public String id() {
        return "defender";
    }

    @Override
    public Set<String> formats() {
        return JSON;
    }

    @Override
    public boolean matches(Parsed record) {
        try {
            Source in = new Source(record.fields());
            String category = in.peekText("category");
            JsonNode properties = in.peek("properties");
            if (category != null && category.startsWith("AdvancedHunting-") && properties != null
                    && properties.isObject()) {
                return true;
            }
            if (in.peekText("alertCreationTime") != null) {
                return in.peek("computerDnsName") != null || in.peek("machineId") != null;
            }
            String odata = in.peekText("@odata.type");
            if (odata != null && odata.endsWith("security.alert")) {
                return true;
            }
            if (in.peekText("createdDateTime") != null && in.peekText("title") != null
                    && in.peek("severity") != null) {
                return in.peek("serviceSource") != null || in.peek("detectionSource") != null
                        || in.peek("mitreTechniques") != null;
            }
            return DefenderHunting.looksLikeRow(in, "");
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void map(Parsed record, Source in, OcsfEvent out, MapContext ctx) {
        String category = in.peekText("category");
        JsonNode properties = in.peek("properties");
        if (category != null && category.startsWith("AdvancedHunting-") && properties != null
                && properties.isObject()) {
            in.use("category");
            out.product("Microsoft", "Microsoft Defender XDR");
            new DefenderHunting(in, out, ctx, "properties.").map(category.substring("AdvancedHunting-".length()));
        } else if (in.peekText("alertCreationTime") != null || in.peekText("createdDateTime") != null
                || String.valueOf(in.peekText("@odata.type")).endsWith("security.alert")) {
            new DefenderAlerts(in, out, ctx).map();
        } else {
            out.product("Microsoft", "Microsoft Defender XDR");
            new DefenderHunting(in, out, ctx, "").map(null);
        }
    }
}
