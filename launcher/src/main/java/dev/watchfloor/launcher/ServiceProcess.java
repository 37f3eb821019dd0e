package dev.watchfloor.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One service of the local mesh as an operating-system process. {@link #start()} returns once the service is ready;
 * {@link #stop()} and {@link #kill()} end it; either can be followed by another {@link #start()}.
 */
public final class ServiceProcess {

    private static final int LOG_TAIL_LINES = 30;
    private static final Duration STARTUP_LINE_PATIENCE = Duration.ofSeconds(2);

    private final ServiceLaunch launch;
    private final ServiceLog log;
    private volatile Process process;
    private volatile boolean retired;
    private volatile long startupMillis = -1;
    private volatile OptionalDouble reportedStartupSeconds = OptionalDouble.empty();

    public ServiceProcess(ServiceLaunch launch) {
        this.launch = launch;
        this.log = new ServiceLog(launch.logFile());
    }

    public String name() {
        return launch.spec().name();
    }

    public int port() {
        return launch.spec().port();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return launch.spec().url();
    }

    public Path logFile() {
        return log.file();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public OptionalLong pid() {
        Process current = process;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    /** Wall time from process start to the first 200 from {@code /q/health/ready}, for the last start; -1 before. */
    public long startupMillis() {
        return startupMillis;
    }

    /** The start-up time Quarkus logged ("started in 1.234s.") during the last start, when it logged one. */
    public OptionalDouble reportedStartupSeconds() {
        return reportedStartupSeconds;
    }

    /**
     * Starts the process and returns once it is ready. On failure (port taken, process died, not ready in time) no
     * process is left behind and the {@link MeshStartException} carries the last 30 lines of this run's log.
     */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is already running");
        }
        Ports.requireFree(launch.spec());
        long logOffset = log.markStart(name());
        long begin = System.nanoTime();
        Process started = spawn();
        process = started;
        if (retired) {
            ProcessEnd.forcibly(started);
            throw new MeshStartException(name() + " was not started: the mesh is shutting down");
        }
        ReadinessProbe.Outcome outcome = awaitReady(started);
        if (outcome != ReadinessProbe.Outcome.READY) {
            ProcessEnd.forcibly(started);
            String why = outcome == ReadinessProbe.Outcome.DIED
                    ? name() + " exited with code " + started.exitValue() + " before it became ready"
                    : name() + " did not become ready within " + launch.startupTimeout().toSeconds() + " s";
            throw MeshStartException.withLog(why, logFile(), log.tail(logOffset, LOG_TAIL_LINES));
        }
        startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        reportedStartupSeconds = log.awaitStartupSeconds(logOffset, STARTUP_LINE_PATIENCE, this::isAlive);
    }

    /** Graceful stop: SIGTERM, up to 10 s for Quarkus to shut down, then SIGKILL. Does nothing when not running. */
    public void stop() {
        Process current = process;
        if (current != null) {
            ProcessEnd.gracefully(current);
        }
    }

    /** Hard stop (SIGKILL via {@link Process#destroyForcibly()}), as a crash would end the service. */
    public void kill() {
        Process current = process;
        if (current != null) {
            ProcessEnd.forcibly(current);
        }
    }

    /** {@link #stop()}, then {@link #start()}: returns once the service is ready again. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public String toString() {
        return name() + "@" + url();
    }

    /** Stops for good: a start racing with this (Ctrl-C during start-up) ends its process at once. */
    void retire() {
        retired = true;
        stop();
    }

    private Process spawn() {
        try {
            return launch.spawn();
        } catch (IOException e) {
            throw new MeshStartException("cannot start " + name() + " with " + launch.command() + ": " + e.getMessage(),
                    e);
        }
    }

    private ReadinessProbe.Outcome awaitReady(Process started) {
        try {
            return ReadinessProbe.await(started, port(), launch.startupTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessEnd.forcibly(started);
            throw new MeshStartException("interrupted while waiting for " + name() + " to become ready", e);
        }
    }
}
