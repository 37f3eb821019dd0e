package dev.watchfloor.governance.budget;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.Budget;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageResponse;

@GrpcService
public class BudgetGrpcService implements Budget {

    private final CostLedger ledger;
    private final MeshCallers callers;

    public BudgetGrpcService(CostLedger ledger, MeshCallers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @Override
    public Uni<RecordUsageResponse> record(RecordUsageRequest r) {
        return callers.require("Budget.Record", MeshService.REASONING).chain(caller -> recordUsage(r));
    }

    private Uni<RecordUsageResponse> recordUsage(RecordUsageRequest r) {
        if (r.getTenant().isBlank() || r.getStep().isBlank() || r.getInputTokens() < 0 || r.getOutputTokens() < 0
                || r.getCostUsd() < 0) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant and step are required; tokens and cost must not be negative")
                    .asRuntimeException());
        }
        CostLedger.Usage usage = new CostLedger.Usage(r.getTenant(), r.getInvestigationId(), r.getStep(),
                r.getRoute(), r.getInputTokens(), r.getOutputTokens(), r.getCostUsd());
        return ledger.record(usage).map(total -> RecordUsageResponse.newBuilder().setPeriodCostUsd(total).build());
    }
}
