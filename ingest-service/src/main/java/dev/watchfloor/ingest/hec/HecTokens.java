package dev.watchfloor.ingest.hec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** HEC tokens: created (the token shown once), listed, disabled, and resolved from a request's token by its hash. */
@ApplicationScoped
public class HecTokens {

    /** A token's grant: whose records, sent by which client, as events or alerts. */
    public record Grant(UUID id, String tenant, String client, String kind, boolean disabled) {
    }

    /** A token as listed (never the token itself). */
    public record Listed(String id, String client, String kind, String created_by, String created_at,
            String disabled_at) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Pool pool;

    public HecTokens(Pool pool) {
        this.pool = pool;
    }

    /** Creates a token; answers it (the only time it is shown) with its id. */
    public Uni<String[]> create(String tenant, String client, String kind, String createdBy) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        // HEC tokens are GUIDs; a random (version 4) one
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        String token = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("INSERT INTO ingest.hec_tokens (id, tenant, client, kind, token_hash, created_by) "
                + "VALUES ($1, $2, $3, $4, $5, $6)").execute(Tuple.tuple(
                        List.of(id, tenant, client, kind,
                                hash(token), createdBy)))
                .map(rows -> new String[]{id.toString(), token});
    }

    public Uni<List<Listed>> list(String tenant) {
        return pool.preparedQuery("SELECT id, client, kind, created_by, created_at, disabled_at FROM "
                + "ingest.hec_tokens WHERE tenant = $1 ORDER BY created_at").execute(Tuple.of(tenant))
                .map(rows -> {
                    List<Listed> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new Listed(r.getUUID("id").toString(), r.getString("client"), r.getString("kind"),
                                r.getString("created_by"), r.getOffsetDateTime("created_at").toString(),
                                r.getOffsetDateTime("disabled_at") == null
                                        ? null
                                        : r.getOffsetDateTime("disabled_at").toString()));
                    }
                    return list;
                });
    }

    /** Disables a token of the tenant; false when there is none with that id. */
    public Uni<Boolean> disable(String tenant, UUID id) {
        return pool.preparedQuery("UPDATE ingest.hec_tokens SET disabled_at = coalesce(disabled_at, now()) "
                + "WHERE tenant = $1 AND id = $2").execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
    }

    /** The grant of a presented token, or null when it is unknown. */
    public Uni<Grant> resolve(String token) {
        return pool.preparedQuery("SELECT id, tenant, client, kind, disabled_at IS NOT NULL AS disabled FROM "
                + "ingest.hec_tokens WHERE token_hash = $1").execute(Tuple.of(hash(token)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Grant(r.getUUID("id"), r.getString("tenant"), r.getString("client"),
                            r.getString("kind"), r.getBoolean("disabled"));
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.strip()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Splunk <token>}, or Basic with the token as the password. */
    static String fromAuthorization(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String value = authorization.substring(space + 1).strip();
        if (scheme.equals("splunk") && !value.isEmpty()) {
            return value;
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String password = colon < 0 ? "" : decoded.substring(colon + 1);
                return password.isEmpty() ? null : password;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
