package dev.watchfloor.action.execute;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.action.ActionConfig;

/**
 * The executor's schedule: first settle the approvals that are due (so a fresh approval runs in the same pass), then
 * execute what is approved. A run that is still going when the next is due makes the next one skip; a pass that filled
 * its batch is followed at once by another (up to {@link #MAX_PASSES}), so a backlog drains faster than the schedule.
 */
@ApplicationScoped
public class ActionExecutor {

    static final int MAX_PASSES = 10;

    private final ApprovalWatcher approvals;
    private final ActionRunner runner;
    private final int batchSize;

    public ActionExecutor(ApprovalWatcher approvals, ActionRunner runner, ActionConfig config) {
        this.approvals = approvals;
        this.runner = runner;
        this.batchSize = config.batchSize();
    }

    /** One pass's counts. */
    public record Pass(int approvalsChecked, int actionsRun) {
    }

    @Scheduled(identity = "action-executor", every = "${watchfloor.action.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain(MAX_PASSES).onFailure().invoke(e -> Log.errorf(e, "Executor pass failed"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> drain(int passesLeft) {
        return runOnce().chain(pass -> passesLeft > 1
                && (pass.approvalsChecked() >= batchSize || pass.actionsRun() >= batchSize)
                        ? drain(passesLeft - 1)
                        : Uni.createFrom().voidItem());
    }

    public Uni<Pass> runOnce() {
        return approvals.checkDue().chain(checked -> runner.runDue().map(run -> new Pass(checked, run)));
    }
}
