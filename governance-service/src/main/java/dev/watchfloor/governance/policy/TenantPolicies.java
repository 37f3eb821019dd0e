package dev.watchfloor.governance.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.commons.util.Hashing;
import dev.watchfloor.governance.policy.document.LineDiff;
import dev.watchfloor.governance.policy.document.PolicyDocument;
import dev.watchfloor.governance.policy.document.PolicyParser;
import dev.watchfloor.governance.policy.document.PolicyRejected;

/**
 * The policy each tenant runs, its versions and their history. A new version becomes active only when it parses and
 * validates; the active one is read on every decision (one indexed row, without Hibernate) and parsed once per version.
 */
@ApplicationScoped
public class TenantPolicies {

    static final String DEFAULT_AUTHOR = "watchfloor";

    private final PolicyRepository repository;
    private final Pool pool;
    private final PolicyAuditor auditor;
    private final ActivePolicy defaultPolicy;
    private final Map<UUID, ActivePolicy> parsed = new ConcurrentHashMap<>();

    public TenantPolicies(PolicyRepository repository, PolicyAuditor auditor, Pool pool) {
        this.repository = repository;
        this.pool = pool;
        this.auditor = auditor;
        String yaml = PolicyParser.defaultPolicyYaml();
        PolicyDocument document = parseTrusted(yaml);
        this.defaultPolicy = new ActivePolicy(0, document.name(), yaml, Hashing.sha256Hex(yaml), DEFAULT_AUTHOR,
                null, document);
    }

    /** A version summary with the change it made against the version before it. */
    public record VersionView(int version, String name, String author, Instant createdAt, String sha256,
            boolean active, String diff) {
    }

    /**
     * The tenant's active policy: one indexed row read with the plain reactive client on every decision (it is the
     * hottest read of governance), the parsed document from memory once its version has been seen.
     */
    public Uni<ActivePolicy> active(String tenant) {
        return pool.preparedQuery("SELECT v.id FROM governance.policies p JOIN governance.policy_versions v "
                + "ON v.tenant = p.tenant AND v.version = p.active_version WHERE p.tenant = $1")
                .execute(Tuple.of(tenant)).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(defaultPolicy);
                    }
                    UUID id = rows.iterator().next().getUUID("id");
                    ActivePolicy known = parsed.get(id);
                    return known != null
                            ? Uni.createFrom().item(known)
                            : Panache.withSession(() -> repository.findById(id))
                                    .map(v -> cache(v, parseTrusted(v.document)));
                });
    }

    public Uni<ActivePolicy> version(String tenant, int version) {
        if (version == 0) {
            return Uni.createFrom().item(defaultPolicy);
        }
        return Panache.withSession(() -> load(tenant, version));
    }

    /** Validates the document and makes it the tenant's active policy; a rejected document changes nothing. */
    public Uni<ActivePolicy> replace(Trace trace, String tenant, String author, String yaml) {
        PolicyDocument document;
        try {
            document = PolicyParser.parse(yaml);
        } catch (PolicyRejected e) {
            return Uni.createFrom().failure(PolicyProblems.rejected(e));
        }
        PolicyVersionEntity draft = new PolicyVersionEntity();
        draft.id = UUID.randomUUID();
        draft.tenant = tenant;
        draft.name = document.name();
        draft.document = yaml;
        draft.sha256 = Hashing.sha256Hex(yaml);
        draft.author = author;
        draft.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        draft.traceId = trace.traceId();
        return Panache.withTransaction(() -> repository.append(draft))
                .invoke(stored -> Log.infof("tenant %s: policy %s v%d by %s", tenant, stored.name, stored.version,
                        author))
                .call(stored -> auditor.record(stored.id).onFailure().invoke(e -> Log.warnf(
                        "audit of policy version %s deferred: %s", stored.id, e.toString())).onFailure()
                        .recoverWithNull())
                .map(stored -> cache(stored, document));
    }

    public Uni<List<VersionView>> history(String tenant) {
        return Panache.withSession(() -> repository.activeVersion(tenant)
                .chain(active -> repository.history(tenant).map(versions -> views(versions, active))));
    }

    /** A unified diff between two versions of the tenant's policy (0 is the default policy). */
    public Uni<String> diff(String tenant, int from, int to) {
        return version(tenant, from).chain(a -> version(tenant, to)
                .map(b -> LineDiff.unified(a.yaml(), b.yaml(), "v" + from, "v" + to)));
    }

    private List<VersionView> views(List<PolicyVersionEntity> newestFirst, int active) {
        List<VersionView> views = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            PolicyVersionEntity v = newestFirst.get(i);
            String before = i + 1 < newestFirst.size() ? newestFirst.get(i + 1).document : defaultPolicy.yaml();
            int beforeVersion = i + 1 < newestFirst.size() ? newestFirst.get(i + 1).version : 0;
            views.add(new VersionView(v.version, v.name, v.author, v.createdAt, v.sha256, v.version == active,
                    LineDiff.unified(before, v.document, "v" + beforeVersion, "v" + v.version)));
        }
        views.add(new VersionView(0, defaultPolicy.name(), DEFAULT_AUTHOR, null, defaultPolicy.sha256(),
                active == 0, ""));
        return views;
    }

    private Uni<ActivePolicy> load(String tenant, int version) {
        return repository.version(tenant, version).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("policy version", Integer.toString(version));
            }
            ActivePolicy known = parsed.get(v.id);
            return known != null ? known : cache(v, parseTrusted(v.document));
        });
    }

    private ActivePolicy cache(PolicyVersionEntity v, PolicyDocument document) {
        ActivePolicy policy = new ActivePolicy(v.version, v.name, v.document, v.sha256, v.author, v.createdAt,
                document);
        parsed.put(v.id, policy);
        return policy;
    }

    /** Stored versions were valid when stored; one that no longer parses is a bug, not a user error. */
    private static PolicyDocument parseTrusted(String yaml) {
        try {
            return PolicyParser.parse(yaml);
        } catch (PolicyRejected e) {
            throw new IllegalStateException("a stored policy no longer validates: " + e.violations(), e);
        }
    }
}
