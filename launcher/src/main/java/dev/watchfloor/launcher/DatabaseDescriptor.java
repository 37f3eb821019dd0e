package dev.watchfloor.launcher;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the services find PostgreSQL, without any JDBC machinery: parsed from a libpq-style URL
 * ({@code postgresql://user:pass@host:port/db?sslmode=require}) or produced by the embedded database. {@code query}
 * holds the URL's parameters (empty when none) and is passed on to both the JDBC and the reactive URL.
 */
public record DatabaseDescriptor(String host, int port, String database, String user, String password, String query) {

    private static final int DEFAULT_PORT = 5432;

    public DatabaseDescriptor {
        require(host, "host");
        require(database, "database name");
        require(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port out of range: " + port);
        }
        password = password == null ? "" : password;
        query = query == null ? "" : query;
    }

    public DatabaseDescriptor(String host, int port, String database, String user, String password) {
        this(host, port, database, user, password, "");
    }

    /** Parses {@code postgresql://} or {@code postgres://} URLs; user and password may be percent-encoded. */
    public static DatabaseDescriptor parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid database URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(
                    "database URL must start with postgresql://, e.g. postgresql://user:pass@host:5432/db");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw new IllegalArgumentException(
                    "database URL names no user: expected postgresql://user:pass@host:port/db");
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("database URL names no host: " + safe(url));
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseDescriptor(host, port, database, user, password, uri.getRawQuery());
    }

    /** For {@code quarkus.datasource.jdbc.url}. */
    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    /** For {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("database " + what + " is missing");
        }
    }

    private static String safe(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
