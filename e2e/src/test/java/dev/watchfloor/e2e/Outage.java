package dev.watchfloor.e2e;

import java.time.Duration;
import java.time.Instant;

import dev.watchfloor.launcher.ServiceProcess;

/**
 * A service stopped for a set time, the scenario of the outage tests: what the test does meanwhile runs while it is
 * down, then the rest of the time is waited out (the length of the outage is what is tested, so this is the one place
 * the e2e tests wait without a condition), and the service is started again, ready.
 */
final class Outage {

    @FunctionalInterface
    interface WhileDown {

        void run() throws Exception;
    }

    private Outage() {
    }

    static void of(ServiceProcess service, Duration length, WhileDown whileDown) throws Exception {
        Instant down = Instant.now();
        service.stop();
        whileDown.run();
        Duration left = length.minus(Duration.between(down, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        service.start();
    }
}
