package dev.watchfloor.cli.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** reasoning-service's investigation API. */
public final class ReasoningClient {

    private final JsonHttp http;

    public ReasoningClient(Endpoint endpoint, TokenSource tokens) {
        this.http = new JsonHttp(endpoint, tokens);
    }

    public List<InvestigationSummary> forAlert(String alertId) {
        return http.get("/v1/investigations?alertId=" + JsonHttp.encode(alertId), InvestigationSummary.Page.class)
                .items();
    }

    public Investigation get(String investigationId) {
        return http.get("/v1/investigations/" + JsonHttp.encode(investigationId), Investigation.class);
    }

    /** {@code GET /v1/investigations} with optional filters (null or empty: any). */
    public JsonNode list(String status, String alertId, int limit) {
        StringBuilder query = new StringBuilder("/v1/investigations?limit=").append(limit);
        if (status != null && !status.isEmpty()) {
            query.append("&status=").append(JsonHttp.encode(status));
        }
        if (alertId != null && !alertId.isEmpty()) {
            query.append("&alertId=").append(JsonHttp.encode(alertId));
        }
        return http.get(query.toString(), JsonNode.class);
    }

    /** The full view as the service returns it, every member kept. */
    public JsonNode detail(String investigationId) {
        return http.get("/v1/investigations/" + JsonHttp.encode(investigationId), JsonNode.class);
    }

    /** Analyst feedback: {@code correctVerdict} null means the analyst agrees. */
    public JsonNode feedback(String investigationId, String correctVerdict, String comment) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (correctVerdict == null) {
            body.put("agree", true);
        } else {
            body.put("verdict", correctVerdict);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return http.postValue("/v1/investigations/" + JsonHttp.encode(investigationId) + "/feedback", body,
                JsonNode.class);
    }

    public JsonNode rerun(String investigationId) {
        return http.post("/v1/investigations/" + JsonHttp.encode(investigationId) + "/rerun", new byte[0],
                JsonNode.class);
    }

    public JsonNode accuracy() {
        return http.get("/v1/investigations/accuracy", JsonNode.class);
    }
}
