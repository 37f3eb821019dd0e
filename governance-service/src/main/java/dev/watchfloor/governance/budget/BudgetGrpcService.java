package dev.watchfloor.governance.budget;

import java.math.BigDecimal;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.security.MeshCallers;
import dev.watchfloor.commons.security.MeshService;
import dev.watchfloor.contracts.governance.v1.Budget;
import dev.watchfloor.contracts.governance.v1.RecordUsageRequest;
import dev.watchfloor.contracts.governance.v1.RecordUsageResponse;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationRequest;
import dev.watchfloor.contracts.governance.v1.ReleaseReservationResponse;

/** Settles and releases model-call reservations, and records the usage of steps that reserved nothing. */
@GrpcService
public class BudgetGrpcService implements Budget {

    private final CostLedger ledger;
    private final BudgetReservations reservations;
    private final MeshCallers callers;

    public BudgetGrpcService(CostLedger ledger, BudgetReservations reservations, MeshCallers callers) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.callers = callers;
    }

    @Override
    public Uni<RecordUsageResponse> record(RecordUsageRequest r) {
        return callers.require("Budget.Record", MeshService.REASONING).chain(caller -> recordUsage(r));
    }

    @Override
    public Uni<ReleaseReservationResponse> release(ReleaseReservationRequest r) {
        return callers.require("Budget.Release", MeshService.REASONING).chain(caller -> {
            if (r.getTenant().isBlank()) {
                return invalid("tenant is required");
            }
            UUID id = reservationId(r.getReservationId());
            String reason = r.getReason().isBlank() ? "released by caller" : r.getReason();
            return reservations.release(r.getTenant(), id, reason)
                    .map(released -> ReleaseReservationResponse.newBuilder().setReleased(released).build());
        });
    }

    private Uni<RecordUsageResponse> recordUsage(RecordUsageRequest r) {
        if (r.getTenant().isBlank() || r.getStep().isBlank() || r.getInputTokens() < 0 || r.getOutputTokens() < 0
                || r.getCostUsd() < 0 || !Double.isFinite(r.getCostUsd())) {
            return invalid("tenant and step are required; tokens and cost must not be negative");
        }
        if (!r.getReservationId().isBlank()) {
            UUID id = reservationId(r.getReservationId());
            return reservations.settle(r.getTenant(), id, r.getInputTokens(), r.getOutputTokens()).map(settled -> {
                BudgetReservations.Settled s = settled.orElseThrow(() -> Status.NOT_FOUND
                        .withDescription("no reservation " + id + " in tenant " + r.getTenant()).asRuntimeException());
                return RecordUsageResponse.newBuilder().setCostUsd(s.costUsd().doubleValue())
                        .setPeriodCostUsd(s.monthUsd().doubleValue()).build();
            });
        }
        BigDecimal cost = BigDecimal.valueOf(r.getCostUsd());
        CostLedger.Usage usage = new CostLedger.Usage(r.getTenant(), r.getDepartment(), r.getInvestigationId(),
                r.getStep(),
                r.getRoute(), r.getInputTokens(), r.getOutputTokens(), cost);
        return ledger.record(usage).map(total -> RecordUsageResponse.newBuilder().setCostUsd(cost.doubleValue())
                .setPeriodCostUsd(total.doubleValue()).build());
    }

    private static UUID reservationId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription("reservation_id must be a UUID").asRuntimeException();
        }
    }

    private static <T> Uni<T> invalid(String description) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException());
    }
}
