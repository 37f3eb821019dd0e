package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code watchfloor tenant create NAME}. */
@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Manage tenants (platform admin).", subcommands = TenantCommand.Create.class)
public final class TenantCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
            "Create a tenant and print its first admin's client credentials (shown once).", "",
            "Needs the platform admin's token (the default credentials of the local mesh)."})
    public static final class Create implements Callable<Integer> {

        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "tenant id: 2-63 lowercase letters, digits or '-'")
        private String name;

        @Mixin
        private OutputOption output;

        public Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            JsonNode created = context.clients().governance().createTenant(name);
            if (output.json()) {
                Json.print(context.out(), created);
                return 0;
            }
            context.out().println("created tenant " + created.path("tenant").path("id").asText());
            context.out().println("its admin's credentials (shown once; keep them safe):");
            context.out().println("  export WATCHFLOOR_CLIENT_ID=" + created.path("clientId").asText());
            context.out().println("  export WATCHFLOOR_CLIENT_SECRET=" + created.path("clientSecret").asText());
            return 0;
        }
    }
}
