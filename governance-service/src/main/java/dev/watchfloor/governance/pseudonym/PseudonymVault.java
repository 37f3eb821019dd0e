package dev.watchfloor.governance.pseudonym;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The only place pseudonyms are made reversible: each tenant's HMAC key (created on first use), and the value behind
 * every pseudonym minted with it. Both tables are readable by governance's database role alone; values leave governance
 * only through {@link #resolve} for an authorized caller.
 */
@ApplicationScoped
public class PseudonymVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The shape of a pseudonym the redaction module mints: {@code pn_<kind>_<12 hex>}. */
    static final Pattern PSEUDONYM = Pattern.compile("pn_[a-z_]+_[0-9a-f]{12}");

    private final Pool pool;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public PseudonymVault(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's pseudonym key; concurrent first uses agree on one key. */
    public Uni<byte[]> key(String tenant) {
        byte[] known = keys.get(tenant);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return pool.preparedQuery("INSERT INTO governance.pseudonym_keys (tenant, hmac_key, created_at) "
                + "VALUES ($1, $2, now()) ON CONFLICT (tenant) DO NOTHING")
                .execute(Tuple.of(tenant, Base64.getEncoder().encodeToString(fresh)))
                .chain(() -> pool.preparedQuery("SELECT hmac_key FROM governance.pseudonym_keys WHERE tenant = $1")
                        .execute(Tuple.of(tenant)))
                .map(rows -> {
                    byte[] key = Base64.getDecoder().decode(rows.iterator().next().getString("hmac_key"));
                    keys.put(tenant, key);
                    return key;
                });
    }

    /** Remembers what the pseudonyms stand for (pseudonym to value). */
    public Uni<Void> remember(String tenant, Map<String, String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        pseudonyms.forEach((pseudonym, value) -> rows.add(Tuple.of(tenant, pseudonym, value)));
        return pool.preparedQuery("INSERT INTO governance.pseudonyms (tenant, pseudonym, value) VALUES ($1, $2, $3) "
                + "ON CONFLICT (tenant, pseudonym) DO NOTHING").executeBatch(rows).replaceWithVoid();
    }

    /**
     * A text with the pseudonyms it named replaced by their values; {@code unknown} lists those the tenant never
     * minted.
     */
    public record Resolution(String text, List<String> unknown) {
    }

    /** Replaces every pseudonym in the text (an action target, say) by its value, for this tenant only. */
    public Uni<Resolution> resolveIn(String tenant, String text) {
        Set<String> named = new LinkedHashSet<>();
        Matcher m = PSEUDONYM.matcher(text);
        while (m.find()) {
            named.add(m.group());
        }
        if (named.isEmpty()) {
            return Uni.createFrom().item(new Resolution(text, List.of()));
        }
        return pool.preparedQuery("SELECT pseudonym, value FROM governance.pseudonyms WHERE tenant = $1 "
                + "AND pseudonym = ANY($2)").execute(Tuple.of(tenant, named.toArray(new String[0]))).map(rows -> {
                    Map<String, String> values = new HashMap<>();
                    rows.forEach(r -> values.put(r.getString("pseudonym"), r.getString("value")));
                    List<String> unknown = named.stream().filter(p -> !values.containsKey(p)).toList();
                    String resolved = PSEUDONYM.matcher(text).replaceAll(
                            match -> Matcher.quoteReplacement(values.getOrDefault(match.group(), match.group())));
                    return new Resolution(resolved, unknown);
                });
    }

    public Uni<Optional<String>> resolve(String tenant, String pseudonym) {
        return pool.preparedQuery("SELECT value FROM governance.pseudonyms WHERE tenant = $1 AND pseudonym = $2")
                .execute(Tuple.of(tenant, pseudonym)).map(rows -> rows.iterator().hasNext()
                        ? Optional.of(rows.iterator().next().getString("value"))
                        : Optional.empty());
    }
}
