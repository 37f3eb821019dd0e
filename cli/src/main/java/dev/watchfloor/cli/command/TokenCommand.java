package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.api.TokenSource;

import picocli.CommandLine.Command;

/** {@code watchfloor token}: a bearer token for scripts and curl. */
@Command(name = "token", mixinStandardHelpOptions = true, description = {
        "Print a bearer token for scripts and curl.", "",
        "Exchanges WATCHFLOOR_CLIENT_ID/WATCHFLOOR_CLIENT_SECRET (default: the platform admin's credentials that "
                + "`watchfloor up` saved in .watchfloor/credentials.json) at governance's /v1/auth/token.",
        "Example: curl -H \"Authorization: Bearer $(./watchfloor token)\" http://127.0.0.1:8085/v1/audit/verify"})
public final class TokenCommand implements Callable<Integer> {

    private final CliContext context;

    public TokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServiceUrls urls = ServiceUrls.fromEnvironment(context.env());
        context.out().println(TokenSource.fromEnvironment(context.env(), context.root(), urls.governance()).token());
        return 0;
    }
}
