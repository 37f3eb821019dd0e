package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.cli.command.DurationConverter;

class BenchInvestigationsCommandTest {

    @Test
    void percentilesAreNearestRankOverTheSortedValues() {
        assertThat(InvestigationBench.percentiles(List.of(5L, 1L, 4L, 2L, 3L)))
                .containsEntry("p50", 3L).containsEntry("p95", 5L).containsEntry("max", 5L);
        assertThat(InvestigationBench.percentiles(List.of())).containsEntry("p50", 0L);
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter d = new DurationConverter();
        assertThat(d.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(d.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }
}
