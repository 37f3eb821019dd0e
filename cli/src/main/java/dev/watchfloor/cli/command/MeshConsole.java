package dev.watchfloor.cli.command;

import java.io.PrintStream;
import java.util.Locale;

import dev.watchfloor.cli.render.Table;
import dev.watchfloor.launcher.DatabaseDescriptor;
import dev.watchfloor.launcher.MeshCredentials;
import dev.watchfloor.launcher.MeshLauncher;
import dev.watchfloor.launcher.MeshListener;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.MeshStartException;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;
import dev.watchfloor.launcher.ServiceSpec;

/** Starts the mesh with progress lines on the terminal, and prints the table of what runs where. */
public final class MeshConsole implements MeshListener {

    private final PrintStream out;
    private boolean lineOpen;

    private MeshConsole(PrintStream out) {
        this.out = out;
    }

    public static RunningMesh start(MeshOptions options, PrintStream out) {
        out.println("starting Watchfloor from " + options.root() + " (logs in " + options.logDir() + ")");
        out.println(priority(options));
        MeshConsole console = new MeshConsole(out);
        RunningMesh mesh;
        try {
            mesh = MeshLauncher.start(options, console);
        } catch (MeshStartException e) {
            if (console.lineOpen) {
                out.println("failed");
            }
            throw e;
        }
        out.println();
        out.print(table(mesh).render());
        out.println();
        out.println("platform admin credentials (client " + MeshCredentials.ADMIN_CLIENT_ID + ") saved in "
                + mesh.credentials().file() + " (mode 0600); `watchfloor token` prints a bearer token, "
                + "`watchfloor tenant create NAME` makes a tenant");
        out.println();
        return mesh;
    }

    /** Which services run at a lower CPU priority than ingest, and how to change it. */
    static String priority(MeshOptions options) {
        if (options.backgroundNice() == 0) {
            return "every service at the same CPU priority (" + MeshOptions.BACKGROUND_NICE_ENV + "=0)";
        }
        return "every service but ingest at a lower CPU priority (nice " + options.backgroundNice()
                + ", where nice exists), so investigations cannot slow intake; " + MeshOptions.BACKGROUND_NICE_ENV
                + "=0 turns it off";
    }

    /** One row per service: URL, the start-up time Quarkus reported, and the wall time until it was ready. */
    static Table table(RunningMesh mesh) {
        Table table = new Table("service", "url", "quarkus start", "ready after");
        for (ServiceProcess service : mesh.services()) {
            String reported = service.reportedStartupSeconds().isPresent()
                    ? seconds(service.reportedStartupSeconds().getAsDouble())
                    : "-";
            table.row(service.name(), service.url(), reported, seconds(service.startupMillis() / 1000.0));
        }
        return table;
    }

    @Override
    public void databaseReady(DatabaseDescriptor database, boolean embedded) {
        out.println((embedded ? "embedded PostgreSQL ready at " : "using PostgreSQL at ") + database);
    }

    @Override
    public void starting(ServiceSpec service) {
        out.print("starting " + service.name() + " on port " + service.port() + " ... ");
        out.flush();
        lineOpen = true;
    }

    @Override
    public void ready(ServiceProcess service) {
        out.println("ready (" + seconds(service.startupMillis() / 1000.0) + ")");
        lineOpen = false;
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }
}
