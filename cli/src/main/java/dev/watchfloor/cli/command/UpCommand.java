package dev.watchfloor.cli.command;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;

import picocli.CommandLine.Command;

/** {@code watchfloor up}: start the mesh, show where it runs, and keep it running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true, description = {"Start the local mesh and wait; Ctrl-C stops it.",
        "",
        "Starts PostgreSQL (embedded unless WATCHFLOOR_DB_URL is set), then the five services, each ready "
                + "before the next, prints where they run, and waits. Ctrl-C stops the services "
                + "(gracefully, reverse order) and the database."})
public final class UpCommand implements Callable<Integer> {

    private final CliContext context;

    public UpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MeshOptions options = MeshOptions.fromEnvironment(context.root(), context.env());
        RunningMesh mesh = MeshConsole.start(options, context.out());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.out().println();
            context.out().println("stopping Watchfloor ...");
            mesh.close();
            context.out().println("stopped");
        }, "watchfloor-up-shutdown"));
        context.out().println("Watchfloor is up. Press Ctrl-C to stop.");
        watch(mesh);
        return 0;
    }

    /** Reports, once each, services that stop on their own while the mesh is up. Ends only with the JVM. */
    private void watch(RunningMesh mesh) {
        Set<String> reported = new HashSet<>();
        while (true) {
            for (ServiceProcess service : mesh.services()) {
                if (!service.isAlive() && reported.add(service.name())) {
                    context.err().println("warning: " + service.name() + " stopped unexpectedly; see "
                            + service.logFile());
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                mesh.close();
                return;
            }
        }
    }
}
