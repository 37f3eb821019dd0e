package dev.watchfloor.ingest.normalize.vendor.network;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.Timestamps;
import dev.watchfloor.ingest.normalize.ocsf.MapContext;
import dev.watchfloor.ingest.normalize.vendor.identity.Fields;

/**
 * Values as rwcut(1) prints them: times in its formats ({@code --timestamp-format}), durations in seconds, addresses in
 * its {@code --ip-format}s, TCP flags as letters or as an integer ({@code --integer-tcp-flags}).
 */
final class SilkValues {

    private static final BigInteger IPV4_END = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger IPV6_END = BigInteger.ONE.shiftLeft(128);
    /** TCP flag letters in bit order: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128. */
    private static final String FLAG_LETTERS = "FSRPAUEC";

    private SilkValues() {
    }

    /**
     * A time: rwcut's default {@code 2015/06/17T00:00:00.083} (read as ISO, the original text kept), or its
     * {@code iso}, {@code m/d/y} and {@code epoch} forms as they are. rwcut prints no zone; it writes UTC unless told
     * {@code local}, so the source's zone (UTC by default) is assumed.
     */
    static Timestamps.Read time(String text, MapContext ctx) {
        if (text == null || !text.transform(Regexes.matches("\\d{4}/\\d{2}/\\d{2}T.*"))) {
            return ctx.time(text);
        }
        Timestamps.Read read = ctx.time(text.substring(0, 10).replace('/', '-') + text.substring(10));
        return new Timestamps.Read(read.utc(), text, read.flags());
    }

    /** A duration in seconds ({@code 0.006}, or {@code 0} with {@code no-msec}) as milliseconds, or null. */
    static Long millis(String seconds) {
        if (seconds == null || !seconds.transform(Regexes.matches("\\d{1,12}(\\.\\d{1,9})?"))) {
            return null;
        }
        return new BigDecimal(seconds).movePointRight(3).longValue();
    }

    /**
     * An address as text: canonical IPv4 or IPv6 as printed, zero-padded IPv4 ({@code 192.168.040.020}) without its
     * zeros, {@code decimal} integers as IPv4 below 2^32, else IPv6; null when the text is none of these.
     */
    static String address(String text) {
        if (text == null) {
            return null;
        }
        if (text.transform(Regexes.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            StringBuilder ip = new StringBuilder();
            for (String part : text.split("\\.")) {
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return null;
                }
                ip.append(ip.isEmpty() ? "" : ".").append(octet);
            }
            return ip.toString();
        }
        if (Fields.isIp(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (!text.transform(Regexes.matches("\\d{1,39}"))) {
            return null;
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(IPV6_END) >= 0) {
            return null;
        }
        int length = value.compareTo(IPV4_END) < 0 ? 4 : 16;
        byte[] bytes = new byte[length];
        byte[] raw = value.toByteArray(); // big-endian, possibly with a leading sign byte
        for (int i = 0; i < Math.min(length, raw.length); i++) {
            bytes[length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // from bytes: no name lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** TCP flags as the OCSF bit mask: letters ({@code FSA}, or columnar {@code FS PA}) or an integer; else null. */
    static Long tcpFlags(String text) {
        if (text == null) {
            return null;
        }
        if (text.transform(Regexes.matches("\\d{1,3}"))) {
            long value = Long.parseLong(text);
            return value <= 255 ? value : null;
        }
        long mask = 0;
        for (char c : text.toCharArray()) {
            int bit = FLAG_LETTERS.indexOf(Character.toUpperCase(c));
            if (bit >= 0) {
                mask |= 1L << bit;
            } else if (c != ' ') {
                return null;
            }
        }
        return mask;
    }

    /** A port (0-65535), or null: ICMP flows carry type and code in the port fields, and those are not ports. */
    static String port(String text) {
        return text != null && text.transform(Regexes.matches("\\d{1,5}")) && Integer.parseInt(text) <= 65535
                ? text
                : null;
    }

    /**
     * The OCSF direction id of a SiLK flow type of the default {@code twoway} site configuration ({@code in},
     * {@code inweb}, {@code innull}, {@code inicmp}: 1 inbound; {@code out...}: 2 outbound; {@code int2int}: 3
     * lateral), or 0 when the type says nothing about direction ({@code ext2ext}, {@code other}, a site's own types).
     */
    static int direction(String type) {
        String t = Fields.lower(type);
        if (t.equals("int2int")) {
            return 3;
        }
        if (t.transform(Regexes.matches("in(web|null|icmp)?"))) {
            return 1;
        }
        return t.transform(Regexes.matches("out(web|null|icmp)?")) ? 2 : 0;
    }
}
