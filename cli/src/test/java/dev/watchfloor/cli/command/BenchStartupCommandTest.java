package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.watchfloor.cli.Arguments;

class BenchStartupCommandTest {

    @Test
    void runsDefaultsToFive() {
        assertThat(BenchStartupCommand.runs(Arguments.parse("bench-startup"))).isEqualTo(5);
        assertThat(BenchStartupCommand.runs(Arguments.parse("bench-startup", "--runs", "20"))).isEqualTo(20);
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

    private static BenchStartupCommand.Samples samples(List<Double> reported, List<Double> ready) {
        BenchStartupCommand.Samples samples = new BenchStartupCommand.Samples();
        samples.reported.addAll(reported);
        samples.ready.addAll(ready);
        return samples;
    }
}
