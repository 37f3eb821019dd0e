package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the zonky binaries on a free local port, holding the {@value #DATABASE} database.
 * <p>
 * The cluster is created fresh on every start, in {@code <root>/.watchfloor/pgdata}: the services' Flyway migrations
 * change while they are being developed, and a clean cluster keeps every {@code up} and {@code demo} reproducible. The
 * directory is left in place after a stop so it can be inspected; point {@code WATCHFLOOR_DB_URL} at a real server to
 * keep data between runs.
 * <p>
 * PostgreSQL refuses to run as root; zonky handles that by starting its processes in a new user namespace
 * ({@code unshare -U}) when the JVM runs as root, which works on this kind of machine without further setup.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "watchfloor";
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final DatabaseDescriptor descriptor;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.descriptor = new DatabaseDescriptor("127.0.0.1", postgres.getPort(), DATABASE, SUPERUSER, SUPERUSER);
    }

    /** Starts a fresh cluster in {@code dataDir}, appending the server's output to {@code logFile}. */
    public static EmbeddedDatabase start(Path dataDir, Path logFile) {
        StalePostmaster.refuseIfRunning(dataDir);
        createParent(logFile);
        deleteRecursively(dataDir);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw MeshStartException.withLog("embedded PostgreSQL did not start: " + e.getMessage(), logFile,
                    LogTail.lastLines(logFile, 0, 30));
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.createDatabaseIfMissing();
        return database;
    }

    public DatabaseDescriptor descriptor() {
        return descriptor;
    }

    /** Stops the server (pg_ctl stop, fast mode). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            close();
            throw new MeshStartException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old database directory " + dir, e);
        }
    }
}
