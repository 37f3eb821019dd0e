package dev.watchfloor.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the local mesh: the database (embedded unless one is configured), then each service in order, each one ready
 * before the next starts. Any failure stops what was already started and throws a {@link MeshStartException}.
 *
 * <pre>{@code
 * try (RunningMesh mesh = MeshLauncher.start(MeshOptions.defaults(root))) {
 *     String ingest = mesh.service(ServiceSpec.INGEST).url();
 * }
 * }</pre>
 */
public final class MeshLauncher {

    private MeshLauncher() {
    }

    public static RunningMesh start(MeshOptions options) {
        return start(options, MeshListener.SILENT);
    }

    public static RunningMesh start(MeshOptions options, MeshListener listener) {
        preflight(options);
        RunningMesh mesh = new RunningMesh();
        try {
            openDatabase(mesh, options);
            mesh.useCredentials(MeshCredentials.provision(options.credentialsFile(), issuer(options),
                    options.services()));
            listener.databaseReady(mesh.database(), mesh.embeddedDatabase());
            Map<String, DatabaseDescriptor> roles = roles(mesh.database(), options);
            for (ServiceSpec spec : options.services()) {
                ServiceProcess service = new ServiceProcess(
                        ServiceLaunch.forMesh(spec, roles.get(spec.name()), mesh.credentials(), options));
                mesh.add(service);
                listener.starting(spec);
                service.start();
                listener.ready(service);
            }
            return mesh;
        } catch (RuntimeException e) {
            mesh.close();
            throw e;
        }
    }

    /** Fails before anything starts when a runner jar is missing or a port is taken. */
    static void preflight(MeshOptions options) {
        for (ServiceSpec spec : options.services()) {
            Path jar = spec.runnerJar(options.root());
            if (!Files.isRegularFile(jar)) {
                throw new MeshStartException(
                        jar + " not found: build the services first (./mvnw -B -DskipTests install, "
                                + "or ./watchfloor --rebuild)");
            }
            Ports.requireFree(spec);
        }
    }

    /**
     * Each service's own database role; when the database user may not create roles (a managed database), every service
     * shares that user, and this says so.
     */
    static Map<String, DatabaseDescriptor> roles(DatabaseDescriptor database, MeshOptions options) {
        try {
            return DatabaseRoles.provision(database, options.services());
        } catch (MeshStartException e) {
            System.err.println("warning: " + e.getMessage() + "; every service connects as " + database.user());
            Map<String, DatabaseDescriptor> shared = new java.util.HashMap<>();
            options.services().forEach(spec -> shared.put(spec.name(), database));
            return shared;
        }
    }

    /** Governance's URL as the other services reach it: the issuer of the mesh's tokens. */
    static String issuer(MeshOptions options) {
        return options.services().stream().filter(s -> ServiceSpec.GOVERNANCE.equals(s.name())).findFirst()
                .map(ServiceSpec::url).orElse("http://127.0.0.1:8085");
    }

    private static void openDatabase(RunningMesh mesh, MeshOptions options) {
        if (options.externalDatabase().isPresent()) {
            mesh.useDatabase(options.externalDatabase().get(), null);
            return;
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(options.embeddedDataDir(),
                options.logDir().resolve("postgres.log"));
        mesh.useDatabase(embedded.descriptor(), embedded);
    }
}
