package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

class CanonicalJsonTest {

    private static final String SECTION_322_INPUT = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
              "literals": [null, true, false]
            }
            """;

    @Test
    void writesTheExampleOfRfc8785Section322() {
        assertThat(CanonicalJson.ofObject(SECTION_322_INPUT)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void givesTheUtf8BytesOfRfc8785Section324() {
        String rfcHex = """
                7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
                75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
                5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
                65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
                5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
                30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
                """.replaceAll("\\s+", "");

        byte[] utf8 = CanonicalJson.utf8(StrictJson.parse(SECTION_322_INPUT));

        assertThat(HexFormat.of().formatHex(utf8)).isEqualTo(rfcHex);
    }

    @Test
    void sortsMemberNamesByUtf16CodeUnitsAsInRfc8785Section323() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        assertThat(CanonicalJson.ofObject(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void sortsNestedObjectsAndKeepsArrayOrder() {
        assertThat(CanonicalJson.ofObject("{ \"b\": [3, {\"z\": 1, \"a\": 2}, 1], \"a\": {\"y\": {}, \"x\": []} }"))
                .isEqualTo("{\"a\":{\"x\":[],\"y\":{}},\"b\":[3,{\"a\":2,\"z\":1},1]}");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void writesTheNumbersOfRfc8785AppendixB(String ieee754, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThat(CanonicalJson.canonicalize(DoubleNode.valueOf(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void refusesNanAndInfinityAsAppendixBSays(String ieee754) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        assertThatThrownBy(() -> CanonicalJson.canonicalize(DoubleNode.valueOf(value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is not valid JSON");
    }

    @Test
    void switchesToExponentFormFrom1e21UpAndBelow1eMinus6() {
        assertThat(number(1e20)).isEqualTo("100000000000000000000");
        assertThat(number(1e21)).isEqualTo("1e+21");
        assertThat(number(1.5e21)).isEqualTo("1.5e+21");
        assertThat(number(1e-6)).isEqualTo("0.000001");
        assertThat(number(1.25e-7)).isEqualTo("1.25e-7");
        assertThat(number(-0.0)).isEqualTo("0");
        assertThat(number(123.456)).isEqualTo("123.456");
        assertThat(number(2e-3)).isEqualTo("0.002");
        assertThat(number(2 * Double.MIN_VALUE)).isEqualTo("1e-323"); // Java's own answer has two digits: 9.9E-324
    }

    @Test
    void writesIntegersBeyond2To53AsTheDoubleTheyStandFor() {
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(Long.MIN_VALUE))).isEqualTo("-9223372036854776000");
        assertThat(CanonicalJson.canonicalize(BigIntegerNode.valueOf(BigInteger.TEN.pow(30)))).isEqualTo("1e+30");
        assertThat(CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("4.50")))).isEqualTo("4.5");
        assertThat(CanonicalJson.canonicalize(LongNode.valueOf(-42))).isEqualTo("-42");
    }

    /**
     * Every double against a slow but evident rule: the fewest digits that read back, the closest of those, the even
     * one of two as close (ECMAScript Number::toString).
     */
    @Test
    void writesRandomDoublesWithTheShortestClosestDigits() {
        Random random = new Random(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value) || value == 0) {
                continue;
            }
            String text = number(value);

            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
            assertThat(new BigDecimal(text).compareTo(shortestClosest(value))).as(text).isZero();
        }
    }

    @Test
    void escapesOnlyQuoteBackslashAndControlCharacters() {
        String text = "q\" b\\ \b\t\n\f\r \u0000\u001f \u007f é € \u2028 /";

        assertThat(CanonicalJson.canonicalize(TextNode.valueOf(text)))
                .isEqualTo("\"q\\\" b\\\\ \\b\\t\\n\\f\\r \\u0000\\u001f \u007f é € \u2028 /\"");
        assertThat(CanonicalJson.utf8(TextNode.valueOf("€")))
                .isEqualTo("\"€\"".getBytes(StandardCharsets.UTF_8))
                .containsSubsequence((byte) 0xe2, (byte) 0x82, (byte) 0xac);
    }

    /** The fast path (eight bytes at a time) against the rule spelled out one char at a time. */
    @Test
    void writesRandomStringsAsACharByCharEncoderWould() {
        char[] alphabet = {'a', 'Z', '0', ' ', '?', '"', '\\', '/', '\n', '\u0001', '\u001f', '\u007f', 'é', '€',
                '\ud83d', '\ude00'};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = random.nextInt(3) == 0
                        ? alphabet[random.nextInt(alphabet.length)]
                        : (char) ('a' + random.nextInt(26));
            }
            String string = new String(text);
            String expected = charByChar(string);

            if (expected == null) {
                assertThatThrownBy(() -> CanonicalJson.canonicalize(TextNode.valueOf(string)))
                        .as(string).hasMessageStartingWith("is not valid JSON");
            } else {
                assertThat(CanonicalJson.utf8(TextNode.valueOf(string)))
                        .as(string).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void refusesStringsWithLoneSurrogates() {
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":\"\\ud800\"}"))
                .hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(TextNode.valueOf("x\udc00")))
                .hasMessageStartingWith("is not valid JSON");
    }

    @Test
    void readsNullOrBlankTextAsTheEmptyObject() {
        assertThat(CanonicalJson.ofObject(null)).isEqualTo("{}");
        assertThat(CanonicalJson.ofObject(" \n ")).isEqualTo("{}");
    }

    @Test
    void refusesTextThatIsNotExactlyOneJsonObject() {
        assertThatThrownBy(() -> CanonicalJson.ofObject("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("must be a JSON object");
        assertThatThrownBy(() -> CanonicalJson.ofObject("\"text\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("must be a JSON object");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1} {\"b\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":NaN}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.ofObject("{\"a\":1e400}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("is not valid JSON");
    }

    @Test
    void givesTheSameTextWhateverTheMemberOrderOrSpacing() {
        String a = CanonicalJson.ofObject("{\"b\":1.0,\"a\":[true,null]}");
        String b = CanonicalJson.ofObject("{ \"a\" : [ true , null ] , \"b\" : 1 }");

        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":[true,null],\"b\":1}");
        assertThat(CanonicalJson.canonicalize(JsonNodeFactory.instance.objectNode())).isEqualTo("{}");
    }

    /** RFC 8785 string form, or null when the text has a lone surrogate. */
    private static String charByChar(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                return null;
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String number(double value) {
        return CanonicalJson.canonicalize(DoubleNode.valueOf(value));
    }

    private static BigDecimal shortestClosest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
            boolean downFits = Double.parseDouble(down.toString()) == value;
            boolean upFits = Double.parseDouble(up.toString()) == value;
            if (downFits && upFits) {
                int side = exact.subtract(down).compareTo(up.subtract(exact));
                boolean downIsEven = !down.unscaledValue().testBit(0);
                return side < 0 || side == 0 && downIsEven ? down : up; // ECMAScript: on a tie, the even one
            }
            if (downFits || upFits) {
                return downFits ? down : up;
            }
        }
        throw new AssertionError("17 digits always suffice");
    }
}
