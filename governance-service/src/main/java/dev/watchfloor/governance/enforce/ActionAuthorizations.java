package dev.watchfloor.governance.enforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.contracts.governance.v1.AuthorizeRequest;
import dev.watchfloor.contracts.governance.v1.Decision;
import dev.watchfloor.governance.audit.GovernanceAudit;

/**
 * The decision taken for each action, once, with its audit entry in the same transaction. Rate caps and blast-radius
 * caps count the decisions that let an action go on; the count and the new row happen under a transaction-scoped
 * advisory lock per tenant and action type, so concurrent proposals cannot all slip under a cap.
 */
@ApplicationScoped
public class ActionAuthorizations {

    private final Pool pool;
    private final GovernanceAudit audit;

    public ActionAuthorizations(Pool pool, GovernanceAudit audit) {
        this.pool = pool;
        this.audit = audit;
    }

    public record Stored(Decision decision, String reason, String rule, String policy) {
    }

    /** The caps that apply to this action type, from the policy. */
    public record Caps(OptionalInt perHour, OptionalInt perInvestigation) {
    }

    /** What the policy's rules said about one action, before the caps are counted. */
    public record Proposal(AuthorizeRequest request, Stored decision, Caps caps, String criticality,
            String traceId) {
    }

    /** The decisions already stored for these actions of the tenant, by action id. */
    public Uni<Map<String, Stored>> findAll(String tenant, List<String> actionIds) {
        return findIn(pool, tenant, actionIds);
    }

