package dev.watchfloor.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to start one service process: the command line, the environment added to the inherited one, the
 * working directory, the log file its output is appended to, and how long it may take to become ready.
 */
public record ServiceLaunch(ServiceSpec spec, List<String> command, Map<String, String> environment, Path workDir,
        Path logFile, Duration startupTimeout) {

    /** The AppCDS archive Quarkus writes next to the runner jar; it roughly halves start-up when present. */
    static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    public ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /**
     * {@code [nice -n N] java [jvmOptions] [AppCDS options] -jar quarkus-run.jar}, run in
     * {@code <root>/<service>/target/quarkus-app} with the mesh environment. The AppCDS archive records the class path
     * as it was when Quarkus built it (relative, from that directory), so the service must be started from there for
     * the archive to load. A service off the intake path ({@link ServiceSpec#background()}) runs at a lower CPU
     * priority ({@link MeshOptions#backgroundNice()}) where the system has {@code nice}.
     */
    public static ServiceLaunch forMesh(ServiceSpec spec, DatabaseDescriptor database, MeshCredentials credentials,
            MeshOptions options) {
        return forMesh(spec, database, credentials, options, NICE);
    }

    static ServiceLaunch forMesh(ServiceSpec spec, DatabaseDescriptor database, MeshCredentials credentials,
            MeshOptions options, Optional<Path> nice) {
        List<String> command = new ArrayList<>();
        if (spec.background() && options.backgroundNice() > 0 && nice.isPresent()) {
            command.addAll(List.of(nice.get().toString(), "-n", Integer.toString(options.backgroundNice())));
        }
        command.add(options.javaExecutable());
        command.addAll(options.jvmOptions());
        Path jar = spec.runnerJar(options.root());
        Path appCds = jar.resolveSibling(APP_CDS_ARCHIVE);
        if (Files.isRegularFile(appCds)) {
            // built at package time (quarkus.package.jar.appcds.enabled); "auto" falls back if the JDK differs
            command.add("-XX:SharedArchiveFile=" + appCds);
            command.add("-Xshare:auto");
        }
        command.add("-jar");
        command.add(jar.getFileName().toString());
        return new ServiceLaunch(spec, command, environment(spec, database, credentials, options), jar.getParent(),
                options.logDir().resolve(spec.name() + ".log"),
                options.startupTimeout());
    }

    /** The {@code nice} program on the PATH, if there is one (coreutils on Linux, BSD on macOS; not on Windows). */
    static final Optional<Path> NICE = onPath("nice");

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** Starts the process with stdout and stderr appended to the log file; does not wait for anything. */
    Process spawn() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * The HTTP port and datasource settings, then the variables for all services, then the service's own: later entries
     * win, so a caller can override anything the launcher sets.
     */
    static Map<String, String> environment(ServiceSpec spec, DatabaseDescriptor database, MeshCredentials credentials,
            MeshOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.putAll(credentials.environment(spec));
        env.putAll(options.env());
        env.putAll(options.serviceEnv().getOrDefault(spec.name(), Map.of()));
        return env;
    }
}
