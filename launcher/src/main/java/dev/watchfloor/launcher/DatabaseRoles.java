package dev.watchfloor.launcher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Least privilege in PostgreSQL: one login role per service ({@code watchfloor_ingest}, ...), each allowed to create
 * and so own only its own schema (Flyway creates it as that role). Nothing else is granted here: context-service's read
 * access to the evidence tables is granted by ingest's own migration, and only governance's role can write the audit
 * tables because it owns them. Roles are cluster-wide and made again on each start with fresh passwords.
 */
public final class DatabaseRoles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseRoles() {
    }

    /** The role a service connects as, e.g. {@code watchfloor_context} for context-service. */
    public static String roleOf(String service) {
        return "watchfloor_" + service.replace("-service", "").toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Creates (or updates) each service's role through {@code admin}, which must be allowed to create roles; answers
     * what each service connects with. Throws {@link MeshStartException} when the roles cannot be made.
     */
    public static Map<String, DatabaseDescriptor> provision(DatabaseDescriptor admin, List<ServiceSpec> services) {
        Map<String, DatabaseDescriptor> perService = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (ServiceSpec spec : services) {
                String role = roleOf(spec.name());
                String password = password();
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
                s.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                        + password + "'");
                s.execute("GRANT CONNECT, CREATE ON DATABASE \"" + admin.database().replace("\"", "\"\"")
                        + "\" TO " + role);
                perService.put(spec.name(), new DatabaseDescriptor(admin.host(), admin.port(), admin.database(), role,
                        password, admin.query()));
            }
        } catch (SQLException e) {
            throw new MeshStartException("cannot create the services' database roles as " + admin.user()
                    + " (it needs CREATEROLE): " + e.getMessage(), e);
        }
        return perService;
    }

    /** Base64url: no quote can end the SQL literal it is written into. */
    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
