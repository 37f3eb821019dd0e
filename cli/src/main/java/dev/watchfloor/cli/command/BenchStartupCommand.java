package dev.watchfloor.cli.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Table;
import dev.watchfloor.launcher.MeshLauncher;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceProcess;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code watchfloor bench-startup [--runs N]}: starts the whole mesh N times (each run a full start, then a clean stop)
 * and prints, per service, the median, minimum and maximum of the start-up time Quarkus logged and of the wall time
 * until it was ready, and whether the median logged start-up is under the 3 s target.
 */
@Command(name = "bench-startup", mixinStandardHelpOptions = true, description = {
        "Measure the mesh's start-up against the 3 s target.", "",
        "Starts and stops the whole mesh N times, as `up` does, and prints per service the median, min "
                + "and max of the start-up time Quarkus logs and of the wall time until ready. "
                + "Exit 1 if a run fails."})
public final class BenchStartupCommand implements Callable<Integer> {

    static final int DEFAULT_RUNS = 5;
    static final int MAX_RUNS = 20;
    static final double TARGET_SECONDS = 3.0;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    private int runs = DEFAULT_RUNS;

    public BenchStartupCommand(CliContext context) {
        this.context = context;
    }

    /** Checked as the command line is parsed, so a wrong count is a usage error (exit 2) before anything starts. */
    @Option(names = "--runs", paramLabel = "N", description = "how many start/stop runs, 1 to 20 (default 5)")
    void runs(String value) {
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_RUNS) {
            throw new ParameterException(spec.commandLine(),
                    "--runs must be a whole number from 1 to " + MAX_RUNS + ", got " + value);
        }
        runs = count;
    }

    int runs() {
        return runs;
    }

    @Override
    public Integer call() {
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
