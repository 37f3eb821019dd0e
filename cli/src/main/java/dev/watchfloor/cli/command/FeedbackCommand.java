package dev.watchfloor.cli.command;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.cli.CliContext;
import dev.watchfloor.cli.render.Json;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchfloor feedback ID (--agree | --verdict V) [--comment TEXT]}: judge a verdict. */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = {
        "Judge a completed investigation's verdict, for accuracy tracking: agree, or give the correct verdict",
        "(malicious, suspicious, benign, false_positive, needs_review)."})
public final class FeedbackCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private OutputOption output;

    @Parameters(paramLabel = "ID", description = "the investigation id")
    private String id;

    static final class Judgement {

        @Option(names = "--agree", required = true, description = "the verdict is right")
        boolean agree;

        @Option(names = "--verdict", required = true, paramLabel = "VERDICT", description = "the verdict it should have been")
        String verdict;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Judgement judgement;

    @Option(names = "--comment", paramLabel = "TEXT", description = "why (kept with the feedback)")
    private String comment;

    public FeedbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode recorded = context.clients().reasoning().feedback(id, judgement.agree ? null : judgement.verdict,
                comment);
        if (output.json()) {
            Json.print(context.out(), recorded);
        } else {
            context.out().printf("feedback on %s: judged %s, correct %s (%s)%n", id,
                    recorded.path("judgedVerdict").asText(), recorded.path("correctVerdict").asText(),
                    recorded.path("agreed").asBoolean() ? "agreed" : "corrected");
        }
        return 0;
    }
}
