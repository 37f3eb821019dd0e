package dev.watchfloor.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SyslogFramerTest {

    @Test
    void readsOctetCountedFramesEvenSplitAcrossReadsAndHoldingNewlines() {
        SyslogFramer framer = new SyslogFramer(1024);
        String one = "<13>1 2026-11-28T03:04:05Z h app - - - multi\nline";
        String two = "<14>Nov 28 03:04:05 h app: second";
        String stream = one.getBytes(StandardCharsets.UTF_8).length + " " + one + two.length() + " " + two;
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);

        assertThat(framer.feed(java.util.Arrays.copyOfRange(bytes, 0, 10))).isEmpty();
        assertThat(framer.feed(java.util.Arrays.copyOfRange(bytes, 10, bytes.length))).containsExactly(one, two);
    }

    @Test
    void readsLineFramedMessagesDroppingCrAndNulAndKeepsALastLineAtClose() {
        SyslogFramer framer = new SyslogFramer(1024);

        assertThat(framer.feed("<13>a\r\n<13>b\u0000\n<13>c".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("<13>a", "<13>b");
        assertThat(framer.close()).containsExactly("<13>c");
    }

    @Test
    void aDigitThatIsNotACountIsReadAsALineAndLongLinesAreCut() {
        SyslogFramer framer = new SyslogFramer(8);

        assertThat(framer.feed("2026 is a year\n".getBytes(StandardCharsets.UTF_8))).containsExactly("2026 is ",
                "a year");
        assertThat(framer.feed("99999999999 x\n".getBytes(StandardCharsets.UTF_8))).as("count beyond the limit")
                .isNotEmpty();
    }
}
