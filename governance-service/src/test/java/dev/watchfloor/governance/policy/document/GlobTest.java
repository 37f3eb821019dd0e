package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "host:dc-*, host:dc-01, true",
            "host:dc-*, host:dc-, true",
            "host:dc-*, host:DC-01, false",
            "host:dc-*, xhost:dc-01, false",
            "*, '', true",
            "'', '', true",
            "'', a, false",
            "user:*admin*, user:admin, true",
            "user:*admin*, user:domain-admins, true",
            "user:*admin*, user:adm, false",
            "ip:10.20.0.?, ip:10.20.0.5, true",
            "ip:10.20.0.?, ip:10.20.0.55, false",
            "a*b*c, abxbyc, true",
            "a*b*c, abxbycd, false",
            "*.*, a.b.c, true",
            "a??, abc, true",
            "a??, ab, false"})
    void matchesWholeStringsWithStarAndQuestionMark(String glob, String text, boolean matches) {
        assertThat(Glob.matches(glob, text)).isEqualTo(matches);
    }
}
