package dev.watchfloor.cli.command;

import java.util.HashSet;
import java.util.Set;

import dev.watchfloor.cli.Arguments;
import dev.watchfloor.cli.CliContext;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;

/** {@code watchfloor up}: start the mesh, show where it runs, and keep it running until Ctrl-C. */
public final class UpCommand {

    private final CliContext context;

    public UpCommand(CliContext context) {
        this.context = context;
    }

    public int run(Arguments arguments) {
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
