package dev.watchfloor.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending child processes: politely first, then for sure. */
final class ProcessEnd {

    static final Duration GRACE = Duration.ofSeconds(10);

    private ProcessEnd() {
    }

    /** SIGTERM, wait up to {@link #GRACE}, then SIGKILL. */
    static void gracefully(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                forcibly(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forcibly(process);
        }
    }

    /** SIGKILL, and wait until the process is gone so its port is free again. */
    static void forcibly(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
