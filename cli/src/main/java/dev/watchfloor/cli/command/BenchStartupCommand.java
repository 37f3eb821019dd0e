package dev.watchfloor.cli.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.watchfloor.cli.Arguments;
import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.UsageException;
import dev.watchfloor.cli.render.Table;
import dev.watchfloor.launcher.MeshLauncher;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;

/**
 * {@code watchfloor bench-startup [--runs N]}: starts the whole mesh N times (each run a full start, then a clean stop)
 * and prints, per service, the median, minimum and maximum of the start-up time Quarkus logged and of the wall time
 * until it was ready, and whether the median logged start-up is under the 3 s target.
 */
public final class BenchStartupCommand {

    static final int DEFAULT_RUNS = 5;
    static final int MAX_RUNS = 20;
    static final double TARGET_SECONDS = 3.0;

    private final CliContext context;

    public BenchStartupCommand(CliContext context) {
        this.context = context;
    }

    public int run(Arguments arguments) {
        int runs = runs(arguments);
        MeshOptions options = MeshOptions.fromEnvironment(context.root(), context.env());
        PrintStream out = context.out();
        out.println("benchmarking Watchfloor start-up from " + options.root() + ": " + runs + " run(s), "
                + (options.embeddedDatabase()
                        ? "embedded PostgreSQL"
                        : "PostgreSQL at "
                                + options.externalDatabase().get())
                + " (logs in " + options.logDir() + ")");
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            out.print("run " + run + "/" + runs + " ... ");
            out.flush();
            long begin = System.nanoTime();
            try (RunningMesh mesh = MeshLauncher.start(options)) {
                double meshSeconds = (System.nanoTime() - begin) / 1e9;
                for (ServiceProcess service : mesh.services()) {
                    samples.computeIfAbsent(service.name(), name -> new Samples()).add(service);
                }
                out.print("mesh ready after " + seconds(meshSeconds) + ", stopping ... ");
                out.flush();
            } catch (RuntimeException e) {
                out.println("failed");
                throw e;
            }
            out.println("stopped");
        }
        out.println();
        out.print(table(samples).render());
        samples.forEach((name, s) -> {
            if (s.reported.size() < s.ready.size()) {
                out.println("note: " + name + " logged no Quarkus start-up time in "
                        + (s.ready.size() - s.reported.size()) + " of " + s.ready.size() + " runs");
            }
        });
        long underTarget = samples.values().stream().filter(Samples::underTarget).count();
        out.println();
        out.println("median Quarkus start-up under the 3 s target: " + underTarget + " of "
                + samples.size() + " services");
        return 0;
    }

    static int runs(Arguments arguments) {
        String value = arguments.option("runs").orElse(Integer.toString(DEFAULT_RUNS));
        int runs;
        try {
            runs = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            runs = 0;
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new UsageException("--runs must be a whole number from 1 to " + MAX_RUNS + ", got " + value);
        }
        return runs;
    }

    /** One row per service: median/min/max of the Quarkus-reported start-up and of the wall time until ready. */
    static Table table(Map<String, Samples> samples) {
        Table table = new Table("service", "quarkus median", "min", "max", "ready median", "min", "max",
                "under 3 s");
        samples.forEach((name, s) -> {
            List<String> cells = new ArrayList<>(List.of(name));
            if (s.reported.isEmpty()) {
                cells.addAll(List.of("-", "-", "-"));
            } else {
                cells.addAll(cells(Summary.of(s.reported)));
            }
            cells.addAll(cells(Summary.of(s.ready)));
            cells.add(s.reported.isEmpty() ? "-" : s.underTarget() ? "yes" : "no");
            table.row(cells.toArray());
        });
        return table;
    }

    private static List<String> cells(Summary summary) {
        return List.of(seconds(summary.median()), seconds(summary.min()), seconds(summary.max()));
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    /** The figures of one service over all runs. */
    static final class Samples {

        final List<Double> reported = new ArrayList<>();
        final List<Double> ready = new ArrayList<>();

        void add(ServiceProcess service) {
            service.reportedStartupSeconds().ifPresent(reported::add);
            ready.add(service.startupMillis() / 1000.0);
        }

        boolean underTarget() {
            return !reported.isEmpty() && Summary.of(reported).median() < TARGET_SECONDS;
        }
    }
}
