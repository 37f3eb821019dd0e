package dev.watchfloor.cli.demo;

import java.net.URI;
import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.Endpoint;
import dev.watchfloor.cli.api.GovernanceClient;
import dev.watchfloor.cli.api.IngestClient;
import dev.watchfloor.cli.api.ReasoningClient;
import dev.watchfloor.cli.api.ServiceClients;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.command.MeshConsole;
import dev.watchfloor.launcher.MeshOptions;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceSpec;

import picocli.CommandLine.Command;

/**
 * {@code watchfloor demo}: the whole walk on a fresh local mesh, with a local webhook receiver standing in for the
 * customer's. Exit 0 when every investigation completed, 1 otherwise; the mesh is stopped either way.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
        "Run the demo on a fresh local mesh, then stop it.", "",
        "Starts the mesh with a local webhook receiver, loads sample events, investigates sample alerts, "
                + "approves one action and shows the webhook call it caused, then stops everything. "
                + "Exit 1 if an investigation failed or timed out."})
public final class DemoCommand implements Callable<Integer> {

    /** Read by action-service's webhook connector. */
    public static final String WEBHOOK_URL_ENV = "WATCHFLOOR_ACTION_WEBHOOK_URL";

    private final CliContext context;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        long begin = System.nanoTime();
        try (WebhookSink sink = WebhookSink.start()) {
            MeshOptions options = MeshOptions.fromEnvironment(context.root(), context.env())
                    .withServiceEnv(ServiceSpec.ACTION, WEBHOOK_URL_ENV, sink.url());
            boolean allCompleted;
            try (RunningMesh mesh = MeshConsole.start(options, context.out())) {
                ServiceUrls urls = urls(mesh);
                DemoIdentities people = DemoIdentities.provision(urls.governance(), mesh.credentials());
                context.out().println("tenant " + people.tenant() + ": siem (api-client) submits, ana (analyst) "
                        + "reads, alice (approver) decides");
                ServiceClients clients = new ServiceClients(new IngestClient(urls.ingest(), people.siem()),
                        new ReasoningClient(urls.reasoning(), people.analyst()),
                        new GovernanceClient(urls.governance(), people.approver()));
                allCompleted = new DemoScript(clients, sink, context.out()).run();
                context.out().println();
                context.out().printf("demo finished in %d s; stopping Watchfloor ...%n",
                        (System.nanoTime() - begin) / 1_000_000_000L);
            }
            return allCompleted ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("demo interrupted");
            return 1;
        }
    }

    /** The mesh this command started, whatever WATCHFLOOR_*_URL say. */
    private static ServiceUrls urls(RunningMesh mesh) {
        return new ServiceUrls(endpoint(mesh, ServiceSpec.INGEST, ServiceUrls.INGEST_ENV),
                endpoint(mesh, ServiceSpec.REASONING, ServiceUrls.REASONING_ENV),
                endpoint(mesh, ServiceSpec.GOVERNANCE, ServiceUrls.GOVERNANCE_ENV));
    }

    public static Endpoint endpoint(RunningMesh mesh, String service, String envVar) {
        return new Endpoint(service, URI.create(mesh.service(service).url()), envVar);
    }
}
