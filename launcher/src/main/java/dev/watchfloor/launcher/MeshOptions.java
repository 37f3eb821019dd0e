package dev.watchfloor.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the local mesh. Build with {@link #defaults(Path)} or {@link #fromEnvironment(Path, Map)} and the
 * {@code with*} methods; every instance is immutable.
 *
 * @param root
 *            project root holding {@code <service>/target/quarkus-app/quarkus-run.jar}
 * @param externalDatabase
 *            the database to use; empty starts an embedded PostgreSQL
 * @param env
 *            environment added to every service (after the datasource settings)
 * @param serviceEnv
 *            environment per service name, applied last
 * @param logDir
 *            where {@code <service>.log} files are appended
 * @param javaExecutable
 *            the {@code java} that runs the services
 * @param jvmOptions
 *            options placed before {@code -jar}
 * @param startupTimeout
 *            how long one service may take to become ready
 * @param services
 *            the services to start, in order
 * @param backgroundNice
 *            the {@code nice} increment the services off the intake path run with (every one but ingest), so that a
 *            burst of investigations cannot hold up acknowledging new data; 0 runs them like ingest
 */
public record MeshOptions(Path root, Optional<DatabaseDescriptor> externalDatabase, Map<String, String> env,
        Map<String, Map<String, String>> serviceEnv, Path logDir, String javaExecutable, List<String> jvmOptions,
        Duration startupTimeout, List<ServiceSpec> services, int backgroundNice) {

    public static final String DB_URL_ENV = "WATCHFLOOR_DB_URL";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** Names the background services' nice increment ({@link #backgroundNice()}); 0 turns it off. */
    public static final String BACKGROUND_NICE_ENV = "WATCHFLOOR_BACKGROUND_NICE";
    public static final int DEFAULT_BACKGROUND_NICE = 10;

    public MeshOptions {
        root = root.toAbsolutePath().normalize();
        externalDatabase = externalDatabase == null ? Optional.empty() : externalDatabase;
        env = Map.copyOf(env);
        Map<String, Map<String, String>> copy = new HashMap<>();
        serviceEnv.forEach((service, vars) -> copy.put(service, Map.copyOf(vars)));
        serviceEnv = Map.copyOf(copy);
        logDir = logDir.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
        services = List.copyOf(services);
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startup timeout must be positive");
        }
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException("the background services' nice increment must be 0-19, got "
                    + backgroundNice);
        }
    }

    /** Embedded database, logs under {@code <root>/.watchfloor/logs}, the JVM running this code, 60 s timeout. */
    public static MeshOptions defaults(Path root) {
        return new MeshOptions(root, Optional.empty(), Map.of(), Map.of(),
                root.resolve(".watchfloor").resolve("logs"), currentJava(), List.of(),
                DEFAULT_STARTUP_TIMEOUT, ServiceSpec.MESH, DEFAULT_BACKGROUND_NICE);
    }

    /**
     * {@link #defaults(Path)}, using the database named by {@code WATCHFLOOR_DB_URL} when it is set. With
     * {@code WATCHFLOOR_MODEL_URL} set (and {@code WATCHFLOOR_MODEL_ROUTES} not), governance may choose the default
     * policy's model route, {@value #DEFAULT_MODEL_ROUTE}, and reasoning calls that endpoint for it (the services
     * inherit {@code WATCHFLOOR_MODEL_URL}, {@code _NAME} and {@code _API_KEY} from this environment).
     */
    public static MeshOptions fromEnvironment(Path root, Map<String, String> environment) {
        MeshOptions options = defaults(root);
        String url = environment.get(DB_URL_ENV);
        if (url != null && !url.isBlank()) {
            options = options.withExternalDatabase(DatabaseDescriptor.parse(url));
        }
        String nice = environment.get(BACKGROUND_NICE_ENV);
        if (nice != null && !nice.isBlank()) {
            try {
                options = options.withBackgroundNice(Integer.parseInt(nice.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(BACKGROUND_NICE_ENV + " must be a number 0-19, got '" + nice + "'");
            }
        }
        String model = environment.get(MODEL_URL_ENV);
        String routes = environment.get(MODEL_ROUTES_ENV);
        if (model != null && !model.isBlank() && (routes == null || routes.isBlank())) {
            options = options.withServiceEnv(ServiceSpec.GOVERNANCE, MODEL_ROUTES_ENV, DEFAULT_MODEL_ROUTE);
        }
        return options;
    }

    static final String MODEL_URL_ENV = "WATCHFLOOR_MODEL_URL";
    static final String MODEL_ROUTES_ENV = "WATCHFLOOR_MODEL_ROUTES";
    /** The model route the default policy prefers for public and internal data. */
    static final String DEFAULT_MODEL_ROUTE = "hosted-small";

    /** The java launcher of the running JVM, so that services run on the same JDK as the caller. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where the embedded database keeps its cluster. */
    public Path embeddedDataDir() {
        return root.resolve(".watchfloor").resolve("pgdata");
    }

    /** Where the platform admin's credentials are kept for the CLI ({@link MeshCredentials}). */
    public Path credentialsFile() {
        return MeshCredentials.defaultFile(root);
    }

    public boolean embeddedDatabase() {
        return externalDatabase.isEmpty();
    }

    public MeshOptions withExternalDatabase(DatabaseDescriptor database) {
        return new MeshOptions(root, Optional.of(database), env, serviceEnv, logDir, javaExecutable, jvmOptions,
                startupTimeout, services, backgroundNice);
    }

    public MeshOptions withEmbeddedDatabase() {
        return new MeshOptions(root, Optional.empty(), env, serviceEnv, logDir, javaExecutable, jvmOptions,
                startupTimeout, services, backgroundNice);
    }

    /** Adds one variable to the environment of every service. */
    public MeshOptions withEnv(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put(name, value);
        return new MeshOptions(root, externalDatabase, all, serviceEnv, logDir, javaExecutable, jvmOptions,
                startupTimeout, services, backgroundNice);
    }

    /** Adds one variable to the environment of one service; wins over {@link #withEnv(String, String)}. */
    public MeshOptions withServiceEnv(String service, String name, String value) {
        Map<String, Map<String, String>> all = new HashMap<>(serviceEnv);
        Map<String, String> vars = new LinkedHashMap<>(all.getOrDefault(service, Map.of()));
        vars.put(name, value);
        all.put(service, vars);
        return new MeshOptions(root, externalDatabase, env, all, logDir, javaExecutable, jvmOptions, startupTimeout,
                services, backgroundNice);
    }

    public MeshOptions withLogDir(Path dir) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, dir, javaExecutable, jvmOptions,
                startupTimeout, services, backgroundNice);
    }

    public MeshOptions withJavaExecutable(String java) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, logDir, java, jvmOptions, startupTimeout,
                services, backgroundNice);
    }

    public MeshOptions withJvmOptions(List<String> options) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, logDir, javaExecutable, options,
                startupTimeout, services, backgroundNice);
    }

    public MeshOptions withStartupTimeout(Duration timeout) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, logDir, javaExecutable, jvmOptions, timeout,
                services, backgroundNice);
    }

    /** Starts only these services, in this order (tests use other ports or a subset). */
    public MeshOptions withServices(List<ServiceSpec> specs) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, logDir, javaExecutable, jvmOptions,
                startupTimeout, specs, backgroundNice);
    }

    public MeshOptions withBackgroundNice(int increment) {
        return new MeshOptions(root, externalDatabase, env, serviceEnv, logDir, javaExecutable, jvmOptions,
                startupTimeout, services, increment);
    }
}