    /**
     * Stores the decisions in order, in one transaction, first turning a letting-through decision into a denial when a
     * cap is reached (the earlier actions of the batch count), and audits each allow or deny in the same transaction
     * (approvals audit themselves). Answers the stored decisions in order: for an action decided concurrently (or twice
     * in the batch), the one stored first. The cap locks are taken in name order, so batches cannot deadlock.
     */
    public Uni<List<Stored>> decideAll(List<Proposal> proposals) {
        if (proposals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> locks = proposals.stream()
                .map(p -> p.request().getTenant() + "/" + p.request().getActionType()).distinct().sorted().toList();
        return pool.withTransaction(conn -> {
            Uni<Void> locked = Uni.createFrom().voidItem();
            for (String lock : locks) {
                locked = locked.chain(() -> conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('authorize:' "
                        + "|| $1))").execute(Tuple.of(lock)).replaceWithVoid());
            }
            List<Stored> decided = new ArrayList<>();
            List<Boolean> inserted = new ArrayList<>();
            Uni<Void> stored = locked;
            for (Proposal p : proposals) {
                stored = stored.chain(() -> (p.decision().decision() == Decision.DECISION_DENY
                        ? Uni.createFrom().item(p.decision())
                        : capped(conn, p.request(), p.decision(), p.caps()))
                        .chain(d -> insert(conn, p.request(), d).invoke(fresh -> {
                            decided.add(d);
                            inserted.add(fresh);
                        })).replaceWithVoid());
            }
            return stored.chain(() -> audited(conn, proposals, decided, inserted))
                    .chain(() -> inserted.contains(false)
                            ? findIn(conn, proposals.getFirst().request().getTenant(), proposals.stream()
                                    .map(p -> p.request().getActionId()).distinct().toList())
                                    .map(byId -> proposals.stream().map(p -> byId.get(p.request().getActionId()))
                                            .toList())
                            : Uni.createFrom().item(List.copyOf(decided)));
        });
    }

    private static Uni<Map<String, Stored>> findIn(SqlClient conn, String tenant, List<String> actionIds) {
        return conn.preparedQuery("SELECT action_id, decision, reason, rule, policy FROM "
                + "governance.action_authorizations WHERE tenant = $1 AND action_id = ANY($2)")
                .execute(Tuple.of(tenant, actionIds.toArray(String[]::new))).map(rows -> {
                    Map<String, Stored> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getString("action_id"), stored(row)));
                    return byId;
                });
    }

    /** One {@code action.authorized} entry per allow or deny stored now, all under one chain lock. */
    private Uni<Void> audited(SqlConnection conn, List<Proposal> proposals, List<Stored> decided,
            List<Boolean> inserted) {
        List<GovernanceAudit.Entry> entries = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Stored d = decided.get(i);
            if (!inserted.get(i) || d.decision() == Decision.DECISION_REQUIRE_APPROVAL) {
                continue;
            }
            Proposal p = proposals.get(i);
            AuthorizeRequest r = p.request();
            entries.add(new GovernanceAudit.Entry(p.traceId(), "action.authorized",
                    new GovernanceAudit.Subject(r.getTenant(), r.getAlertId(), r.getInvestigationId(),
                            r.getActionId()),
                    Map.of("decision", d.decision().name(), "type", r.getActionType(), "target", r.getTarget(),
                            "criticality", p.criticality(), "reason", d.reason(), "rule", d.rule(), "policy",
                            d.policy())));
        }
        return audit.recordAllIn(conn, entries).replaceWithVoid();
    }

    private static Uni<Stored> capped(SqlConnection conn, AuthorizeRequest r, Stored proposed, Caps caps) {
        return conn.preparedQuery("SELECT "
                + "(SELECT count(*) FROM governance.action_authorizations WHERE tenant = $1 AND action_type = $2 "
                + "AND decision <> 'deny' AND decided_at > now() - interval '1 hour') AS last_hour, "
                + "(SELECT count(DISTINCT target) FROM governance.action_authorizations WHERE tenant = $1 "
                + "AND action_type = $2 AND investigation_id = $3 AND decision <> 'deny' AND target <> $4) AS targets")
                .execute(Tuple.of(r.getTenant(), r.getActionType(), r.getInvestigationId(), r.getTarget()))
                .map(rows -> {
                    Row counts = rows.iterator().next();
                    long lastHour = counts.getLong("last_hour");
                    long others = counts.getLong("targets");
                    if (caps.perHour().isPresent() && lastHour >= caps.perHour().getAsInt()) {
                        return new Stored(Decision.DECISION_DENY, "rate cap: " + lastHour + " '" + r.getActionType()
                                + "' actions in the last hour, the policy allows " + caps.perHour().getAsInt(),
                                "actions.rateCaps", proposed.policy());
                    }
                    if (caps.perInvestigation().isPresent() && others >= caps.perInvestigation().getAsInt()) {
                        return new Stored(Decision.DECISION_DENY, "blast radius: investigation "
                                + r.getInvestigationId() + " already has '" + r.getActionType() + "' on " + others
                                + " targets, the policy allows " + caps.perInvestigation().getAsInt(),
                                "actions.blastRadius", proposed.policy());
                    }
                    return proposed;
                });
    }

    private static Uni<Boolean> insert(SqlConnection conn, AuthorizeRequest r, Stored d) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return conn.preparedQuery("INSERT INTO governance.action_authorizations (tenant, action_id, investigation_id, "
                + "action_type, target, decision, reason, rule, policy, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                + "$8, $9, $10) ON CONFLICT (tenant, action_id) DO NOTHING")
                .execute(Tuple.from(new Object[]{r.getTenant(), r.getActionId(), r.getInvestigationId(),
                        r.getActionType(), r.getTarget(), wire(d.decision()), d.reason(), d.rule(), d.policy(),
                        now.atOffset(ZoneOffset.UTC)}))
                .map(rows -> rows.rowCount() == 1);
    }

    static String wire(Decision d) {
        return switch (d) {
            case DECISION_ALLOW -> "allow";
            case DECISION_REQUIRE_APPROVAL -> "require_approval";
            default -> "deny";
        };
    }

    private static Stored stored(Row row) {
        Decision decision = switch (row.getString("decision")) {
            case "allow" -> Decision.DECISION_ALLOW;
            case "require_approval" -> Decision.DECISION_REQUIRE_APPROVAL;
            default -> Decision.DECISION_DENY;
        };
        return new Stored(decision, row.getString("reason"), row.getString("rule"), row.getString("policy"));
    }
}
