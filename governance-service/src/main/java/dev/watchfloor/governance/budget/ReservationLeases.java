package dev.watchfloor.governance.budget;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** On a schedule, releases reservations whose caller never settled nor released them (each audited). */
@ApplicationScoped
public class ReservationLeases {

    private final BudgetReservations reservations;

    public ReservationLeases(BudgetReservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(every = "${watchfloor.governance.budget.lease-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> Log.warnf("reservation lease pass failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Answers the reservations released (and audited) by this pass. */
    public Uni<List<BudgetReservations.Closed>> run() {
        return reservations.releaseExpired();
    }
}
