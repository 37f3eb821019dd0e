package dev.watchfloor.redaction.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Made-up secrets and personal values of the right shapes, drawn from a seeded {@link Random}. */
final class FakeValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[] FIRST = {"alice", "bob", "carol", "dmitri", "erin", "farah", "gustavo", "hana"};
    private static final String[] LAST = {"smith", "nguyen", "okafor", "garcia", "muller", "tanaka", "rossi"};
    private static final String[] DOMAINS = {"acme-corp.com", "example.org", "globex.io", "initech.co.uk"};
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

    private final Random random;

    FakeValues(Random random) {
        this.random = random;
    }

    String awsAccessKey() {
        return (random.nextBoolean() ? "AKIA" : "ASIA") + chars(UPPER + "234567", 16);
    }

    String awsSecretKey() {
        return chars(ALNUM + "/+", 40);
    }

    String githubToken() {
        if (random.nextInt(4) == 0) {
            return "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
        }
        return "gh" + "pousr".charAt(random.nextInt(5)) + "_" + chars(ALNUM, 36);
    }

    String slackToken() {
        return "xox" + "bpa".charAt(random.nextInt(3)) + "-" + digits(11) + "-" + digits(12) + "-" + chars(ALNUM, 24);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwt() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode payload = JSON.createObjectNode().put("sub", digits(8)).put("iat",
                1_700_000_000 + random.nextInt(50_000_000));
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        return url.encodeToString(bytes(header)) + "." + url.encodeToString(bytes(payload)) + "."
                + url.encodeToString(signature);
    }

    String privateKey() {
        String kind = new String[]{"RSA ", "EC ", "OPENSSH ", ""}[random.nextInt(4)];
        byte[] body = new byte[48 * (4 + random.nextInt(4))];
        random.nextBytes(body);
        String lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
        return "-----BEGIN " + kind + "PRIVATE KEY-----\n" + lines + "\n-----END " + kind + "PRIVATE KEY-----";
    }

    String password() {
        return chars(ALNUM, 10 + random.nextInt(6)) + "!*-_".charAt(random.nextInt(4)) + chars(ALNUM, 2);
    }

    String email() {
        return FIRST[random.nextInt(FIRST.length)] + "." + LAST[random.nextInt(LAST.length)] + random.nextInt(1000)
                + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    String phone() {
        return switch (random.nextInt(4)) {
            case 0 -> "+1 " + (200 + random.nextInt(800)) + " 555 " + digits(4);
            case 1 -> "+44 20 7946 " + digits(4);
            case 2 -> "(" + (200 + random.nextInt(800)) + ") 555-" + digits(4);
            default -> "07700 900" + digits(3);
        };
    }

    String cardNumber() {
        String prefix = new String[]{"4", "51", "55", "34", "37", "6011"}[random.nextInt(6)];
        int length = prefix.startsWith("3") ? 15 : 16;
        String body = prefix + digits(length - prefix.length() - 1);
        String number = body + luhnCheckDigit(body);
        return switch (random.nextInt(3)) {
            case 0 -> number;
            case 1 -> grouped(number, ' ');
            default -> grouped(number, '-');
        };
    }

    String ssn() {
        int area = 1 + random.nextInt(899);
        if (area == 666) {
            area = 667;
        }
        return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    String nino() {
        char first = NINO_FIRST.charAt(random.nextInt(NINO_FIRST.length()));
        char second = NINO_SECOND.charAt(random.nextInt(NINO_SECOND.length()));
        String prefix = "" + first + second;
        if (prefix.equals("GB") || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ")
                || prefix.equals("BG") || prefix.equals("KN") || prefix.equals("NK")) {
            prefix = "AB";
        }
        String d = digits(6);
        char suffix = "ABCD".charAt(random.nextInt(4));
        return random.nextBoolean()
                ? prefix + d + suffix
                : prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
    }

    String sin() {
        String body = "12345679".charAt(random.nextInt(8)) + digits(7);
        String number = body + luhnCheckDigit(body);
        char sep = random.nextBoolean() ? '-' : ' ';
        return number.substring(0, 3) + sep + number.substring(3, 6) + sep + number.substring(6);
    }

    String chars(String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    String digits(int n) {
        return chars("0123456789", n);
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int d = body.charAt(body.length() - 1 - k) - '0';
            if (k % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String grouped(String number, char separator) {
        StringBuilder s = new StringBuilder();
        int[] groups = number.length() == 15 ? new int[]{4, 6, 5} : new int[]{4, 4, 4, 4};
        int p = 0;
        for (int g : groups) {
            if (p > 0) {
                s.append(separator);
            }
            s.append(number, p, p + g);
            p += g;
        }
        return s.toString();
    }
}
