package dev.watchfloor.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text RFC 8785 requires for a number: ECMAScript's Number::toString of the IEEE 754 double. The digits are the
 * shortest that read back as the same double (the closest such, when several are as short); they come from
 * {@link Double#toString(double)}, which picks exactly those since JDK 19, except that for a value whose shortest form
 * has one digit it may answer two (4.9E-324 where ECMAScript says 5e-324), so that case is settled here. Only the
 * layout (plain up to 21 integer digits and down to 6 leading zeros, otherwise {@code d.ddde+n}) is ECMAScript's own.
 */
final class JsonNumbers {

    /** 2^53: below it every integer is a double and prints as itself. */
    static final long EXACT_INTEGER_LIMIT = 1L << 53;

    private JsonNumbers() {
    }

    /** ECMAScript text of the value; NaN and the infinities have none and are refused. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("is not valid JSON: " + value + " is not a JSON number");
        }
        if (value == 0) {
            return "0"; // -0 too
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) value);
        }
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            // Java writes these plainly too, with the same digits (its one-digit exception concerns only subnormals)
            return Double.toString(value);
        }
        Decimal decimal = shortest(Math.abs(value));
        StringBuilder out = new StringBuilder(26);
        if (value < 0) {
            out.append('-');
        }
        decimal.appendTo(out);
        return out.toString();
    }

    private static Decimal shortest(double positive) {
        Decimal java = Decimal.parse(Double.toString(positive));
        if (java.digits().length() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(positive);
        BigDecimal down = exact.round(new MathContext(1, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(1, RoundingMode.CEILING));
        boolean downFits = Double.parseDouble(down.toString()) == positive;
        boolean upFits = Double.parseDouble(up.toString()) == positive;
        if (!downFits && !upFits) {
            return java;
        }
        BigDecimal chosen;
        if (downFits && upFits) {
            int side = exact.subtract(down).compareTo(up.subtract(exact));
            chosen = side < 0 || (side == 0 && !down.unscaledValue().testBit(0)) ? down : up;
        } else {
            chosen = downFits ? down : up;
        }
        return Decimal.parse(chosen.toString());
    }

    /** A positive decimal {@code 0.digits × 10^point}, digits without leading or trailing zeros. */
    private record Decimal(String digits, int point) {

        /** Reads Java's forms: {@code 123.45}, {@code 1.0E-5}, {@code 1E+2} (BigDecimal). */
        static Decimal parse(String text) {
            int e = Math.max(text.indexOf('E'), text.indexOf('e'));
            int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            String mantissa = e < 0 ? text : text.substring(0, e);
            int dot = mantissa.indexOf('.');
            String all = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = (dot < 0 ? mantissa.length() : dot) + exponent;
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
                point--;
            }
            int end = all.length();
            while (end > first + 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(all.substring(first, end), point);
        }

        void appendTo(StringBuilder out) {
            int k = digits.length();
            if (k <= point && point <= 21) {
                out.append(digits).repeat('0', point - k);
            } else if (0 < point && point <= 21) {
                out.append(digits, 0, point).append('.').append(digits, point, k);
            } else if (-6 < point && point <= 0) {
                out.append("0.").repeat('0', -point).append(digits);
            } else {
                int exponent = point - 1;
                out.append(digits.charAt(0));
                if (k > 1) {
                    out.append('.').append(digits, 1, k);
                }
                out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
            }
        }
    }
}
