package dev.watchfloor.ingest.hec;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HEC indexer acknowledgement. A request that names a channel gets an {@code ackId}, numbered per channel from 0.
 * Ingest answers success only after the request's records are committed, so every id it has issued is acknowledged at
 * once; an id it has not issued on that channel (never, or before a restart, which forgets the channels) is not, and
 * the forwarder sends those events again, which intake then reports as exact duplicates. The most recently used
 * channels are kept, up to {@link #MAX_CHANNELS}.
 */
@ApplicationScoped
public class HecAcks {

    static final int MAX_CHANNELS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, long[]> issued = new LinkedHashMap<>(256, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_CHANNELS;
        }
    };

    /** Whether the text is a channel as HEC names them: a GUID. */
    static boolean valid(String channel) {
        if (channel == null || channel.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(channel);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The next ackId of the tenant's channel (for a request whose records are committed). */
    synchronized long issue(String tenant, String channel) {
        return issued.computeIfAbsent(key(tenant, channel), c -> new long[1])[0]++;
    }

    /** Whether the ackId was issued on the tenant's channel (and so its request committed). */
    synchronized boolean acknowledged(String tenant, String channel, long ackId) {
        long[] next = issued.get(key(tenant, channel));
        return next != null && ackId >= 0 && ackId < next[0];
    }

    /**
     * The answer to an ack query ({@code {"acks":[0,1]}}) on the tenant's channel: each id with whether it is
     * acknowledged; null when the body is not such a query.
     */
    Map<String, Boolean> answer(String tenant, String channel, byte[] body) {
        JsonNode ids;
        try {
            ids = body == null || body.length == 0 ? null : JSON.readTree(body).get("acks");
        } catch (IOException e) {
            return null;
        }
        if (ids == null || !ids.isArray()) {
            return null;
        }
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToExactIntegral() || !id.canConvertToLong()) {
                return null;
            }
            answers.put(Long.toString(id.asLong()), acknowledged(tenant, channel, id.asLong()));
        }
        return answers;
    }

    /** A channel is the tenant's own: another tenant's token learns nothing of it. */
    private static String key(String tenant, String channel) {
        return tenant + "/" + channel.toLowerCase(java.util.Locale.ROOT);
    }
}
