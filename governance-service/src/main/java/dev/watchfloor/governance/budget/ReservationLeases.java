package dev.watchfloor.governance.budget;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.governance.audit.GovernanceAudit;

/** Releases reservations whose caller never settled nor released them, and audits each release. */
@ApplicationScoped
public class ReservationLeases {

    private final BudgetReservations reservations;
    private final GovernanceAudit audit;

    public ReservationLeases(BudgetReservations reservations, GovernanceAudit audit) {
        this.reservations = reservations;
        this.audit = audit;
    }

    @Scheduled(every = "${watchfloor.governance.budget.lease-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> Log.warnf("reservation lease pass failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Answers the reservations released by this pass. */
    public Uni<List<BudgetReservations.Closed>> run() {
        return reservations.releaseExpired().call(closed -> Multi.createFrom().iterable(closed).onItem()
                .transformToUniAndConcatenate(c -> audit.record("", "", "budget.reservation_expired",
                        new GovernanceAudit.Subject(c.tenant(), "", c.investigationId(), ""),
                        Map.of("reservationId", c.id().toString(), "department", c.department()),
                        "reservation-expired:" + c.id()))
                .collect().asList());
    }
}
