package dev.watchfloor.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The started mesh: its services in start order and the database they use. {@link #close()} stops the services in
 * reverse order, then the embedded database; a JVM shutdown hook (Ctrl-C) does the same.
 */
public final class RunningMesh implements AutoCloseable {

    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "watchfloor-mesh-shutdown");
    private volatile DatabaseDescriptor database;
    private volatile EmbeddedDatabase embedded;
    private volatile MeshCredentials credentials;
    private boolean closed;

    RunningMesh() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The service with this name, e.g. {@code "ingest-service"} ({@link ServiceSpec} has the names). */
    public ServiceProcess service(String name) {
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name + " in this mesh; "
                        + "running: " + services.stream().map(ServiceProcess::name).toList()));
    }

    /** All services, in start order. */
    public List<ServiceProcess> services() {
        return Collections.unmodifiableList(new ArrayList<>(services));
    }

    /** Where the services' datasources point. */
    public DatabaseDescriptor database() {
        return database;
    }

    public boolean embeddedDatabase() {
        return embedded != null;
    }

    /** Stops every service (gracefully, reverse start order), then the embedded database. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::retire);
        if (embedded != null) {
            try {
                embedded.close();
            } catch (RuntimeException e) {
                // e.g. Ctrl-C in a terminal also signalled PostgreSQL itself, which is already shutting down
                System.err.println("warning: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it will find the mesh closed
            }
        }
    }

    void useDatabase(DatabaseDescriptor descriptor, EmbeddedDatabase embeddedDatabase) {
        this.database = descriptor;
        this.embedded = embeddedDatabase;
    }

    /** The identities provisioned for this mesh; the platform admin's credentials are also in their file. */
    public MeshCredentials credentials() {
        return credentials;
    }

    void useCredentials(MeshCredentials provisioned) {
        this.credentials = provisioned;
    }

    void add(ServiceProcess service) {
        services.add(service);
    }
}
