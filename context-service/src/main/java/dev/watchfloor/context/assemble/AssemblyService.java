package dev.watchfloor.context.assemble;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.InvalidProtocolBufferException;

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
import dev.watchfloor.context.store.StoredGroup;
import dev.watchfloor.context.store.StoredRecord;
import dev.watchfloor.contracts.context.v1.AssembleResponse;
import dev.watchfloor.contracts.context.v1.EvidenceItem;

/**
 * Assembles the evidence for one alert, records what was chosen and audits it ({@code context.assembled}) in one
 * transaction, once per run of an investigation.
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

    /**
     * The evidence for an alert. With an investigation id, the assembly of that run ({@code run}: 0 the first, N the
     * N-th rerun) is made, recorded and audited once: asking again returns the recorded one, so a retried attempt or a
     * replica that took over rests on the same evidence and nothing is audited twice. Without one (the debug view),
     * nothing is recorded.
     */
    public Uni<AssembleResponse> assemble(Trace trace, String tenant, String alertId, String investigationId, int run,
            int tokenBudget) {
        UUID id = Ids.parse(alertId, "alert");
        int budget = tokenBudget > 0 ? tokenBudget : config.defaultTokenBudget();
        Uni<AssembleResponse> selected = select(tenant, alertId, id, budget);
        // a call for a run already recorded selects in vain and answers the recorded one: retries are rare
        return investigationId.isBlank()
                ? selected
                : selected.chain(fresh -> record(trace, tenant, alertId, investigationId, run, fresh));
    }

    private Uni<AssembleResponse> select(String tenant, String alertId, UUID id, int budget) {
        return store.alert(tenant, id).chain(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("alert", alertId);
            }
            return store.group(tenant, id, config.groupMembersInEvidence())
                    .chain(group -> store.related(tenant, id, alert.entities(), config.maxCandidates())
                            .chain(related -> withoutMembers(tenant, group, related))
                            .map(related -> EvidenceSelector.select(alert, group, related, budget)));
        });
    }

    /**
     * The related records without the alert's near duplicates: the group's item counts them, and dozens of copies of
     * the same alert would spend the budget that distinct evidence needs.
     */
    private Uni<List<StoredRecord>> withoutMembers(String tenant, StoredGroup group, List<StoredRecord> related) {
        if (!GroupEvidence.worthShowing(group)) {
            return Uni.createFrom().item(related);
        }
        List<String> alertIds = related.stream().filter(StoredRecord::alert).map(StoredRecord::id).toList();
        return store.membersAmong(tenant, group.id(), alertIds)
                .map(members -> related.stream().filter(r -> !members.contains(r.id())).toList());
    }

    private static final String RECORDED = "SELECT response FROM context.assemblies WHERE tenant = $1 "
            + "AND investigation_id = $2 AND run = $3 AND response IS NOT NULL";

    private static AssembleResponse response(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        try {
            return AssembleResponse.parseFrom(rows.iterator().next().getBuffer("response").getBytes());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a recorded assembly cannot be read", e);
        }
    }

    /**
     * Records and audits the assembly in one transaction, unless a call for the same run (an earlier attempt, or a
     * concurrent one) recorded its own first: then that one is answered, and nothing is written.
     */
    Uni<AssembleResponse> record(Trace trace, String tenant, String alertId, String investigationId, int run,
            AssembleResponse r) {
        String[] sources = r.getItemsList().stream().flatMap(i -> i.getSourceIdsList().stream())
                .toArray(String[]::new);
        List<String> itemIds = r.getItemsList().stream().map(EvidenceItem::getId).toList();
        AuditEntry entry = AuditEntry.of(tenant, "context.assembled").alert(alertId).investigation(investigationId)
                .details(Map.of("run", run, "items", itemIds, "tokensUsed", r.getTokensUsed(), "itemsDropped",
                        r.getItemsDropped(), "sourceIds", List.of(sources)));
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO context.assemblies (tenant, alert_id, "
                + "investigation_id, run, items, items_dropped, tokens_used, source_ids, response) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                + "ON CONFLICT (tenant, investigation_id, run) WHERE response IS NOT NULL DO NOTHING")
                .execute(Tuple.from(Arrays.asList(tenant, alertId, investigationId, run, r.getItemsCount(),
                        r.getItemsDropped(), r.getTokensUsed(), sources,
                        io.vertx.core.buffer.Buffer.buffer(r.toByteArray()))))
                .chain(rows -> rows.rowCount() == 1
                        ? audit.record(tx, trace, entry).replaceWith(r)
                        : tx.preparedQuery(RECORDED).execute(Tuple.of(tenant, investigationId, run))
                                .map(AssemblyService::response)));
    }
}
