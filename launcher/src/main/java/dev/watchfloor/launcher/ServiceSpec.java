package dev.watchfloor.launcher;

import java.nio.file.Path;
import java.util.List;

/** One service of the mesh: its module directory name and the HTTP port it listens on locally. */
public record ServiceSpec(String name, int port) {

    public static final String GOVERNANCE = "governance-service";
    public static final String CONTEXT = "context-service";
    public static final String ACTION = "action-service";
    public static final String REASONING = "reasoning-service";
    public static final String INGEST = "ingest-service";

    /**
     * The whole mesh in start order: every service starts after the ones it calls at start-up or on its first request
     * (reasoning calls context, governance and action; ingest hands alerts to reasoning).
     */
    public static final List<ServiceSpec> MESH = List.of(
            new ServiceSpec(GOVERNANCE, 8085),
            new ServiceSpec(CONTEXT, 8082),
            new ServiceSpec(ACTION, 8084),
            new ServiceSpec(REASONING, 8083),
            new ServiceSpec(INGEST, 8081));

    public ServiceSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("service name must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range for " + name + ": " + port);
        }
    }

    /**
     * Whether this service is off the intake path: nothing it does is waited for while ingest acknowledges incoming
     * data (ingest hands alerts to reasoning from its outbox, after the commit), so it may run at a lower CPU priority.
     */
    public boolean background() {
        return !name.equals(INGEST);
    }

    /** The Quarkus fast-jar runner this service is started from. */
    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
