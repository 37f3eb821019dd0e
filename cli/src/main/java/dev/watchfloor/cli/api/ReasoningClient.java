package dev.watchfloor.cli.api;

import java.util.List;

/** reasoning-service's investigation read API. */
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
}
