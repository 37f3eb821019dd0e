package dev.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void splitsCommandPositionalsAndOptionsInAnyOrder() {
        Arguments args = Arguments.parse("deny", "--reason", "scanner is sanctioned", "a1b2");

        assertThat(args.command()).isEqualTo("deny");
        assertThat(args.positionals()).containsExactly("a1b2");
        assertThat(args.option("reason")).contains("scanner is sanctioned");
    }

    @Test
    void acceptsOptionEqualsValue() {
        assertThat(Arguments.parse("deny", "x", "--reason=known host").option("reason")).contains("known host");
    }

    @Test
    void noArgumentsOrHelpFlagMeanHelp() {
        assertThat(Arguments.parse().command()).isEqualTo("help");
        assertThat(Arguments.parse("submit", "--help").command()).isEqualTo("help");
        assertThat(Arguments.parse("-h").command()).isEqualTo("help");
    }

    @Test
    void doubleDashEndsOptions() {
        assertThat(Arguments.parse("submit", "--", "--odd-name.json").positionals()).containsExactly("--odd-name.json");
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndExtraArguments() {
        assertThatThrownBy(() -> Arguments.parse("up", "--verbose")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> Arguments.parse("deny", "x", "--reason")).isInstanceOf(UsageException.class)
                .hasMessage("--reason needs a value");
        assertThatThrownBy(() -> Arguments.parse("approvals", "extra").expect(0)).isInstanceOf(UsageException.class)
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> Arguments.parse("submit", "f.json", "--reason", "r").expect(1))
                .isInstanceOf(UsageException.class).hasMessage("submit does not take --reason");
        assertThatThrownBy(() -> Arguments.parse("approve").positional(0, "the approval ID"))
                .isInstanceOf(UsageException.class).hasMessage("approve needs the approval ID");
    }
}
