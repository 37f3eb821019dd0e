package dev.watchfloor.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import dev.watchfloor.launcher.DatabaseDescriptor;

/**
 * A fresh database per test run on a real PostgreSQL server: the one in WATCHFLOOR_TEST_DB_URL, by default the local
 * server that .ci/run makes sure is up. Dropped again when the run ends.
 */
final class TestDatabase implements AutoCloseable {

    static final String URL_ENV = "WATCHFLOOR_TEST_DB_URL";
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    private final DatabaseDescriptor admin;
    private final DatabaseDescriptor database;

    private TestDatabase(DatabaseDescriptor admin, DatabaseDescriptor database) {
        this.admin = admin;
        this.database = database;
    }

    static TestDatabase create() {
        String url = System.getenv().getOrDefault(URL_ENV, DEFAULT_URL);
        DatabaseDescriptor admin = DatabaseDescriptor.parse(url);
        String name = "wf_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(admin, "CREATE DATABASE " + name);
        DatabaseDescriptor db = new DatabaseDescriptor(admin.host(), admin.port(), name, admin.user(),
                admin.password());
        return new TestDatabase(admin, db);
    }

    DatabaseDescriptor descriptor() {
        return database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
    }

    private static void execute(DatabaseDescriptor on, String sql) {
        try (Connection c = DriverManager.getConnection(on.jdbcUrl(), on.user(), on.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + on + " is required for the e2e tests (" + URL_ENV
                    + "): " + e.getMessage(), e);
        }
    }
}
