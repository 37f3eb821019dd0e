package dev.watchfloor.commons.security;

/** The services of the mesh, by the name each one authenticates with (its {@code quarkus.application.name}). */
public enum MeshService {

    INGEST("ingest-service"), CONTEXT("context-service"), REASONING("reasoning-service"), ACTION(
            "action-service"), GOVERNANCE("governance-service");

    private final String clientId;

    MeshService(String clientId) {
        this.clientId = clientId;
    }

    public String clientId() {
        return clientId;
    }

    /** The service a client id names, or null when it is not a mesh service. */
    public static MeshService byClientId(String clientId) {
        for (MeshService s : values()) {
            if (s.clientId.equals(clientId)) {
                return s;
            }
        }
        return null;
    }
}
