package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.watchfloor.cli.CliRun;
import dev.watchfloor.cli.Main;

class BenchStartupCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsDefaultsToFiveAndTakesOneToTwenty() {
        assertThat(parse("bench-startup").runs()).isEqualTo(5);
        assertThat(parse("bench-startup", "--runs", "20").runs()).isEqualTo(20);
        assertThat(parse("bench-startup", "--runs=1").runs()).isEqualTo(1);
    }

    @Test
    void runCountsOutsideOneToTwentyAreUsageErrorsBeforeAnythingStarts() {
        for (String runs : List.of("0", "21", "five", "-3")) {
            CliRun run = CliRun.of(dir, Map.of(), "bench-startup", "--runs", runs);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: --runs must be a whole number from 1 to 20, got " + runs + "\n")
                    .contains("Usage: watchfloor bench-startup");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void tableShowsMedianMinMaxOfBothFiguresAndTheTarget() {
        Map<String, BenchStartupCommand.Samples> samples = new LinkedHashMap<>();
        samples.put("fast-service", samples(List.of(2.0, 1.5, 2.9), List.of(2.5, 2.0, 3.5)));
        samples.put("slow-service", samples(List.of(3.1, 3.0), List.of(3.6, 4.0)));
        samples.put("quiet-service", samples(List.of(), List.of(1.0)));

        assertThat(BenchStartupCommand.table(samples).render()).isEqualTo("""
                service        quarkus median  min     max     ready median  min     max     under 3 s
                -------------  --------------  ------  ------  ------------  ------  ------  ---------
                fast-service   2.00 s          1.50 s  2.90 s  2.50 s        2.00 s  3.50 s  yes
                slow-service   3.05 s          3.00 s  3.10 s  3.80 s        3.60 s  4.00 s  no
                quiet-service  -               -       -       1.00 s        1.00 s  1.00 s  -
                """);
    }

    private BenchStartupCommand parse(String... args) {
        return (BenchStartupCommand) Main.commandLine(CliRun.quietContext(dir)).parseArgs(args).subcommand()
                .commandSpec().userObject();
    }

    private static BenchStartupCommand.Samples samples(List<Double> reported, List<Double> ready) {
        BenchStartupCommand.Samples samples = new BenchStartupCommand.Samples();
        samples.reported.addAll(reported);
        samples.ready.addAll(ready);
        return samples;
    }
}
