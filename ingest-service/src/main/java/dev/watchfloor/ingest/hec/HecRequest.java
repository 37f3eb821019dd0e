package dev.watchfloor.ingest.hec;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What every HEC request carries beside its body: the token (in {@code Authorization}; {@code ?token=} is refused) and
 * the channel for indexer acknowledgement ({@code X-Splunk-Request-Channel}, or {@code ?channel=}).
 */
public class HecRequest {

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @QueryParam("token")
    String queryToken;

    @HeaderParam("X-Splunk-Request-Channel")
    String channelHeader;

    @QueryParam("channel")
    String channelQuery;

    /** The channel the request names, or null. */
    String channel() {
        return channelHeader != null ? channelHeader : channelQuery;
    }
}
