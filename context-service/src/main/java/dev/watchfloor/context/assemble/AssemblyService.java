package dev.watchfloor.context.assemble;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.watchfloor.commons.audit.AuditEntry;
import dev.watchfloor.commons.audit.AuditOutbox;
import dev.watchfloor.commons.problem.Ids;
import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.trace.Trace;
import dev.watchfloor.context.ContextConfig;
import dev.watchfloor.context.store.EvidenceStore;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;

/**
 * Assembles the evidence for one alert, records what was chosen and audits it ({@code context.assembled}) in one
 * transaction.
 */
@ApplicationScoped
public class AssemblyService {

    private final EvidenceStore store;
    private final Pool pool;
    private final AuditOutbox audit;
    private final ContextConfig config;

    public AssemblyService(EvidenceStore store, Pool pool, AuditOutbox audit, ContextConfig config) {
        this.store = store;
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    public Uni<AssembleResponse> assemble(Trace trace, String tenant, String alertId, String investigationId,
            int tokenBudget) {
        UUID id = Ids.parse(alertId, "alert");
        int budget = tokenBudget > 0 ? tokenBudget : config.defaultTokenBudget();
        return store.alert(tenant, id).chain(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("alert", alertId);
            }
            return store.related(tenant, id, alert.entities(), config.maxCandidates())
                    .map(related -> EvidenceSelector.select(alert, related, budget));
        }).call(response -> investigationId.isBlank()
                ? Uni.createFrom().voidItem()
                : record(trace, tenant, alertId, investigationId, response));
    }

    private Uni<Void> record(Trace trace, String tenant, String alertId, String investigationId,
            AssembleResponse r) {
        String[] sources = r.getItemsList().stream().flatMap(i -> i.getSourceIdsList().stream())
                .toArray(String[]::new);
        List<String> itemIds = r.getItemsList().stream().map(EvidenceItem::getId).toList();
        AuditEntry entry = AuditEntry.of(tenant, "context.assembled").alert(alertId).investigation(investigationId)
                .details(Map.of("items", itemIds, "tokensUsed", r.getTokensUsed(), "itemsDropped",
                        r.getItemsDropped(), "sourceIds", List.of(sources)));
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO context.assemblies (tenant, alert_id, "
                + "investigation_id, items, items_dropped, tokens_used, source_ids) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(Arrays.asList(tenant, alertId, investigationId, r.getItemsCount(),
                        r.getItemsDropped(), r.getTokensUsed(), sources)))
                .chain(() -> audit.record(tx, trace, entry)))
                .replaceWithVoid();
    }
}
