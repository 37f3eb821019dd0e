package dev.watchfloor.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.CommandException;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.cli.render.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code watchfloor policy get | set FILE | history | diff V1 V2}: the tenant's policy as code. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = {
        "Read and change the tenant's policy: what may reach a model, what may run, what it may cost.", "",
        "The policy is a YAML document validated against governance's JSON Schema (GET /v1/policies/schema); "
                + "version 0 is the default policy shipped with Watchfloor."}, subcommands = {PolicyCommand.Get.class,
                        PolicyCommand.Set.class, PolicyCommand.History.class, PolicyCommand.Diff.class})
public final class PolicyCommand extends CommandGroup {

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print the active policy document (YAML), "
            + "or with -o json its version, author and time too.")
    public static final class Get implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        private OutputOption output;

        public Get(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (output.json()) {
                Json.print(context.out(), context.clients().governance().policy());
            } else {
                context.out().print(context.clients().governance().policyYaml());
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Make FILE the active policy (admin).", "",
            "Rejected documents change nothing; every violation is printed with its line, column and rule."})
    public static final class Set implements Callable<Integer> {

        private final CliContext context;

        @Parameters(paramLabel = "FILE", description = "a policy document (YAML)")
        private Path file;

        public Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String yaml;
            try {
                yaml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandException("cannot read " + file + ": " + e.getMessage());
            }
            JsonNode active = context.clients().governance().setPolicy(yaml);
            context.out().printf("policy %s v%d is active (sha256 %s)%n", active.path("name").asText(),
                    active.path("version").asInt(), active.path("sha256").asText());
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "List the policy's versions, newest "
            + "first, with author and time; -o json adds each version's diff against the one before.")
    public static final class History implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        private OutputOption output;

        public History(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            JsonNode versions = context.clients().governance().policyHistory();
            if (output.json()) {
                Json.print(context.out(), versions);
                return 0;
            }
            Table table = new Table("version", "name", "author", "created", "sha256", "active");
            versions.forEach(v -> table.row(v.path("version").asInt(), v.path("name").asText(),
                    v.path("author").asText(), v.path("createdAt").asText("-"),
                    v.path("sha256").asText().substring(0, 12), v.path("active").asBoolean() ? "*" : ""));
            context.out().print(table.render());
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "Print a unified diff between two versions "
            + "of the policy (0 is the default policy).")
    public static final class Diff implements Callable<Integer> {

        private final CliContext context;

        @Parameters(index = "0", paramLabel = "V1", description = "the older version")
        private int from;

        @Parameters(index = "1", paramLabel = "V2", description = "the newer version")
        private int to;

        public Diff(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String diff = context.clients().governance().policyDiff(from, to);
            context.out().print(diff.isEmpty()
                    ? "v" + from + " and v" + to + " are identical" + System.lineSeparator()
                    : diff);
            return 0;
        }
    }
}
