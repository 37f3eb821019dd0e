package dev.watchfloor.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;
import dev.watchfloor.ledger.AuditExport;
import dev.watchfloor.ledger.CheckpointVerifier;
import dev.watchfloor.ledger.PublicKeys;
import dev.watchfloor.ledger.VerificationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchfloor audit verify [FILE] | export | keys}: the tenant's tamper-evident audit ledger. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify, export and check the audit ledger (auditor).", subcommands = {
        AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Keys.class})
public final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
            "Verify the tenant's audit chain: in governance, or offline from an export FILE.", "",
            "Offline, every entry's hash and link and every checkpoint's Ed25519 signature are checked here, "
                    + "against the keys in --keys (saved earlier with `watchfloor audit keys`) or, without "
                    + "--keys, the keys governance publishes now. Exit 1 when the chain is broken."})
    public static final class Verify implements Callable<Integer> {

        private final CliContext context;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "an export (watchfloor audit export)")
        private Path file;

        @Option(names = "--keys", paramLabel = "JWKS", description = "trusted checkpoint keys (a JWK set file)")
        private Path keys;

        public Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            if (file == null) {
                JsonNode report = context.clients().governance().verifyAudit();
                context.out().printf("chain intact: %d entries, %d checkpoints, head seq %d %s%n",
                        report.path("entriesChecked").asLong(), report.path("checkpointsChecked").asInt(),
                        report.path("headSeq").asLong(), report.path("headHash").asText());
                return 0;
            }
            PublicKeys trusted = PublicKeys.fromJwkSet(keys == null
                    ? context.clients().governance().auditKeys().toString()
                    : Files.readString(keys));
            VerificationReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = AuditExport.verify(in, new CheckpointVerifier(trusted));
            }
            if (!report.valid()) {
                context.out().printf("chain BROKEN at %s: %s (%d entries checked before it)%n",
                        report.firstBadSeq() == null ? "a checkpoint" : "seq " + report.firstBadSeq(),
                        report.problem(), report.entriesChecked());
                return 1;
            }
            context.out().printf("%s: chain intact: %d entries, %d signed checkpoints, head seq %d %s%n", file,
                    report.entriesChecked(), report.checkpointsChecked(), report.headSeq(), report.headHash());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the tenant's audit chain as JSON Lines, with its signed checkpoints.")
    public static final class Export implements Callable<Integer> {

        private final CliContext context;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "write here instead of stdout")
        private Path file;

        public Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (file == null) {
                context.clients().governance().exportAudit(context.out());
                context.out().flush();
                return 0;
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                context.clients().governance().exportAudit(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                deleteQuietly(file);
                throw e;
            }
            context.err().println("exported to " + file);
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the export failed already; that error is the one to report
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Print the public keys checkpoints are signed with (a JWK set): keep them to verify exports offline.")
    public static final class Keys implements Callable<Integer> {

        private final CliContext context;

        public Keys(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Json.print(context.out(), context.clients().governance().auditKeys());
            return 0;
        }
    }

}
