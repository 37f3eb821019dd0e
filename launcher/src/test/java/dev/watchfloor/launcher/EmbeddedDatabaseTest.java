package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real zonky PostgreSQL (also as root, through a user namespace). */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void startsAFreshClusterWithTheWatchfloorDatabaseOnEveryStart() throws Exception {
        Path data = dir.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, dir.resolve("postgres.log"))) {
            DatabaseDescriptor descriptor = database.descriptor();
            assertThat(descriptor.database()).isEqualTo("watchfloor");
            assertThat(descriptor.host()).isEqualTo("127.0.0.1");
            assertThat(Ports.isFree(descriptor.port())).isFalse();
            try (Connection connection = connect(descriptor); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE leftover (id int)");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, dir.resolve("postgres.log"));
                Connection connection = connect(database.descriptor());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThat(Files.readString(dir.resolve("postgres.log"))).contains("database system is ready");
    }

    @Test
    void refusesADataDirectoryAnotherRunningPostmasterOwns() throws Exception {
        Path data = Files.createDirectories(dir.resolve("pgdata"));
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        assertThatThrownBy(() -> EmbeddedDatabase.start(data, dir.resolve("postgres.log")))
                .isInstanceOf(MeshStartException.class)
                .hasMessageContaining("still uses " + data)
                .hasMessageContaining("kill " + ProcessHandle.current().pid());
    }

    private static Connection connect(DatabaseDescriptor descriptor) throws SQLException {
        return DriverManager.getConnection(descriptor.jdbcUrl(), descriptor.user(), descriptor.password());
    }
}
