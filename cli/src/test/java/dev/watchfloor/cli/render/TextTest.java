package dev.watchfloor.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void wrapsAtSpacesWithinTheWidth() {
        assertThat(Text.wrap("Brute force followed by successful login for alice.w", 20))
                .isEqualTo("Brute force followed\nby successful login\nfor alice.w");
    }

    @Test
    void cutsWordsLongerThanTheWidth() {
        assertThat(Text.wrap("sha256 c21ffbd58f0a1c50", 8)).isEqualTo("sha256\nc21ffbd5\n8f0a1c50");
    }

    @Test
    void keepsShortTextAndNull() {
        assertThat(Text.wrap("short", 20)).isEqualTo("short");
        assertThat(Text.wrap(null, 20)).isNull();
    }
}
