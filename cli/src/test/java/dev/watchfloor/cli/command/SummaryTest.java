package dev.watchfloor.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountTakesTheMiddleValueWhateverTheOrder() {
        assertThat(Summary.of(List.of(3.2, 1.9, 2.4, 5.0, 2.1))).isEqualTo(new Summary(5, 2.4, 1.9, 5.0));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Summary(4, 2.5, 1.0, 4.0));
    }

    @Test
    void oneValueIsItsOwnMedianMinAndMax() {
        assertThat(Summary.of(List.of(2.75))).isEqualTo(new Summary(1, 2.75, 2.75, 2.75));
    }

    @Test
    void twoValuesAndRepeatedValues() {
        assertThat(Summary.of(List.of(3.0, 1.0))).isEqualTo(new Summary(2, 2.0, 1.0, 3.0));
        assertThat(Summary.of(List.of(2.0, 2.0, 9.0))).isEqualTo(new Summary(3, 2.0, 2.0, 9.0));
    }

    @Test
    void refusesAnEmptySet() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
