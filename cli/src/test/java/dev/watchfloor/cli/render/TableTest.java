package dev.watchfloor.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsUnderARuleWithoutTrailingSpaces() {
        String text = new Table("service", "url").row("ingest-service", "http://127.0.0.1:8081").row("ctx", null)
                .render();

        assertThat(text).isEqualTo("""
                service         url
                --------------  ---------------------
                ingest-service  http://127.0.0.1:8081
                ctx             -
                """);
    }

    @Test
    void spreadsMultiLineCellsOverSeveralLines() {
        String text = new Table("alert", "steps", "n").row("a", "context=12ms\nverify=3ms", 2).render();

        assertThat(text).isEqualTo("""
                alert  steps         n
                -----  ------------  -
                a      context=12ms  2
                       verify=3ms
                """);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
