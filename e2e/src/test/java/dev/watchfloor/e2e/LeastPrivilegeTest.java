package dev.watchfloor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.watchfloor.launcher.DatabaseRoles;
import dev.watchfloor.launcher.ServiceSpec;

/**
 * Each service connects as its own database role and can touch only what it owns: context reads the evidence store and
 * cannot write it, and sees one tenant's rows per transaction (row-level security); no other service can write the
 * audit ledger. (The local server trusts 127.0.0.1 connections, so the roles' passwords are not needed here.)
 */
@ExtendWith(Mesh.class)
class LeastPrivilegeTest {

    @Test
    void contextReadsTheEvidenceStoreOfOneTenantAtATimeAndCannotWriteIt() throws Exception {
        Api.postAlerts(Map.of("title", "Privilege probe", "severity", "low", "host", "ws-priv"));
        try (Connection context = as(ServiceSpec.CONTEXT); Statement s = context.createStatement()) {
            context.setAutoCommit(false);
            assertThat(count(s, "SELECT count(*) FROM ingest.alerts")).isZero();
            s.execute("SELECT set_config('watchfloor.tenant', '" + People.TENANT + "', true)");
            assertThat(count(s, "SELECT count(*) FROM ingest.alerts")).isPositive();
            assertThat(count(s, "SELECT count(*) FROM ingest.alerts WHERE tenant <> '" + People.TENANT + "'"))
                    .isZero();
            context.rollback();
            context.setAutoCommit(true);
            assertDenied(s, "DELETE FROM ingest.alerts");
            assertDenied(s, "SELECT count(*) FROM ingest.outbox");
        }
    }

    @Test
    void onlyGovernanceWritesTheAuditLedger() throws Exception {
        for (String service : new String[]{ServiceSpec.INGEST, ServiceSpec.CONTEXT, ServiceSpec.REASONING,
                ServiceSpec.ACTION}) {
            try (Connection c = as(service); Statement s = c.createStatement()) {
                assertDenied(s, "DELETE FROM governance.audit_entries");
                assertDenied(s, "UPDATE governance.audit_checkpoints SET seq = 0");
            }
        }
        try (Connection reasoning = as(ServiceSpec.REASONING); Statement s = reasoning.createStatement()) {
            assertDenied(s, "SELECT count(*) FROM action.actions");
        }
    }

    private static Connection as(String service) throws SQLException {
        var db = Mesh.get().database();
        return DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.roleOf(service), "");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void assertDenied(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }
}
