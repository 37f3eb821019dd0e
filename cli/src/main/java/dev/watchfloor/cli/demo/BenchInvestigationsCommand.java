package dev.watchfloor.cli.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Endpoint;
import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.JsonHttp;
import dev.watchfloor.cli.api.ReasoningClient;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.command.DurationConverter;
import dev.watchfloor.cli.command.MeshConsole;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceSpec;
import dev.watchfloor.launcher.StandInModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchfloor bench-investigations}: investigation throughput and latency on a fresh local mesh. Alerts are
 * posted one at a time (submit-to-verdict latency, and the platform's overhead: everything but the model step), then
 * all at once (throughput, and the slowest verdict). Deterministic by default; {@code --model-delay} puts a local
 * stand-in model of that latency on the default route. This command starts and stops the mesh and the stand-in and
 * prints the figures; {@link InvestigationBench} measures.
 */
@Command(name = "bench-investigations", mixinStandardHelpOptions = true, description = {
        "Measure investigation throughput and latency on a fresh local mesh, then stop it.", "",
        "Posts --single alerts one at a time, then --alerts at once; prints percentiles, the burst's throughput",
        "and its slowest verdict. --model-delay 2s runs a local stand-in model of that latency on the default route;",
        "--warmup N posts N alerts at once first, not counted, so a warm mesh is measured."})
public final class BenchInvestigationsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--alerts", defaultValue = "1000", description = "alerts posted at once (default 1000)")
    private int alerts;

    @Option(names = "--single", defaultValue = "20", description = "alerts posted one at a time first (default 20)")
    private int single;

    @Option(names = "--warmup", defaultValue = "0", description = "alerts posted at once before measuring, so the services' code is compiled and their pools filled; not counted (default 0: a cold mesh)")
    private int warmup;

    @Option(names = "--concurrency", defaultValue = "16", description = "investigations asking the model at once (reasoning's model bulkhead; default 16)")
    private int concurrency;

    @Option(names = "--in-flight", description = "investigations a replica runs at once (reasoning's queue batch size; default: --concurrency); more than --concurrency lets the others work while some wait for the model")
    private Integer inFlight;

    @Option(names = "--model-delay", converter = DurationConverter.class, description = "answer time of a local stand-in model on the default route (e.g. 2s); none: deterministic")
    private Duration modelDelay;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class, description = "give up waiting after this long (default 10m)")
    private Duration timeout;

    @Option(names = "--json", description = "print the figures as JSON")
    private boolean json;

    public BenchInvestigationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        // try-with-resources skips a null resource: no stand-in without --model-delay
        try (StandInModel model = modelDelay == null ? null : StandInModel.start(modelDelay);
                RunningMesh mesh = MeshConsole.start(options(model), context.out())) {
            Endpoint governance = DemoCommand.endpoint(mesh, ServiceSpec.GOVERNANCE, ServiceUrls.GOVERNANCE_ENV);
            DemoIdentities people = DemoIdentities.provision(governance, mesh.credentials());
            IngestClient ingest = new IngestClient(
                    DemoCommand.endpoint(mesh, ServiceSpec.INGEST, ServiceUrls.INGEST_ENV), people.siem());
            ReasoningClient reasoning = new ReasoningClient(
                    DemoCommand.endpoint(mesh, ServiceSpec.REASONING, ServiceUrls.REASONING_ENV), people.analyst());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("mode", model == null ? "deterministic" : "stand-in model answering after " + modelDelay);
            figures.put("concurrency", concurrency);
            figures.put("inFlight", inFlight == null ? concurrency : inFlight);
            InvestigationBench bench = new InvestigationBench(ingest, reasoning, timeout);
            if (warmup > 0) {
                figures.put("warmup", bench.burst("warmup", warmup));
            }
            figures.put("single", bench.singles(single));
            Map<String, Object> burst = bench.burst("burst", alerts);
            figures.put("burst", burst);
            int warmupFailed = warmup > 0 ? (int) ((Map<?, ?>) figures.get("warmup")).get("failed") : 0;
            figures.put("failed", (int) burst.get("failed") + warmupFailed);
            if (model != null) {
                figures.put("modelCalls", model.calls());
            }
            print(figures);
            return (int) figures.getOrDefault("failed", 0) == 0 ? 0 : 1;
        }
    }

    private MeshOptions options(StandInModel model) {
        Map<String, String> env = new HashMap<>(context.env());
        if (model != null) {
            env.put("WATCHFLOOR_MODEL_URL", model.baseUrl());
            env.remove("WATCHFLOOR_MODEL_ROUTES");
        }
        MeshOptions options = MeshOptions.fromEnvironment(context.root(), env)
                .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_REASONING_QUEUE_BATCH_SIZE",
                        Integer.toString(inFlight == null ? concurrency : inFlight))
                .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_REASONING_MODEL_BULKHEAD_LIMIT",
                        Integer.toString(concurrency));
        if (model != null) {
            options = options.withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_MODEL_URL", model.baseUrl())
                    .withServiceEnv(ServiceSpec.REASONING, "WATCHFLOOR_MODEL_NAME", "bench-stand-in");
        }
        return options;
    }

    private void print(Map<String, Object> figures) {
        if (json) {
            Json.print(context.out(), JsonHttp.MAPPER.valueToTree(figures));
        } else {
            context.out().println();
            figures.forEach((k, v) -> context.out().printf("%-14s %s%n", k, v));
        }
    }
}
